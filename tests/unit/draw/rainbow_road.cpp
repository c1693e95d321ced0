// Test support: Rainbow Road, loaded as the CLI loads it.
#include "tests/unit/draw/rainbow_road.hpp"

#include <doctest/doctest.h>

#include "check/runner.hpp"
#include "config/config_reader.hpp"
#include "load/parallel_reader.hpp"
#include "rules/registry.hpp"

namespace meshgraph::testing {

graph::MeshGraph rainbow_road() {
  return graph::MeshGraph::build(load::read_manifests({
      "fixtures/rainbow_road/data_platform/target/manifest.json",
      "fixtures/rainbow_road/finance_marketing/target/manifest.json",
      "fixtures/rainbow_road/people_ops/target/manifest.json",
      "fixtures/rainbow_road/rescue_operations/target/manifest.json",
  }));
}

std::vector<check::Diagnostic> rainbow_road_findings(const graph::MeshGraph& mesh) {
  const config::Config config = config::read_config(
      "fixtures/rainbow_road/meshgraph.yml",
      config::RuleLookup{[](std::string_view text) -> std::optional<std::string> {
                           const check::Rule* rule = rules::find_rule(text);
                           return rule == nullptr ? std::nullopt
                                                  : std::optional<std::string>(rule->info.id);
                         },
                         [](std::string_view text) { return rules::nearest_rule(text); }});
  check::Policy policy = config.policy;
  policy.as_of = check::Date{2026, 11, 23};
  check::RunSettings settings;
  settings.severities = config.rule_severities;
  settings.waivers = config.exceptions;
  const check::CheckContext context{mesh, policy};
  return check::run_checks(rules::all_rules(), context, settings).diagnostics;
}

const report::DiagramNode& node_by_id(const report::Diagram& diagram, std::string_view id) {
  for (const report::DiagramNode& node : diagram.nodes) {
    if (node.id == id) return node;
  }
  FAIL("no node " << std::string(id));
  return diagram.nodes.front();
}

const report::DiagramEdge* find_edge(const report::Diagram& diagram, std::string_view from,
                                     std::string_view to) {
  for (const report::DiagramEdge& edge : diagram.edges) {
    if (diagram.nodes[edge.from].id == from && diagram.nodes[edge.to].id == to) return &edge;
  }
  return nullptr;
}

}  // namespace meshgraph::testing
