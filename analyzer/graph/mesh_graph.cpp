// Builds the mesh: which project owns each node, how every ref resolves, project edges.
#include "graph/mesh_graph.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <map>
#include <stdexcept>

#include "graph/refable_index.hpp"
#include "load/input_error.hpp"

namespace meshgraph::graph {

namespace {

std::string missing_unique_id(std::string_view package, const load::Ref& ref) {
  std::string id = fmt::format("model.{}.{}", package, ref.name);
  if (is_pinned(ref)) id += fmt::format(".v{}", *ref.version);
  return id;
}

}  // namespace

/// State used only while building; kept out of the class so the graph stays small.
struct BuildState {
  std::vector<RefableIndex> indexes;  ///< per project
  /// Per project, the NodeId of each node of its manifest, by position in Manifest::nodes
  /// (kNoNode for copies): a ref's pick is a node of the manifest, so no lookup by id is needed.
  std::vector<std::vector<NodeId>> own_nodes;
};

constexpr NodeId kNoNode = ~NodeId{0};

MeshGraph MeshGraph::build(std::vector<load::Manifest> manifests) {
  std::vector<std::shared_ptr<const load::Manifest>> shared;
  shared.reserve(manifests.size());
  for (load::Manifest& manifest : manifests) {
    shared.push_back(std::make_shared<const load::Manifest>(std::move(manifest)));
  }
  return build(std::move(shared));
}

MeshGraph MeshGraph::build(std::vector<std::shared_ptr<const load::Manifest>> manifests) {
  std::sort(manifests.begin(), manifests.end(), [](const auto& a, const auto& b) {
    return std::tie(a->project_name, a->path) < std::tie(b->project_name, b->path);
  });
  for (std::size_t i = 1; i < manifests.size(); ++i) {
    if (manifests[i]->project_name == manifests[i - 1]->project_name) {
      throw load::InputError(
          manifests[i]->path,
          fmt::format("this manifest is of project '{}', and so is '{}'", manifests[i]->project_name,
                      manifests[i - 1]->path),
          "give each project of the mesh once: remove one of the two inputs, or, when one is a "
          "pull-request build kept beside the mesh, list its folder under 'exclude:' in meshgraph.yml");
    }
  }
  MeshGraph mesh;
  mesh.manifests_ = std::move(manifests);
  mesh.add_projects();
  mesh.add_nodes();
  mesh.resolve_refs();
  mesh.add_edges();
  mesh.add_project_edges();
  return mesh;
}

void MeshGraph::add_projects() {
  for (const std::shared_ptr<const load::Manifest>& manifest : manifests_) {
    projects_.push_back(Project{manifest->project_name, manifest.get()});
    project_names_.push_back(text_->intern(manifest->project_name));
  }
}

std::optional<ProjectId> MeshGraph::find_project(std::string_view name) const {
  auto it = std::lower_bound(projects_.begin(), projects_.end(), name,
                             [](const Project& p, std::string_view n) { return p.name < n; });
  if (it == projects_.end() || it->name != name) return std::nullopt;
  return static_cast<ProjectId>(it - projects_.begin());
}

std::optional<NodeId> MeshGraph::find(std::string_view unique_id) const {
  auto it = by_unique_id_.find(unique_id);
  if (it == by_unique_id_.end()) return std::nullopt;
  return it->second;
}

const load::Group* MeshGraph::group_of(NodeId id) const {
  const load::Node& n = node(id);
  if (n.group.empty()) return nullptr;
  return project_of(id).manifest->find_group(n.group);
}

void MeshGraph::add_nodes() {
  std::size_t total = 0;
  for (const Project& project : projects_) total += project.manifest->nodes.size();
  nodes_.reserve(total);
  by_unique_id_.reserve(total);
  for (ProjectId p = 0; p < projects_.size(); ++p) {
    const Project& project = projects_[p];
    for (const load::Node& node : project.manifest->nodes) {
      const bool is_other_mesh_project =
          node.package_name != project.name && find_project(node.package_name).has_value();
      // A stub injected from a project that is not an INPUT: still someone else's node.
      const bool is_foreign_stub = node.is_external && node.package_name != project.name;
      if (is_other_mesh_project || is_foreign_stub) {
        copies_.push_back(Copy{p, &node, std::nullopt, node.package_name});
        continue;
      }
      const auto id = static_cast<NodeId>(nodes_.size());
      nodes_.push_back(MeshNode{&node, p});
      // A package installed in several projects has the same unique_id in each; the copy in
      // the project that defines it wins, else the first project in name order.
      auto [it, inserted] = by_unique_id_.try_emplace(node.unique_id, id);
      if (!inserted && node.package_name == project.name) it->second = id;
    }
  }
  for (Copy& copy : copies_) {
    std::optional<ProjectId> owner = find_project(copy.owner_project);
    std::optional<NodeId> original = find(copy.copy->unique_id);
    if (owner && original && nodes_[*original].project == *owner) copy.original = original;
  }
}

void MeshGraph::resolve_refs() {
  BuildState state;
  state.own_nodes.resize(projects_.size());
  for (ProjectId p = 0; p < projects_.size(); ++p) {
    state.indexes.emplace_back(*projects_[p].manifest);
    state.own_nodes[p].assign(projects_[p].manifest->nodes.size(), kNoNode);
  }
  for (NodeId id = 0; id < nodes_.size(); ++id) {
    const load::Manifest& manifest = *projects_[nodes_[id].project].manifest;
    state.own_nodes[nodes_[id].project][static_cast<std::size_t>(nodes_[id].node - manifest.nodes.data())] = id;
  }
  // One allocation of the final size: grown by doubling, the 100,000s of refs of a large mesh
  // were moved and faulted in several times over (perf, docs/performance.md).
  std::size_t ref_count = 0;
  for (const MeshNode& node : nodes_) ref_count += node.node->refs.size();
  refs_.reserve(ref_count);

  for (NodeId id = 0; id < nodes_.size(); ++id) {
    const load::Node& from = *nodes_[id].node;
    const ProjectId p = nodes_[id].project;
    const RefableIndex& local = state.indexes[p];
    for (const load::Ref& ref : from.refs) {
      ResolvedRef resolved;
      resolved.from = id;
      resolved.ref = &ref;
      // dbt searches an explicit package only; otherwise the node's own package, the current
      // project, then any package that has the name (semantics §3.2).
      // Each lookup is kept: the package's nodes in this manifest are looked up once, not again
      // for the pick and for a target in this same project (three binary searches a ref were
      // half of building the graph).
      std::string_view package;
      std::span<const load::Node* const> local_versions;
      if (ref.package) {
        package = *ref.package;
        local_versions = local.find(package, ref.name);
      } else if (local_versions = local.find(from.package_name, ref.name); !local_versions.empty()) {
        package = from.package_name;
      } else if (local_versions = local.find(projects_[p].name, ref.name); !local_versions.empty()) {
        package = projects_[p].name;
      } else {
        std::vector<std::string_view> packages = local.packages_with(ref.name);
        package = packages.empty() ? std::string_view(projects_[p].name) : packages.front();
        local_versions = local.find(package, ref.name);
      }
      const load::Node* local_pick = pick_version(local_versions, ref);
      std::optional<ProjectId> target_project =
          package == projects_[p].name ? std::optional<ProjectId>(p) : find_project(package);
      const bool is_local_package =
          !target_project && local_pick != nullptr && !local_pick->is_external;
      if (is_local_package) target_project = p;

      if (!target_project) {
        resolved.status = RefStatus::MissingProject;
        resolved.target_project = text_->intern(package);
        resolved.target_unique_id =
            local_pick != nullptr ? local_pick->unique_id : text_->intern(missing_unique_id(package, ref));
        resolved.local_copy = local_pick;
        resolved.is_cross_project = true;
      } else {
        const ProjectId q = *target_project;
        resolved.target_project = project_names_[q];
        resolved.is_cross_project = q != p;
        const std::span<const load::Node* const> versions =
            q == p ? local_versions : state.indexes[q].find(package, ref.name);
        const load::Node* pick = q == p ? local_pick : pick_version(versions, ref);
        if (q != p) resolved.local_copy = local_pick;
        if (pick == nullptr) {
          resolved.status = versions.empty() ? RefStatus::MissingNode : RefStatus::MissingVersion;
          resolved.target_unique_id = text_->intern(missing_unique_id(package, ref));
        } else {
          const load::Manifest& manifest = *projects_[q].manifest;
          const NodeId target = state.own_nodes[q][static_cast<std::size_t>(pick - manifest.nodes.data())];
          if (target == kNoNode) throw std::logic_error("a ref resolved to a copy, not a node of the mesh");
          resolved.target = target;
          resolved.target_unique_id = pick->unique_id;
        }
      }
      refs_.push_back(std::move(resolved));
    }
  }
}

void MeshGraph::add_edges() {
  // Refs are made node by node, in order: each node's refs are one run of refs_.
  std::vector<std::pair<NodeId, std::size_t>> ref_runs;
  ref_runs.reserve(refs_.size());
  for (std::size_t i = 0; i < refs_.size(); ++i) ref_runs.emplace_back(refs_[i].from, i);
  refs_from_ = Adjacency<std::size_t>::from_sorted(nodes_.size(), ref_runs);

  std::vector<std::pair<NodeId, NodeId>> edges;  // (parent, child); duplicates removed below
  edges.reserve(refs_.size());
  for (const ResolvedRef& ref : refs_) {
    if (ref.target) edges.emplace_back(*ref.target, ref.from);
  }
  // Sources are not refs; depends_on is their only record.
  for (NodeId id = 0; id < nodes_.size(); ++id) {
    for (const std::string_view parent : nodes_[id].node->depends_on_sources) {
      std::optional<NodeId> source = find(parent);
      if (source) edges.emplace_back(*source, id);
    }
  }
  std::sort(edges.begin(), edges.end());
  edges.erase(std::unique(edges.begin(), edges.end()), edges.end());
  children_ = Adjacency<NodeId>::from_sorted(nodes_.size(), edges);
  for (auto& [parent, child] : edges) std::swap(parent, child);
  std::sort(edges.begin(), edges.end());
  parents_ = Adjacency<NodeId>::from_sorted(nodes_.size(), edges);
}

void MeshGraph::add_project_edges() {
  std::map<std::pair<ProjectId, ProjectId>, std::vector<std::size_t>> edges;
  for (std::size_t i = 0; i < refs_.size(); ++i) {
    const ResolvedRef& ref = refs_[i];
    if (!ref.is_cross_project || ref.status == RefStatus::MissingProject) continue;
    const ProjectId from = nodes_[ref.from].project;
    const ProjectId to = *find_project(ref.target_project);
    edges[{from, to}].push_back(i);
  }
  for (auto& [key, refs] : edges) {
    std::sort(refs.begin(), refs.end(), [&](std::size_t a, std::size_t b) {
      return std::tie(nodes_[refs_[a].from].node->unique_id, refs_[a].target_unique_id) <
             std::tie(nodes_[refs_[b].from].node->unique_id, refs_[b].target_unique_id);
    });
    project_edges_.push_back(ProjectEdge{key.first, key.second, std::move(refs)});
  }
}

}  // namespace meshgraph::graph
