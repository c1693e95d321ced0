// Test support for the diagram tests: the Rainbow Road mesh, its findings as of the fixture's
// date, and lookups by id in a built diagram.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "check/diagnostic.hpp"
#include "graph/mesh_graph.hpp"
#include "report/draw_diagram.hpp"

namespace meshgraph::testing {

/// The four Rainbow Road manifests (not the pull-request copies under pr/).
graph::MeshGraph rainbow_road();

/// `meshgraph check fixtures/rainbow_road --as-of 2026-11-23`'s findings, with the fixture's
/// policy.
std::vector<check::Diagnostic> rainbow_road_findings(const graph::MeshGraph& mesh);

/// The node with this id; fails the test when there is none.
const report::DiagramNode& node_by_id(const report::Diagram& diagram, std::string_view id);

/// The edge between these ids, or null.
const report::DiagramEdge* find_edge(const report::Diagram& diagram, std::string_view from,
                                     std::string_view to);

}  // namespace meshgraph::testing
