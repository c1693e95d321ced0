// The palette: calm greys for the mesh, one hue per meaning (public green, source violet,
// exposure yellow; error red, warning orange, note blue; a change orange, its reach amber).
#include "report/draw_style.hpp"

namespace meshgraph::report {

namespace {

constexpr std::string_view kLine = "#475569";
constexpr std::string_view kText = "#0f172a";

/// Fill and line of a mark; `fill` empty for Mark::None.
Look mark_look(Mark mark) {
  switch (mark) {
    case Mark::Error:
      return {"#fee2e2", "#b91c1c", kText, "2"};
    case Mark::Warning:
      return {"#ffedd5", "#c2410c", kText, "2"};
    case Mark::Note:
      return {"#dbeafe", "#1d4ed8", kText, "2"};
    case Mark::Changed:
      return {"#fb923c", "#9a3412", kText, "2"};
    case Mark::Downstream:
      return {"#fde68a", "#b45309", kText, "2"};
    case Mark::Dimmed:
      return {"#f8fafc", "#cbd5e1", "#94a3b8", "1"};
    case Mark::None:
      break;
  }
  return {"", kLine, kText, "1"};
}

}  // namespace

Look node_look(const DiagramNode& node) {
  Look look{"#ffffff", kLine, kText, "1"};
  switch (node.kind) {
    case NodeKind::Project:
      look.fill = "#f1f5f9";
      break;
    case NodeKind::Source:
      look = {"#f5f3ff", "#6d28d9", kText, "1"};
      break;
    case NodeKind::Exposure:
      look = {"#fef9c3", "#a16207", kText, "1"};
      break;
    case NodeKind::Seed:
    case NodeKind::Snapshot:
      look.fill = "#f5f5f4";
      break;
    case NodeKind::Missing:
      look = {"#ffffff", "#94a3b8", "#64748b", "1", true};
      break;
    case NodeKind::Model:
      if (node.access == load::Access::Public)
        look = {"#dcfce7", "#15803d", kText, "2", false, true};
      if (node.access == load::Access::Private) look.is_dashed = true;
      break;
  }
  if (node.mark != Mark::None) {
    const Look marked = mark_look(node.mark);
    look.fill = marked.fill;
    look.line = marked.line;
    look.text = marked.text;
    if (!look.is_bold) look.penwidth = marked.penwidth;
  }
  return look;
}

Look edge_look(const DiagramEdge& edge, Highlight highlight) {
  Look look{"", "#64748b", kText, "1"};
  if (edge.is_cross_project) {
    look.penwidth = "2";
    look.is_bold = true;
  }
  if (edge.breaks_policy && highlight == Highlight::None) look.line = "#dc2626";
  if (edge.mark != Mark::None) {
    const Look marked = mark_look(edge.mark);
    look.line = edge.mark == Mark::Dimmed ? std::string_view("#e2e8f0") : marked.line;
    look.text = marked.text;
    if (edge.mark != Mark::Dimmed) look.penwidth = "2";
  }
  return look;
}

std::string_view dot_shape(NodeKind kind) {
  switch (kind) {
    case NodeKind::Source:
      return "cylinder";
    case NodeKind::Exposure:
      return "hexagon";
    case NodeKind::Seed:
      return "note";
    case NodeKind::Snapshot:
      return "box3d";
    default:
      return "box";
  }
}

std::string_view kind_name(NodeKind kind) {
  switch (kind) {
    case NodeKind::Project:
      return "project";
    case NodeKind::Model:
      return "model";
    case NodeKind::Seed:
      return "seed";
    case NodeKind::Snapshot:
      return "snapshot";
    case NodeKind::Source:
      return "source";
    case NodeKind::Exposure:
      return "exposure";
    case NodeKind::Missing:
      return "missing";
  }
  return "";
}

std::string_view mark_name(Mark mark) {
  switch (mark) {
    case Mark::Error:
      return "error";
    case Mark::Warning:
      return "warning";
    case Mark::Note:
      return "note";
    case Mark::Changed:
      return "changed";
    case Mark::Downstream:
      return "downstream";
    case Mark::Dimmed:
      return "dimmed";
    case Mark::None:
      break;
  }
  return "";
}

std::string_view access_class(load::Access access) {
  switch (access) {
    case load::Access::Public:
      return "public";
    case load::Access::Private:
      return "private";
    case load::Access::Protected:
      break;
  }
  return "protected";
}

}  // namespace meshgraph::report
