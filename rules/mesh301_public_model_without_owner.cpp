// MESH301 public-model-without-owner: a public model with no owner.
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
A public model with no owner: it is in no group whose owner has a name or an email, and it
sets no `meta.owner`. Each version of a versioned model is judged on its own.

## Why it matters
A public model is a promise to every other project of the mesh. When it breaks, changes or is
deprecated, its consumers need someone to ask, and meshgraph's impact reports need someone to
notify. A model without an owner is a promise nobody keeps.

## Example
```yaml
# data_platform/models/marts.yml
models:
  - name: dim_shelters
    access: public
```

## How to fix
Put the model in a group with an owner:
```yaml
groups:
  - name: platform_core
    owner: {name: Data Platform, email: data-platform@rainbowroad.org}
models:
  - name: dim_shelters
    access: public
    config: {group: platform_core}
```
or, if groups do not fit, name the owner in `meta` (as dbt-score's `has_owner` reads it):
```yaml
    config: {meta: {owner: data-platform@rainbowroad.org}}
```

## When it does not apply
A consumer's copy of another project's model is not checked; the model is judged in its own
project's manifest.

## Options
`policy.public_models.require_owner` (default `true`): set it to `false` to turn the rule off.
)";

void check(const check::CheckContext& context, check::Reporter& reporter) {
  if (!context.policy.public_models.require_owner) return;
  const graph::MeshGraph& mesh = context.mesh;
  for (graph::NodeId id : check::public_models(mesh)) {
    const load::Node& model = mesh.node(id);
    if (!check::model_owner(mesh, id).empty()) continue;

    std::string group_text = "it is in no group";
    if (!model.group.empty()) {
      // dbt rejects a group owner with neither name nor email, and an undefined group, at parse
      // time; a hand-edited or pre-groups (v7/v8) manifest can still hold either.
      group_text = mesh.group_of(id) == nullptr
                       ? fmt::format("its group '{}' is not defined in the manifest", model.group)
                       : fmt::format("its group '{}' has an owner with neither name nor email", model.group);
    }
    check::Diagnostic diagnostic;
    diagnostic.message = fmt::format("public {} of project '{}' has no owner: {} and sets no meta.owner",
                                     check::describe_node(model), mesh.project_of(id).name, group_text);
    diagnostic.help = fmt::format(
        "put '{}' in a group whose owner has a name or email (config: {{group: ...}}), or set "
        "config: {{meta: {{owner: ...}}}}, so its consumers know whom to ask",
        model.name);
    diagnostic.location = check::config_location(mesh, id);
    diagnostic.notes = {check::node_note(mesh, id)};
    reporter.report(std::move(diagnostic));
  }
}

}  // namespace

extern const check::Rule kMesh301PublicModelWithoutOwner;
const check::Rule kMesh301PublicModelWithoutOwner{
    {"MESH301", "public-model-without-owner", check::Severity::Error,
     "a public model with no owner", kDoc},
    check};

TEST_CASE("MESH301 flags each public model or version with no group owner and no meta.owner") {
  const auto findings = testing::check_rule_fixture(kMesh301PublicModelWithoutOwner, "mesh301/violates");
  REQUIRE(findings.size() == 2);
  CHECK(findings[0].location.unique_id == "model.producer.dim_customers");
  CHECK(findings[0].location.file == "fixtures/rules/mesh301/violates/producer/models/_models.yml");
  CHECK(findings[0].related.empty());
  CHECK(findings[0].message ==
        "public model 'dim_customers' of project 'producer' has no owner: it is in no group and sets "
        "no meta.owner");
  CHECK(findings[1].location.unique_id == "model.producer.dim_orders.v1");
  CHECK(findings[1].message ==
        "public model 'dim_orders' v1 of project 'producer' has no owner: it is in no group and sets "
        "no meta.owner");
}

TEST_CASE("MESH301 is silent on public models owned through a group or meta.owner") {
  CHECK(testing::check_rule_fixture(kMesh301PublicModelWithoutOwner, "mesh301/passes").empty());
}

TEST_CASE("MESH301 is silent when policy.public_models.require_owner is false") {
  check::Policy policy;
  policy.public_models.require_owner = false;
  CHECK(testing::check_rule_fixture(kMesh301PublicModelWithoutOwner, "mesh301/violates", policy).empty());
}

}  // namespace meshgraph::rules
