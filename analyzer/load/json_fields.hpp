// Typed access to a parsed (simdjson DOM) manifest that fails with a message naming the field.
// Internal to load/: a wrong JSON type becomes a ShapeError carrying the field's path, which
// the reader turns into a line:col in the file (load/value_locator.hpp).
#pragma once

#include <simdjson.h>

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace meshgraph::load::json {

using Element = simdjson::dom::element;
using Object = simdjson::dom::object;
using Array = simdjson::dom::array;
using ElementType = simdjson::dom::element_type;

/// One step of a path into the JSON text: a field name or map key of an object (its
/// `occurrence`-th appearance, counting from 1, when a key is given twice), or an array index.
struct PathStep {
  enum class Kind : std::uint8_t { Field, Key, Index };
  Kind kind;
  std::string text;
  std::size_t index = 0;
  std::size_t occurrence = 1;
};

/// A value of the wrong shape. `path` leads to it from the top-level object; `at_key` says the
/// error is about the last step's key, not its value (a key given twice).
struct ShapeError {
  std::vector<PathStep> path;
  std::string message;
  bool at_key = false;
};

/// A map key, shown as ['model.p.m'] in a path rather than as a field name.
struct MapKey {
  std::string_view key;
};

/// Where the reader is, for messages: `nodes['model.p.m'].refs[2]`. Segments are views (field
/// names, map keys in the parser's string buffer) and indices, kept without allocating, and only
/// formatted when there is an error to report.
class FieldPath {
 public:
  FieldPath() { segments_.reserve(16); }

  void push_field(std::string_view name) { segments_.push_back({Kind::Field, name, 0}); }
  void push_key(std::string_view key) { segments_.push_back({Kind::Key, key, 0}); }
  void push_index(std::size_t index) { segments_.push_back({Kind::Index, {}, index}); }
  void pop() { segments_.pop_back(); }
  /// `nodes['model.p.m'].refs[2]`; long keys are shortened, so a message stays one line.
  std::string str() const;
  /// The same path as owned steps, for a ShapeError.
  std::vector<PathStep> steps() const;

 private:
  enum class Kind : std::uint8_t { Field, Key, Index };
  struct Segment {
    Kind kind;
    std::string_view text;
    std::size_t index;
  };
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

std::string_view type_name(ElementType type);

/// `text` in single quotes for a message, cut to its first 60 characters (a value can be
/// megabytes long, and an error is one line).
std::string quote(std::string_view text);

/// Throws ShapeError "<path>: <what>" for the value at `path`.
[[noreturn]] void fail(const FieldPath& path, std::string_view what);

Object get_object(const FieldPath& path, Element value);
Array get_array(const FieldPath& path, Element value);
std::string_view get_string(const FieldPath& path, Element value);
bool get_bool(const FieldPath& path, Element value);
/// null → `fallback` (dbt Fusion writes null where dbt-core writes a default); else a boolean.
bool get_bool_or(const FieldPath& path, Element value, bool fallback);
/// null → nullopt; a string → its text; anything else is a shape error.
std::optional<std::string_view> get_optional_string(const FieldPath& path, Element value);
/// null → ""; a string → its text.
inline std::string_view get_string_or_empty(const FieldPath& path, Element value) {
  return get_optional_string(path, value).value_or(std::string_view());
}
/// null → nullopt; a string → its text; a number → the text Python's str() gives it, which
/// is how dbt spells version ids in unique_ids (`2` → "2", `2.0` → "2.0", `2.50` → "2.5").
std::optional<std::string> get_optional_scalar_text(const FieldPath& path, Element value);
/// A list of strings; null reads as empty (older dbt writes null for some empty lists).
std::vector<std::string> get_string_list(FieldPath& path, Element value);
/// A string or a list of strings (dbt 1.10 owner.email), or null.
std::vector<std::string> get_string_or_list(FieldPath& path, Element value);

/// Python's str() of a float, as dbt writes a float version into a unique_id.
std::string python_float_text(double value);

}  // namespace meshgraph::load::json
