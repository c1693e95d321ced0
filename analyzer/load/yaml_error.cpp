// yaml-cpp's parse errors as InputErrors (meshgraph.yml, dependencies.yml).
#include "load/yaml_error.hpp"

#include <fmt/format.h>
#include <yaml-cpp/depthguard.h>
#include <yaml-cpp/exceptions.h>
#include <yaml-cpp/mark.h>

#include <fstream>
#include <string_view>
#include <vector>

namespace meshgraph::load {

std::optional<TextPosition> yaml_position(const YAML::Mark& mark) {
  if (mark.line < 0 || mark.column < 0) return std::nullopt;
  return TextPosition{static_cast<std::uint32_t>(mark.line + 1),
                      static_cast<std::uint32_t>(mark.column + 1)};
}

namespace {

/// yaml-cpp's scanner reads its end-of-input sentinel (0x04) as a character and may name it
/// ("unknown escape character: \x04" for a file ending in a backslash inside quotes): that is
/// the end of the file. Any other control character is shown escaped, so a message stays text.
std::string printable(std::string_view reason) {
  std::string shown;
  for (const char c : reason) {
    if (c == '\x04') shown += "the end of the file";
    else if (static_cast<unsigned char>(c) < 0x20) shown += fmt::format("\\x{:02x}", static_cast<unsigned char>(c));
    else shown += c;
  }
  return shown;
}

/// yaml-cpp's mark can stand past the end of the text, when the error is that the text ended
/// (its scanner steps over the end-of-input sentinel): shown as one past the last character of
/// the last line, where the user has to look. The file is read again for this, on the error
/// path only; when it cannot be, the position is dropped rather than shown wrong.
std::optional<TextPosition> within_text(const std::string& file, std::optional<TextPosition> position) {
  if (!position) return position;
  std::ifstream stream(file, std::ios::binary);
  if (!stream) return std::nullopt;
  std::vector<std::size_t> line_lengths{0};
  for (char c; stream.get(c);) {
    if (c == '\n') line_lengths.push_back(0);
    else if (c != '\r') ++line_lengths.back();
  }
  if (position->line > line_lengths.size()) {
    return TextPosition{static_cast<std::uint32_t>(line_lengths.size()),
                        static_cast<std::uint32_t>(line_lengths.back() + 1)};
  }
  const std::size_t length = line_lengths[position->line - 1];
  if (position->column > length + 1) position->column = static_cast<std::uint32_t>(length + 1);
  return position;
}

}  // namespace

InputError yaml_syntax_error(const std::string& file, const YAML::ParserException& error,
                             std::string help) {
  // yaml-cpp's depth guard says only "bad file". For a list nested in brackets its position is
  // where the scanner stopped, the end of the outermost list, not the level that was too deep.
  if (const auto* deep = dynamic_cast<const YAML::DeepRecursion*>(&error)) {
    return InputError(file,
                      fmt::format("invalid YAML: nested too deeply ({} levels or more)",
                                  deep->depth()),
                      "this file needs a few levels at most; check that it is the right file "
                      "and that every bracket closes",
                      yaml_position(error.mark));
  }
  // yaml-cpp says "illegal"; we say "invalid" (STYLE.md §6).
  std::string reason = error.msg;
  for (std::size_t at = reason.find("illegal"); at != std::string::npos;
       at = reason.find("illegal", at)) {
    reason.replace(at, 7, "invalid");
  }
  return InputError(file, "invalid YAML: " + printable(reason), std::move(help),
                    within_text(file, yaml_position(error.mark)));
}

}  // namespace meshgraph::load
