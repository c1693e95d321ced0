// MESH003 ref-to-missing-node: a ref to a model, version or project that is not there.
#include <doctest/doctest.h>
#include <fmt/format.h>

#include <algorithm>

#include "check/queries.hpp"
#include "check/rule.hpp"
#include "graph/mesh_graph.hpp"
#include "tests/support/rule_fixture.hpp"

namespace meshgraph::rules {

namespace {

constexpr std::string_view kDoc = R"(## What it flags
A `ref()` that does not resolve in the referenced project's own manifest: the model is not
there, the pinned version is not there, or the project is not part of the mesh at all.

## Why it matters
The consumer's manifest still holds a copy of what it saw when it was parsed, so dbt builds
it happily until the producer's relation is dropped, and then the consumer fails in
production. meshgraph resolves every cross-project ref against the producer's current
manifest, so the break shows in the pull request that causes it.

## Example
```sql
-- people_ops/models/volunteer_placement_impact.sql
select * from {{ ref('data_platform', 'dim_volunteers', v=3) }}  -- only v1 and v2 exist
```

## How to fix
Pin a version that exists (or drop `v=` to follow the latest), ref the model's replacement if
it was renamed, or, when the project is missing, give its manifest to meshgraph as another
INPUT so the ref can be checked.
)";

std::string known_versions(const graph::MeshGraph& mesh, const graph::ResolvedRef& ref) {
  std::vector<std::string> versions;
  std::string latest;
  const std::string prefix = fmt::format("model.{}.{}.v", ref.target_project, ref.ref->name);
  for (const graph::MeshNode& node : mesh.nodes()) {
    if (!node.node->unique_id.starts_with(prefix) || !node.node->details->version) continue;
    versions.push_back(*node.node->details->version);
    if (node.node->details->latest_version) latest = *node.node->details->latest_version;
  }
  std::sort(versions.begin(), versions.end(), graph::version_less);
  std::string text = fmt::format("{}", fmt::join(versions, ", "));
  if (!latest.empty()) text += fmt::format("; latest: {}", latest);
  return text;
}

check::Diagnostic describe(const graph::MeshGraph& mesh, const graph::ResolvedRef& ref) {
  const std::string node = check::describe_node(mesh.node(ref.from));
  const std::string target = fmt::format("'{}.{}'", ref.target_project, ref.ref->name);
  check::Diagnostic diagnostic;
  switch (ref.status) {
    case graph::RefStatus::MissingVersion:
      if (ref.ref->version) {
        diagnostic.message =
            fmt::format("{} refs version {} of {}, which does not exist in project '{}' (versions: {})",
                        node, *ref.ref->version, target, ref.target_project, known_versions(mesh, ref));
        diagnostic.help = "pin a version that exists, or drop v= to follow the latest version";
      } else {
        // An unpinned ref follows latest_version; a hand-edited or broken manifest can name a
        // latest version that no node has.
        diagnostic.message = fmt::format(
            "{} refs {}, whose latest_version does not exist in project '{}' (versions: {})", node,
            target, ref.target_project, known_versions(mesh, ref));
        diagnostic.help = fmt::format("set latest_version of {} to a version it defines, then run 'dbt parse'",
                                      target);
      }
      break;
    case graph::RefStatus::MissingProject:
      diagnostic.message = fmt::format("{} refs {}, but project '{}' is not in the mesh", node,
                                       target, ref.target_project);
      diagnostic.help = fmt::format(
          "add the manifest of project '{}' as an INPUT (e.g. {}/target/manifest.json) so this ref "
          "can be checked",
          ref.target_project, ref.target_project);
      break;
    default:
      diagnostic.message = fmt::format("{} refs {}, which does not exist in project '{}'", node,
                                       target, ref.target_project);
      diagnostic.help = "check the name; if the model was renamed or removed, ref its replacement";
      break;
  }
  return diagnostic;
}

void check(const check::CheckContext& context, check::Reporter& reporter) {
  const graph::MeshGraph& mesh = context.mesh;
  for (const graph::ResolvedRef& ref : mesh.refs()) {
    if (ref.status == graph::RefStatus::Resolved) continue;
    check::Diagnostic diagnostic = describe(mesh, ref);
    diagnostic.location = check::node_location(mesh, ref.from, ref.ref);
    diagnostic.related = {ref.target_unique_id};
    diagnostic.notes = {check::node_note(mesh, ref.from)};
    reporter.report(std::move(diagnostic));
  }
}

}  // namespace

extern const check::Rule kMesh003RefToMissingNode;
const check::Rule kMesh003RefToMissingNode{
    {"MESH003", "ref-to-missing-node", check::Severity::Error,
     "a ref to a model, version or project that is not in the mesh", kDoc},
    check};

TEST_CASE("MESH003 flags a pinned version that does not exist and a project not in the mesh") {
  const auto findings = testing::check_rule_fixture(kMesh003RefToMissingNode, "mesh003/violates");
  REQUIRE(findings.size() == 2);
  CHECK(findings[0].location.unique_id == "model.consumer.fct_orders");
  CHECK(findings[0].related == std::vector<std::string>{"model.producer.dim_customers.v3"});
  CHECK(findings[0].message ==
        "model 'fct_orders' refs version 3 of 'producer.dim_customers', which does not exist in "
        "project 'producer' (versions: 1, 2; latest: 2)");
  CHECK(findings[1].location.unique_id == "model.consumer.fct_shipments");
  CHECK(findings[1].related == std::vector<std::string>{"model.logistics.dim_carriers"});
  CHECK(findings[1].message ==
        "model 'fct_shipments' refs 'logistics.dim_carriers', but project 'logistics' is not in the "
        "mesh");
}

TEST_CASE("MESH003 is silent when every ref resolves in its producer's manifest") {
  CHECK(testing::check_rule_fixture(kMesh003RefToMissingNode, "mesh003/passes").empty());
}

}  // namespace meshgraph::rules
