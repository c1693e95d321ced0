// MESH110 public-model-without-contract: a public model whose contract is not enforced.
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
A `public` model, or a public version of a model, whose contract is not enforced.

## Why it matters
`public` invites every project of the mesh to build on the model. Without an enforced contract
nothing pins its columns and types: a renamed column or a changed type builds fine in the
producer and breaks the consumers on their next run. With a contract, dbt refuses to build a
model that no longer matches it, and `state:modified` reports a breaking change before it
ships (semantics §4).

## Example
```yaml
# data_platform/models/marts.yml
models:
  - name: dim_shelters
    access: public
    columns:
      - name: shelter_id
```

## How to fix
Enforce the contract and give every column a `data_type`:
```yaml
models:
  - name: dim_shelters
    access: public
    config:
      contract: {enforced: true}
    columns:
      - name: shelter_id
        data_type: integer
```
For a versioned model, set it at the top level for every version, or under one `versions:`
entry. If no other project should build on the model, make it `protected` instead.

## When it does not apply
Only each project's own models are checked: copies of other projects' models and models of
installed packages are their owners' to fix. Each version is checked on its own.

## Options
`policy.public_models.require_contract` (default true): set it to false to turn this rule off.
)";

void check(const check::CheckContext& context, check::Reporter& reporter) {
  if (!context.policy.public_models.require_contract) return;
  const graph::MeshGraph& mesh = context.mesh;
  for (graph::NodeId id : check::public_models(mesh)) {
    const load::Node& node = mesh.node(id);
    const graph::Project& project = mesh.project_of(id);
    if (node.contract_enforced) continue;

    check::Diagnostic diagnostic;
    diagnostic.message = fmt::format("public {} of project '{}' has no enforced contract",
                                     check::describe_node(node), project.name);
    diagnostic.help = fmt::format(
        "in the YAML of '{}'{}, set `config: {{contract: {{enforced: true}}}}` and give every "
        "column a data_type (`columns: [{{name: <column>, data_type: <type>}}]`)",
        node.name,
        node.details->version
            ? fmt::format(" (for all versions, or under `- v: {}`)", *node.details->version)
            : "");
    diagnostic.location = check::config_location(mesh, id);
    diagnostic.notes = {check::node_note(mesh, id)};
    reporter.report(std::move(diagnostic));
  }
}

}  // namespace

extern const check::Rule kMesh110PublicModelWithoutContract;
const check::Rule kMesh110PublicModelWithoutContract{
    {"MESH110", "public-model-without-contract", check::Severity::Error,
     "a public model whose contract is not enforced", kDoc},
    check};

TEST_CASE("MESH110 flags each public model or version without an enforced contract") {
  const auto findings =
      testing::check_rule_fixture(kMesh110PublicModelWithoutContract, "mesh110/violates");
  REQUIRE(findings.size() == 2);
  CHECK(findings[0].location.unique_id == "model.producer.dim_customers");
  CHECK(findings[0].location.file == "fixtures/rules/mesh110/violates/producer/models/_models.yml");
  CHECK(findings[0].related.empty());
  CHECK(findings[0].message ==
        "public model 'dim_customers' of project 'producer' has no enforced contract");
  CHECK(findings[0].help ==
        "in the YAML of 'dim_customers', set `config: {contract: {enforced: true}}` and give "
        "every column a data_type (`columns: [{name: <column>, data_type: <type>}]`)");
  CHECK(findings[1].location.unique_id == "model.producer.dim_orders.v2");
  CHECK(findings[1].message ==
        "public model 'dim_orders' v2 of project 'producer' has no enforced contract");
  CHECK(findings[1].help ==
        "in the YAML of 'dim_orders' (for all versions, or under `- v: 2`), set `config: "
        "{contract: {enforced: true}}` and give every column a data_type (`columns: [{name: "
        "<column>, data_type: <type>}]`)");
}

TEST_CASE("MESH110 is silent when the policy does not require contracts") {
  check::Policy policy;
  policy.public_models.require_contract = false;
  CHECK(testing::check_rule_fixture(kMesh110PublicModelWithoutContract, "mesh110/violates", policy)
            .empty());
}

TEST_CASE("MESH110 is silent on contracted public models and on protected and private ones") {
  CHECK(testing::check_rule_fixture(kMesh110PublicModelWithoutContract, "mesh110/passes").empty());
}

}  // namespace meshgraph::rules
