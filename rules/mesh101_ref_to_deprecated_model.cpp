// MESH101 ref-to-deprecated-model: a ref to a model or version past its deprecation_date.
#include <doctest/doctest.h>
#include <fmt/format.h>

#include "check/dates.hpp"
#include "check/deprecation.hpp"
#include "check/policy.hpp"
#include "check/rule.hpp"
#include "graph/mesh_graph.hpp"
#include "tests/support/rule_fixture.hpp"

namespace meshgraph::rules {

namespace {

constexpr std::string_view kDoc = R"(## What it flags
A `ref()` from a model, snapshot or exposure to a model, or a model version, whose
`deprecation_date` is before the `--as-of` date.

## Why it matters
A deprecation date is the producer's notice that the model will be disabled or removed. Once it
has passed, the producer may drop the relation at any time, and every consumer still reading it
breaks on its next run. dbt only warns (`DeprecatedReference`), while compiling, in the
consumer's own project; meshgraph reads the producer's own manifest, so the verdict follows the
producer's current date, not the consumer's copy of it.

## Example
```yaml
# data_platform/models/marts.yml
models:
  - name: dim_shelters
    latest_version: 2
    versions:
      - v: 1
        deprecation_date: 2026-10-01
      - v: 2
```
```sql
-- finance_marketing/models/fct_donations.sql
select * from {{ ref('data_platform', 'dim_shelters', v=1) }}
```

## How to fix
Move to the latest version, `{{ ref('data_platform', 'dim_shelters', v=2) }}`, after checking
what changed between the versions. When the deprecated model has no newer version, ask its
owner (named in the message) which model replaces it, and ref that one.

## When it does not apply
Tests are not checked: a test attached to a deprecated model belongs to its producer. dbt warns
for child models only; meshgraph also flags snapshots and exposures, since a dashboard on a
deprecated model breaks just the same. dbt compares with the wall clock (`deprecation_date <
now`); meshgraph compares the date part with `--as-of` (default today, UTC), so a run is
repeatable. On the deprecation date itself the model is not yet deprecated: MESH102 reports it.
)";

void check(const check::CheckContext& context, check::Reporter& reporter) {
  const check::Date& as_of = context.policy.as_of;
  for (const check::DeprecatedRef& found : check::refs_to_deprecated_models(context.mesh)) {
    if (!(found.deprecation_date < as_of)) continue;
    reporter.report(check::deprecated_ref_finding(
        context.mesh, found,
        fmt::format("which was deprecated on {} (as of {})",
                    check::format_date(found.deprecation_date), check::format_date(as_of))));
  }
}

}  // namespace

extern const check::Rule kMesh101RefToDeprecatedModel;
const check::Rule kMesh101RefToDeprecatedModel{
    {"MESH101", "ref-to-deprecated-model", check::Severity::Error,
     "a ref to a model or version past its deprecation_date", kDoc},
    check};


TEST_CASE("MESH101 flags models and exposures that ref a model past its deprecation_date") {
  const auto findings = testing::check_rule_fixture(
      kMesh101RefToDeprecatedModel, "mesh101/violates", testing::policy_as_of({2026, 11, 23}));
  REQUIRE(findings.size() == 3);
  CHECK(findings[0].location.unique_id == "exposure.consumer.store_dashboard");
  CHECK(findings[0].related == std::vector<std::string>{"model.producer.dim_stores"});
  CHECK(findings[0].message ==
        "exposure 'store_dashboard' refs 'producer.dim_stores' (owner: Core Team "
        "<core@example.com>), which was deprecated on 2026-11-01 (as of 2026-11-23)");
  CHECK(findings[0].help ==
        "ask Core Team <core@example.com> which model replaces 'producer.dim_stores', and ref "
        "that instead");
  CHECK(findings[1].location.unique_id == "model.consumer.fct_orders");
  CHECK(findings[1].location.line == 1);
  CHECK(findings[1].related == std::vector<std::string>{"model.producer.dim_customers.v1"});
  CHECK(findings[1].message ==
        "model 'fct_orders' refs 'producer.dim_customers' v1 (owner: Core Team "
        "<core@example.com>), which was deprecated on 2026-10-01 (as of 2026-11-23)");
  CHECK(findings[1].help ==
        "move to the latest version: {{ ref('producer', 'dim_customers', v=2) }}");
  CHECK(findings[2].location.unique_id == "model.consumer.fct_stores");
  CHECK(findings[2].related == std::vector<std::string>{"model.producer.dim_stores"});
}

TEST_CASE("MESH101 does not count the deprecation date itself as past") {
  // dbt: deprecation_date < now. dim_stores retires on 2026-11-01; dim_customers v1 before.
  const auto findings = testing::check_rule_fixture(
      kMesh101RefToDeprecatedModel, "mesh101/violates", testing::policy_as_of({2026, 11, 1}));
  REQUIRE(findings.size() == 1);
  CHECK(findings[0].location.unique_id == "model.consumer.fct_orders");
}

TEST_CASE("MESH101 is silent on current versions, future dates and the producer's own tests") {
  CHECK(testing::check_rule_fixture(kMesh101RefToDeprecatedModel, "mesh101/passes",
                                    testing::policy_as_of({2026, 11, 23}))
            .empty());
}

}  // namespace meshgraph::rules
