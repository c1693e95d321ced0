// Matching base and head models; listing the consumers of a change.
#include "impact/counterpart.hpp"

#include <fmt/format.h>

#include <algorithm>

#include "graph/refable_index.hpp"

namespace meshgraph::impact {

std::optional<graph::NodeId> find_counterpart(const graph::MeshGraph& base, graph::NodeId base_id,
                                              const graph::MeshGraph& head) {
  const load::Node& old_node = base.node(base_id);
  if (std::optional<graph::NodeId> same = head.find(old_node.unique_id)) return same;
  if (old_node.details->version || !old_node.is_model()) return std::nullopt;
  const std::string prefix = fmt::format("{}.v", old_node.unique_id);
  std::optional<graph::NodeId> lowest;
  for (graph::NodeId id = 0; id < head.nodes().size(); ++id) {
    const load::Node& candidate = head.node(id);
    if (!candidate.details->version || !candidate.unique_id.starts_with(prefix)) continue;
    if (!old_node.details->checksum.empty() &&
        candidate.details->checksum == old_node.details->checksum)
      return id;
    if (!lowest ||
        graph::version_less(*candidate.details->version, *head.node(*lowest).details->version))
      lowest = id;
  }
  return lowest;
}

bool is_in_changed_project(const graph::MeshGraph& base, graph::NodeId base_id, const graph::MeshGraph& head) {
  std::optional<graph::ProjectId> project = head.find_project(base.project_of(base_id).name);
  return project && head.projects()[*project].manifest->path != base.project_of(base_id).manifest->path;
}

std::vector<graph::NodeId> consumers_in_other_projects(const graph::MeshGraph& mesh, graph::NodeId target) {
  std::vector<graph::NodeId> consumers;
  const graph::ProjectId producer = mesh.nodes()[target].project;
  for (graph::NodeId child : mesh.children(target)) {
    const load::ResourceType type = mesh.node(child).resource_type;
    const bool is_consumer = type == load::ResourceType::Model || type == load::ResourceType::Snapshot ||
                             type == load::ResourceType::Exposure;
    if (is_consumer && mesh.nodes()[child].project != producer) consumers.push_back(child);
  }
  std::sort(consumers.begin(), consumers.end(), [&](graph::NodeId a, graph::NodeId b) {
    return mesh.node(a).unique_id < mesh.node(b).unique_id;
  });
  return consumers;
}

std::string list_nodes(const graph::MeshGraph& mesh, const std::vector<graph::NodeId>& ids) {
  std::vector<std::string> names;
  for (graph::NodeId id : ids) names.push_back(fmt::format("'{}.{}'", mesh.project_of(id).name, mesh.node(id).name));
  return fmt::format("{}", fmt::join(names, ", "));
}

}  // namespace meshgraph::impact
