// MESH201 project-cycle: projects that depend on each other in a cycle.
#include <doctest/doctest.h>
#include <fmt/format.h>

#include <algorithm>
#include <set>

#include "check/queries.hpp"
#include "check/rule.hpp"
#include "graph/mesh_graph.hpp"
#include "tests/support/rule_fixture.hpp"

namespace meshgraph::rules {

namespace {

constexpr std::string_view kDoc = R"(## What it flags
Projects of the mesh that depend on each other in a cycle: A refs B and B refs A, directly or
through other projects. The message lists the projects and one ref for each dependency.

## Why it matters
A project graph with a cycle has no build order: neither project can be deployed, versioned or
rolled back on its own, and ownership blurs into a distributed monolith. dbt Cloud rejects project
cycles unless an account flag allows them.

## Example
```sql
-- data_platform/models/fct_intake_summary.sql
select * from {{ ref('rescue_operations', 'intake_triage') }}
-- rescue_operations/models/intake_triage.sql
select * from {{ ref('data_platform', 'fct_intake_summary') }}
```

## How to fix
Decide which project is upstream. Move the shared logic into it (often the platform project),
and have the other project consume it through a public model, so every dependency points one way.
)";

void check(const check::CheckContext& context, check::Reporter& reporter) {
  const graph::MeshGraph& mesh = context.mesh;
  for (const std::vector<graph::ProjectId>& cycle : mesh.project_cycles()) {
    std::vector<std::string> names;
    std::vector<std::string> edges;
    std::set<std::string> related;
    const graph::ResolvedRef* first = nullptr;
    for (graph::ProjectId p : cycle) names.push_back(mesh.projects()[p].name);
    for (const graph::ProjectEdge& edge : mesh.project_edges()) {
      const bool inside = std::binary_search(cycle.begin(), cycle.end(), edge.from) &&
                          std::binary_search(cycle.begin(), cycle.end(), edge.to);
      if (!inside) continue;
      const graph::ResolvedRef& ref = mesh.refs()[edge.refs.front()];
      if (first == nullptr) first = &ref;
      edges.push_back(fmt::format("{} -> {} ({} refs {})", mesh.projects()[edge.from].name,
                                  mesh.projects()[edge.to].name,
                                  check::describe_node(mesh.node(ref.from)),
                                  check::describe_ref_target(ref)));
      related.insert(mesh.node(ref.from).unique_id);
      related.insert(ref.target_unique_id);
    }
    related.erase(mesh.node(first->from).unique_id);

    check::Diagnostic diagnostic;
    diagnostic.message = fmt::format("projects '{}' depend on each other in a cycle: {}",
                                     fmt::join(names, "', '"), fmt::join(edges, "; "));
    diagnostic.help =
        "decide which project is upstream and move the shared logic there, so every project "
        "dependency points one way";
    diagnostic.location = check::node_location(mesh, first->from, first->ref);
    diagnostic.related.assign(related.begin(), related.end());
    diagnostic.notes = {check::node_note(mesh, first->from)};
    reporter.report(std::move(diagnostic));
  }
}

}  // namespace

extern const check::Rule kMesh201ProjectCycle;
const check::Rule kMesh201ProjectCycle{
    {"MESH201", "project-cycle", check::Severity::Error,
     "projects that depend on each other in a cycle", kDoc},
    check};

TEST_CASE("MESH201 flags two projects that ref each other, once") {
  const auto findings = testing::check_rule_fixture(kMesh201ProjectCycle, "mesh201/violates");
  REQUIRE(findings.size() == 1);
  CHECK(findings[0].location.unique_id == "model.consumer.fct_orders");
  CHECK(findings[0].message ==
        "projects 'consumer', 'producer' depend on each other in a cycle: consumer -> producer "
        "(model 'fct_orders' refs 'producer.dim_customers'); producer -> consumer (model "
        "'dim_regions' refs 'consumer.fct_orders')");
}

TEST_CASE("MESH201 is silent on a project graph without cycles") {
  CHECK(testing::check_rule_fixture(kMesh201ProjectCycle, "mesh201/passes").empty());
}

}  // namespace meshgraph::rules
