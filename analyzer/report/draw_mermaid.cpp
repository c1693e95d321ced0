// Writes Mermaid. Ids are generated (n3, c1), never taken from the data; labels go through
// escape_mermaid inside double quotes; looks come from draw_style as classDefs and linkStyles.
#include "report/draw_mermaid.hpp"

#include <fmt/format.h>

#include <map>

#include "report/escape.hpp"
#include "report/draw_style.hpp"

namespace meshgraph::report {

namespace {

std::string label_of(const std::vector<std::string>& lines, const std::vector<std::string>& rules,
                     Highlight highlight) {
  std::string out;
  std::vector<std::string> shown = lines;
  if (highlight != Highlight::None && !rules.empty())
    shown.push_back(fmt::format("{}", fmt::join(rules, ", ")));
  for (const std::string& line : shown) {
    if (!out.empty()) out += "<br/>";
    out += escape_mermaid(line);
  }
  return out;
}

std::string node_statement(const Diagram& diagram, std::size_t index) {
  const DiagramNode& node = diagram.nodes[index];
  const std::string label = label_of(node.label, node.rules, diagram.highlight);
  switch (node.kind) {
    case NodeKind::Seed:
      return fmt::format("n{}[/\"{}\"/]", index, label);
    case NodeKind::Snapshot:
      return fmt::format("n{}[[\"{}\"]]", index, label);
    case NodeKind::Source:
      return fmt::format("n{}[(\"{}\")]", index, label);
    case NodeKind::Exposure:
      return fmt::format("n{}{{{{\"{}\"}}}}", index, label);
    case NodeKind::Missing:
      return fmt::format("n{}[\"{}\"]", index, label);
    default:
      return fmt::format("n{}(\"{}\")", index, label);
  }
}

void write_cluster(std::string& out, const Diagram& diagram, std::size_t index,
                   const std::string& indent) {
  const DiagramCluster& cluster = diagram.clusters[index];
  out += fmt::format("{}subgraph c{}[\"{}\"]\n", indent, index, escape_mermaid(cluster.label));
  for (std::size_t inner : cluster.clusters) write_cluster(out, diagram, inner, indent + "  ");
  for (std::size_t node : cluster.nodes)
    out += fmt::format("{}  {}\n", indent, node_statement(diagram, node));
  out += indent + "end\n";
}

std::string css_of(const Look& look) {
  std::string css = fmt::format("fill:{},stroke:{},color:{},stroke-width:{}px", look.fill,
                                look.line, look.text, look.penwidth);
  if (look.is_dashed) css += ",stroke-dasharray:5 3";
  return css;
}

/// One classDef per distinct look, named after what makes it (model_public_error), and the
/// nodes that wear it.
void write_classes(std::string& out, const Diagram& diagram) {
  std::map<std::string, std::pair<std::string, std::vector<std::size_t>>> classes;
  for (std::size_t i = 0; i < diagram.nodes.size(); ++i) {
    const DiagramNode& node = diagram.nodes[i];
    std::string name(kind_name(node.kind));
    if (node.kind == NodeKind::Model) name += fmt::format("_{}", access_class(node.access));
    if (node.mark != Mark::None) name += fmt::format("_{}", mark_name(node.mark));
    auto& entry = classes[name];
    entry.first = css_of(node_look(node));
    entry.second.push_back(i);
  }
  for (const auto& [name, entry] : classes)
    out += fmt::format("  classDef {} {}\n", name, entry.first);
  for (const auto& [name, entry] : classes) {
    std::string ids;
    for (std::size_t i : entry.second) ids += fmt::format("{}n{}", ids.empty() ? "" : ",", i);
    out += fmt::format("  class {} {}\n", ids, name);
  }
}

void write_edges(std::string& out, const Diagram& diagram) {
  std::map<std::string, std::vector<std::size_t>> styles;
  for (std::size_t i = 0; i < diagram.edges.size(); ++i) {
    const DiagramEdge& edge = diagram.edges[i];
    const bool is_missing = diagram.nodes[edge.from].kind == NodeKind::Missing;
    const std::string_view arrow = is_missing ? "-.->" : edge.is_cross_project ? "==>" : "-->";
    std::vector<std::string> label;
    if (!edge.label.empty()) label.push_back(edge.label);
    const std::string text = label_of(label, edge.rules, diagram.highlight);
    out += text.empty() ? fmt::format("  n{} {} n{}\n", edge.from, arrow, edge.to)
                        : fmt::format("  n{} {}|\"{}\"| n{}\n", edge.from, arrow, text, edge.to);
    const Look look = edge_look(edge, diagram.highlight);
    styles[fmt::format("stroke:{},stroke-width:{}px", look.line, look.penwidth)].push_back(i);
  }
  for (const auto& [css, indices] : styles)
    out += fmt::format("  linkStyle {} {}\n", fmt::join(indices, ","), css);
}

}  // namespace

std::string render_mermaid(const Diagram& diagram) {
  std::string out = fmt::format("%% meshgraph graph: {}\nflowchart LR\n", diagram.title);
  for (std::size_t cluster : diagram.top_clusters) write_cluster(out, diagram, cluster, "  ");
  for (std::size_t node : diagram.top_nodes)
    out += fmt::format("  {}\n", node_statement(diagram, node));
  write_edges(out, diagram);
  write_classes(out, diagram);
  return out;
}

}  // namespace meshgraph::report
