// MESH403 access-narrowed: a model's access narrowed while consumers outside the new boundary exist.
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
A model whose access narrowed (public → protected or private, protected → private) while nodes
outside the new boundary still ref it: other projects for protected, anything outside the
model's group for private. The finding lists them.

## Why it matters
Narrowing access withdraws a model from its consumers: their next parse fails (dbt Cloud and
dbt-loom stop serving the model, or dbt rejects the ref). dbt's "Mesh FAQs" call it a breaking
change for downstream consumers; dbt itself only marks the model `state:modified`.

## Example
```yaml
models:
  - name: dim_animals
    access: protected   # was: public; finance_marketing and people_ops ref it
```

## How to fix
Keep the model public and set a `deprecation_date` first, so consumers are warned (MESH102) and
have time to move; narrow the access once nobody outside refs it.
)";

bool is_outside(const graph::MeshGraph& mesh, graph::NodeId consumer, graph::NodeId model, load::Access access) {
  const bool other_project = mesh.nodes()[consumer].project != mesh.nodes()[model].project;
  if (access == load::Access::Protected || other_project) return other_project;
  const std::string& group = mesh.node(model).group;
  return group.empty() || mesh.node(consumer).group != group;
}

void check(const check::ImpactContext& context, check::Reporter& reporter) {
  for (graph::NodeId base_id = 0; base_id < context.base.nodes().size(); ++base_id) {
    const load::Node& old_node = context.base.node(base_id);
    if (!old_node.is_model() || !impact::is_in_changed_project(context.base, base_id, context.head)) continue;
    const std::optional<graph::NodeId> head_id = impact::find_counterpart(context.base, base_id, context.head);
    if (!head_id || context.head.node(*head_id).access >= old_node.access) continue;
    const load::Node& new_node = context.head.node(*head_id);
    std::vector<graph::NodeId> outside;
    for (graph::NodeId child : context.base.children(base_id)) {
      if (context.base.node(child).resource_type != load::ResourceType::Test &&
          is_outside(context.base, child, base_id, new_node.access)) {
        outside.push_back(child);
      }
    }
    if (outside.empty()) continue;
    std::sort(outside.begin(), outside.end(), [&](graph::NodeId a, graph::NodeId b) {
      return context.base.node(a).unique_id < context.base.node(b).unique_id;
    });

    check::Diagnostic diagnostic;
    diagnostic.message = fmt::format("access of {} of project '{}' narrowed from {} to {}, but {} outside the new "
                                     "boundary ref it: {}",
                                     check::describe_node(new_node), context.head.project_of(*head_id).name,
                                     check::access_name(old_node.access), check::access_name(new_node.access),
                                     outside.size() == 1 ? std::string("1 node") : fmt::format("{} nodes", outside.size()),
                                     impact::list_nodes(context.base, outside));
    diagnostic.help = fmt::format("keep '{}' {} and set a deprecation_date first, so its consumers have time to move",
                                  new_node.name, check::access_name(old_node.access));
    diagnostic.location = check::config_location(context.head, *head_id);
    diagnostic.notes = {check::node_note(context.head, *head_id)};
    for (graph::NodeId id : outside) diagnostic.related.push_back(context.base.node(id).unique_id);
    diagnostic.details["access"] = {std::string(check::access_name(old_node.access)),
                                    std::string(check::access_name(new_node.access))};
    reporter.report(std::move(diagnostic));
  }
}

}  // namespace

extern const check::Rule kMesh403AccessNarrowed;
const check::Rule kMesh403AccessNarrowed{
    {"MESH403", "access-narrowed", check::Severity::Error,
     "a model's access narrowed while consumers outside the new boundary ref it", kDoc},
    nullptr, check};

TEST_CASE("MESH403 flags public to protected with a consumer in another project") {
  const auto findings = testing::impact_rule_fixture(kMesh403AccessNarrowed, "mesh403/violates");
  REQUIRE(findings.size() == 1);
  CHECK(findings[0].location.unique_id == "model.producer.customers");
  CHECK(findings[0].related == std::vector<std::string>{"model.consumer.fct_revenue"});
  CHECK(findings[0].message ==
        "access of model 'customers' of project 'producer' narrowed from public to protected, but 1 node "
        "outside the new boundary ref it: 'consumer.fct_revenue'");
}

TEST_CASE("MESH403 is silent when only nodes inside the new boundary ref the model") {
  CHECK(testing::impact_rule_fixture(kMesh403AccessNarrowed, "mesh403/passes").empty());
}

}  // namespace meshgraph::rules
