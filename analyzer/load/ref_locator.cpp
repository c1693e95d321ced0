// Scans SQL+Jinja text for ref('name'), ref('pkg', 'name'), ref('name', v=2) calls.
#include "load/ref_locator.hpp"

#include <cctype>
#include <optional>
#include <string>
#include <utility>

namespace meshgraph::load {

namespace {

/// A `ref(...)` call found in the SQL: its literal arguments and where it stands.
struct RefCall {
  std::string name;
  std::optional<std::string> package;
  std::optional<std::string> version;
  std::uint32_t line = 0;
  std::uint32_t column = 0;
  bool used = false;
};

bool is_identifier_char(char c) {
  return std::isalnum(static_cast<unsigned char>(c)) != 0 || c == '_';
}

class Scanner {
 public:
  explicit Scanner(std::string_view text) : text_(text) {}

  void skip_space() {
    while (pos_ < text_.size() && std::isspace(static_cast<unsigned char>(text_[pos_])) != 0) {
      ++pos_;
    }
  }
  bool take(char c) {
    skip_space();
    if (pos_ < text_.size() && text_[pos_] == c) {
      ++pos_;
      return true;
    }
    return false;
  }
  std::optional<std::string> string_literal() {
    skip_space();
    if (pos_ >= text_.size() || (text_[pos_] != '\'' && text_[pos_] != '"')) return std::nullopt;
    const char quote = text_[pos_++];
    const std::size_t end = text_.find(quote, pos_);
    if (end == std::string_view::npos) return std::nullopt;
    std::string value(text_.substr(pos_, end - pos_));
    pos_ = end + 1;
    return value;
  }
  std::string_view word() {
    skip_space();
    const std::size_t start = pos_;
    while (pos_ < text_.size() && (is_identifier_char(text_[pos_]) || text_[pos_] == '.')) ++pos_;
    return text_.substr(start, pos_ - start);
  }
  /// A version argument: a quoted string or a bare number, kept as written.
  std::optional<std::string> version_value() {
    if (std::optional<std::string> quoted = string_literal()) return quoted;
    std::string_view bare = word();
    if (bare.empty()) return std::nullopt;
    return std::string(bare);
  }
  std::size_t position() const { return pos_; }
  void seek(std::size_t pos) { pos_ = pos; }

 private:
  std::string_view text_;
  std::size_t pos_ = 0;
};

/// Parses the arguments after `ref(`; nullopt when they are not plain literals.
std::optional<RefCall> parse_ref_arguments(Scanner& scanner) {
  std::vector<std::string> names;
  std::optional<std::string> version;
  while (true) {
    if (std::optional<std::string> literal = scanner.string_literal()) {
      names.push_back(std::move(*literal));
    } else {
      const std::string_view keyword = scanner.word();
      if ((keyword != "v" && keyword != "version") || !scanner.take('=')) return std::nullopt;
      version = scanner.version_value();
      if (!version) return std::nullopt;
    }
    if (scanner.take(')')) break;
    if (!scanner.take(',')) return std::nullopt;
  }
  if (names.empty() || names.size() > 2) return std::nullopt;
  RefCall call;
  call.name = std::move(names.back());
  if (names.size() == 2) call.package = std::move(names.front());
  call.version = std::move(version);
  return call;
}

/// Counts lines as the scan moves forward, so a position's line costs one pass in all.
class LineCounter {
 public:
  explicit LineCounter(std::string_view text) : text_(text) {}
  /// Line and 1-based column of `pos`; positions must not go backwards.
  std::pair<std::uint32_t, std::uint32_t> at(std::size_t pos) {
    for (std::size_t nl = text_.find('\n', counted_); nl != std::string_view::npos && nl < pos;
         nl = text_.find('\n', nl + 1)) {
      ++line_;
      line_start_ = nl + 1;
    }
    counted_ = pos;
    return {line_, static_cast<std::uint32_t>(pos - line_start_ + 1)};
  }

 private:
  std::string_view text_;
  std::size_t counted_ = 0;
  std::size_t line_start_ = 0;
  std::uint32_t line_ = 1;
};

std::vector<RefCall> find_ref_calls(std::string_view raw_code) {
  constexpr std::size_t npos = std::string_view::npos;
  std::vector<RefCall> calls;
  LineCounter lines(raw_code);
  std::size_t comment = raw_code.find("{#");
  for (std::size_t pos = 0;;) {
    const std::size_t at = raw_code.find("ref", pos);
    if (at == npos) break;
    if (comment != npos && comment < at) {
      // dbt records no ref written inside a Jinja comment: continue after it.
      const std::size_t comment_end = raw_code.find("#}", comment + 2);
      if (comment_end == npos) break;
      pos = comment_end + 2;
      comment = raw_code.find("{#", pos);
      continue;
    }
    pos = at + 3;
    if (at > 0 && (is_identifier_char(raw_code[at - 1]) || raw_code[at - 1] == '.')) continue;
    Scanner scanner(raw_code);
    scanner.seek(at + 3);
    if (!scanner.take('(')) continue;
    if (std::optional<RefCall> call = parse_ref_arguments(scanner)) {
      const auto [line, column] = lines.at(at);
      call->line = line;
      call->column = column;
      calls.push_back(std::move(*call));
    }
  }
  return calls;
}

bool same_call(const RefCall& call, const Ref& ref) {
  return ref.name == call.name && ref.package == call.package && ref.version == call.version;
}

}  // namespace

void locate_refs(std::string_view raw_code, std::vector<Ref>& refs) {
  std::vector<RefCall> calls = find_ref_calls(raw_code);
  for (Ref& ref : refs) {
    for (RefCall& call : calls) {
      if (!call.used && same_call(call, ref)) {
        call.used = true;
        ref.line = call.line;
        ref.column = call.column;
        break;
      }
    }
  }
}

}  // namespace meshgraph::load
