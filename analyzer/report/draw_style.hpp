// The look of a diagram in one table: shape, line style and colours of each kind of node and
// edge and of each mark. DOT, Mermaid and the HTML legend all read it, so they agree.
#pragma once

#include <string>
#include <string_view>

#include "report/draw_diagram.hpp"

namespace meshgraph::report {

struct Look {
  std::string_view fill;  ///< "#rrggbb"
  std::string_view line;
  std::string_view text;
  std::string_view penwidth;  ///< Graphviz points: "1", "2"
  bool is_dashed = false;
  bool is_bold = false;
};

/// How a node is drawn: its kind and access (public bold, private dashed), then its mark.
Look node_look(const DiagramNode& node);

/// How an edge is drawn: cross-project bold, its mark; a project dependency that breaks the
/// policy (MESH2xx) red whenever the diagram is not highlighting a change.
Look edge_look(const DiagramEdge& edge, Highlight highlight);

/// Graphviz's shape for a kind of node: box, cylinder (source), hexagon (exposure), …
std::string_view dot_shape(NodeKind kind);

/// CSS-friendly words: "model", "source", … and "error", "changed", … ("" for Mark::None).
std::string_view kind_name(NodeKind kind);
std::string_view mark_name(Mark mark);
std::string_view access_class(load::Access access);

}  // namespace meshgraph::report
