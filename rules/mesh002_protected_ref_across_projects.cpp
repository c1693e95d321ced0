// MESH002 protected-ref-across-projects: a ref to a protected model from another project.
#include <doctest/doctest.h>
#include <fmt/format.h>

#include "check/queries.hpp"
#include "check/rule.hpp"
#include "graph/mesh_graph.hpp"
#include "tests/support/rule_fixture.hpp"

namespace meshgraph::rules {

namespace {

constexpr std::string_view kDoc = R"(## What it flags
A `ref()` from one project of the mesh to a `protected` model of another. `protected` is dbt's
default access, so this is usually a model nobody decided to share.

## Why it matters
A protected model is free to change with its own project: its owners test their own consumers
and nobody else's. A consumer in another project is invisible to them until it breaks, as the
Rainbow Road People Ops model broke when Finance changed a Data Platform model. dbt Cloud never
exposes protected models to other projects and dbt-loom rejects the ref; dbt-core alone allows
it unless the producer sets `restrict-access: true`.

## Example
```sql
-- rescue_operations/models/animal_care_plan.sql
select * from {{ ref('data_platform', 'stg_animals') }}   -- stg_animals is protected
```

## How to fix
Ref one of the producer's public models instead. If none fits, ask its owners to publish one
(`access: public`, with an enforced contract and an owner), then ref it with its project name.

## When it does not apply
Refs inside one project, and refs to models of packages the project installs, are not
cross-project refs.
)";

void check(const check::CheckContext& context, check::Reporter& reporter) {
  const graph::MeshGraph& mesh = context.mesh;
  for (const graph::ResolvedRef& ref : mesh.refs()) {
    if (!ref.target || !ref.is_cross_project) continue;
    const load::Node& target = mesh.node(*ref.target);
    if (!target.is_model() || target.access != load::Access::Protected) continue;
    const load::Node& from = mesh.node(ref.from);

    check::Diagnostic diagnostic;
    diagnostic.message = fmt::format(
        "{} refs protected model {}: protected models are for project '{}' only, and this ref "
        "comes from project '{}'",
        check::describe_node(from), check::describe_ref_target(ref), ref.target_project,
        mesh.project_of(ref.from).name);
    diagnostic.help = fmt::format(
        "ref a public model of '{}' instead, or ask its owners to make '{}' public with a contract",
        ref.target_project, target.name);
    diagnostic.location = check::node_location(mesh, ref.from, ref.ref);
    diagnostic.related = {target.unique_id};
    diagnostic.notes = {check::node_note(mesh, ref.from)};
    reporter.report(std::move(diagnostic));
  }
}

}  // namespace

extern const check::Rule kMesh002ProtectedRefAcrossProjects;
const check::Rule kMesh002ProtectedRefAcrossProjects{
    {"MESH002", "protected-ref-across-projects", check::Severity::Error,
     "a ref to a protected model from another project of the mesh", kDoc},
    check};

TEST_CASE("MESH002 flags a protected model reffed from another project") {
  const auto findings =
      testing::check_rule_fixture(kMesh002ProtectedRefAcrossProjects, "mesh002/violates");
  REQUIRE(findings.size() == 1);
  CHECK(findings[0].location.unique_id == "model.consumer.fct_orders");
  CHECK(findings[0].related == std::vector<std::string>{"model.producer.stg_orders"});
  CHECK(findings[0].message ==
        "model 'fct_orders' refs protected model 'producer.stg_orders': protected models are for "
        "project 'producer' only, and this ref comes from project 'consumer'");
}

TEST_CASE("MESH002 is silent on public targets and refs inside a project") {
  CHECK(testing::check_rule_fixture(kMesh002ProtectedRefAcrossProjects, "mesh002/passes").empty());
}

}  // namespace meshgraph::rules
