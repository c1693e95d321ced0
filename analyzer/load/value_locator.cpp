// Walks the text along a path with simdjson On-Demand: cheap, and only run for an error.
#include "load/value_locator.hpp"

#include <utility>

namespace meshgraph::load {

namespace {

namespace od = simdjson::ondemand;
using json::PathStep;

/// The field of `object` named by `step` (its `occurrence`-th appearance); its value goes to
/// `value`, the position of its key's opening quote to `key_location`.
bool find_field(od::object object, const PathStep& step, od::value& value, const char*& key_location) {
  std::size_t seen = 0;
  for (simdjson::simdjson_result<od::field> result : object) {
    od::field field;
    if (std::move(result).get(field)) return false;
    const char* quote = field.key().raw() - 1;  // before unescaped_key(), which consumes the key
    std::string_view key;
    if (field.unescaped_key().get(key)) return false;
    if (key != step.text || ++seen != step.occurrence) continue;
    key_location = quote;
    value = field.value();
    return true;
  }
  return false;
}

bool find_element(od::array array, std::size_t index, od::value& value) {
  std::size_t position = 0;
  for (simdjson::simdjson_result<od::value> element : array) {
    if (position++ != index) continue;
    return !std::move(element).get(value);
  }
  return false;
}

}  // namespace

std::optional<std::size_t> locate_value(simdjson::padded_string_view text,
                                        std::span<const PathStep> path, bool at_key) {
  od::parser parser;
  od::document document;
  if (parser.iterate(text).get(document)) return std::nullopt;
  const char* start = text.data();
  if (path.empty()) return 0;
  od::value value;
  const char* key_location = nullptr;
  for (std::size_t i = 0; i < path.size(); ++i) {
    const PathStep& step = path[i];
    bool found = false;
    if (step.kind == PathStep::Kind::Index) {
      od::array array;
      found = i == 0 ? !document.get_array().get(array) : !value.get_array().get(array);
      found = found && find_element(array, step.index, value);
    } else {
      od::object object;
      found = i == 0 ? !document.get_object().get(object) : !value.get_object().get(object);
      found = found && find_field(object, step, value, key_location);
    }
    if (!found) return std::nullopt;
  }
  if (at_key && path.back().kind != PathStep::Kind::Index) {
    return static_cast<std::size_t>(key_location - start);
  }
  const char* location = nullptr;
  if (value.current_location().get(location)) return std::nullopt;
  return static_cast<std::size_t>(location - start);
}

}  // namespace meshgraph::load
