// MESH406 latest-version-shift: latest_version moved, silently moving every unpinned consumer.
#include <doctest/doctest.h>
#include <fmt/format.h>

#include "check/queries.hpp"
#include "check/rule.hpp"
#include "graph/mesh_graph.hpp"
#include "impact/counterpart.hpp"
#include "impact/versions.hpp"
#include "tests/support/rule_fixture.hpp"

namespace meshgraph::rules {

namespace {

constexpr std::string_view kDoc = R"(## What it flags
A model whose unpinned refs resolve to another node after the pull request: `latest_version`
changed, or an unversioned model became versioned with a newer latest version. Every consumer in
another project that refs it without `v=` silently moves to the new version; the finding lists them.

## Why it matters
An unpinned ref means "whatever is latest". Moving latest changes the data under consumers that
never opted in, in projects whose owners did not review the change (dbt only emits an info event,
and only at run time).

## Example
```yaml
models:
  - name: dim_shelters
    latest_version: 2   # was 1; people_ops refs ref('data_platform', 'dim_shelters') unpinned
```

## How to fix
Release the new version as a prerelease first (keep `latest_version` on the old one), ask the
consumers listed to move with `v=`, or to pin the old version; then move `latest_version`.
)";

void check(const check::ImpactContext& context, check::Reporter& reporter) {
  const impact::UnpinnedTargets head_targets(context.head);
  for (graph::NodeId base_id = 0; base_id < context.base.nodes().size(); ++base_id) {
    const load::Node& old_node = context.base.node(base_id);
    if (!old_node.is_model() || !impact::is_in_changed_project(context.base, base_id, context.head)) continue;
    if (!impact::is_unpinned_target(old_node)) continue;
    const std::optional<graph::NodeId> new_latest =
        head_targets.find(context.base.project_of(base_id).name, old_node.name);
    if (!new_latest || impact::find_counterpart(context.base, base_id, context.head) == new_latest) continue;
    std::vector<graph::NodeId> moving;
    for (graph::NodeId child : context.base.children(base_id)) {
      for (std::size_t index : context.base.refs_from(child)) {
        const graph::ResolvedRef& ref = context.base.refs()[index];
        if (ref.target == base_id && ref.is_cross_project && !graph::is_pinned(*ref.ref)) {
          moving.push_back(child);
          break;
        }
      }
    }
    if (moving.empty()) continue;
    const load::Node& new_node = context.head.node(*new_latest);

    check::Diagnostic diagnostic;
    diagnostic.message = fmt::format(
        "unpinned refs to model '{}' of project '{}' now resolve to v{} instead of {}: {} in other "
        "projects "
        "move without asking: {}",
        new_node.name, context.head.project_of(*new_latest).name,
        new_node.details->version.value_or(load::Text("?")),
        old_node.details->version ? fmt::format("v{}", *old_node.details->version)
                                  : std::string("the unversioned model"),
        moving.size() == 1 ? std::string("1 node") : fmt::format("{} nodes", moving.size()),
        impact::list_nodes(context.base, moving));
    diagnostic.help = fmt::format(
        "keep latest_version on the old version until the consumers have moved with {}, or have "
        "them pin "
        "the old version",
        check::pinned_ref_call(context.head.project_of(*new_latest).name, new_node.name,
                               new_node.details->version.value_or(load::Text())));
    diagnostic.location = check::config_location(context.head, *new_latest);
    diagnostic.notes = {check::node_note(context.head, *new_latest)};
    for (graph::NodeId id : moving) diagnostic.related.push_back(context.base.node(id).unique_id);
    diagnostic.details["latest_version"] = {old_node.details->version.value_or(load::Text("none")),
                                            new_node.details->version.value_or(load::Text("none"))};
    diagnostic.details["base_unique_id"] = {old_node.unique_id};
    reporter.report(std::move(diagnostic));
  }
}

}  // namespace

extern const check::Rule kMesh406LatestVersionShift;
const check::Rule kMesh406LatestVersionShift{
    {"MESH406", "latest-version-shift", check::Severity::Warning,
     "latest_version moved, and with it every unpinned consumer in other projects", kDoc},
    nullptr, check};

TEST_CASE("MESH406 lists the unpinned consumers that move with latest_version") {
  const auto findings = testing::impact_rule_fixture(kMesh406LatestVersionShift, "mesh406/violates");
  REQUIRE(findings.size() == 1);
  CHECK(findings[0].location.unique_id == "model.producer.customers.v2");
  CHECK(findings[0].related == std::vector<std::string>{"model.consumer.fct_revenue"});
  CHECK(findings[0].message ==
        "unpinned refs to model 'customers' of project 'producer' now resolve to v2 instead of v1: 1 node in "
        "other projects move without asking: 'consumer.fct_revenue'");
}

TEST_CASE("MESH406 is silent when a new version arrives as a prerelease") {
  CHECK(testing::impact_rule_fixture(kMesh406LatestVersionShift, "mesh406/passes").empty());
}

}  // namespace meshgraph::rules
