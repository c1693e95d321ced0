// The slow, precise second pass over JSON that simdjson rejected: where, and what was expected.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

#include "load/input_error.hpp"

namespace meshgraph::load {

struct SyntaxError {
  std::size_t offset;  ///< byte offset of the error
  std::string message;
};

/// The first JSON syntax error in `text`, or nullopt when it is valid JSON. Runs only on the
/// error path (simdjson reports error codes, not positions).
std::optional<SyntaxError> find_syntax_error(std::string_view text);

/// 1-based line and byte column of `offset` in `text`.
TextPosition text_position(std::string_view text, std::size_t offset);

}  // namespace meshgraph::load
