// MESH001 private-ref-outside-group: a ref to a private model from outside its group.
#include <doctest/doctest.h>
#include <fmt/format.h>

#include "check/queries.hpp"
#include "check/rule.hpp"
#include "graph/mesh_graph.hpp"
#include "tests/support/rule_fixture.hpp"

namespace meshgraph::rules {

namespace {

constexpr std::string_view kDoc = R"(## What it flags
A `ref()` to a `private` model from a node outside the model's group: a node with no group, a
node of another group, or any node of another project of the mesh. (An exposure on a private
model is reported by MESH303, exposure-on-non-public-model.)

## Why it matters
`private` is the producer's promise that only its own group builds on the model, so the group
can rename columns or rewrite the logic without telling anyone. A consumer outside the group
breaks on the next change, and the owners never knew it existed. dbt rejects such a ref inside
one project at parse time; across projects only dbt Cloud and dbt-loom's access patch do, so a
stale or hand-built manifest lets it through. meshgraph checks it across the whole mesh.

## Example
```yaml
# data_platform/models/marts.yml
groups:
  - name: platform_core
    owner: {name: Data Platform}
models:
  - name: int_donor_pii
    access: private
    group: platform_core
```
```sql
-- finance_marketing/models/fct_donations.sql
select * from {{ ref('data_platform', 'int_donor_pii') }}
```

## How to fix
Ref a public model of the producer instead. If none serves, ask the group's owners to publish
one: a public model with a contract, e.g.
```yaml
models:
  - name: dim_donors
    access: public
    config: {contract: {enforced: true}}
```
Inside one project, the alternative is to move the consumer into the model's group.

## When it does not apply
Refs from the same group in the same project are allowed, as are generic tests attached to the
model (they inherit its group). Across projects meshgraph treats access as restricted, as dbt
Cloud and dbt-loom do, so a same-named group in another project does not open a private model.
)";

void check(const check::CheckContext& context, check::Reporter& reporter) {
  const graph::MeshGraph& mesh = context.mesh;
  for (const graph::ResolvedRef& ref : mesh.refs()) {
    if (!ref.target) continue;
    const load::Node& target = mesh.node(*ref.target);
    if (!target.is_model() || target.access != load::Access::Private) continue;
    const load::Node& from = mesh.node(ref.from);
    // An exposure on a private model is MESH303's finding: one problem, one report.
    if (from.resource_type == load::ResourceType::Exposure) continue;
    const bool same_group = !from.group.empty() && from.group == target.group;
    if (same_group && !ref.is_cross_project) continue;

    const load::Group* group = mesh.group_of(*ref.target);
    const std::string owner = group != nullptr ? check::describe_owner(group->owner) : "";
    const std::string group_text =
        target.group.empty() ? std::string(", which has no group so no one may ref it,")
                             : fmt::format(" of group '{}'{}", target.group,
                                           owner.empty() ? "" : fmt::format(" (owner: {})", owner));
    std::string where;
    if (ref.is_cross_project) where = fmt::format("from project '{}'", mesh.project_of(ref.from).name);
    else if (from.group.empty()) where = "from outside any group";
    else where = fmt::format("from group '{}'", from.group);

    check::Diagnostic diagnostic;
    diagnostic.message =
        fmt::format("{} refs private model {}{} {}", check::describe_node(from),
                    check::describe_ref_target(ref), group_text, where);
    diagnostic.help = fmt::format(
        "ref a public model of '{}' instead, or ask the owners of '{}' to publish it as a public "
        "model with a contract",
        ref.target_project, target.group.empty() ? target.name : target.group);
    diagnostic.location = check::node_location(mesh, ref.from, ref.ref);
    diagnostic.related = {target.unique_id};
    diagnostic.notes = {check::node_note(mesh, ref.from)};
    reporter.report(std::move(diagnostic));
  }
}

}  // namespace

extern const check::Rule kMesh001PrivateRefOutsideGroup;
const check::Rule kMesh001PrivateRefOutsideGroup{
    {"MESH001", "private-ref-outside-group", check::Severity::Error,
     "a ref to a private model from outside its group", kDoc},
    check};

TEST_CASE("MESH001 flags a private model reffed from another project") {
  const auto findings = testing::check_rule_fixture(kMesh001PrivateRefOutsideGroup, "mesh001/violates");
  REQUIRE(findings.size() == 1);
  CHECK(findings[0].location.unique_id == "model.consumer.fct_orders");
  CHECK(findings[0].related == std::vector<std::string>{"model.producer.int_customers_pii"});
  CHECK(findings[0].message ==
        "model 'fct_orders' refs private model 'producer.int_customers_pii' of group 'core' "
        "(owner: Core Team <core@example.com>) from project 'consumer'");
  CHECK(findings[0].location.line == 1);
}

TEST_CASE("MESH001 is silent on same-group refs and public targets") {
  CHECK(testing::check_rule_fixture(kMesh001PrivateRefOutsideGroup, "mesh001/passes").empty());
}

}  // namespace meshgraph::rules
