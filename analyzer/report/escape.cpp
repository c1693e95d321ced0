// Escapers for each output syntax.
#include "report/escape.hpp"

#include <fmt/format.h>

namespace meshgraph::report {

std::string escape_terminal(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (const char c : text) {
    const auto byte = static_cast<unsigned char>(c);
    if (byte < 0x20 || byte == 0x7f) out += fmt::format("\\x{:02x}", byte);
    else out += c;
  }
  return out;
}

}  // namespace meshgraph::report
