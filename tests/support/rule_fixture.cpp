// Test support: loads a rule fixture and runs one rule over it.
#include "tests/support/rule_fixture.hpp"

#include <fmt/format.h>

#include <nlohmann/json.hpp>

#include <span>

#include "check/runner.hpp"
#include "graph/mesh_graph.hpp"
#include "impact/impact_runner.hpp"
#include "load/input_discovery.hpp"
#include "load/manifest_reader.hpp"

namespace meshgraph::testing {

std::vector<check::Diagnostic> check_rule_fixture(const check::Rule& rule, std::string_view fixture,
                                                  const check::Policy& policy) {
  std::vector<load::Manifest> manifests;
  for (const std::string& path : load::find_manifests({fmt::format("fixtures/rules/{}", fixture)})) {
    // As `meshgraph check` reads them: its rules see only what it keeps of each node.
    manifests.push_back(load::read_manifest(path, load::Detail::Check));
  }
  return check_rule_on(rule, std::move(manifests), policy);
}

std::vector<check::Diagnostic> check_rule_on(const check::Rule& rule, std::vector<load::Manifest> manifests,
                                             const check::Policy& policy) {
  const graph::MeshGraph mesh = graph::MeshGraph::build(std::move(manifests));
  const check::CheckContext context{mesh, policy};
  return check::run_checks(std::span<const check::Rule>(&rule, 1), context).diagnostics;
}

std::string manifest_text(std::string_view project, std::string_view nodes_json) {
  using Json = nlohmann::ordered_json;
  return Json{{"metadata",
               {{"dbt_schema_version", "https://schemas.getdbt.com/dbt/manifest/v12.json"},
                {"dbt_version", "1.9.0"},
                {"project_name", project}}},
              {"nodes", Json::parse(nodes_json)},
              {"sources", Json::object()},
              {"exposures", Json::object()}}
      .dump();
}

std::vector<check::Diagnostic> impact_rule_fixture(const check::Rule& rule, std::string_view fixture,
                                                   const check::Policy& policy) {
  const impact::MeshPair meshes = impact::load_mesh_pair({fmt::format("fixtures/rules/{}/base", fixture)},
                                                         {fmt::format("fixtures/rules/{}/head", fixture)});
  const check::ImpactContext context{meshes.base, meshes.head, policy};
  return impact::run_impact_rules(std::span<const check::Rule>(&rule, 1), context, {}).diagnostics;
}

check::Policy policy_as_of(check::Date date) {
  check::Policy policy;
  policy.as_of = date;
  return policy;
}

}  // namespace meshgraph::testing
