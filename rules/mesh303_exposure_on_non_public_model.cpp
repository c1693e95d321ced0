// MESH303 exposure-on-non-public-model: an exposure that depends on a model that is not public.
#include <doctest/doctest.h>
#include <fmt/format.h>

#include "check/queries.hpp"
#include "check/rule.hpp"
#include "graph/mesh_graph.hpp"
#include "tests/support/rule_fixture.hpp"

namespace meshgraph::rules {

namespace {

constexpr std::string_view kDoc = R"(## What it flags
An exposure that refs a model that is not public, in its own project or in another one, as
dbt-project-evaluator's `fct_exposures_dependent_on_private_models` does. A private target is
an error, a protected one a warning.

## Why it matters
An exposure is a consumer outside dbt: a dashboard, a notebook, an application, owned by
people who are not in the model's group and often not in its project. Protected and private
models carry no promise to them: their owners may rename a column tomorrow, and the first to
notice is the exposure's audience. dbt rejects a ref from an exposure to a private model
(exposures have no group), but only inside one project and only at parse time.

## Example
```yaml
# finance_marketing/models/exposures.yml
exposures:
  - name: board_report
    type: dashboard
    owner: {name: Finance BI}
    depends_on:
      - ref('data_platform', 'stg_donations')   # protected
```

## How to fix
Point the exposure at a public model, ideally one with a contract:
```yaml
    depends_on:
      - ref('data_platform', 'fct_donations')   # public, contracted
```
If none serves, ask the model's owners to make it public (with a contract and an owner).

## When it does not apply
Only refs to models are checked: seeds, snapshots and sources have no access level.
)";

void check(const check::CheckContext& context, check::Reporter& reporter) {
  const graph::MeshGraph& mesh = context.mesh;
  for (const graph::ResolvedRef& ref : mesh.refs()) {
    const load::Node& exposure = mesh.node(ref.from);
    if (exposure.resource_type != load::ResourceType::Exposure || !ref.target) continue;
    const load::Node& model = mesh.node(*ref.target);
    if (!model.is_model() || model.access == load::Access::Public) continue;

    const std::string exposure_owner = check::describe_owner(exposure.details->owner);
    const std::string model_owner = check::model_owner(mesh, *ref.target);
    check::Diagnostic diagnostic;
    diagnostic.message = fmt::format(
        "{}{} refs {} {} of project '{}'; exposures should ref public models only",
        check::describe_node(exposure),
        exposure_owner.empty() ? "" : fmt::format(" (owner: {})", exposure_owner),
        check::access_name(model.access), check::describe_node(model), ref.target_project);
    diagnostic.help = fmt::format(
        "point the exposure at a public model of '{}', or ask the owners of '{}'{} to make it "
        "public with a contract",
        ref.target_project, model.name,
        model_owner.empty() ? "" : fmt::format(" ({})", model_owner));
    diagnostic.location = check::node_location(mesh, ref.from);
    diagnostic.related = {model.unique_id};
    diagnostic.notes = {check::node_note(mesh, ref.from)};
    // A private target is a ref dbt itself rejects; a protected one breaks no rule of dbt's yet.
    reporter.report(std::move(diagnostic), model.access == load::Access::Private
                                               ? check::Severity::Error
                                               : check::Severity::Warning);
  }
}

}  // namespace

extern const check::Rule kMesh303ExposureOnNonPublicModel;
const check::Rule kMesh303ExposureOnNonPublicModel{
    {"MESH303", "exposure-on-non-public-model", check::Severity::Error,
     "an exposure that depends on a model that is not public", kDoc},
    check};

TEST_CASE("MESH303 flags exposures on private (error) and protected (warning) models") {
  const auto findings = testing::check_rule_fixture(kMesh303ExposureOnNonPublicModel, "mesh303/violates");
  REQUIRE(findings.size() == 2);
  CHECK(findings[0].location.unique_id == "exposure.consumer.pii_audit");
  CHECK(findings[0].location.file == "fixtures/rules/mesh303/violates/consumer/models/_exposures.yml");
  CHECK(findings[0].severity == check::Severity::Error);
  CHECK(findings[0].related == std::vector<std::string>{"model.producer.int_customers_pii"});
  CHECK(findings[0].message ==
        "exposure 'pii_audit' (owner: Audit Team) refs private model 'int_customers_pii' of project "
        "'producer'; exposures should ref public models only");
  CHECK(findings[0].help ==
        "point the exposure at a public model of 'producer', or ask the owners of "
        "'int_customers_pii' (Core Team <core@example.com>) to make it public with a contract");
  CHECK(findings[1].location.unique_id == "exposure.producer.customer_dashboard");
  CHECK(findings[1].severity == check::Severity::Warning);
  CHECK(findings[1].related == std::vector<std::string>{"model.producer.stg_customers"});
  CHECK(findings[1].message ==
        "exposure 'customer_dashboard' (owner: BI Team <bi@example.com>) refs protected model "
        "'stg_customers' of project 'producer'; exposures should ref public models only");
}

TEST_CASE("MESH303 is silent on exposures that ref public models") {
  CHECK(testing::check_rule_fixture(kMesh303ExposureOnNonPublicModel, "mesh303/passes").empty());
}

}  // namespace meshgraph::rules
