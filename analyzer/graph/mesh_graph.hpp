// MeshGraph: every node of every project of the mesh, with refs resolved across projects.
// Boost.Graph is used inside graph/ only; this interface speaks plain indices and spans.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "graph/adjacency.hpp"
#include "load/manifest.hpp"

namespace meshgraph::graph {

using NodeId = std::uint32_t;     ///< index into MeshGraph::nodes()
using ProjectId = std::uint32_t;  ///< index into MeshGraph::projects()

struct Project {
  std::string name;
  const load::Manifest* manifest;
};

/// A node owned by a project of the mesh: its own models, tests, sources, exposures, and the
/// nodes of packages it installs. Copies of other projects' nodes are not MeshNodes.
struct MeshNode {
  const load::Node* node;
  ProjectId project;
};

enum class RefStatus : std::uint8_t {
  Resolved,
  MissingNode,     ///< the referenced project has no model of that name
  MissingVersion,  ///< the model exists, that version does not
  MissingProject,  ///< the ref points into a project that is not an INPUT
};

/// One `ref()` of one node, resolved as meshgraph resolves it: a ref into another project of
/// the mesh resolves against that project's own manifest, never the consumer's copy.
struct ResolvedRef {
  NodeId from;
  const load::Ref* ref;
  RefStatus status = RefStatus::Resolved;
  std::optional<NodeId> target;  ///< set when Resolved
  load::Text target_project;    ///< the project the ref points into
  load::Text target_unique_id;  ///< resolved id, or the id it would have had
  bool is_cross_project = false;
  /// The consumer's copy the ref went through, when it went through one.
  const load::Node* local_copy = nullptr;
};

/// A consumer project's copy of another project's node (injected by dbt-loom or dbt Cloud,
/// or installed as a package).
struct Copy {
  ProjectId consumer;
  const load::Node* copy;
  std::optional<NodeId> original;  ///< the node in its own project's manifest, if it exists
  load::Text owner_project;        ///< package_name of the copy
};

/// A project dependency: `from` refs models of `to`; `refs` index MeshGraph::refs().
struct ProjectEdge {
  ProjectId from;
  ProjectId to;
  std::vector<std::size_t> refs;
};

class MeshGraph {
 public:
  /// Builds the mesh. Throws load::InputError when two manifests belong to the same project.
  static MeshGraph build(std::vector<load::Manifest> manifests);
  /// The same over shared manifests: `impact`'s base and head meshes share the projects a pull
  /// request did not rebuild, rather than each holding a copy.
  static MeshGraph build(std::vector<std::shared_ptr<const load::Manifest>> manifests);

  MeshGraph(MeshGraph&&) noexcept = default;
  MeshGraph& operator=(MeshGraph&&) noexcept = default;

  std::span<const Project> projects() const { return projects_; }
  std::span<const MeshNode> nodes() const { return nodes_; }
  std::span<const ResolvedRef> refs() const { return refs_; }
  std::span<const Copy> copies() const { return copies_; }
  std::span<const ProjectEdge> project_edges() const { return project_edges_; }

  const load::Node& node(NodeId id) const { return *nodes_[id].node; }
  const Project& project_of(NodeId id) const { return projects_[nodes_[id].project]; }
  std::optional<ProjectId> find_project(std::string_view name) const;
  /// The node with this unique_id in the project that defines it.
  std::optional<NodeId> find(std::string_view unique_id) const;
  /// The group a node belongs to, from its own project's manifest; null when it has none.
  const load::Group* group_of(NodeId id) const;

  /// Downstream and upstream neighbours through resolved refs and source dependencies.
  std::span<const NodeId> children(NodeId id) const { return children_[id]; }
  std::span<const NodeId> parents(NodeId id) const { return parents_[id]; }
  /// Indices into refs() of the refs made by a node, in call order.
  std::span<const std::size_t> refs_from(NodeId id) const { return refs_from_[id]; }

  /// Each model-level cycle once, as its hops: [a, b, …, a], starting at its smallest unique_id.
  std::vector<std::vector<NodeId>> node_cycles() const;
  /// Each set of projects that depend on each other in a cycle (a strongly connected
  /// component of the project graph), sorted by name.
  std::vector<std::vector<ProjectId>> project_cycles() const;

 private:
  MeshGraph() = default;
  void add_projects();
  void add_nodes();
  void resolve_refs();
  void add_edges();
  void add_project_edges();

  std::vector<std::shared_ptr<const load::Manifest>> manifests_;
  /// Text the graph makes: project names as Text, the ids unresolved refs would have had.
  std::unique_ptr<load::TextStore> text_ = std::make_unique<load::TextStore>();
  std::vector<load::Text> project_names_;
  std::vector<Project> projects_;
  std::vector<MeshNode> nodes_;
  std::vector<ResolvedRef> refs_;
  std::vector<Copy> copies_;
  std::vector<ProjectEdge> project_edges_;
  Adjacency<NodeId> children_;       ///< sorted
  Adjacency<NodeId> parents_;        ///< sorted
  Adjacency<std::size_t> refs_from_;  ///< indices into refs_, in call order
  std::unordered_map<std::string_view, NodeId> by_unique_id_;
};

/// True when the ref pins a version. dbt treats `v=0` as unpinned (semantics §3.2).
bool is_pinned(const load::Ref& ref);

/// dbt's version order: numeric when both parse as numbers, else as strings.
bool version_less(std::string_view a, std::string_view b);

}  // namespace meshgraph::graph
