// The slow, precise second pass over JSON that simdjson rejected: where, and what was expected.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

#include <simdjson.h>

#include "load/input_error.hpp"

namespace meshgraph::load {

struct SyntaxError {
  std::size_t offset;  ///< byte offset of the error
  std::string message;
};

/// The first JSON syntax error in `text`, or nullopt when it is valid JSON. Runs only on the
/// error path (simdjson reports error codes, not positions).
std::optional<SyntaxError> find_syntax_error(std::string_view text);

/// Why simdjson refused a text, for the user: the message and, when found, the byte offset.
struct JsonProblem {
  std::optional<std::size_t> offset;
  std::string message;
};

/// Explains simdjson's `error` for `text`: nesting deeper than simdjson's limit by a scan of the
/// text, syntax errors with find_syntax_error, then integers wider than 64 bits (valid JSON
/// that simdjson does not read).
JsonProblem explain_json_error(std::string_view text, simdjson::error_code error);

/// 1-based line and byte column of `offset` in `text`.
TextPosition text_position(std::string_view text, std::size_t offset);

}  // namespace meshgraph::load
