// Breadth-first walk downstream; shortest paths come from the BFS parents.
#include "impact/blast_radius.hpp"

#include <algorithm>
#include <deque>
#include <set>
#include <unordered_map>

#include "check/queries.hpp"

namespace meshgraph::impact {

namespace {

bool is_consumer(const load::Node& node) {
  return node.resource_type == load::ResourceType::Model ||
         node.resource_type == load::ResourceType::Snapshot ||
         node.resource_type == load::ResourceType::Exposure;
}

void sort_unique(std::vector<std::string>& values) {
  std::sort(values.begin(), values.end());
  values.erase(std::unique(values.begin(), values.end()), values.end());
}

}  // namespace

Downstream downstream_of(const graph::MeshGraph& mesh, graph::NodeId start) {
  Downstream result;
  std::unordered_map<graph::NodeId, graph::NodeId> parent{{start, start}};
  std::deque<graph::NodeId> queue{start};
  while (!queue.empty()) {
    const graph::NodeId current = queue.front();
    queue.pop_front();
    for (graph::NodeId child : mesh.children(current)) {
      if (!is_consumer(mesh.node(child)) || !parent.try_emplace(child, current).second) continue;
      queue.push_back(child);
      const load::Node& node = mesh.node(child);
      const std::string& project = mesh.project_of(child).name;
      std::string owner;
      if (node.resource_type == load::ResourceType::Exposure) {
        result.exposures.emplace_back(node.unique_id);
        owner = check::describe_owner(node.details->owner);
      } else {
        result.models.emplace_back(node.unique_id);
        owner = check::model_owner(mesh, child);
      }
      if (!owner.empty()) result.owners.push_back(owner);
      result.projects.push_back(project);
      ConsumerPath path{std::string(node.unique_id), project, {}};
      for (graph::NodeId at = child; at != start; at = parent.at(at)) path.hops.emplace_back(mesh.node(at).unique_id);
      path.hops.emplace_back(mesh.node(start).unique_id);
      std::reverse(path.hops.begin(), path.hops.end());
      result.paths.push_back(std::move(path));
    }
  }
  sort_unique(result.models);
  sort_unique(result.projects);
  sort_unique(result.exposures);
  sort_unique(result.owners);
  std::sort(result.paths.begin(), result.paths.end(),
            [](const ConsumerPath& a, const ConsumerPath& b) { return a.unique_id < b.unique_id; });
  return result;
}

void merge_downstream(Downstream& into, const Downstream& other) {
  auto append = [](std::vector<std::string>& to, const std::vector<std::string>& from) {
    to.insert(to.end(), from.begin(), from.end());
    sort_unique(to);
  };
  append(into.models, other.models);
  append(into.projects, other.projects);
  append(into.exposures, other.exposures);
  append(into.owners, other.owners);
  std::set<std::string> known;
  for (const ConsumerPath& path : into.paths) known.insert(path.unique_id);
  for (const ConsumerPath& path : other.paths) {
    if (!known.contains(path.unique_id)) into.paths.push_back(path);
  }
  std::sort(into.paths.begin(), into.paths.end(),
            [](const ConsumerPath& a, const ConsumerPath& b) { return a.unique_id < b.unique_id; });
}

}  // namespace meshgraph::impact
