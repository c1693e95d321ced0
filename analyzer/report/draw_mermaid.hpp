// The diagram as a Mermaid flowchart, which GitHub renders in Markdown (a ```mermaid block).
#pragma once

#include <string>

#include "report/draw_diagram.hpp"

namespace meshgraph::report {

/// A `flowchart LR` with a subgraph per project (and group), node ids n0, n1, … in id order,
/// every label quoted and escaped. Mermaid shows no tooltips on GitHub, so a highlighted
/// node or edge names its rules in its label.
std::string render_mermaid(const Diagram& diagram);

}  // namespace meshgraph::report
