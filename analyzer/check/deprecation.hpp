// Refs to models that carry a deprecation_date: the walk MESH101 (date passed) and MESH102
// (date near) share, and the finding both build from it. Semantics: dbt-mesh-semantics.md §3.3.
#pragma once

#include <string_view>
#include <vector>

#include "check/diagnostic.hpp"
#include "check/policy.hpp"
#include "graph/mesh_graph.hpp"

namespace meshgraph::check {

/// A resolved ref to a model (or model version) with a readable deprecation_date.
struct DeprecatedRef {
  const graph::ResolvedRef* ref;
  graph::NodeId target;  ///< the producer's own node, never the consumer's copy
  Date deprecation_date;
};

/// Every resolved ref from a model, snapshot or exposure to a model with a deprecation_date,
/// in refs() order. Tests are left out: a test on a deprecated model is its producer's own.
std::vector<DeprecatedRef> refs_to_deprecated_models(const graph::MeshGraph& mesh);

/// A finding at the `ref()` call: "<node> refs '<project>.<model>' vN (owner: …), <verdict>",
/// related to the target; the help names `ref(…, v=<latest>)` when a newer version exists,
/// else the owner to ask for the replacement.
Diagnostic deprecated_ref_finding(const graph::MeshGraph& mesh, const DeprecatedRef& found,
                                  std::string_view verdict);


}  // namespace meshgraph::check
