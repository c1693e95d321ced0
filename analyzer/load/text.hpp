// The strings of a manifest: views into one store per manifest, instead of a std::string each.
//
// Why: a 414 MB mesh has 100,000 nodes and 300,000 columns; as std::string every unique_id,
// path, name and type was its own allocation (32 bytes inline, plus a heap block when longer
// than 15 characters), and strings were a third of check's memory. A Text is 16 bytes and its
// characters sit back to back in the manifest's TextStore; repeated values (packages, groups,
// materializations, data types, ref names) are stored once.
#pragma once

#include <fmt/format.h>

#include <cstddef>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_set>
#include <vector>

namespace meshgraph::load {

/// Read-only text that lives in a TextStore (or is a string literal). It reads as a
/// std::string_view; it cannot be made from a std::string or a view of one, so a Text never
/// outlives the characters it points at: store them first (TextStore::store).
class Text : public std::string_view {
 public:
  constexpr Text() = default;
  /// A string literal: static storage, nothing to store. (A char array on the stack converts
  /// too and would dangle; `consteval` would refuse it, but clang 14 crashes generating code for
  /// `optional<Text>::value_or(Text("…"))` with a consteval constructor.)
  template <std::size_t N>
  constexpr Text(const char (&literal)[N]) : std::string_view(literal, N - 1) {}  // NOLINT: implicit on purpose

  /// A copy, for reports and messages, which own their strings (a std::string_view converts
  /// only explicitly; a Text is meant to be copied out where a string is needed).
  operator std::string() const { return std::string(data(), size()); }  // NOLINT: implicit on purpose

  /// Part of this text, itself a Text: it points into the same stored characters.
  constexpr Text part(std::size_t position, std::size_t count = npos) const {
    return Text(substr(position, count));
  }

 private:
  friend class TextStore;
  constexpr explicit Text(std::string_view stored) : std::string_view(stored) {}
};

/// A Text or none, in the size of a Text (a std::optional<Text> takes half as much again): none
/// is a null pointer, and a present empty text points at a static "". For the fields of which
/// a large manifest has 100,000s (a ref's package and version).
class OptionalText {
 public:
  constexpr OptionalText() = default;
  constexpr OptionalText(std::nullopt_t) {}  // NOLINT: implicit, as for std::optional
  constexpr OptionalText(Text text)
      : text_(text.data() != nullptr ? text : Text("")) {}  // NOLINT: implicit

  constexpr bool has_value() const { return text_.data() != nullptr; }
  constexpr explicit operator bool() const { return has_value(); }
  constexpr const Text& operator*() const { return text_; }
  constexpr const Text* operator->() const { return &text_; }
  constexpr Text value_or(Text fallback) const { return has_value() ? text_ : fallback; }

  friend constexpr bool operator==(const OptionalText& a, const OptionalText& b) {
    return a.has_value() == b.has_value() && std::string_view(a.text_) == std::string_view(b.text_);
  }
  /// Equal to a std::optional of anything that reads as a string_view, as optionals compare.
  /// (No comparison with a plain string: std::optional's own mixed operator== would then take
  /// an OptionalText for a value, and `std::optional<Text>() == OptionalText()` be false.)
  template <typename Value>
  friend bool operator==(const OptionalText& a, const std::optional<Value>& b) {
    return a.has_value() == b.has_value() &&
           (!b || std::string_view(a.text_) == std::string_view(*b));
  }

 private:
  Text text_;
};

/// An append-only store of characters in large blocks; what it hands out stays valid (and in
/// place) until the store is destroyed. Not thread-safe: one per manifest, filled by one reader.
class TextStore {
 public:
  TextStore() = default;
  TextStore(const TextStore&) = delete;
  TextStore& operator=(const TextStore&) = delete;

  /// A copy of `text` in the store.
  Text store(std::string_view text);
  /// The same, but a value stored before through intern() is shared rather than copied again:
  /// for values that repeat across nodes (packages, groups, types).
  Text intern(std::string_view text);

  /// Takes over the blocks of `other` (filled by another thread), whose Texts stay valid and
  /// now live as long as this store. Values interned in `other` are not shared with later
  /// intern() calls here: at worst stored twice.
  void adopt(TextStore& other);

  /// Bytes held in blocks (for benchmarks).
  std::size_t capacity() const { return capacity_; }

 private:
  /// Room for `size` characters, handed out as Text once filled.
  char* reserve(std::size_t size);

  std::vector<std::unique_ptr<char[]>> blocks_;
  char* next_ = nullptr;
  std::size_t left_ = 0;
  std::size_t capacity_ = 0;
  std::unordered_set<std::string_view> interned_;
};

}  // namespace meshgraph::load

template <>
struct fmt::formatter<meshgraph::load::Text> : fmt::formatter<std::string_view> {
  template <typename FormatContext>
  auto format(const meshgraph::load::Text& text, FormatContext& context) const {
    return fmt::formatter<std::string_view>::format(std::string_view(text), context);
  }
};

/// Hashes as the std::string_view it is, so that Text and string_view keys mix in hash maps.
template <>
struct std::hash<meshgraph::load::Text> : std::hash<std::string_view> {};
