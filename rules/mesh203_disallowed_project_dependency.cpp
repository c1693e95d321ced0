// MESH203 disallowed-project-dependency: a cross-project ref along a project dependency the policy does not allow.
#include <doctest/doctest.h>
#include <fmt/format.h>

#include <algorithm>

#include "check/policy.hpp"
#include "check/queries.hpp"
#include "check/rule.hpp"
#include "graph/mesh_graph.hpp"
#include "tests/support/rule_fixture.hpp"

namespace meshgraph::rules {

namespace {

constexpr std::string_view kDoc = R"(## What it flags
A `ref()` from one project of the mesh into another that `policy.allowed_dependencies` does
not list for the referencing project. Each such ref is reported, whether or not its target
still exists: the dependency is there either way.

## Why it matters
The Mesh Council decides which way dependencies may point (marketing may build on the
platform, the platform on nobody), so that each team knows whom a change can break and
projects deploy in a known order. An unplanned edge ties two teams' release cycles together
without either of them agreeing to it, and is the first step towards a project cycle.

## Example
```yaml
# meshgraph.yml
policy:
  allowed_dependencies:
    finance_marketing: [data_platform]
```
```sql
-- finance_marketing/models/fct_placements.sql
select * from {{ ref('rescue_operations', 'fct_adoptions') }}
```

## How to fix
Ref a model of a project you may depend on, or ask the Mesh Council to allow the edge:
```yaml
policy:
  allowed_dependencies:
    finance_marketing: [data_platform, rescue_operations]
```

## When it does not apply
Refs inside a project and refs to installed packages are not project dependencies. A ref into
a project that is not an INPUT is reported by MESH003 instead.

## Options
`policy.allowed_dependencies`: consumer project → the projects it may ref. Unset (the
default), the rule is silent. A project missing from the map may depend on no project.
)";

void check(const check::CheckContext& context, check::Reporter& reporter) {
  if (!context.policy.allowed_dependencies) return;
  const std::map<std::string, std::vector<std::string>>& allowed = *context.policy.allowed_dependencies;
  const graph::MeshGraph& mesh = context.mesh;
  for (const graph::ResolvedRef& ref : mesh.refs()) {
    // MissingProject: the ref points outside the mesh, where there is no project to judge.
    if (!check::is_project_dependency(ref)) continue;
    const std::string& consumer = mesh.project_of(ref.from).name;
    static const std::vector<std::string> kNothing;
    auto it = allowed.find(consumer);
    const std::vector<std::string>& may = it == allowed.end() ? kNothing : it->second;
    if (std::find(may.begin(), may.end(), ref.target_project) != may.end()) continue;

    const std::string may_text =
        may.empty() ? "it may depend on no project" : fmt::format("it may depend on '{}'", fmt::join(may, "', '"));
    check::Diagnostic diagnostic;
    diagnostic.message = fmt::format(
        "{} refs {}, but project '{}' may not depend on project '{}' ({})",
        check::describe_node(mesh.node(ref.from)), check::describe_ref_target(ref), consumer,
        ref.target_project, may_text);
    diagnostic.help = fmt::format(
        "ask the Mesh Council to add '{}' under '{}' in policy.allowed_dependencies (meshgraph.yml){}",
        ref.target_project, consumer,
        may.empty() ? "" : fmt::format(", or ref a model of '{}' instead", fmt::join(may, "' or '")));
    diagnostic.location = check::node_location(mesh, ref.from, ref.ref);
    diagnostic.related = {ref.target_unique_id};
    diagnostic.notes = {check::node_note(mesh, ref.from)};
    reporter.report(std::move(diagnostic));
  }
}

}  // namespace

extern const check::Rule kMesh203DisallowedProjectDependency;
const check::Rule kMesh203DisallowedProjectDependency{
    {"MESH203", "disallowed-project-dependency", check::Severity::Error,
     "a cross-project ref along a project dependency the policy does not allow", kDoc},
    check};

namespace {
check::Policy allowing(std::map<std::string, std::vector<std::string>> dependencies) {
  check::Policy policy;
  policy.allowed_dependencies = std::move(dependencies);
  return policy;
}
}  // namespace

TEST_CASE("MESH203 flags each ref into a project the consumer may not depend on") {
  const auto findings = testing::check_rule_fixture(kMesh203DisallowedProjectDependency, "mesh203/violates",
                                                    allowing({{"consumer", {"shared"}}}));
  REQUIRE(findings.size() == 2);
  CHECK(findings[0].location.unique_id == "model.consumer.fct_orders");
  CHECK(findings[0].location.line == 3);
  CHECK(findings[0].related == std::vector<std::string>{"model.producer.dim_customers"});
  CHECK(findings[0].message ==
        "model 'fct_orders' refs 'producer.dim_customers', but project 'consumer' may not depend on "
        "project 'producer' (it may depend on 'shared')");
  CHECK(findings[0].help ==
        "ask the Mesh Council to add 'producer' under 'consumer' in policy.allowed_dependencies "
        "(meshgraph.yml), or ref a model of 'shared' instead");
  // dim_regions is gone from producer (MESH003), yet the dependency on producer remains.
  CHECK(findings[1].location.unique_id == "model.consumer.fct_regions");
  CHECK(findings[1].related == std::vector<std::string>{"model.producer.dim_regions"});
}

TEST_CASE("MESH203 is silent when every project dependency is allowed") {
  CHECK(testing::check_rule_fixture(kMesh203DisallowedProjectDependency, "mesh203/passes",
                                    allowing({{"consumer", {"producer", "shared"}}}))
            .empty());
}

TEST_CASE("MESH203 is silent without policy.allowed_dependencies") {
  CHECK(testing::check_rule_fixture(kMesh203DisallowedProjectDependency, "mesh203/violates").empty());
}

TEST_CASE("MESH203 lets a project missing from allowed_dependencies depend on no project") {
  const auto findings = testing::check_rule_fixture(kMesh203DisallowedProjectDependency, "mesh203/violates",
                                                    allowing({{"producer", {"shared"}}}));
  REQUIRE(findings.size() == 3);
  CHECK(findings[0].message ==
        "model 'fct_orders' refs 'producer.dim_customers', but project 'consumer' may not depend on "
        "project 'producer' (it may depend on no project)");
  CHECK(findings[0].help ==
        "ask the Mesh Council to add 'producer' under 'consumer' in policy.allowed_dependencies "
        "(meshgraph.yml)");
  CHECK(findings[1].related == std::vector<std::string>{"model.shared.dim_dates"});
}

}  // namespace meshgraph::rules
