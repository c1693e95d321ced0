// The parts both diagram levels share: the sorted builder, marks from findings, tooltip text.
#include "report/draw_diagram.hpp"

#include <fmt/format.h>

#include <algorithm>

#include "report/draw_parts.hpp"

namespace meshgraph::report {

namespace detail {

DiagramNode& DiagramBuilder::node(const std::string& id, bool& created) {
  auto [it, inserted] = nodes_.try_emplace(id);
  created = inserted;
  if (inserted) it->second.id = id;
  return it->second;
}

DiagramCluster& DiagramBuilder::cluster(const std::string& id, const std::string& parent) {
  auto [it, inserted] = clusters_.try_emplace(id);
  if (inserted) {
    it->second.id = id;
    cluster_parent_[id] = parent;
  }
  return it->second;
}

Diagram DiagramBuilder::finish(DiagramLevel level, Highlight highlight, std::string title) {
  Diagram diagram;
  diagram.level = level;
  diagram.highlight = highlight;
  diagram.title = std::move(title);
  std::map<std::string, std::size_t> node_index;
  for (auto& [id, node] : nodes_) {
    node_index[id] = diagram.nodes.size();
    diagram.nodes.push_back(std::move(node));
  }
  std::map<std::string, std::size_t> cluster_index;
  for (auto& [id, cluster] : clusters_) {
    cluster_index[id] = diagram.clusters.size();
    diagram.clusters.push_back(std::move(cluster));
  }
  for (const auto& [id, parent] : cluster_parent_) {
    if (parent.empty())
      diagram.top_clusters.push_back(cluster_index.at(id));
    else
      diagram.clusters[cluster_index.at(parent)].clusters.push_back(cluster_index.at(id));
  }
  for (const auto& [id, index] : node_index) {
    auto placed = node_cluster_.find(id);
    if (placed == node_cluster_.end())
      diagram.top_nodes.push_back(index);
    else
      diagram.clusters[cluster_index.at(placed->second)].nodes.push_back(index);
  }
  for (auto& [ends, edge] : edges_) {
    edge.from = node_index.at(ends.first);
    edge.to = node_index.at(ends.second);
    diagram.edges.push_back(std::move(edge));
  }
  return diagram;
}

Mark severity_mark(std::span<const check::Diagnostic* const> findings) {
  if (findings.empty()) return Mark::None;
  check::Severity worst = check::Severity::Note;
  for (const check::Diagnostic* finding : findings) worst = std::max(worst, finding->severity);
  switch (worst) {
    case check::Severity::Error:
      return Mark::Error;
    case check::Severity::Warning:
      return Mark::Warning;
    case check::Severity::Note:
      return Mark::Note;
  }
  return Mark::None;
}

void add_rules(std::span<const check::Diagnostic* const> findings,
               std::vector<std::string>& rules) {
  for (const check::Diagnostic* finding : findings) rules.push_back(finding->rule);
  std::sort(rules.begin(), rules.end());
  rules.erase(std::unique(rules.begin(), rules.end()), rules.end());
}

void add_finding_lines(std::span<const check::Diagnostic* const> findings,
                       std::vector<std::string>& tooltip) {
  std::vector<std::string> lines;
  for (const check::Diagnostic* finding : findings) {
    lines.push_back(fmt::format("{} {}: {}", finding->rule, check::to_string(finding->severity),
                                finding->message));
  }
  std::sort(lines.begin(), lines.end());
  tooltip.insert(tooltip.end(), lines.begin(), lines.end());
}

std::string shorten(std::string_view text, std::size_t limit) {
  if (text.size() <= limit) return std::string(text);
  std::size_t cut = limit;
  while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80) --cut;
  return std::string(text.substr(0, cut)) + "…";
}

}  // namespace detail

std::vector<graph::NodeId> drawable_nodes(const graph::MeshGraph& mesh,
                                          const std::optional<std::vector<graph::NodeId>>& focus) {
  auto is_drawable = [&](graph::NodeId id) {
    switch (mesh.node(id).resource_type) {
      case load::ResourceType::Model:
      case load::ResourceType::Seed:
      case load::ResourceType::Snapshot:
      case load::ResourceType::Source:
      case load::ResourceType::Exposure:
        // A package installed in several projects has one node per project, same unique_id.
        return mesh.find(mesh.node(id).unique_id) == id;
      default:
        return false;
    }
  };
  std::vector<graph::NodeId> ids;
  if (focus) {
    std::copy_if(focus->begin(), focus->end(), std::back_inserter(ids), is_drawable);
  } else {
    for (graph::NodeId id = 0; id < mesh.nodes().size(); ++id) {
      if (is_drawable(id)) ids.push_back(id);
    }
  }
  return ids;
}

Diagram build_diagram(const graph::MeshGraph& mesh, DiagramLevel level, const MeshMarks& marks,
                      const std::optional<std::vector<graph::NodeId>>& focus) {
  return level == DiagramLevel::Model ? detail::build_model_diagram(mesh, marks, focus)
                                      : detail::build_project_diagram(mesh, marks, focus);
}

}  // namespace meshgraph::report
