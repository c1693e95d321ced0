// MESH401 breaking-contract-change: a change dbt calls breaking to a model with an enforced contract.
#include <doctest/doctest.h>
#include <fmt/format.h>

#include "check/queries.hpp"
#include "check/rule.hpp"
#include "graph/mesh_graph.hpp"
#include "impact/contract_diff.hpp"
#include "impact/counterpart.hpp"
#include "tests/support/rule_fixture.hpp"

namespace meshgraph::rules {

namespace {

constexpr std::string_view kDoc = R"(## What it flags
A change to a model whose contract was enforced on the main branch that dbt 1.11 calls breaking:
the contract was disabled, a column was removed, a column's data type changed (size, precision
and case are ignored; aliases such as `int`/`integer` are not resolved), an enforced constraint
was removed from a table or incremental model (which constraints count depends on the adapter),
or the materialization left table/incremental while constraints existed.

## Why it matters
A contract is the producer's promise about the shape of a model. Every consumer, in every
project, was built against it; breaking it breaks them on their next run.

## Example
```yaml
# before: columns order_id (int), customer_id (int); contract enforced
# after:  columns order_id_pk (int), customer_id_fk (int)   -> order_id, customer_id removed
```

## How to fix
Make the change additive (add the new columns, keep the old ones), or ship it as a new version
(`versions: [{v: 1}, {v: 2}]`), keep the old version until its consumers have moved, and set a
`deprecation_date` on it.

## When it does not apply
Added columns, a newly enforced contract, and changes to constraints the adapter does not
enforce are not breaking (as in dbt). Where meshgraph differs from dbt on purpose: dbt only warns
for an unversioned model (and errors for a versioned one); meshgraph reports both as errors,
because consumers in other projects break either way. A model that became versioned
(`m` → `m.v1`) is compared with its versioned self rather than reported as deleted.
)";

std::vector<std::string> reasons(const impact::ContractBreaks& breaks, std::map<std::string, std::vector<std::string>>& details) {
  std::vector<std::string> text;
  auto add = [&](std::string_view key, std::string_view label, const std::vector<std::string>& items) {
    if (items.empty()) return;
    details[std::string(key)] = items;
    text.push_back(fmt::format("{}: {}", label, fmt::join(items, ", ")));
  };
  if (breaks.contract_disabled) {
    details["contract_disabled"] = {"true"};
    text.emplace_back("contract enforcement was removed");
  }
  add("columns_removed", "columns were removed", breaks.columns_removed);
  add("data_types_changed", "columns with data_type changes", breaks.types_changed);
  add("column_constraints_removed", "enforced column level constraints were removed", breaks.column_constraints_removed);
  add("model_constraints_removed", "enforced model level constraints were removed", breaks.model_constraints_removed);
  if (!breaks.materialization_changed.empty()) {
    add("materialization_changed", "materialization changed with enforced constraints", {breaks.materialization_changed});
  }
  return text;
}

void check(const check::ImpactContext& context, check::Reporter& reporter) {
  for (graph::NodeId base_id = 0; base_id < context.base.nodes().size(); ++base_id) {
    const load::Node& old_node = context.base.node(base_id);
    if (!old_node.is_model() || !old_node.contract_enforced) continue;
    if (!impact::is_in_changed_project(context.base, base_id, context.head)) continue;
    const std::optional<graph::NodeId> head_id = impact::find_counterpart(context.base, base_id, context.head);
    if (!head_id) continue;  // removals: MESH404 for public models
    const load::Node& new_node = context.head.node(*head_id);
    const impact::ContractBreaks breaks =
        impact::compare_contracts(old_node, new_node, context.head.project_of(*head_id).manifest->adapter_type);
    if (!breaks.any()) continue;

    check::Diagnostic diagnostic;
    const std::vector<std::string> text = reasons(breaks, diagnostic.details);
    if (new_node.unique_id != old_node.unique_id) diagnostic.details["base_unique_id"] = {old_node.unique_id};
    diagnostic.message = fmt::format("breaking change to the contract of {} of project '{}': {}",
                                     check::describe_node(new_node), context.head.project_of(*head_id).name,
                                     fmt::join(text, "; "));
    diagnostic.help = "make the change additive, or create a new model version and keep the old one "
                      "until its consumers have moved";
    diagnostic.location = check::config_location(context.head, *head_id);
    diagnostic.notes = {check::node_note(context.head, *head_id)};
    reporter.report(std::move(diagnostic));
  }
}

}  // namespace

extern const check::Rule kMesh401BreakingContractChange;
const check::Rule kMesh401BreakingContractChange{
    {"MESH401", "breaking-contract-change", check::Severity::Error,
     "a change dbt calls breaking to a model with an enforced contract", kDoc},
    nullptr, check};

TEST_CASE("MESH401 reports removed columns and a changed base type, as dbt words them") {
  const auto findings = testing::impact_rule_fixture(kMesh401BreakingContractChange, "mesh401/violates");
  REQUIRE(findings.size() == 1);
  CHECK(findings[0].location.unique_id == "model.producer.orders");
  CHECK(findings[0].message ==
        "breaking change to the contract of model 'orders' of project 'producer': columns were removed: "
        "customer_id; columns with data_type changes: quantity (int -> integer)");
  CHECK(findings[0].details.at("columns_removed") == std::vector<std::string>{"customer_id"});
}

TEST_CASE("MESH401 ignores size changes, added columns and a newly enforced contract") {
  CHECK(testing::impact_rule_fixture(kMesh401BreakingContractChange, "mesh401/passes").empty());
}

}  // namespace meshgraph::rules
