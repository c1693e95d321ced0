// Everything downstream of a changed model, across projects: the models, projects, exposures
// and owners a change reaches, with the path to each, so the right people hear of it first.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "graph/mesh_graph.hpp"

namespace meshgraph::impact {

/// One consumer and how the change reaches it: [changed, …, consumer] unique_ids.
struct ConsumerPath {
  std::string unique_id;
  std::string project;
  std::vector<std::string> hops;
};

struct Downstream {
  std::vector<std::string> models;     ///< unique_ids, sorted
  std::vector<std::string> projects;   ///< names, sorted
  std::vector<std::string> exposures;  ///< unique_ids, sorted
  std::vector<std::string> owners;     ///< "Name <email>", sorted, deduplicated
  std::vector<ConsumerPath> paths;     ///< one per model and exposure, sorted by unique_id
};

/// The transitive downstream closure of `start` through refs (tests are not consumers and are
/// not followed). Paths are shortest paths.
Downstream downstream_of(const graph::MeshGraph& mesh, graph::NodeId start);

/// `into` ∪ `other`, kept sorted; a consumer in both keeps its path from `into`.
void merge_downstream(Downstream& into, const Downstream& other);

/// A flagged change with its blast radius: the `impact` entries of the JSON report.
struct ImpactEntry {
  std::string unique_id;
  std::string project;
  std::string change;  ///< the rule's name: breaking-contract-change, public-model-logic-changed, …
  std::map<std::string, std::vector<std::string>> details;
  bool versioned = false;  ///< the changed model has versions
  Downstream downstream;
};

}  // namespace meshgraph::impact
