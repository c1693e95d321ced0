// MESH202 model-cycle: models that ref each other in a cycle across projects.
#include <doctest/doctest.h>
#include <fmt/format.h>

#include <algorithm>

#include "check/queries.hpp"
#include "check/rule.hpp"
#include "graph/mesh_graph.hpp"
#include "tests/support/rule_fixture.hpp"

namespace meshgraph::rules {

namespace {

constexpr std::string_view kDoc = R"(## What it flags
Models that ref each other in a cycle, across projects: each project's manifest is fine on its
own, but together they loop. The message lists every hop.

## Why it matters
A model cycle can never be built from scratch: whichever project runs first reads a stale or
missing relation. dbt cannot see it, because each project is parsed alone with copies of the
other's models; dbt Cloud forbids it even where project cycles are allowed.

## Example
```sql
-- data_platform/models/fct_intake_summary.sql
select * from {{ ref('rescue_operations', 'intake_triage') }}
-- rescue_operations/models/intake_triage.sql
select * from {{ ref('data_platform', 'fct_intake_summary') }}
```

## How to fix
Remove one ref of the cycle: compute what the upstream model needs in the upstream project
itself, or split the downstream model so that the part the upstream model reads does not
depend on it.
)";

std::string hop_name(const graph::MeshGraph& mesh, graph::NodeId id) {
  return fmt::format("'{}.{}'", mesh.project_of(id).name, mesh.node(id).name);
}

void check(const check::CheckContext& context, check::Reporter& reporter) {
  const graph::MeshGraph& mesh = context.mesh;
  for (std::vector<graph::NodeId> hops : mesh.node_cycles()) {
    // node_cycles lists hops in data-flow order; a reader follows refs, so reverse it.
    std::reverse(hops.begin(), hops.end());
    std::string path = hop_name(mesh, hops.front());
    for (std::size_t i = 1; i < hops.size(); ++i) {
      path += fmt::format(" refs {}", hop_name(mesh, hops[i]));
    }
    const graph::NodeId start = hops.front();
    const load::Ref* first_ref = nullptr;
    for (std::size_t index : mesh.refs_from(start)) {
      if (mesh.refs()[index].target == hops[1]) {
        first_ref = mesh.refs()[index].ref;
        break;
      }
    }
    check::Diagnostic diagnostic;
    diagnostic.message = fmt::format("models ref each other in a cycle: {}", path);
    diagnostic.help = "remove one ref of the cycle; dbt cannot build models that depend on themselves";
    diagnostic.location = check::node_location(mesh, start, first_ref);
    for (std::size_t i = 1; i + 1 < hops.size(); ++i) {
      diagnostic.related.push_back(mesh.node(hops[i]).unique_id);
    }
    std::sort(diagnostic.related.begin(), diagnostic.related.end());
    diagnostic.notes = {check::node_note(mesh, start)};
    reporter.report(std::move(diagnostic));
  }
}

}  // namespace

extern const check::Rule kMesh202ModelCycle;
const check::Rule kMesh202ModelCycle{
    {"MESH202", "model-cycle", check::Severity::Error,
     "models that ref each other in a cycle across projects", kDoc},
    check};

TEST_CASE("MESH202 flags a model cycle across two projects with every hop") {
  const auto findings = testing::check_rule_fixture(kMesh202ModelCycle, "mesh202/violates");
  REQUIRE(findings.size() == 1);
  CHECK(findings[0].location.unique_id == "model.consumer.fct_orders");
  CHECK(findings[0].related == std::vector<std::string>{"model.producer.dim_customers"});
  CHECK(findings[0].message ==
        "models ref each other in a cycle: 'consumer.fct_orders' refs 'producer.dim_customers' "
        "refs 'consumer.fct_orders'");
}

TEST_CASE("MESH202 is silent when projects depend on each other without a model cycle") {
  CHECK(testing::check_rule_fixture(kMesh202ModelCycle, "mesh202/passes").empty());
}

}  // namespace meshgraph::rules
