// MESH204 undeclared-project-dependency: a cross-project ref to a project the consumer's dependencies.yml does not declare.
#include <doctest/doctest.h>
#include <fmt/format.h>

#include <algorithm>

#include "check/queries.hpp"
#include "check/rule.hpp"
#include "check/runner.hpp"
#include "graph/mesh_graph.hpp"
#include "load/input_discovery.hpp"
#include "load/manifest_reader.hpp"
#include "tests/support/rule_fixture.hpp"

namespace meshgraph::rules {

namespace {

constexpr std::string_view kDoc = R"(## What it flags
A `ref()` into another project of the mesh that the referencing project's `dependencies.yml`
does not list under `projects:`.

## Why it matters
dbt-core ignores `projects:` in `dependencies.yml`, so the ref works locally with dbt-loom or
a package install. dbt Cloud reads the file to decide which upstream projects' public models
it injects; an undeclared project's models are simply not there, and the consumer's job fails
with "not found" the first time it runs in dbt Cloud. The file is also the place where a
reader learns what the project depends on.

## Example
```yaml
# finance_marketing/dependencies.yml
projects:
  - name: rescue_operations
```
```sql
-- finance_marketing/models/fct_donations.sql
select * from {{ ref('data_platform', 'dim_donors') }}
```

## How to fix
Declare the project next to the others:
```yaml
projects:
  - name: rescue_operations
  - name: data_platform
```

## When it does not apply
Only projects whose folder meshgraph knows (the manifest is `<project>/target/manifest.json`
next to a `dbt_project.yml`) are checked: without the folder there is no `dependencies.yml` to
read. A project folder without `dependencies.yml` declares no projects. Refs into a project
that is not an INPUT are reported by MESH003.
)";

void check(const check::CheckContext& context, check::Reporter& reporter) {
  const graph::MeshGraph& mesh = context.mesh;
  for (const graph::ResolvedRef& ref : mesh.refs()) {
    if (!check::is_project_dependency(ref)) continue;
    const graph::Project& consumer = mesh.project_of(ref.from);
    const std::optional<std::vector<std::string>>& declared = consumer.manifest->declared_projects;
    if (!declared) continue;
    if (std::find(declared->begin(), declared->end(), ref.target_project) != declared->end()) continue;

    std::vector<std::string> wanted = *declared;
    wanted.push_back(ref.target_project);
    const std::string file = check::display_path(consumer, "dependencies.yml");
    check::Diagnostic diagnostic;
    diagnostic.message = fmt::format(
        "{} refs {}, but project '{}' does not declare project '{}' in its dependencies.yml ({})",
        check::describe_node(mesh.node(ref.from)), check::describe_ref_target(ref), consumer.name,
        ref.target_project,
        declared->empty() ? "it declares no projects"
                          : fmt::format("it declares '{}'", fmt::join(*declared, "', '")));
    // One line: the text report escapes line breaks, so the YAML is given in flow style.
    diagnostic.help = fmt::format(
        "declare it in {}: projects: [{{name: {}}}]; dbt Cloud resolves cross-project refs only "
        "into declared projects",
        file, fmt::join(wanted, "}, {name: "));
    diagnostic.location = check::node_location(mesh, ref.from, ref.ref);
    diagnostic.related = {ref.target_unique_id};
    diagnostic.notes = {check::node_note(mesh, ref.from)};
    reporter.report(std::move(diagnostic));
  }
}

}  // namespace

extern const check::Rule kMesh204UndeclaredProjectDependency;
const check::Rule kMesh204UndeclaredProjectDependency{
    {"MESH204", "undeclared-project-dependency", check::Severity::Warning,
     "a cross-project ref to a project the consumer's dependencies.yml does not declare", kDoc},
    check};

TEST_CASE("MESH204 flags each ref into a project missing from dependencies.yml") {
  const auto findings =
      testing::check_rule_fixture(kMesh204UndeclaredProjectDependency, "mesh204/violates");
  REQUIRE(findings.size() == 2);
  CHECK(findings[0].location.unique_id == "model.consumer.fct_orders");
  CHECK(findings[0].location.line == 3);
  CHECK(findings[0].related == std::vector<std::string>{"model.producer.dim_customers"});
  CHECK(findings[0].message ==
        "model 'fct_orders' refs 'producer.dim_customers', but project 'consumer' does not declare "
        "project 'producer' in its dependencies.yml (it declares 'shared')");
  CHECK(findings[0].help ==
        "declare it in fixtures/rules/mesh204/violates/consumer/dependencies.yml: projects: [{name: "
        "shared}, {name: producer}]; dbt Cloud resolves cross-project refs only into declared projects");
  CHECK(findings[1].location.unique_id == "model.reporting.rpt_customers");
  CHECK(findings[1].message ==
        "model 'rpt_customers' refs 'producer.dim_customers', but project 'reporting' does not "
        "declare project 'producer' in its dependencies.yml (it declares no projects)");
}

TEST_CASE("MESH204 is silent when dependencies.yml declares every project reffed") {
  CHECK(testing::check_rule_fixture(kMesh204UndeclaredProjectDependency, "mesh204/passes").empty());
}

TEST_CASE("MESH204 is silent when the project folder, and so dependencies.yml, is unknown") {
  std::vector<load::Manifest> manifests;
  for (const std::string& path : load::find_manifests({"fixtures/rules/mesh204/violates"})) {
    manifests.push_back(load::read_manifest(path));
    manifests.back().declared_projects.reset();  // as for a manifest given outside its project
  }
  const graph::MeshGraph mesh = graph::MeshGraph::build(std::move(manifests));
  const check::Policy policy;
  const check::CheckContext context{mesh, policy};
  CHECK(check::run_checks(std::span(&kMesh204UndeclaredProjectDependency, 1), context).diagnostics.empty());
}

}  // namespace meshgraph::rules
