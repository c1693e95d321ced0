// Scans SQL+Jinja text for ref('name'), ref('pkg', 'name'), ref('name', v=2) calls.
#include "load/ref_locator.hpp"

#include <cctype>
#include <optional>
#include <string>

namespace meshgraph::load {

namespace {

struct RefCall {
  Ref ref;
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
std::optional<Ref> parse_ref_arguments(Scanner& scanner) {
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
  Ref ref;
  ref.name = names.back();
  if (names.size() == 2) ref.package = names.front();
  ref.version = version;
  return ref;
}

std::vector<RefCall> find_ref_calls(std::string_view raw_code) {
  std::vector<RefCall> calls;
  std::uint32_t line = 1;
  std::size_t line_start = 0;
  for (std::size_t i = 0; i + 3 < raw_code.size(); ++i) {
    if (raw_code[i] == '\n') {
      ++line;
      line_start = i + 1;
      continue;
    }
    // dbt records no ref written inside a Jinja comment: skip the comment, counting its lines.
    if (raw_code.compare(i, 2, "{#") == 0) {
      const std::size_t end = raw_code.find("#}", i + 2);
      const std::size_t stop = end == std::string_view::npos ? raw_code.size() : end + 2;
      for (; i < stop - 1; ++i) {
        if (raw_code[i] == '\n') {
          ++line;
          line_start = i + 1;
        }
      }
      continue;
    }
    if (raw_code.compare(i, 3, "ref") != 0) continue;
    if (i > 0 && (is_identifier_char(raw_code[i - 1]) || raw_code[i - 1] == '.')) continue;
    Scanner scanner(raw_code);
    scanner.seek(i + 3);
    if (!scanner.take('(')) continue;
    if (std::optional<Ref> ref = parse_ref_arguments(scanner)) {
      ref->line = line;
      ref->column = static_cast<std::uint32_t>(i - line_start + 1);
      calls.push_back(RefCall{std::move(*ref)});
    }
  }
  return calls;
}

bool same_call(const Ref& call, const Ref& ref) {
  return call.name == ref.name && call.package == ref.package && call.version == ref.version;
}

}  // namespace

void locate_refs(std::string_view raw_code, std::vector<Ref>& refs) {
  std::vector<RefCall> calls = find_ref_calls(raw_code);
  for (Ref& ref : refs) {
    for (RefCall& call : calls) {
      if (!call.used && same_call(call.ref, ref)) {
        call.used = true;
        ref.line = call.ref.line;
        ref.column = call.ref.column;
        break;
      }
    }
  }
}

}  // namespace meshgraph::load
