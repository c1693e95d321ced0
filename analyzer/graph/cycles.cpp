// Cycle detection for the node and project graphs, with Boost.Graph's strongly connected
// components; each cycle is reported once, as a readable path of hops.
#include <boost/graph/adjacency_list.hpp>
#include <boost/graph/strong_components.hpp>

#include <algorithm>
#include <deque>
#include <map>

#include "graph/mesh_graph.hpp"

namespace meshgraph::graph {

namespace {

using Digraph = boost::adjacency_list<boost::vecS, boost::vecS, boost::directedS>;

/// Groups vertices by strongly connected component; keeps components that contain a cycle.
std::vector<std::vector<std::size_t>> cyclic_components(const Digraph& graph) {
  std::vector<int> component(boost::num_vertices(graph));
  const int count = boost::strong_components(graph, component.data());
  std::vector<std::vector<std::size_t>> members(static_cast<std::size_t>(count));
  for (std::size_t v = 0; v < component.size(); ++v) {
    members[static_cast<std::size_t>(component[v])].push_back(v);
  }
  std::vector<std::vector<std::size_t>> cyclic;
  for (std::vector<std::size_t>& group : members) {
    const bool self_loop =
        group.size() == 1 && boost::edge(group.front(), group.front(), graph).second;
    if (group.size() > 1 || self_loop) cyclic.push_back(std::move(group));
  }
  return cyclic;
}

}  // namespace

std::vector<std::vector<NodeId>> MeshGraph::node_cycles() const {
  Digraph graph(nodes_.size());
  for (NodeId parent = 0; parent < nodes_.size(); ++parent) {
    for (NodeId child : children_[parent]) boost::add_edge(parent, child, graph);
  }
  std::vector<std::vector<NodeId>> cycles;
  for (const std::vector<std::size_t>& component : cyclic_components(graph)) {
    // Start at the smallest unique_id and take the shortest way back to it (BFS inside the
    // component), so the reported hops are stable and short.
    std::vector<NodeId> members(component.begin(), component.end());
    const NodeId start = *std::min_element(members.begin(), members.end(), [&](NodeId a, NodeId b) {
      return nodes_[a].node->unique_id < nodes_[b].node->unique_id;
    });
    std::map<NodeId, NodeId> came_from;
    std::deque<NodeId> queue{start};
    bool closed = false;
    while (!queue.empty() && !closed) {
      const NodeId current = queue.front();
      queue.pop_front();
      for (NodeId next : children_[current]) {
        if (!std::binary_search(component.begin(), component.end(), next)) continue;
        if (next == start) {
          came_from[start] = current;
          closed = true;
          break;
        }
        if (came_from.try_emplace(next, current).second) queue.push_back(next);
      }
    }
    std::vector<NodeId> hops{start};
    for (NodeId at = came_from[start]; at != start; at = came_from[at]) hops.push_back(at);
    hops.push_back(start);
    std::reverse(hops.begin() + 1, hops.end() - 1);
    cycles.push_back(std::move(hops));
  }
  std::sort(cycles.begin(), cycles.end(), [&](const auto& a, const auto& b) {
    return nodes_[a.front()].node->unique_id < nodes_[b.front()].node->unique_id;
  });
  return cycles;
}

std::vector<std::vector<ProjectId>> MeshGraph::project_cycles() const {
  Digraph graph(projects_.size());
  for (const ProjectEdge& edge : project_edges_) boost::add_edge(edge.from, edge.to, graph);
  std::vector<std::vector<ProjectId>> cycles;
  for (const std::vector<std::size_t>& component : cyclic_components(graph)) {
    cycles.emplace_back(component.begin(), component.end());
  }
  std::sort(cycles.begin(), cycles.end());
  return cycles;
}

}  // namespace meshgraph::graph
