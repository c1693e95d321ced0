// MESH404 public-model-removed: a public model or version removed while other projects ref it.
#include <doctest/doctest.h>
#include <fmt/format.h>

#include "check/dates.hpp"
#include "check/queries.hpp"
#include "check/rule.hpp"
#include "graph/mesh_graph.hpp"
#include "impact/counterpart.hpp"
#include "tests/support/rule_fixture.hpp"

namespace meshgraph::rules {

namespace {

constexpr std::string_view kDoc = R"(## What it flags
A public model, or one version of it, that is gone from the pull request's manifest (deleted,
renamed or disabled) while models or exposures in other projects still ref it, unless its
`deprecation_date` has passed.

## Why it matters
Consumers in other projects keep their copy of the model and build until the relation is dropped,
then fail in production. A rename is a removal plus an addition: every consumer must move.

## Example
```yaml
models:
  - name: dim_volunteers
    versions:
      - v: 2          # v1 deleted in this pull request; people_ops still pins v=1
```

## How to fix
Set a `deprecation_date` on the model or version first (consumers are warned by MESH102), and
remove it once the date has passed and the consumers have moved; or keep it.

## When it does not apply
A model past its `deprecation_date` (judged with `--as-of`) may be removed, as dbt allows from
1.9. A model that became versioned (`m` → `m.v1`) is not a removal.
)";

bool is_past_deprecation(const load::Node& node, const check::Date& as_of) {
  if (!node.details->deprecation_date) return false;
  const std::optional<check::Date> date = check::parse_date(*node.details->deprecation_date);
  return date && *date < as_of;
}

void check(const check::ImpactContext& context, check::Reporter& reporter) {
  for (graph::NodeId base_id : check::public_models(context.base)) {
    const load::Node& old_node = context.base.node(base_id);
    if (!impact::is_in_changed_project(context.base, base_id, context.head)) continue;
    if (impact::find_counterpart(context.base, base_id, context.head)) continue;
    if (is_past_deprecation(old_node, context.policy.as_of)) continue;
    const std::vector<graph::NodeId> consumers = impact::consumers_in_other_projects(context.base, base_id);
    if (consumers.empty()) continue;

    check::Diagnostic diagnostic;
    diagnostic.message = fmt::format(
        "public {} of project '{}' was removed, renamed or disabled, but {} in other projects ref it: {}",
        check::describe_node(old_node), context.base.project_of(base_id).name,
        consumers.size() == 1 ? std::string("1 node") : fmt::format("{} nodes", consumers.size()),
        impact::list_nodes(context.base, consumers));
    diagnostic.help = fmt::format(
        "keep '{}' and set a deprecation_date, so its consumers are warned and have time to move",
        old_node.name);
    diagnostic.location = check::config_location(context.base, base_id);
    diagnostic.notes = {check::node_note(context.base, base_id)};
    for (graph::NodeId consumer : consumers) diagnostic.related.push_back(context.base.node(consumer).unique_id);
    diagnostic.details["removed"] = {old_node.unique_id};
    reporter.report(std::move(diagnostic));
  }
}

}  // namespace

extern const check::Rule kMesh404PublicModelRemoved;
const check::Rule kMesh404PublicModelRemoved{
    {"MESH404", "public-model-removed", check::Severity::Error,
     "a public model or version removed while other projects ref it", kDoc},
    nullptr, check};

TEST_CASE("MESH404 flags a removed version that another project pins") {
  const auto findings = testing::impact_rule_fixture(kMesh404PublicModelRemoved, "mesh404/violates",
                                                     testing::policy_as_of({2026, 11, 23}));
  REQUIRE(findings.size() == 1);
  CHECK(findings[0].location.unique_id == "model.producer.customers.v1");
  CHECK(findings[0].related == std::vector<std::string>{"model.consumer.fct_revenue"});
  CHECK(findings[0].message ==
        "public model 'customers' v1 of project 'producer' was removed, renamed or disabled, but 1 node in "
        "other projects ref it: 'consumer.fct_revenue'");
}

TEST_CASE("MESH404 allows removing a version past its deprecation_date") {
  CHECK(testing::impact_rule_fixture(kMesh404PublicModelRemoved, "mesh404/passes",
                                     testing::policy_as_of({2026, 11, 23}))
            .empty());
}

}  // namespace meshgraph::rules
