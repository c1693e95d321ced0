// The diagram as Graphviz DOT: golden-tested, and the input of the in-process SVG/PNG/PDF renderer.
#pragma once

#include <string>

#include "report/draw_diagram.hpp"

namespace meshgraph::report {

/// DOT text: clusters per project and group, node ids = unique_ids (also set as each node's SVG
/// `id`), every string quoted and escaped. The same diagram gives the same bytes.
std::string render_dot(const Diagram& diagram);

}  // namespace meshgraph::report
