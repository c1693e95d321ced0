// MESH407 new-model-version: a new version of a public model, with the consumers still on old ones.
#include <doctest/doctest.h>
#include <fmt/format.h>

#include <algorithm>

#include "check/queries.hpp"
#include "check/rule.hpp"
#include "graph/mesh_graph.hpp"
#include "impact/counterpart.hpp"
#include "tests/support/rule_fixture.hpp"

namespace meshgraph::rules {

namespace {

constexpr std::string_view kDoc = R"(## What it flags
A note, not a problem: a public model gained a new version in the pull request. It lists the
consumers in other projects still on the old versions, and each old version's
`deprecation_date` (or that it has none).

## Why it matters
A version bump is how a breaking change should land (MESH401, MESH402), but it is only half done
until the old version's consumers move. The note tells the producer whom to notify and whether
the old version has a date for them to plan against.

## Example
```yaml
models:
  - name: fct_adoptions
    latest_version: 1
    versions:
      - v: 1
      - v: 2     # new in this pull request
```

## How to fix
Nothing to fix. Set a `deprecation_date` on the old version so its consumers are warned
(MESH102), and tell them to move with `ref('project', 'model', v=2)`.
)";

void check(const check::ImpactContext& context, check::Reporter& reporter) {
  for (graph::NodeId head_id : check::public_models(context.head)) {
    const load::Node& new_node = context.head.node(head_id);
    const std::string& project = context.head.project_of(head_id).name;
    if (!new_node.details->version || context.base.find(new_node.unique_id)) continue;
    std::vector<graph::NodeId> consumers;
    std::vector<std::string> dates;
    bool is_carried_over = false;
    for (graph::NodeId base_id = 0; base_id < context.base.nodes().size(); ++base_id) {
      const load::Node& old_node = context.base.node(base_id);
      if (!old_node.is_model() || old_node.name != new_node.name || context.base.project_of(base_id).name != project) continue;
      const std::optional<graph::NodeId> now = impact::find_counterpart(context.base, base_id, context.head);
      if (now == head_id) is_carried_over = true;
      const std::vector<graph::NodeId> users = impact::consumers_in_other_projects(context.base, base_id);
      consumers.insert(consumers.end(), users.begin(), users.end());
      // Describe the old version as it stands after the pull request (an unversioned model that
      // became v1 is "v1" now), with its deprecation_date there.
      const load::Node& old_now = now ? context.head.node(*now) : old_node;
      const std::string label = old_now.details->version
                                    ? fmt::format("v{}", *old_now.details->version)
                                    : std::string("the unversioned model");
      dates.push_back(
          old_now.details->deprecation_date
              ? fmt::format("{} is deprecated from {}", label, *old_now.details->deprecation_date)
              : fmt::format("{} has no deprecation_date", label));
    }
    if (is_carried_over || dates.empty()) continue;  // a brand-new model, or the old model renamed to v1

    check::Diagnostic diagnostic;
    diagnostic.message = fmt::format(
        "new version v{} of public model '{}' of project '{}'; {}; {}", *new_node.details->version,
        new_node.name, project,
        consumers.empty()
            ? std::string("no other project refs the old versions")
            : fmt::format("still on old versions: {}", impact::list_nodes(context.base, consumers)),
        fmt::join(dates, "; "));
    diagnostic.help = fmt::format(
        "set a deprecation_date on the old version, and ask its consumers to move with {}",
        check::pinned_ref_call(project, new_node.name, *new_node.details->version));
    diagnostic.location = check::config_location(context.head, head_id);
    for (graph::NodeId id : consumers) diagnostic.related.push_back(context.base.node(id).unique_id);
    std::sort(diagnostic.related.begin(), diagnostic.related.end());
    diagnostic.details["new_version"] = {*new_node.details->version};
    reporter.report(std::move(diagnostic));
  }
}

}  // namespace

extern const check::Rule kMesh407NewModelVersion;
const check::Rule kMesh407NewModelVersion{
    {"MESH407", "new-model-version", check::Severity::Note,
     "a new version of a public model, with the consumers still on the old ones", kDoc},
    nullptr, check};

TEST_CASE("MESH407 notes a new version and the consumers still on the old one") {
  const auto findings = testing::impact_rule_fixture(kMesh407NewModelVersion, "mesh406/passes");
  REQUIRE(findings.size() == 1);
  CHECK(findings[0].location.unique_id == "model.producer.customers.v2");
  CHECK(findings[0].message ==
        "new version v2 of public model 'customers' of project 'producer'; still on old versions: "
        "'consumer.fct_revenue'; v1 has no deprecation_date");
}

TEST_CASE("MESH407 is silent when no version was added") {
  CHECK(testing::impact_rule_fixture(kMesh407NewModelVersion, "mesh402/violates").empty());
}

}  // namespace meshgraph::rules
