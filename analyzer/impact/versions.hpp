// What an unpinned ref to a model resolves to, before and after a pull request.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "graph/mesh_graph.hpp"

namespace meshgraph::impact {

/// Whether an unpinned ref lands on this node: it is unversioned, or its model's latest version.
bool is_unpinned_target(const load::Node& node);

/// The node an unpinned `ref(project, name)` resolves to, for every model of a mesh; built in
/// one pass so that asking for each model stays linear on a large mesh.
class UnpinnedTargets {
 public:
  explicit UnpinnedTargets(const graph::MeshGraph& mesh);
  std::optional<graph::NodeId> find(std::string_view project, std::string_view name) const;

 private:
  std::map<std::pair<std::string, std::string>, graph::NodeId, std::less<>> targets_;
};

}  // namespace meshgraph::impact
