// Lookups on a loaded Manifest.
#include "load/manifest.hpp"

#include <algorithm>

namespace meshgraph::load {

const NodeDetails DetailsPtr::kNone{};

const Node* Manifest::find(std::string_view unique_id) const {
  // nodes are sorted by unique_id when read.
  auto it = std::lower_bound(nodes.begin(), nodes.end(), unique_id,
                             [](const Node& node, std::string_view id) { return node.unique_id < id; });
  return it != nodes.end() && it->unique_id == unique_id ? &*it : nullptr;
}

const Group* Manifest::find_group(std::string_view name) const {
  auto it = std::find_if(groups.begin(), groups.end(), [&](const Group& g) { return g.name == name; });
  return it != groups.end() ? &*it : nullptr;
}

}  // namespace meshgraph::load
