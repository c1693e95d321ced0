// Finds where a value stands in a manifest's text, for an error message. The DOM the reader
// walks keeps no source positions, so on the error path (only there) the text is walked again,
// with simdjson On-Demand, along the path to the value.
#pragma once

#include <simdjson.h>

#include <cstddef>
#include <optional>
#include <span>

#include "load/json_fields.hpp"

namespace meshgraph::load {

/// The byte offset of the value at `path` in `text` (of its key when `at_key`), or nullopt when
/// the path does not lead anywhere in that text.
std::optional<std::size_t> locate_value(simdjson::padded_string_view text,
                                        std::span<const json::PathStep> path, bool at_key);

}  // namespace meshgraph::load
