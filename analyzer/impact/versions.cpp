// Unpinned ref resolution across base and head, with dbt's rule: the latest version.
#include "impact/versions.hpp"

#include "graph/refable_index.hpp"

namespace meshgraph::impact {

bool is_unpinned_target(const load::Node& node) {
  return !node.details->version ||
         (node.details->latest_version && *node.details->latest_version == *node.details->version);
}

UnpinnedTargets::UnpinnedTargets(const graph::MeshGraph& mesh) {
  std::map<std::pair<load::Text, load::Text>, std::vector<graph::NodeId>> versions;
  for (graph::NodeId id = 0; id < mesh.nodes().size(); ++id) {
    const load::Node& node = mesh.node(id);
    if (node.is_model() && node.package_name == mesh.project_of(id).name) {
      versions[{node.package_name, node.name}].push_back(id);
    }
  }
  for (const auto& [key, ids] : versions) {
    std::vector<const load::Node*> nodes;
    for (graph::NodeId id : ids) nodes.push_back(&mesh.node(id));
    const load::Node* pick = graph::pick_version(nodes, load::Ref{key.second, {}, {}, 0, 0});
    for (graph::NodeId id : ids) {
      if (&mesh.node(id) == pick) targets_.emplace(std::pair<std::string, std::string>(key), id);
    }
  }
}

std::optional<graph::NodeId> UnpinnedTargets::find(std::string_view project, std::string_view name) const {
  auto it = targets_.find(std::pair<std::string, std::string>(project, name));
  if (it == targets_.end()) return std::nullopt;
  return it->second;
}

}  // namespace meshgraph::impact
