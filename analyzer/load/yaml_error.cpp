// yaml-cpp's parse errors as InputErrors (meshgraph.yml, dependencies.yml).
#include "load/yaml_error.hpp"

#include <fmt/format.h>
#include <yaml-cpp/depthguard.h>
#include <yaml-cpp/exceptions.h>
#include <yaml-cpp/mark.h>

namespace meshgraph::load {

std::optional<TextPosition> yaml_position(const YAML::Mark& mark) {
  if (mark.line < 0 || mark.column < 0) return std::nullopt;
  return TextPosition{static_cast<std::uint32_t>(mark.line + 1),
                      static_cast<std::uint32_t>(mark.column + 1)};
}

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
  return InputError(file, "invalid YAML: " + reason, std::move(help), yaml_position(error.mark));
}

}  // namespace meshgraph::load
