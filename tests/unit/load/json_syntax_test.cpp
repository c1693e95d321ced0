// text_position and find_syntax_error: where a JSON error is, and what it is, on small strings.
#include "load/json_syntax.hpp"

#include <doctest/doctest.h>

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string_view>

namespace meshgraph::load {

namespace {

void check_position(std::string_view text, std::size_t offset, std::uint32_t line,
                    std::uint32_t column) {
  CAPTURE(text);
  CAPTURE(offset);
  const TextPosition position = text_position(text, offset);
  CHECK(position.line == line);
  CHECK(position.column == column);
}

}  // namespace

TEST_CASE("text_position of the first byte is 1:1") { check_position("{}", 0, 1, 1); }

TEST_CASE("text_position starts a new line after each newline") {
  check_position("ab\ncd\n", 4, 2, 2);
  check_position("ab\ncd\n", 6, 3, 1);
}

TEST_CASE("text_position puts a newline on the line it ends") { check_position("ab\ncd", 2, 1, 3); }

TEST_CASE("text_position counts a carriage return as a column, not a line") {
  check_position("ab\r\ncd", 2, 1, 3);
  check_position("ab\r\ncd", 4, 2, 1);
}

TEST_CASE("text_position counts columns in bytes") {
  check_position("\xc3\xa9!", 2, 1, 3);  // 'é' is two bytes in UTF-8
}

TEST_CASE("text_position clamps an offset past the end to the end") {
  check_position("ab", 99, 1, 3);
}

TEST_CASE("find_syntax_error accepts valid JSON") {
  CHECK_FALSE(find_syntax_error("{}").has_value());
  CHECK_FALSE(find_syntax_error("  [1, \"two\", {\"three\": null}]\n").has_value());
}

TEST_CASE("find_syntax_error names what it expected and where") {
  const std::optional<SyntaxError> error = find_syntax_error("{\"a\" 1}");
  REQUIRE(error.has_value());
  CHECK(error->offset == 5);
  CHECK(error->message ==
        "invalid JSON: syntax error while parsing object separator - unexpected number literal; "
        "expected ':'");
}

TEST_CASE("find_syntax_error calls text that stops inside a value truncated") {
  const std::optional<SyntaxError> error = find_syntax_error("{\"a\": \"x");
  REQUIRE(error.has_value());
  CHECK(error->offset == 8);
  CHECK(error->message == "unexpected end of input; the file looks truncated");
}

TEST_CASE("find_syntax_error calls text that stops after a key truncated") {
  const std::optional<SyntaxError> error = find_syntax_error("{\"a\":");
  REQUIRE(error.has_value());
  CHECK(error->offset == 5);
  CHECK(error->message == "unexpected end of input; the file looks truncated");
}

TEST_CASE("find_syntax_error calls empty text truncated at offset 0") {
  const std::optional<SyntaxError> error = find_syntax_error("");
  REQUIRE(error.has_value());
  CHECK(error->offset == 0);
  CHECK(error->message == "unexpected end of input; the file looks truncated");
}

}  // namespace meshgraph::load
