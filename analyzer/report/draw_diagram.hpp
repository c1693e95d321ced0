// The diagram `meshgraph graph` draws: nodes, clusters and edges with their marks decided once,
// from the mesh, its findings and a change's blast radius, so DOT, Mermaid and HTML agree.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "check/diagnostic.hpp"
#include "graph/mesh_graph.hpp"

namespace meshgraph::report {

enum class DiagramLevel : std::uint8_t { Project, Model };
enum class Highlight : std::uint8_t { None, Check, Impact };

enum class NodeKind : std::uint8_t { Project, Model, Seed, Snapshot, Source, Exposure, Missing };

/// How a node or edge stands out: the most severe finding on it, its place in a change's blast
/// radius, or dimmed (outside the blast radius).
enum class Mark : std::uint8_t { None, Note, Warning, Error, Changed, Downstream, Dimmed };

struct DiagramNode {
  std::string id;    ///< unique_id; `project.<name>` at project level
  std::string name;  ///< what a reader searches for: the model or project name
  NodeKind kind = NodeKind::Model;
  std::vector<std::string> label;                 ///< lines, unescaped
  std::vector<std::string> tooltip;               ///< lines, unescaped
  load::Access access = load::Access::Protected;  ///< models only
  Mark mark = Mark::None;
  std::vector<std::string> rules;  ///< ids of the findings on it, sorted, unique
};

struct DiagramEdge {
  std::size_t from = 0;  ///< index into Diagram::nodes: the upstream end (data flows from → to)
  std::size_t to = 0;
  std::string label;
  std::vector<std::string> tooltip;
  bool is_cross_project = false;
  bool breaks_policy = false;  ///< a project-dependency finding (MESH2xx) on one of its refs
  Mark mark = Mark::None;
  std::vector<std::string> rules;
};

/// A project (model level), or a group inside its project.
struct DiagramCluster {
  std::string id;  ///< `project.<name>` or `group.<project>.<name>`
  std::string label;
  std::vector<std::string> tooltip;
  bool is_group = false;
  std::vector<std::size_t> clusters;  ///< nested groups, sorted by id
  std::vector<std::size_t> nodes;     ///< indices into Diagram::nodes, sorted by id
};

struct Diagram {
  DiagramLevel level = DiagramLevel::Project;
  Highlight highlight = Highlight::None;
  std::string title;
  std::vector<DiagramNode> nodes;
  std::vector<DiagramEdge> edges;  ///< sorted by (from id, to id)
  std::vector<DiagramCluster> clusters;
  std::vector<std::size_t> top_clusters;  ///< project clusters, sorted by name
  std::vector<std::size_t> top_nodes;     ///< nodes in no cluster, sorted by id
};

/// What marks the mesh carries: findings per node and per ref, and a change's blast radius.
struct MeshMarks {
  Highlight highlight = Highlight::None;
  std::span<const check::Diagnostic> findings;
  std::vector<std::vector<const check::Diagnostic*>> node_findings;  ///< per NodeId
  std::vector<std::vector<const check::Diagnostic*>> ref_findings;   ///< per index of refs()
  std::vector<Mark> impact;  ///< per NodeId: Changed, Downstream or Dimmed (Highlight::Impact)
};

/// Attaches findings to the nodes and refs they are about. A finding is on the node of its
/// unique_id, and on that node's refs to its related nodes. A cycle (a rule named `*-cycle`)
/// is on every ref between two of its nodes; a project cycle only on refs across projects.
MeshMarks mark_findings(const graph::MeshGraph& mesh, std::span<const check::Diagnostic> findings,
                        Highlight highlight);

/// The nodes a pull request changed, in `head`: those an impact finding names, and every model,
/// seed or snapshot that is new or whose SQL, contract, access, group or versions differ from
/// `base`.
std::vector<graph::NodeId> changed_nodes(const graph::MeshGraph& base, const graph::MeshGraph& head,
                                         std::span<const check::Diagnostic> impact_findings);

/// Marks `changed` nodes and everything downstream of them; every other node is dimmed.
void mark_blast_radius(const graph::MeshGraph& mesh, std::span<const graph::NodeId> changed,
                       MeshMarks& marks);

/// The nodes drawn at model level (models, seeds, snapshots, sources, exposures; a package's
/// node installed in several projects once), among `focus` when given.
std::vector<graph::NodeId> drawable_nodes(const graph::MeshGraph& mesh,
                                          const std::optional<std::vector<graph::NodeId>>& focus);

/// The diagram at `level`. `focus` limits it to those nodes (at project level: the projects
/// they are in, their models and the refs between them).
Diagram build_diagram(const graph::MeshGraph& mesh, DiagramLevel level, const MeshMarks& marks,
                      const std::optional<std::vector<graph::NodeId>>& focus);

}  // namespace meshgraph::report
