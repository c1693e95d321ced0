// Typed access to simdjson On-Demand values that fails with a message naming the field.
// Internal to load/: a wrong JSON type becomes a ShapeError carrying the byte offset.
#pragma once

#include <simdjson.h>

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace meshgraph::load::json {

using simdjson::ondemand::json_type;
using Value = simdjson::ondemand::value;

/// A value of the wrong shape, or JSON simdjson could not read; `offset` is into the file.
struct ShapeError {
  std::size_t offset;
  std::string message;
};

/// A map key, shown as ['model.p.m'] in a path rather than as a field name.
struct MapKey {
  std::string_view key;
};

/// Where the reader is, for messages: `nodes['model.p.m'].refs[2]`. Segments are views (field
/// names, map keys in simdjson's string buffer) and indices, kept without allocating, and only
/// formatted when there is an error to report.
class FieldPath {
 public:
  explicit FieldPath(const char* buffer) : buffer_(buffer) { segments_.reserve(16); }

  void push_field(std::string_view name) { segments_.push_back({Kind::Field, name, 0}); }
  void push_key(std::string_view key) { segments_.push_back({Kind::Key, key, 0}); }
  void push_index(std::size_t index) { segments_.push_back({Kind::Index, {}, index}); }
  void pop() { segments_.pop_back(); }
  std::string str() const;
  const char* buffer() const { return buffer_; }

 private:
  enum class Kind : std::uint8_t { Field, Key, Index };
  struct Segment {
    Kind kind;
    std::string_view text;
    std::size_t index;
  };
  const char* buffer_;
  std::vector<Segment> segments_;
};

/// Pushes a path segment for the lifetime of a scope. The viewed text must outlive the scope.
class Scope {
 public:
  Scope(FieldPath& path, std::string_view field) : path_(path) { path_.push_field(field); }
  Scope(FieldPath& path, MapKey key) : path_(path) { path_.push_key(key.key); }
  Scope(FieldPath& path, std::size_t index) : path_(path) { path_.push_index(index); }
  ~Scope() { path_.pop(); }
  Scope(const Scope&) = delete;
  Scope& operator=(const Scope&) = delete;

 private:
  FieldPath& path_;
};

std::string_view type_name(json_type type);

/// Throws ShapeError for `error`, at the value's position when simdjson still knows it.
[[noreturn]] void fail(const FieldPath& path, Value& value, std::string_view what);
[[noreturn]] void fail_simdjson(const FieldPath& path, simdjson::error_code error,
                                const char* location);

json_type type_of(const FieldPath& path, Value& value);
simdjson::ondemand::object get_object(const FieldPath& path, Value& value);
simdjson::ondemand::array get_array(const FieldPath& path, Value& value);
std::string get_string(const FieldPath& path, Value& value);
bool get_bool(const FieldPath& path, Value& value);
/// null → `fallback` (dbt Fusion writes null where dbt-core writes a default); else a boolean.
bool get_bool_or(const FieldPath& path, Value& value, bool fallback);
/// null → nullopt; a string → its text; anything else is a shape error.
std::optional<std::string> get_optional_string(const FieldPath& path, Value& value);
/// null → nullopt; a string or number → its text. Numbers keep their JSON spelling, so a
/// version written `2` and one written `"2"` both read "2" (dbt formats ids with str()).
std::optional<std::string> get_optional_scalar_text(const FieldPath& path, Value& value);
/// A list of strings; null reads as empty (older dbt writes null for some empty lists).
std::vector<std::string> get_string_list(const FieldPath& path, Value& value);
/// A string or a list of strings (dbt 1.10 owner.email), or null.
std::vector<std::string> get_string_or_list(const FieldPath& path, Value& value);


}  // namespace meshgraph::load::json
