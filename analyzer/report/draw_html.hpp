// The diagram as one self-contained HTML page: the SVG inline with pan and zoom, a search box,
// the findings table and a legend. No network fetch, no external script.
#pragma once

#include <span>
#include <string>
#include <string_view>

#include "check/diagnostic.hpp"
#include "report/draw_diagram.hpp"

namespace meshgraph::report {

/// `svg` is Graphviz's rendering of the diagram's DOT; `findings` fill the table.
std::string render_html(const Diagram& diagram, std::string_view svg,
                        std::span<const check::Diagnostic> findings);

/// Graphviz's SVG made fit to sit inside HTML: no XML prolog, doctype or comments, and sized
/// to its container (the viewBox keeps the drawing's own coordinates).
std::string inline_svg(std::string_view svg);

}  // namespace meshgraph::report
