// MESH302 public-model-without-description: a public model, or one of its columns, without a description.
#include <doctest/doctest.h>
#include <fmt/format.h>

#include <algorithm>
#include <cctype>

#include "check/policy.hpp"
#include "check/queries.hpp"
#include "check/rule.hpp"
#include "graph/mesh_graph.hpp"
#include "tests/support/rule_fixture.hpp"

namespace meshgraph::rules {

namespace {

constexpr std::string_view kDoc = R"(## What it flags
A public model that has no description, that declares no columns, or that has declared columns
without a description, as dbt-project-evaluator's `fct_undocumented_public_models` does. One
finding per model (per version of a versioned model) lists every gap; columns are listed in
the order the YAML declares them.

## Why it matters
A public model is read by teams in other projects who cannot open its SQL in their own repo
and cannot ask its authors at every turn. Its YAML is the interface: what a row is, what each
column means. Without it consumers guess, and a guess is how a `net_amount` gets summed as
gross.

## Example
```yaml
# data_platform/models/marts.yml
models:
  - name: dim_donors
    access: public
    columns:
      - name: donor_id
      - name: lifetime_value
```

## How to fix
Describe the model and every column it declares:
```yaml
models:
  - name: dim_donors
    access: public
    description: One row per donor who gave at least once.
    columns:
      - name: donor_id
        description: The donor's id in the CRM.
      - name: lifetime_value
        description: Sum of all donations in EUR, refunds removed.
```

## When it does not apply
Only public models are checked; a consumer's copy of another project's model is judged in its
own project's manifest. A description of only blanks counts as none.

## Options
`policy.public_models.require_description` (default `true`): set it to `false` to turn the
rule off.
)";

bool is_blank(std::string_view text) {
  return std::all_of(text.begin(), text.end(), [](unsigned char c) { return std::isspace(c) != 0; });
}

void check(const check::CheckContext& context, check::Reporter& reporter) {
  if (!context.policy.public_models.require_description) return;
  const graph::MeshGraph& mesh = context.mesh;
  for (graph::NodeId id : check::public_models(mesh)) {
    const load::Node& model = mesh.node(id);
    std::vector<std::string> undescribed;
    for (const load::Column& column : model.details->columns) {
      if (!column.has_description) undescribed.push_back(column.name);
    }
    std::vector<std::string> gaps;
    std::vector<std::string> fixes;
    if (is_blank(model.details->description)) {
      gaps.push_back("has no description");
      fixes.push_back("a description of the model");
    }
    if (model.details->columns.empty()) {
      gaps.push_back("declares no columns");
      fixes.push_back("its columns (each with a description)");
    } else if (!undescribed.empty()) {
      const std::string names = fmt::format("'{}'", fmt::join(undescribed, "', '"));
      gaps.push_back(fmt::format("has columns without a description: {}", names));
      fixes.push_back(fmt::format("a description to columns {}", names));
    }
    if (gaps.empty()) continue;

    check::Diagnostic diagnostic;
    diagnostic.location = check::config_location(mesh, id);
    diagnostic.message = fmt::format("public {} of project '{}' {}", check::describe_node(model),
                                     mesh.project_of(id).name, fmt::join(gaps, " and "));
    diagnostic.help = fmt::format("add {} in {}, so consumers in other projects know what they get",
                                  fmt::join(fixes, " and "), diagnostic.location.file);
    diagnostic.notes = {check::node_note(mesh, id)};
    reporter.report(std::move(diagnostic));
  }
}

}  // namespace

extern const check::Rule kMesh302PublicModelWithoutDescription;
const check::Rule kMesh302PublicModelWithoutDescription{
    {"MESH302", "public-model-without-description", check::Severity::Warning,
     "a public model, or one of its columns, without a description", kDoc},
    check};

TEST_CASE("MESH302 flags public models without a description, columns or column descriptions") {
  const auto findings =
      testing::check_rule_fixture(kMesh302PublicModelWithoutDescription, "mesh302/violates");
  REQUIRE(findings.size() == 3);
  CHECK(findings[0].location.unique_id == "model.producer.dim_customers");
  CHECK(findings[0].message ==
        "public model 'dim_customers' of project 'producer' has columns without a description: "
        "'name', 'email'");
  CHECK(findings[0].help ==
        "add a description to columns 'name', 'email' in "
        "fixtures/rules/mesh302/violates/producer/models/_models.yml, so consumers in other "
        "projects know what they get");
  CHECK(findings[1].location.unique_id == "model.producer.dim_orders");
  CHECK(findings[1].message == "public model 'dim_orders' of project 'producer' has no description");
  CHECK(findings[2].location.unique_id == "model.producer.dim_regions");
  CHECK(findings[2].message == "public model 'dim_regions' of project 'producer' declares no columns");
}

TEST_CASE("MESH302 is silent on a fully described public model") {
  CHECK(testing::check_rule_fixture(kMesh302PublicModelWithoutDescription, "mesh302/passes").empty());
}

TEST_CASE("MESH302 is silent when policy.public_models.require_description is false") {
  check::Policy policy;
  policy.public_models.require_description = false;
  CHECK(testing::check_rule_fixture(kMesh302PublicModelWithoutDescription, "mesh302/violates", policy)
            .empty());
}

}  // namespace meshgraph::rules
