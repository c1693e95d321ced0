// Escapers for each output syntax.
#include "report/escape.hpp"

#include <fmt/format.h>

#include <algorithm>

namespace meshgraph::report {

namespace {

constexpr char32_t kReplacement = 0xFFFD;

/// Decodes the UTF-8 code point at `text[i]` and advances `i`. A byte that does not start a
/// valid, shortest-form sequence (or starts a surrogate) decodes as U+FFFD and advances by one.
char32_t next_code_point(std::string_view text, std::size_t& i) {
  const auto byte = [&](std::size_t k) { return static_cast<unsigned char>(text[k]); };
  const unsigned char lead = byte(i);
  if (lead < 0x80) return text[i++];
  const int length = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : lead >= 0xC0 ? 2 : 0;
  if (length == 0 || lead > 0xF4 || i + length > text.size()) return ++i, kReplacement;
  char32_t value = lead & (0x7F >> length);
  for (int k = 1; k < length; ++k) {
    if ((byte(i + k) & 0xC0) != 0x80) return ++i, kReplacement;
    value = (value << 6) | (byte(i + k) & 0x3F);
  }
  constexpr char32_t kShortest[] = {0, 0, 0x80, 0x800, 0x10000};
  if (value < kShortest[length] || value > 0x10FFFF || (value >= 0xD800 && value <= 0xDFFF)) {
    return ++i, kReplacement;
  }
  i += length;
  return value;
}

void append_utf8(std::string& out, char32_t c) {
  if (c < 0x80) {
    out += static_cast<char>(c);
  } else if (c < 0x800) {
    out += static_cast<char>(0xC0 | (c >> 6));
    out += static_cast<char>(0x80 | (c & 0x3F));
  } else if (c < 0x10000) {
    out += static_cast<char>(0xE0 | (c >> 12));
    out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (c & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (c >> 18));
    out += static_cast<char>(0x80 | ((c >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (c & 0x3F));
  }
}

/// The workflow-command encoding shared by data and properties: `%` first (the runner decodes
/// it last), then CR, LF and the other C0 controls, then whatever `extra` lists.
std::string percent_encode_command(std::string_view text, std::string_view extra) {
  std::string out;
  out.reserve(text.size());
  for (const char c : text) {
    const auto byte = static_cast<unsigned char>(c);
    const bool is_special =
        c == '%' || byte < 0x20 || byte == 0x7f || extra.find(c) != std::string_view::npos;
    if (is_special && c != '\t')
      out += fmt::format("%{:02X}", byte);
    else
      out += c;
  }
  return out;
}

}  // namespace

std::string escape_terminal(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (const char c : text) {
    const auto byte = static_cast<unsigned char>(c);
    if (byte < 0x20 || byte == 0x7f)
      out += fmt::format("\\x{:02x}", byte);
    else
      out += c;
  }
  return out;
}

std::string escape_xml(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size();) {
    const char32_t c = next_code_point(text, i);
    switch (c) {
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '"':
        out += "&quot;";
        break;
      case '\'':
        out += "&apos;";
        break;
      case '\t':
        out += "&#9;";
        break;
      case '\n':
        out += "&#10;";
        break;
      case '\r':
        out += "&#13;";
        break;
      default:
        // XML 1.0 §2.2 Char: no other C0 control, no U+FFFE or U+FFFF, even as a reference.
        append_utf8(out, c < 0x20 || c == 0xFFFE || c == 0xFFFF ? kReplacement : c);
    }
  }
  return out;
}

std::string escape_github_data(std::string_view text) { return percent_encode_command(text, ""); }

std::string escape_github_property(std::string_view text) {
  return percent_encode_command(text, ":,");
}

std::string escape_markdown_text(std::string_view text) {
  constexpr std::string_view kMarkup = "\\`*_[]<>|&~$#!";
  std::string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    const auto byte = static_cast<unsigned char>(c);
    if (c == '\r' || c == '\n') {
      if (c == '\r' && i + 1 < text.size() && text[i + 1] == '\n') ++i;
      out += "<br>";
    } else if ((byte < 0x20 && c != '\t') || byte == 0x7f) {
      append_utf8(out, kReplacement);
    } else {
      if (kMarkup.find(c) != std::string_view::npos) out += '\\';
      out += c;
    }
  }
  return out;
}

std::string markdown_table_code(std::string_view text) {
  if (text.empty()) return "";
  std::size_t longest_run = 0;
  std::size_t run = 0;
  std::string body;
  for (const char c : text) {
    run = c == '`' ? run + 1 : 0;
    longest_run = std::max(longest_run, run);
    const auto byte = static_cast<unsigned char>(c);
    if (c == '|')
      body += "\\|";
    else if ((byte < 0x20 && c != '\t') || byte == 0x7f)
      body += fmt::format("\\x{:02x}", byte);
    else
      body += c;
  }
  const std::string fence(longest_run + 1, '`');
  // CommonMark strips one space on each side, so a span starting or ending with a backtick
  // (or a space on both ends) needs one padding space each side.
  const bool needs_padding =
      text.front() == '`' || text.back() == '`' || (text.front() == ' ' && text.back() == ' ');
  const std::string_view pad = needs_padding ? " " : "";
  return fmt::format("{}{}{}{}{}", fence, pad, body, pad, fence);
}

std::string escape_uri_path(std::string_view path) {
  std::string out = path.starts_with('/') ? "file://" : "";
  for (const char c : path) {
    const auto byte = static_cast<unsigned char>(c);
    const bool is_unreserved = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
                               (c >= '0' && c <= '9') || c == '-' || c == '.' || c == '_' ||
                               c == '~' || c == '/';
    if (is_unreserved)
      out += c;
    else
      out += fmt::format("%{:02X}", byte);
  }
  return out;
}

namespace {

bool is_control(char c) {
  const auto byte = static_cast<unsigned char>(c);
  return byte < 0x20 || byte == 0x7f;
}

}  // namespace

std::string escape_dot(std::string_view text) {
  std::string out;
  out.reserve(text.size() + 8);
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (c == '"' || c == '\\') {
      out += '\\';
      out += c;
    } else if (c == '\r') {
      out += "\\n";
      if (i + 1 < text.size() && text[i + 1] == '\n') ++i;  // CR LF is one break
    } else if (c == '\n') {
      out += "\\n";
    } else if (is_control(c)) {
      out += ' ';
    } else {
      out += c;
    }
  }
  return out;
}

std::string escape_mermaid(std::string_view text) {
  std::string out;
  out.reserve(text.size() + 8);
  for (const char c : text) {
    switch (c) {
      case '"':
        out += "#quot;";
        break;
      case '#':
        out += "#35;";
        break;
      case '<':
        out += "#60;";
        break;
      case '>':
        out += "#62;";
        break;
      case '&':
        out += "#38;";
        break;
      case '`':
        out += "#96;";
        break;
      case '|':
        out += "#124;";
        break;
      case '%':
        out += "#37;";
        break;
      default:
        out += is_control(c) ? ' ' : c;
    }
  }
  return out;
}

std::string escape_json_for_html(std::string_view json) {
  std::string out;
  out.reserve(json.size() + 16);
  for (const char c : json) {
    switch (c) {
      case '<':
        out += "\\u003c";
        break;
      case '>':
        out += "\\u003e";
        break;
      case '&':
        out += "\\u0026";
        break;
      default:
        out += c;
    }
  }
  return out;
}

}  // namespace meshgraph::report
