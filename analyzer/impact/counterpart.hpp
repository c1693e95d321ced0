// Pairs a model on the main branch (base) with the same model in the pull request (head), and
// finds the consumers a change to it reaches.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "graph/mesh_graph.hpp"

namespace meshgraph::impact {

/// The head node that is `base_id`'s model: the same unique_id; or, when an unversioned model
/// became versioned (model.p.m → model.p.m.v1, …), the version with the same SQL checksum, else
/// the lowest version. dbt itself reports that conversion as a deletion (semantics §4.3); a
/// reviewer sees the model carried on, so meshgraph compares it with its versioned self.
std::optional<graph::NodeId> find_counterpart(const graph::MeshGraph& base, graph::NodeId base_id,
                                              const graph::MeshGraph& head);

/// Whether the project of `base_id` was rebuilt in the pull request; projects the PR left
/// alone are taken from base, and nothing in them changed.
bool is_in_changed_project(const graph::MeshGraph& base, graph::NodeId base_id,
                           const graph::MeshGraph& head);

/// Nodes of other projects that ref `target` (models, snapshots, exposures; not tests), sorted
/// by unique_id.
std::vector<graph::NodeId> consumers_in_other_projects(const graph::MeshGraph& mesh, graph::NodeId target);

/// "'finance_marketing.fct_cost_per_adoption', 'people_ops.volunteer_placement_impact'".
std::string list_nodes(const graph::MeshGraph& mesh, const std::vector<graph::NodeId>& ids);

}  // namespace meshgraph::impact
