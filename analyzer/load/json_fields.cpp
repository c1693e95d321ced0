// Typed access to simdjson DOM values with errors that name the field.
#include "load/json_fields.hpp"

#include <fmt/format.h>

#include <charconv>
#include <cstdlib>

namespace meshgraph::load::json {

namespace {

/// Keys and quoted values longer than this are cut in messages.
constexpr std::size_t kQuoteLimit = 60;

std::string_view shorten(std::string_view text, bool& cut) {
  cut = text.size() > kQuoteLimit;
  if (!cut) return text;
  std::size_t end = kQuoteLimit;
  // Do not cut a UTF-8 sequence in half: back up to the start of the character.
  while (end > 0 && (static_cast<unsigned char>(text[end]) & 0xC0) == 0x80) --end;
  return text.substr(0, end);
}

}  // namespace

std::string quote(std::string_view text) {
  bool cut = false;
  const std::string_view shown = shorten(text, cut);
  return cut ? fmt::format("'{}…' ({} bytes)", shown, text.size()) : fmt::format("'{}'", shown);
}

std::string FieldPath::str() const {
  std::string text;
  for (const Segment& segment : segments_) {
    switch (segment.kind) {
      case Kind::Field:
        if (!text.empty()) text += '.';
        text += segment.text;
        break;
      case Kind::Key: {
        bool cut = false;
        const std::string_view shown = shorten(segment.text, cut);
        text += fmt::format("['{}{}']", shown, cut ? "…" : "");
        break;
      }
      case Kind::Index: text += fmt::format("[{}]", segment.index); break;
    }
  }
  return text.empty() ? std::string("the top level") : text;
}

std::vector<PathStep> FieldPath::steps() const {
  std::vector<PathStep> steps;
  steps.reserve(segments_.size());
  for (const Segment& segment : segments_) {
    switch (segment.kind) {
      case Kind::Field: steps.push_back({PathStep::Kind::Field, std::string(segment.text)}); break;
      case Kind::Key: steps.push_back({PathStep::Kind::Key, std::string(segment.text)}); break;
      case Kind::Index: steps.push_back({PathStep::Kind::Index, {}, segment.index}); break;
    }
  }
  return steps;
}

std::string_view type_name(ElementType type) {
  switch (type) {
    case ElementType::ARRAY: return "an array";
    case ElementType::OBJECT: return "an object";
    case ElementType::INT64:
    case ElementType::UINT64:
    case ElementType::DOUBLE: return "a number";
    case ElementType::STRING: return "a string";
    case ElementType::BOOL: return "a boolean";
    case ElementType::NULL_VALUE: return "null";
  }
  return "an unknown value";
}

void fail(const FieldPath& path, std::string_view what) {
  throw ShapeError{path.steps(), fmt::format("{}: {}", path.str(), what)};
}

namespace {

/// Checks the JSON type before reading the value, so the error names both types.
void expect(const FieldPath& path, Element value, ElementType wanted) {
  const ElementType found = value.type();
  if (found != wanted) {
    fail(path, fmt::format("expected {}, found {}", type_name(wanted), type_name(found)));
  }
}

}  // namespace

Object get_object(const FieldPath& path, Element value) {
  expect(path, value, ElementType::OBJECT);
  return value.get_object().value_unsafe();
}

Array get_array(const FieldPath& path, Element value) {
  expect(path, value, ElementType::ARRAY);
  return value.get_array().value_unsafe();
}

std::string_view get_string(const FieldPath& path, Element value) {
  expect(path, value, ElementType::STRING);
  return value.get_string().value_unsafe();
}

bool get_bool(const FieldPath& path, Element value) {
  expect(path, value, ElementType::BOOL);
  return value.get_bool().value_unsafe();
}

bool get_bool_or(const FieldPath& path, Element value, bool fallback) {
  if (value.is_null()) return fallback;
  return get_bool(path, value);
}

std::optional<std::string_view> get_optional_string(const FieldPath& path, Element value) {
  if (value.is_null()) return std::nullopt;
  return get_string(path, value);
}

std::string python_float_text(double value) {
  // Shortest digits that read back as the same double, as Python's repr; then Python's layout:
  // positional for exponents -4..15 (with ".0" when there is no fraction), else d.ddde±XX.
  char buffer[64];
  const std::to_chars_result result =
      std::to_chars(buffer, buffer + sizeof buffer, value, std::chars_format::scientific);
  std::string_view scientific(buffer, static_cast<std::size_t>(result.ptr - buffer));
  std::string sign;
  if (scientific.starts_with('-')) {
    sign = "-";
    scientific.remove_prefix(1);
  }
  const std::size_t e = scientific.find('e');
  std::string digits(scientific.substr(0, e));
  std::erase(digits, '.');
  const int exponent = std::atoi(std::string(scientific.substr(e + 1)).c_str());
  if (exponent >= -4 && exponent < 16) {
    std::string text;
    if (exponent < 0) {
      text = "0." + std::string(static_cast<std::size_t>(-exponent - 1), '0') + digits;
    } else if (static_cast<std::size_t>(exponent) + 1 >= digits.size()) {
      text = digits + std::string(static_cast<std::size_t>(exponent) + 1 - digits.size(), '0') + ".0";
    } else {
      text = digits.substr(0, static_cast<std::size_t>(exponent) + 1) + "." +
             digits.substr(static_cast<std::size_t>(exponent) + 1);
    }
    return sign + text;
  }
  std::string mantissa = digits.substr(0, 1);
  if (digits.size() > 1) mantissa += "." + digits.substr(1);
  return fmt::format("{}{}e{}{:02}", sign, mantissa, exponent < 0 ? '-' : '+', std::abs(exponent));
}

std::optional<std::string> get_optional_scalar_text(const FieldPath& path, Element value) {
  switch (value.type()) {
    case ElementType::NULL_VALUE: return std::nullopt;
    case ElementType::STRING: return std::string(value.get_string().value_unsafe());
    case ElementType::INT64: return std::to_string(value.get_int64().value_unsafe());
    case ElementType::UINT64: return std::to_string(value.get_uint64().value_unsafe());
    case ElementType::DOUBLE: return python_float_text(value.get_double().value_unsafe());
    default:
      fail(path, fmt::format("expected a string or a number, found {}", type_name(value.type())));
  }
}

std::vector<std::string> get_string_list(FieldPath& path, Element value) {
  std::vector<std::string> items;
  if (value.is_null()) return items;
  std::size_t index = 0;
  for (Element item : get_array(path, value)) {
    Scope scope(path, index++);
    items.emplace_back(get_string(path, item));
  }
  return items;
}

std::vector<std::string> get_string_or_list(FieldPath& path, Element value) {
  switch (value.type()) {
    case ElementType::NULL_VALUE: return {};
    case ElementType::STRING: return {std::string(value.get_string().value_unsafe())};
    case ElementType::ARRAY: return get_string_list(path, value);
    default:
      fail(path, fmt::format("expected a string or an array, found {}", type_name(value.type())));
  }
}

}  // namespace meshgraph::load::json
