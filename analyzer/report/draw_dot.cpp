// Writes DOT. Every value is a quoted string through escape_dot: no name from a manifest can end
// a string, add an attribute or a statement, or use a Graphviz escape such as \N.
#include "report/draw_dot.hpp"

#include <fmt/format.h>

#include "report/escape.hpp"
#include "report/draw_style.hpp"

namespace meshgraph::report {

namespace {

constexpr std::string_view kFont = "Helvetica,Arial,sans-serif";

/// An attribute list: `[a="x", b="y"]`, values escaped.
class Attributes {
 public:
  Attributes& add(std::string_view name, std::string_view value) {
    text_ += fmt::format("{}{}=\"{}\"", text_.empty() ? "" : ", ", name, escape_dot(value));
    return *this;
  }
  /// Lines joined by DOT's own line break, each escaped.
  Attributes& add_lines(std::string_view name, const std::vector<std::string>& lines) {
    std::string joined;
    for (const std::string& line : lines) {
      if (!joined.empty()) joined += "\\n";
      joined += escape_dot(line);
    }
    text_ += fmt::format("{}{}=\"{}\"", text_.empty() ? "" : ", ", name, joined);
    return *this;
  }
  std::string str() const { return "[" + text_ + "]"; }

 private:
  std::string text_;
};

std::string quoted(std::string_view id) { return fmt::format("\"{}\"", escape_dot(id)); }

std::string classes(std::initializer_list<std::string_view> words) {
  std::string out;
  for (std::string_view word : words) {
    if (word.empty()) continue;
    if (!out.empty()) out += ' ';
    out += word;
  }
  return out;
}

void write_node(std::string& out, const DiagramNode& node, std::string_view indent) {
  const Look look = node_look(node);
  std::string style = node.kind == NodeKind::Seed || node.kind == NodeKind::Snapshot ||
                              node.kind == NodeKind::Source || node.kind == NodeKind::Exposure
                          ? "filled"
                          : "rounded,filled";
  if (look.is_dashed) style += ",dashed";
  Attributes attributes;
  attributes.add("id", node.id).add_lines("label", node.label).add_lines("tooltip", node.tooltip);
  if (node.kind != NodeKind::Project && node.kind != NodeKind::Model &&
      node.kind != NodeKind::Missing) {
    attributes.add("shape", dot_shape(node.kind));
  }
  attributes.add("style", style)
      .add("fillcolor", look.fill)
      .add("color", look.line)
      .add("fontcolor", look.text);
  attributes.add("penwidth", look.penwidth);
  attributes.add("class", classes({kind_name(node.kind),
                                   node.kind == NodeKind::Model ? access_class(node.access) : "",
                                   mark_name(node.mark)}));
  out += fmt::format("{}{} {};\n", indent, quoted(node.id), attributes.str());
}

void write_cluster(std::string& out, const Diagram& diagram, std::size_t index,
                   std::string indent) {
  const DiagramCluster& cluster = diagram.clusters[index];
  out += fmt::format("{}subgraph {} {{\n", indent, quoted("cluster_" + cluster.id));
  Attributes attributes;
  attributes.add("id", cluster.id).add("label", cluster.label);
  attributes.add_lines("tooltip", cluster.tooltip.empty() ? std::vector<std::string>{cluster.label}
                                                          : cluster.tooltip);
  if (cluster.is_group) {
    attributes.add("style", "rounded,dashed").add("color", "#94a3b8").add("bgcolor", "#ffffff");
  } else {
    attributes.add("style", "rounded,filled").add("color", "#cbd5e1").add("fillcolor", "#f8fafc");
  }
  attributes.add("class", cluster.is_group ? "group" : "project");
  out += fmt::format("{}  graph {};\n", indent, attributes.str());
  for (std::size_t inner : cluster.clusters) write_cluster(out, diagram, inner, indent + "  ");
  for (std::size_t node : cluster.nodes) write_node(out, diagram.nodes[node], indent + "  ");
  out += indent + "}\n";
}

void write_edge(std::string& out, const Diagram& diagram, const DiagramEdge& edge) {
  const std::string& from = diagram.nodes[edge.from].id;
  const std::string& to = diagram.nodes[edge.to].id;
  const Look look = edge_look(edge, diagram.highlight);
  Attributes attributes;
  attributes.add("id", fmt::format("{} -> {}", from, to));
  if (!edge.label.empty()) attributes.add("label", edge.label);
  if (!edge.tooltip.empty()) attributes.add_lines("tooltip", edge.tooltip);
  attributes.add("color", look.line).add("fontcolor", look.line).add("penwidth", look.penwidth);
  std::string style = look.is_bold ? "bold" : "";
  if (diagram.nodes[edge.from].kind == NodeKind::Missing)
    style += style.empty() ? "dashed" : ",dashed";
  if (!style.empty()) attributes.add("style", style);
  attributes.add("class",
                 classes({edge.is_cross_project ? "cross-project" : "",
                          edge.breaks_policy ? "breaks-policy" : "", mark_name(edge.mark)}));
  out += fmt::format("  {} -> {} {};\n", quoted(from), quoted(to), attributes.str());
}

}  // namespace

std::string render_dot(const Diagram& diagram) {
  std::string out = fmt::format("// meshgraph graph: {}\n", diagram.title);
  out += "digraph \"meshgraph\" {\n";
  out += fmt::format(
      "  graph [rankdir=\"LR\", fontname=\"{0}\", fontsize=\"12\", nodesep=\"0.3\", "
      "ranksep=\"0.9\", "
      "tooltip=\"{1}\"];\n",
      kFont, escape_dot(diagram.title));
  out += fmt::format(
      "  node [shape=\"box\", style=\"rounded,filled\", fontname=\"{}\", fontsize=\"11\", "
      "margin=\"0.12,0.06\"];\n",
      kFont);
  out += fmt::format("  edge [fontname=\"{}\", fontsize=\"10\", arrowsize=\"0.7\"];\n", kFont);
  for (std::size_t cluster : diagram.top_clusters) write_cluster(out, diagram, cluster, "  ");
  for (std::size_t node : diagram.top_nodes) write_node(out, diagram.nodes[node], "  ");
  for (const DiagramEdge& edge : diagram.edges) write_edge(out, diagram, edge);
  out += "}\n";
  return out;
}

}  // namespace meshgraph::report
