// Internal to the diagram builders (draw_*_level.cpp): collecting nodes, edges and clusters by
// id so the diagram comes out sorted, and turning findings into marks and tooltip lines.
#pragma once

#include <map>
#include <optional>
#include <span>
#include <string>
#include <utility>
#include <vector>

#include "report/draw_diagram.hpp"

namespace meshgraph::report::detail {

/// Collects the diagram keyed by id; finish() lays it out in id order, whatever the order of
/// the mesh, so the output is the same run to run.
class DiagramBuilder {
 public:
  /// The node with this id; `created` says whether this call made it.
  DiagramNode& node(const std::string& id, bool& created);
  bool has_node(const std::string& id) const { return nodes_.contains(id); }
  DiagramEdge& edge(const std::string& from, const std::string& to) { return edges_[{from, to}]; }
  /// The cluster with this id, inside `parent` ("" for the top level).
  DiagramCluster& cluster(const std::string& id, const std::string& parent = {});
  void place(const std::string& node_id, const std::string& cluster_id) {
    node_cluster_[node_id] = cluster_id;
  }
  Diagram finish(DiagramLevel level, Highlight highlight, std::string title);

 private:
  std::map<std::string, DiagramNode> nodes_;
  std::map<std::pair<std::string, std::string>, DiagramEdge> edges_;
  std::map<std::string, DiagramCluster> clusters_;
  std::map<std::string, std::string> cluster_parent_;
  std::map<std::string, std::string> node_cluster_;
};

/// Error, Warning or Note for the most severe of `findings`; None when there are none.
Mark severity_mark(std::span<const check::Diagnostic* const> findings);

/// Sorted, unique rule ids of `findings`, added to `rules`.
void add_rules(std::span<const check::Diagnostic* const> findings, std::vector<std::string>& rules);

/// "MESH001 error: ref to private model …", one per finding, added to `tooltip`.
void add_finding_lines(std::span<const check::Diagnostic* const> findings,
                       std::vector<std::string>& tooltip);

/// At most `limit` bytes of `text`, cut at a character boundary, with "…" when cut.
std::string shorten(std::string_view text, std::size_t limit);

Diagram build_model_diagram(const graph::MeshGraph& mesh, const MeshMarks& marks,
                            const std::optional<std::vector<graph::NodeId>>& focus);
Diagram build_project_diagram(const graph::MeshGraph& mesh, const MeshMarks& marks,
                              const std::optional<std::vector<graph::NodeId>>& focus);

}  // namespace meshgraph::report::detail
