// Locates JSON syntax errors with nlohmann/json's SAX parser (no DOM is built), only after
// simdjson has already said the text is not valid.
#include "load/json_syntax.hpp"

#include <nlohmann/json.hpp>

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
    return "invalid JSON: " + text;
  }

  std::optional<SyntaxError> error_;
};

}  // namespace

std::optional<SyntaxError> find_syntax_error(std::string_view text) {
  ErrorCatcher catcher;
  nlohmann::json::sax_parse(text.begin(), text.end(), &catcher);
  std::optional<SyntaxError> error = catcher.error();
  // An error at the very end (an unclosed string, object or array) means the text stops early:
  // say so, since the usual cause is an interrupted write or download.
  if (error && error->offset >= text.size()) {
    error->message = "unexpected end of input; the file looks truncated";
  }
  return error;
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
