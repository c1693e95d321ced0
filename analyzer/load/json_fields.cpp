// Typed access to simdjson On-Demand values with errors that name the field and its offset.
#include "load/json_fields.hpp"

#include <fmt/format.h>

namespace meshgraph::load::json {

std::string FieldPath::str() const {
  std::string text;
  for (const Segment& segment : segments_) {
    switch (segment.kind) {
      case Kind::Field:
        if (!text.empty()) text += '.';
        text += segment.text;
        break;
      case Kind::Key: text += fmt::format("['{}']", segment.text); break;
      case Kind::Index: text += fmt::format("[{}]", segment.index); break;
    }
  }
  return text.empty() ? std::string("the top level") : text;
}

std::string_view type_name(json_type type) {
  switch (type) {
    case json_type::array: return "an array";
    case json_type::object: return "an object";
    case json_type::number: return "a number";
    case json_type::string: return "a string";
    case json_type::boolean: return "a boolean";
    case json_type::null: return "null";
  }
  return "an unknown value";
}

namespace {

std::size_t offset_of(const FieldPath& path, const char* location) {
  return location == nullptr ? 0 : static_cast<std::size_t>(location - path.buffer());
}

const char* location_of(Value& value) {
  simdjson::simdjson_result<const char*> location = value.current_location();
  return location.error() ? nullptr : location.value_unsafe();
}

}  // namespace

void fail(const FieldPath& path, Value& value, std::string_view what) {
  throw ShapeError{offset_of(path, location_of(value)), fmt::format("{}: {}", path.str(), what)};
}

void fail_simdjson(const FieldPath& path, simdjson::error_code error, const char* location) {
  throw ShapeError{offset_of(path, location),
                   fmt::format("{}: invalid JSON ({})", path.str(), simdjson::error_message(error))};
}

json_type type_of(const FieldPath& path, Value& value) {
  simdjson::simdjson_result<json_type> type = value.type();
  if (type.error()) fail_simdjson(path, type.error(), location_of(value));
  return type.value_unsafe();
}

namespace {

/// Checks the JSON type before asking simdjson for it, so the error names both types.
void expect(const FieldPath& path, Value& value, json_type wanted) {
  const json_type found = type_of(path, value);
  if (found != wanted) {
    fail(path, value, fmt::format("expected {}, found {}", type_name(wanted), type_name(found)));
  }
}

template <typename T>
T checked(const FieldPath& path, Value& value, simdjson::simdjson_result<T>&& result) {
  if (result.error()) fail_simdjson(path, result.error(), location_of(value));
  return std::move(result).value_unsafe();
}

}  // namespace

simdjson::ondemand::object get_object(const FieldPath& path, Value& value) {
  expect(path, value, json_type::object);
  return checked(path, value, value.get_object());
}

simdjson::ondemand::array get_array(const FieldPath& path, Value& value) {
  expect(path, value, json_type::array);
  return checked(path, value, value.get_array());
}

std::string get_string(const FieldPath& path, Value& value) {
  expect(path, value, json_type::string);
  return std::string(checked(path, value, value.get_string()));
}

bool get_bool(const FieldPath& path, Value& value) {
  expect(path, value, json_type::boolean);
  return checked(path, value, value.get_bool());
}

bool get_bool_or(const FieldPath& path, Value& value, bool fallback) {
  if (type_of(path, value) == json_type::null) return fallback;
  return get_bool(path, value);
}

std::optional<std::string> get_optional_string(const FieldPath& path, Value& value) {
  if (type_of(path, value) == json_type::null) return std::nullopt;
  return get_string(path, value);
}

std::optional<std::string> get_optional_scalar_text(const FieldPath& path, Value& value) {
  switch (type_of(path, value)) {
    case json_type::null: return std::nullopt;
    case json_type::string: return get_string(path, value);
    case json_type::number: {
      std::string_view token = value.raw_json_token();
      while (!token.empty() && (token.back() == ' ' || token.back() == '\n' ||
                                token.back() == '\r' || token.back() == '\t')) {
        token.remove_suffix(1);
      }
      return std::string(token);
    }
    default:
      fail(path, value,
           fmt::format("expected a string or a number, found {}",
                       type_name(type_of(path, value))));
  }
}

std::vector<std::string> get_string_list(const FieldPath& path, Value& value) {
  std::vector<std::string> items;
  if (type_of(path, value) == json_type::null) return items;
  for (simdjson::simdjson_result<Value> element : get_array(path, value)) {
    Value item = checked(path, value, std::move(element));
    items.push_back(get_string(path, item));
  }
  return items;
}

std::vector<std::string> get_string_or_list(const FieldPath& path, Value& value) {
  switch (type_of(path, value)) {
    case json_type::null: return {};
    case json_type::string: return {get_string(path, value)};
    default: return get_string_list(path, value);
  }
}


}  // namespace meshgraph::load::json
