// MESH102 ref-to-soon-deprecated-model: a ref to a model or version whose deprecation_date is near.
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
`deprecation_date` falls on the `--as-of` date or within the next
`policy.versions.deprecation_warning_days` days (90 by default).

## Why it matters
The producer has announced when the model goes away. Consumers who hear about it only when the
date passes (MESH101) have no time left to migrate, and the producer cannot retire the model
while they still read it. dbt's warning (`UpcomingReferenceDeprecation`) appears only in the
consumer's own parse log, for any date still ahead; meshgraph reports the refs that are due
soon, across the whole mesh, with the version to move to.

## Example
```yaml
# data_platform/models/marts.yml
models:
  - name: dim_shelters
    latest_version: 2
    versions:
      - v: 1
        deprecation_date: 2027-01-15
      - v: 2
```
```sql
-- finance_marketing/models/fct_donations.sql
select * from {{ ref('data_platform', 'dim_shelters', v=1) }}
```

## How to fix
Move to the latest version, `{{ ref('data_platform', 'dim_shelters', v=2) }}`, before the date.
When the model has no newer version, ask its owner (named in the message) what replaces it.

## When it does not apply
Tests are not checked (a test on the model belongs to its producer); snapshots and exposures
are, although dbt skips them. Dates are compared by day with `--as-of` (default today, UTC)
rather than dbt's wall clock. The window includes both ends: the `--as-of` date itself (on
its deprecation date a model is not yet past it, as in dbt's `deprecation_date < now`) and the
last day, `--as-of` + N days. Dates already past are MESH101's.

## Options
`policy.versions.deprecation_warning_days` (default 90): how many days ahead to look.
)";

void check(const check::CheckContext& context, check::Reporter& reporter) {
  const check::Date& as_of = context.policy.as_of;
  const check::Date last = check::add_days(as_of, context.policy.versions.deprecation_warning_days);
  for (const check::DeprecatedRef& found : check::refs_to_deprecated_models(context.mesh)) {
    if (found.deprecation_date < as_of || last < found.deprecation_date) continue;
    reporter.report(check::deprecated_ref_finding(
        context.mesh, found,
        fmt::format("which is slated for deprecation on {} (as of {})",
                    check::format_date(found.deprecation_date), check::format_date(as_of))));
  }
}

}  // namespace

extern const check::Rule kMesh102RefToSoonDeprecatedModel;
const check::Rule kMesh102RefToSoonDeprecatedModel{
    {"MESH102", "ref-to-soon-deprecated-model", check::Severity::Warning,
     "a ref to a model or version whose deprecation_date is near", kDoc},
    check};


TEST_CASE("MESH102 flags refs to models retiring within 90 days, the 90th day included") {
  // dim_customers v1 retires on 2027-02-21, exactly 90 days after 2026-11-23.
  const auto findings = testing::check_rule_fixture(
      kMesh102RefToSoonDeprecatedModel, "mesh102/violates", testing::policy_as_of({2026, 11, 23}));
  REQUIRE(findings.size() == 2);
  CHECK(findings[0].location.unique_id == "exposure.consumer.store_dashboard");
  CHECK(findings[0].related == std::vector<std::string>{"model.producer.dim_stores"});
  CHECK(findings[0].message ==
        "exposure 'store_dashboard' refs 'producer.dim_stores' (owner: Core Team "
        "<core@example.com>), which is slated for deprecation on 2026-12-15 (as of 2026-11-23)");
  CHECK(findings[0].help ==
        "ask Core Team <core@example.com> which model replaces 'producer.dim_stores', and ref "
        "that instead");
  CHECK(findings[1].location.unique_id == "model.consumer.fct_orders");
  CHECK(findings[1].related == std::vector<std::string>{"model.producer.dim_customers.v1"});
  CHECK(findings[1].message ==
        "model 'fct_orders' refs 'producer.dim_customers' v1 (owner: Core Team "
        "<core@example.com>), which is slated for deprecation on 2027-02-21 (as of 2026-11-23)");
  CHECK(findings[1].help ==
        "move to the latest version: {{ ref('producer', 'dim_customers', v=2) }}");
}

TEST_CASE("MESH102 leaves out a date 91 days ahead") {
  const auto findings = testing::check_rule_fixture(
      kMesh102RefToSoonDeprecatedModel, "mesh102/violates", testing::policy_as_of({2026, 11, 22}));
  REQUIRE(findings.size() == 1);
  CHECK(findings[0].location.unique_id == "exposure.consumer.store_dashboard");
}

TEST_CASE("MESH102 flags a deprecation date that is the as-of date itself") {
  // Not yet past (dbt: deprecation_date < now), so MESH102's, not MESH101's; a day later it is.
  auto findings = testing::check_rule_fixture(kMesh102RefToSoonDeprecatedModel, "mesh102/violates",
                                              testing::policy_as_of({2026, 12, 15}));
  REQUIRE(findings.size() == 2);
  CHECK(findings[0].location.unique_id == "exposure.consumer.store_dashboard");
  findings = testing::check_rule_fixture(kMesh102RefToSoonDeprecatedModel, "mesh102/violates",
                                         testing::policy_as_of({2026, 12, 16}));
  REQUIRE(findings.size() == 1);
  CHECK(findings[0].location.unique_id == "model.consumer.fct_orders");
}

TEST_CASE("MESH102 looks deprecation_warning_days ahead") {
  check::Policy policy = testing::policy_as_of({2026, 11, 23});
  policy.versions.deprecation_warning_days = 30;
  const auto findings =
      testing::check_rule_fixture(kMesh102RefToSoonDeprecatedModel, "mesh102/violates", policy);
  REQUIRE(findings.size() == 1);
  CHECK(findings[0].location.unique_id == "exposure.consumer.store_dashboard");
}

TEST_CASE("MESH102 is silent on dates already past and dates beyond the window") {
  CHECK(testing::check_rule_fixture(kMesh102RefToSoonDeprecatedModel, "mesh102/passes",
                                    testing::policy_as_of({2026, 11, 23}))
            .empty());
}

}  // namespace meshgraph::rules
