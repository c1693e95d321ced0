// Escapers for the diagram formats, one per target syntax.
#include "report/draw_escape.hpp"

namespace meshgraph::report {

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
