// MESH405 public-model-column-removed: a column removed or retyped on a public model without a contract.
#include <doctest/doctest.h>
#include <fmt/format.h>

#include <algorithm>

#include "check/queries.hpp"
#include "check/rule.hpp"
#include "graph/mesh_graph.hpp"
#include "impact/contract_diff.hpp"
#include "impact/counterpart.hpp"
#include "tests/support/rule_fixture.hpp"

namespace meshgraph::rules {

namespace {

constexpr std::string_view kDoc = R"(## What it flags
A public model without an enforced contract that lost a declared column, or whose declared
column type changed (compared as dbt 1.11 compares contract types), while other projects ref it.

## Why it matters
Without a contract dbt does not check these changes at all, yet the consumers in other projects
select those columns by name. This is MESH401's question for models that made no promise.

## Example
```yaml
models:
  - name: dim_shelters
    access: public
    columns:
      - name: shelter_id
      # - name: capacity     removed in this pull request
```

## How to fix
Keep the column (add the new one beside it), or ship the change as a new version. Better still,
enforce a contract on the public model (MESH110) so dbt guards its shape.

## When it does not apply
Columns the model never declared in YAML are invisible in the manifest and cannot be compared.
dbt does not flag these changes; this is meshgraph's stricter policy.
)";

std::vector<std::string> column_changes(const load::Node& before, const load::Node& after) {
  std::vector<std::string> changes;
  for (const load::Column& column : before.details->columns) {
    auto it = std::find_if(after.details->columns.begin(), after.details->columns.end(),
                           [&](const load::Column& c) { return c.name == column.name; });
    if (it == after.details->columns.end()) {
      changes.push_back(fmt::format("{} (removed)", column.name));
    } else if (column.data_type && it->data_type &&
               impact::normalise_data_type(*column.data_type) !=
                   impact::normalise_data_type(*it->data_type)) {
      changes.push_back(fmt::format("{} ({} -> {})", column.name, *column.data_type, *it->data_type));
    }
  }
  return changes;
}

void check(const check::ImpactContext& context, check::Reporter& reporter) {
  for (graph::NodeId base_id : check::public_models(context.base)) {
    const load::Node& old_node = context.base.node(base_id);
    if (old_node.contract_enforced || !impact::is_in_changed_project(context.base, base_id, context.head)) continue;
    const std::optional<graph::NodeId> head_id = impact::find_counterpart(context.base, base_id, context.head);
    if (!head_id) continue;
    const std::vector<std::string> changes = column_changes(old_node, context.head.node(*head_id));
    const std::vector<graph::NodeId> consumers = impact::consumers_in_other_projects(context.base, base_id);
    if (changes.empty() || consumers.empty()) continue;

    check::Diagnostic diagnostic;
    diagnostic.message = fmt::format("columns of public {} of project '{}' changed: {}; {} ref it: {}",
                                     check::describe_node(context.head.node(*head_id)),
                                     context.head.project_of(*head_id).name, fmt::join(changes, ", "),
                                     consumers.size() == 1 ? std::string("1 node in another project")
                                                           : fmt::format("{} nodes in other projects", consumers.size()),
                                     impact::list_nodes(context.base, consumers));
    diagnostic.help = "keep the old columns beside the new ones, or ship the change as a new version; "
                      "an enforced contract would let dbt guard this";
    diagnostic.location = check::config_location(context.head, *head_id);
    diagnostic.notes = {check::node_note(context.head, *head_id)};
    for (graph::NodeId consumer : consumers) diagnostic.related.push_back(context.base.node(consumer).unique_id);
    diagnostic.details["columns_changed"] = changes;
    reporter.report(std::move(diagnostic));
  }
}

}  // namespace

extern const check::Rule kMesh405PublicModelColumnRemoved;
const check::Rule kMesh405PublicModelColumnRemoved{
    {"MESH405", "public-model-column-removed", check::Severity::Warning,
     "a column removed or retyped on a public model without a contract, with consumers elsewhere", kDoc},
    nullptr, check};

TEST_CASE("MESH405 flags a removed and a retyped column on a public model without a contract") {
  const auto findings = testing::impact_rule_fixture(kMesh405PublicModelColumnRemoved, "mesh405/violates");
  REQUIRE(findings.size() == 1);
  CHECK(findings[0].location.unique_id == "model.producer.customers");
  CHECK(findings[0].details.at("columns_changed") ==
        std::vector<std::string>{"email (removed)", "signup_date (date -> timestamp)"});
}

TEST_CASE("MESH405 is silent on added columns and size-only type changes") {
  CHECK(testing::impact_rule_fixture(kMesh405PublicModelColumnRemoved, "mesh405/passes").empty());
}

}  // namespace meshgraph::rules
