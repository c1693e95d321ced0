// MESH103 unpinned-cross-project-ref: a cross-project ref without v= to a versioned model.
#include <doctest/doctest.h>
#include <fmt/format.h>

#include "check/policy.hpp"
#include "check/queries.hpp"
#include "check/rule.hpp"
#include "graph/mesh_graph.hpp"
#include "tests/support/rule_fixture.hpp"

namespace meshgraph::rules {

namespace {

constexpr std::string_view kDoc = R"(## What it flags
A `ref()` into another project of the mesh, without `v=`, to a model that has versions.

## Why it matters
An unpinned ref resolves to the model's `latest_version`, fixed when the consumer last parsed.
When the producer makes a new version the latest, the consumer's next parse silently switches
to it, breaking changes included, and the consumer team finds out from a failed run or wrong
numbers. Versions exist so that consumers move when they choose; dbt gives no warning here
(only an info event when a prerelease exists, semantics §3.2).

## Example
```yaml
# data_platform/models/marts.yml
models:
  - name: dim_shelters
    latest_version: 2
    versions: [{v: 1}, {v: 2}]
```
```sql
-- finance_marketing/models/fct_donations.sql
select * from {{ ref('data_platform', 'dim_shelters') }}
```

## How to fix
Pin the version you have tested against:
```sql
select * from {{ ref('data_platform', 'dim_shelters', v=2) }}
```
and move to a newer version in a pull request of your own when the producer announces one.

## When it does not apply
Refs inside one project (the producer changes both in one pull request), refs to unversioned
models, and refs that do not resolve (MESH003). As in dbt, `v=0` counts as unpinned.

## Options
`policy.versions.require_pinned_cross_project_refs` (default false): report these as errors
instead of notes.
)";

void check(const check::CheckContext& context, check::Reporter& reporter) {
  const graph::MeshGraph& mesh = context.mesh;
  const check::Severity severity = context.policy.versions.require_pinned_cross_project_refs
                                       ? check::Severity::Error
                                       : check::Severity::Note;
  for (const graph::ResolvedRef& ref : mesh.refs()) {
    if (!ref.target || !ref.is_cross_project || graph::is_pinned(*ref.ref)) continue;
    const load::Node& target = mesh.node(*ref.target);
    if (!target.is_model() || !target.details->version) continue;

    check::Diagnostic diagnostic;
    diagnostic.message = fmt::format(
        "{} refs versioned model '{}.{}' without v=: it resolves to v{}, the latest_version "
        "today, and moves to whichever version '{}' makes latest next",
        check::describe_node(mesh.node(ref.from)), ref.target_project, target.name,
        *target.details->version, ref.target_project);
    diagnostic.help = fmt::format(
        "pin the version: {}",
        check::pinned_ref_call(ref.target_project, target.name, *target.details->version));
    diagnostic.location = check::node_location(mesh, ref.from, ref.ref);
    diagnostic.related = {target.unique_id};
    diagnostic.notes = {check::node_note(mesh, ref.from)};
    reporter.report(std::move(diagnostic), severity);
  }
}

}  // namespace

extern const check::Rule kMesh103UnpinnedCrossProjectRef;
const check::Rule kMesh103UnpinnedCrossProjectRef{
    {"MESH103", "unpinned-cross-project-ref", check::Severity::Note,
     "a cross-project ref without v= to a versioned model", kDoc},
    check};

TEST_CASE("MESH103 notes a cross-project ref to a versioned model without v=") {
  const auto findings =
      testing::check_rule_fixture(kMesh103UnpinnedCrossProjectRef, "mesh103/violates");
  REQUIRE(findings.size() == 1);
  CHECK(findings[0].severity == check::Severity::Note);
  CHECK(findings[0].location.unique_id == "model.consumer.fct_orders");
  CHECK(findings[0].location.line == 1);
  CHECK(findings[0].related == std::vector<std::string>{"model.producer.dim_customers.v2"});
  CHECK(findings[0].message ==
        "model 'fct_orders' refs versioned model 'producer.dim_customers' without v=: it "
        "resolves to v2, the latest_version today, and moves to whichever version 'producer' "
        "makes latest next");
  CHECK(findings[0].help == "pin the version: {{ ref('producer', 'dim_customers', v=2) }}");
}

TEST_CASE("MESH103 is an error when the policy requires pinned cross-project refs") {
  check::Policy policy;
  policy.versions.require_pinned_cross_project_refs = true;
  const auto findings =
      testing::check_rule_fixture(kMesh103UnpinnedCrossProjectRef, "mesh103/violates", policy);
  REQUIRE(findings.size() == 1);
  CHECK(findings[0].severity == check::Severity::Error);
}

TEST_CASE("MESH103 is silent on pinned refs, unversioned models and refs inside a project") {
  CHECK(testing::check_rule_fixture(kMesh103UnpinnedCrossProjectRef, "mesh103/passes").empty());
}

}  // namespace meshgraph::rules
