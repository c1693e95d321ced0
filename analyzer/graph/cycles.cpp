// Cycle detection for the node and project graphs, with Boost.Graph's strongly connected
// components; each cycle is reported once, as a readable path of hops.
#include <boost/graph/compressed_sparse_row_graph.hpp>
#include <boost/graph/strong_components.hpp>

#include <algorithm>
#include <cassert>
#include <cstdint>
#include <deque>
#include <map>
#include <utility>

#include "graph/mesh_graph.hpp"

namespace meshgraph::graph {

namespace {

/// Compressed sparse rows: the edges in one array. An adjacency_list held a vector per vertex,
/// 100,000 heap blocks on a large mesh, and took a third of check's rules stage to build.
using Digraph = boost::compressed_sparse_row_graph<boost::directedS>;
using Edge = std::pair<std::size_t, std::size_t>;

/// The vertices of each strongly connected component that holds a cycle (two or more vertices,
/// or one with an edge to itself), each sorted; components in order of their smallest vertex.
/// `edges` are sorted by source.
std::vector<std::vector<std::size_t>> cyclic_components(std::size_t vertex_count,
                                                        const std::vector<Edge>& edges) {
  // Boost trusts edges_are_sorted; unsorted edges would write past its arrays.
  assert(std::is_sorted(edges.begin(), edges.end(),
                        [](const Edge& a, const Edge& b) { return a.first < b.first; }));
  const Digraph graph(boost::edges_are_sorted, edges.begin(), edges.end(), vertex_count);
  std::vector<int> component(vertex_count);
  const int count = boost::strong_components(
      graph, boost::make_iterator_property_map(component.begin(), boost::get(boost::vertex_index, graph)));
  std::vector<std::uint32_t> sizes(static_cast<std::size_t>(count));
  for (const int c : component) ++sizes[static_cast<std::size_t>(c)];
  std::vector<bool> cyclic(static_cast<std::size_t>(count));
  for (std::size_t c = 0; c < sizes.size(); ++c) cyclic[c] = sizes[c] > 1;
  for (const auto& [from, to] : edges) {
    if (from == to) cyclic[static_cast<std::size_t>(component[from])] = true;
  }
  // Only cyclic components get a list: almost every vertex is a component of its own.
  std::vector<std::vector<std::size_t>> members;
  std::vector<std::size_t> slot(static_cast<std::size_t>(count), SIZE_MAX);
  for (std::size_t v = 0; v < vertex_count; ++v) {
    const auto c = static_cast<std::size_t>(component[v]);
    if (!cyclic[c]) continue;
    if (slot[c] == SIZE_MAX) {
      slot[c] = members.size();
      members.emplace_back().reserve(sizes[c]);
    }
    members[slot[c]].push_back(v);
  }
  return members;
}

}  // namespace

std::vector<std::vector<NodeId>> MeshGraph::node_cycles() const {
  std::vector<Edge> edges;
  edges.reserve(children_.value_count());
  for (NodeId parent = 0; parent < nodes_.size(); ++parent) {
    for (NodeId child : children_[parent]) edges.emplace_back(parent, child);
  }
  std::vector<std::vector<NodeId>> cycles;
  for (const std::vector<std::size_t>& component : cyclic_components(nodes_.size(), edges)) {
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
  std::vector<Edge> edges;
  for (const ProjectEdge& edge : project_edges_) edges.emplace_back(edge.from, edge.to);
  std::sort(edges.begin(), edges.end());
  std::vector<std::vector<ProjectId>> cycles;
  for (const std::vector<std::size_t>& component : cyclic_components(projects_.size(), edges)) {
    cycles.emplace_back(component.begin(), component.end());
  }
  std::sort(cycles.begin(), cycles.end());
  return cycles;
}

}  // namespace meshgraph::graph
