// SVG, PNG and PDF from DOT, laid out and rendered inside this process by Graphviz's libraries
// (cgraph + gvc; ../shared/docs/toolchain-notes.md): no `dot` program is run.
#pragma once

#include <stdexcept>
#include <string>
#include <string_view>

namespace meshgraph::report {

/// Graphviz could not read, lay out or render the diagram; the message says which and why.
class RenderError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

/// Lays `dot` out with the `dot` engine and renders it as `format` (svg, png or pdf).
/// Throws RenderError with Graphviz's own error text.
std::string render_graphviz(const std::string& dot, std::string_view format);

}  // namespace meshgraph::report
