// Locates JSON syntax errors with nlohmann/json's SAX parser (no DOM is built), only after
// simdjson has already said the text is not valid.
#include "load/json_syntax.hpp"

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include <cstring>

namespace meshgraph::load {

namespace {

/// Accepts every event; remembers the first parse error.
class ErrorCatcher : public nlohmann::json_sax<nlohmann::json> {
 public:
  bool null() override { return true; }
  bool boolean(bool) override { return true; }
  bool number_integer(number_integer_t) override { return true; }
  bool number_unsigned(number_unsigned_t) override { return true; }
  bool number_float(number_float_t, const string_t&) override { return true; }
  bool string(string_t&) override { return true; }
  bool binary(binary_t&) override { return true; }
  bool start_object(std::size_t) override { return true; }
  bool key(string_t&) override { return true; }
  bool end_object() override { return true; }
  bool start_array(std::size_t) override { return true; }
  bool end_array() override { return true; }
  bool parse_error(std::size_t position, const std::string&,
                   const nlohmann::detail::exception& error) override {
    error_ = SyntaxError{position > 0 ? position - 1 : 0, describe(error.what())};
    return false;
  }

  std::optional<SyntaxError> error() const { return error_; }

 private:
  /// nlohmann says "[json.exception.parse_error.101] parse error at line 1, column 7: syntax
  /// error while parsing value - invalid literal; last read: 'x'"; we keep the reason only,
  /// since the position is printed as FILE:LINE:COL.
  static std::string describe(std::string_view what) {
    if (what.find("unexpected end of input") != std::string_view::npos) {
      return "unexpected end of input; the file looks truncated";
    }
    const std::size_t reason = what.find(": ");
    std::string text(reason == std::string_view::npos ? what : what.substr(reason + 2));
    return "invalid JSON: " + shorten_last_read(text);
  }

  /// nlohmann quotes the whole token it was reading ("last read: '…'"), which may be a string of
  /// megabytes: keep its last characters only, where the error is.
  static std::string shorten_last_read(std::string text) {
    constexpr std::string_view kLastRead = "last read: '";
    constexpr std::size_t kKept = 40;
    const std::size_t start = text.find(kLastRead);
    if (start == std::string::npos) return text;
    const std::size_t quoted = start + kLastRead.size();
    const std::size_t end = text.find("'; expected", quoted);
    const std::size_t quote_end = end == std::string::npos ? text.rfind('\'') : end;
    if (quote_end == std::string::npos || quote_end <= quoted || quote_end - quoted <= kKept) return text;
    std::size_t keep_from = quote_end - kKept;
    // Do not start inside a UTF-8 sequence.
    while (keep_from < quote_end && (static_cast<unsigned char>(text[keep_from]) & 0xC0) == 0x80) ++keep_from;
    return text.substr(0, quoted) + "…" + text.substr(keep_from);
  }

  std::optional<SyntaxError> error_;
};

}  // namespace

std::optional<SyntaxError> find_syntax_error(std::string_view text) {
  ErrorCatcher catcher;
  nlohmann::json::sax_parse(text.begin(), text.end(), &catcher);
  std::optional<SyntaxError> error = catcher.error();
  // nlohmann's lexer takes a raw NUL byte for the end of the input: a NUL it stopped at (or,
  // when it found nothing wrong, any NUL) is the error. A NUL inside a string is reported by
  // nlohmann itself, as an unescaped control character, at the NUL.
  const void* nul = std::memchr(text.data(), '\0', text.size());
  if (nul != nullptr) {
    const auto nul_offset = static_cast<std::size_t>(static_cast<const char*>(nul) - text.data());
    const bool stopped_there = error && error->offset >= nul_offset &&
                               error->message.starts_with("unexpected end of input");
    if (!error || stopped_there) return SyntaxError{nul_offset, "invalid JSON: unexpected NUL byte"};
  }
  // An error at the very end (an unclosed string, object or array) means the text stops early:
  // say so, since the usual cause is an interrupted write or download.
  if (error && error->offset >= text.size()) {
    error->message = "unexpected end of input; the file looks truncated";
  }
  return error;
}

namespace {

/// Calls `on_byte(offset, byte)` for every byte outside strings, until it returns false.
template <typename OnByte>
void scan_outside_strings(std::string_view text, OnByte&& on_byte) {
  bool in_string = false;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (in_string) {
      if (c == '\\') ++i;
      else if (c == '"') in_string = false;
      continue;
    }
    if (c == '"') in_string = true;
    else if (!on_byte(i, c)) return;
  }
}

/// Where nesting first goes deeper than `limit`.
std::optional<std::size_t> find_too_deep(std::string_view text, std::size_t limit) {
  std::optional<std::size_t> found;
  std::size_t depth = 0;
  scan_outside_strings(text, [&](std::size_t offset, char c) {
    if (c == '{' || c == '[') {
      if (++depth > limit) {
        found = offset;
        return false;
      }
    } else if (c == '}' || c == ']') {
      if (depth > 0) --depth;
    }
    return true;
  });
  return found;
}

/// The first integer with more digits than a 64-bit integer can have.
std::optional<std::size_t> find_wide_integer(std::string_view text) {
  std::optional<std::size_t> found;
  std::size_t run_start = 0;
  std::size_t run = 0;
  scan_outside_strings(text, [&](std::size_t offset, char c) {
    if (c >= '0' && c <= '9') {
      if (run++ == 0) run_start = offset;
      if (run > 19) {
        found = run_start;
        return false;
      }
    } else {
      run = 0;
    }
    return true;
  });
  return found;
}

}  // namespace

JsonProblem explain_json_error(std::string_view text, simdjson::error_code error) {
  if (error == simdjson::DEPTH_ERROR) {
    if (std::optional<std::size_t> offset = find_too_deep(text, simdjson::DEFAULT_MAX_DEPTH)) {
      return {offset, fmt::format("JSON nested more than {} levels deep; no dbt manifest is",
                                  simdjson::DEFAULT_MAX_DEPTH)};
    }
  }
  if (std::optional<SyntaxError> syntax = find_syntax_error(text)) {
    return {syntax->offset, syntax->message};
  }
  // Valid JSON that simdjson refuses: an integer too wide for 64 bits (simdjson 3.0 says
  // NUMBER_ERROR; Python reads it, so a user's `meta` may hold one).
  if (error == simdjson::NUMBER_ERROR) {
    if (std::optional<std::size_t> offset = find_wide_integer(text)) {
      return {offset, "a number wider than 64 bits; meshgraph reads integers of up to 64 bits"};
    }
  }
  return {std::nullopt, fmt::format("invalid JSON ({})", simdjson::error_message(error))};
}

TextPosition text_position(std::string_view text, std::size_t offset) {
  TextPosition position{1, 1};
  const std::size_t end = std::min(offset, text.size());
  for (std::size_t i = 0; i < end; ++i) {
    if (text[i] == '\n') {
      ++position.line;
      position.column = 1;
    } else {
      ++position.column;
    }
  }
  return position;
}

}  // namespace meshgraph::load
