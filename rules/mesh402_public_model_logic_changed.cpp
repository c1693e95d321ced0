// MESH402 public-model-logic-changed: a public model's SQL changed under consumers in other projects.
#include <doctest/doctest.h>
#include <fmt/format.h>

#include "check/queries.hpp"
#include "check/rule.hpp"
#include "graph/mesh_graph.hpp"
#include "impact/counterpart.hpp"
#include "tests/support/rule_fixture.hpp"

namespace meshgraph::rules {

namespace {

constexpr std::string_view kDoc = R"(## What it flags
A public model whose SQL changed (its file checksum differs) in place, without a new version,
while models or exposures in other projects ref it.

## Why it matters
This is the Rainbow Road emergency: a Finance analyst changed a case statement in a Data
Platform model because a Finance model needed it, and a People Ops model that also refs it broke.
A contract only guards the shape of a model; its meaning lives in its logic. Consumers in other
projects never review the producer's pull request.

## Example
```sql
-- data_platform/models/marts/fct_adoptions.sql, in a pull request
case when status = 'returned' then 'failed' ...   -- was: then 'returned'
```

## How to fix
Ship the new logic as a new version (`versions: [{v: 1}, {v: 2}]`, `latest_version: 1` until the
consumers are ready), tell the consumers' owners listed in the report, and let each move with
`ref('data_platform', 'fct_adoptions', v=2)`. Or agree the change with those owners first.

## When it does not apply
A change that adds a new version leaves the old version's unique_id and SQL unchanged, so it is
not flagged. Injected copies are never compared (their checksum changes on every parse).
dbt itself only marks such a model `state:modified`; flagging it is meshgraph's stricter policy.

## Options
`policy.impact.logic_change_requires_version` (default false): when true, this is an error.
)";

void check(const check::ImpactContext& context, check::Reporter& reporter) {
  for (graph::NodeId base_id : check::public_models(context.base)) {
    const load::Node& old_node = context.base.node(base_id);
    if (!impact::is_in_changed_project(context.base, base_id, context.head)) continue;
    const std::optional<graph::NodeId> head_id = impact::find_counterpart(context.base, base_id, context.head);
    if (!head_id) continue;
    const load::Node& new_node = context.head.node(*head_id);
    if (old_node.details->checksum.empty() || new_node.details->checksum.empty() ||
        old_node.details->checksum == new_node.details->checksum)
      continue;
    const std::vector<graph::NodeId> consumers = impact::consumers_in_other_projects(context.base, base_id);
    if (consumers.empty()) continue;

    check::Diagnostic diagnostic;
    diagnostic.message = fmt::format(
        "the logic of public {} of project '{}' changed without a new version, and {} in other projects "
        "ref it: {}",
        check::describe_node(new_node), context.head.project_of(*head_id).name,
        consumers.size() == 1 ? std::string("1 node") : fmt::format("{} nodes", consumers.size()),
        impact::list_nodes(context.base, consumers));
    diagnostic.help = fmt::format(
        "ship the new logic as a new version of '{}' and let each consumer move with ref(..., v=N), or "
        "agree the change with the consumers' owners first",
        new_node.name);
    diagnostic.location = check::node_location(context.head, *head_id);
    diagnostic.notes = {check::node_note(context.head, *head_id)};
    for (graph::NodeId consumer : consumers) diagnostic.related.push_back(context.base.node(consumer).unique_id);
    diagnostic.details["checksum"] = {old_node.details->checksum, new_node.details->checksum};
    if (new_node.unique_id != old_node.unique_id) diagnostic.details["base_unique_id"] = {old_node.unique_id};
    const bool must_version = context.policy.impact.logic_change_requires_version;
    reporter.report(std::move(diagnostic), must_version ? check::Severity::Error : check::Severity::Warning);
  }
}

}  // namespace

extern const check::Rule kMesh402PublicModelLogicChanged;
const check::Rule kMesh402PublicModelLogicChanged{
    {"MESH402", "public-model-logic-changed", check::Severity::Warning,
     "a public model's SQL changed without a new version while other projects ref it", kDoc},
    nullptr, check};

TEST_CASE("MESH402 flags changed SQL of a public model with consumers in other projects") {
  const auto findings = testing::impact_rule_fixture(kMesh402PublicModelLogicChanged, "mesh402/violates");
  REQUIRE(findings.size() == 1);
  CHECK(findings[0].severity == check::Severity::Warning);
  CHECK(findings[0].location.unique_id == "model.producer.orders");
  CHECK(findings[0].related == std::vector<std::string>{"model.consumer.fct_revenue"});
  CHECK(findings[0].message ==
        "the logic of public model 'orders' of project 'producer' changed without a new version, and 1 node "
        "in other projects ref it: 'consumer.fct_revenue'");
}

TEST_CASE("MESH402 is an error when the policy requires a version for logic changes") {
  check::Policy policy;
  policy.impact.logic_change_requires_version = true;
  const auto findings = testing::impact_rule_fixture(kMesh402PublicModelLogicChanged, "mesh402/violates", policy);
  REQUIRE(findings.size() == 1);
  CHECK(findings[0].severity == check::Severity::Error);
}

TEST_CASE("MESH402 is silent when the change comes as a new version") {
  CHECK(testing::impact_rule_fixture(kMesh402PublicModelLogicChanged, "mesh402/passes").empty());
}

}  // namespace meshgraph::rules
