// The diagram built from Rainbow Road: what each level draws, where findings land, what a
// change reaches, and what --focus keeps.
#include <doctest/doctest.h>

#include <algorithm>
#include <string>
#include <vector>

#include "graph/selector.hpp"
#include "impact/impact_runner.hpp"
#include "load/parallel_reader.hpp"
#include "report/draw_diagram.hpp"
#include "report/draw_dot.hpp"
#include "rules/registry.hpp"
#include "tests/unit/draw/rainbow_road.hpp"

namespace meshgraph::report {

namespace {

using testing::find_edge;
using testing::node_by_id;

Diagram draw(const graph::MeshGraph& mesh, DiagramLevel level, Highlight highlight,
             const std::vector<check::Diagnostic>& findings,
             const std::optional<std::vector<graph::NodeId>>& focus = std::nullopt) {
  return build_diagram(mesh, level, mark_findings(mesh, findings, highlight), focus);
}

bool has_rule(const std::vector<std::string>& rules, std::string_view rule) {
  return std::find(rules.begin(), rules.end(), rule) != rules.end();
}

const DiagramCluster& cluster_by_id(const Diagram& diagram, std::string_view id) {
  for (const DiagramCluster& cluster : diagram.clusters) {
    if (cluster.id == id) return cluster;
  }
  FAIL("no cluster " << std::string(id));
  return diagram.clusters.front();
}

}  // namespace

TEST_CASE(
    "the project graph has one node per project with its counts, and one dashed node per missing "
    "project") {
  const graph::MeshGraph mesh = testing::rainbow_road();
  const Diagram diagram = draw(mesh, DiagramLevel::Project, Highlight::None, {});
  REQUIRE(diagram.nodes.size() == 5);
  CHECK(node_by_id(diagram, "project.data_platform").label ==
        std::vector<std::string>{"data_platform", "15 models, 8 public"});
  CHECK(node_by_id(diagram, "project.people_ops").label ==
        std::vector<std::string>{"people_ops", "8 models, 3 public"});
  CHECK(node_by_id(diagram, "project.vet_clinics").kind == NodeKind::Missing);
  CHECK(diagram.title == "Project graph: 4 projects, 39 models");
}

TEST_CASE("a project edge runs from producer to consumer and counts its refs") {
  const graph::MeshGraph mesh = testing::rainbow_road();
  const Diagram diagram = draw(mesh, DiagramLevel::Project, Highlight::None, {});
  REQUIRE(diagram.edges.size() == 6);
  const DiagramEdge* edge =
      find_edge(diagram, "project.data_platform", "project.rescue_operations");
  REQUIRE(edge != nullptr);
  CHECK(edge->label == "5 refs");
  CHECK(find_edge(diagram, "project.rescue_operations", "project.data_platform")->label == "1 ref");
  CHECK(find_edge(diagram, "project.vet_clinics", "project.rescue_operations") != nullptr);
}

TEST_CASE("project edges that break the policy are those with a MESH2xx finding") {
  const graph::MeshGraph mesh = testing::rainbow_road();
  const std::vector<check::Diagnostic> findings = testing::rainbow_road_findings(mesh);
  const Diagram diagram = draw(mesh, DiagramLevel::Project, Highlight::None, findings);
  const DiagramEdge* disallowed =
      find_edge(diagram, "project.rescue_operations", "project.data_platform");
  CHECK(disallowed->breaks_policy);
  CHECK(disallowed->rules == std::vector<std::string>{"MESH201", "MESH202", "MESH203"});
  CHECK(
      find_edge(diagram, "project.finance_marketing", "project.rescue_operations")->breaks_policy);
  CHECK_FALSE(find_edge(diagram, "project.data_platform", "project.people_ops")->breaks_policy);
  CHECK(disallowed->mark == Mark::None);  // no --highlight: only the policy colour
}

TEST_CASE("a finding about one ref lands on that ref only, not on the ref back") {
  const graph::MeshGraph mesh = testing::rainbow_road();
  const std::vector<check::Diagnostic> findings = testing::rainbow_road_findings(mesh);
  const Diagram diagram = draw(mesh, DiagramLevel::Model, Highlight::Check, findings);
  // fct_intake_summary refs intake_triage (MESH203); intake_triage refs it back (the cycle).
  const DiagramEdge* forward = find_edge(diagram, "model.rescue_operations.intake_triage",
                                         "model.data_platform.fct_intake_summary");
  const DiagramEdge* back = find_edge(diagram, "model.data_platform.fct_intake_summary",
                                      "model.rescue_operations.intake_triage");
  REQUIRE(forward != nullptr);
  REQUIRE(back != nullptr);
  CHECK(forward->rules == std::vector<std::string>{"MESH201", "MESH202", "MESH203"});
  CHECK(back->rules == std::vector<std::string>{"MESH201", "MESH202"});
}

TEST_CASE("a project cycle lands on its refs across projects, not on refs inside a project") {
  const graph::MeshGraph mesh = testing::rainbow_road();
  const std::vector<check::Diagnostic> findings = testing::rainbow_road_findings(mesh);
  const Diagram diagram = draw(mesh, DiagramLevel::Model, Highlight::Check, findings);
  CHECK(has_rule(find_edge(diagram, "model.data_platform.fct_adoptions",
                           "model.finance_marketing.fct_cost_per_adoption")
                     ->rules,
                 "MESH201"));
  for (const DiagramEdge& edge : diagram.edges) {
    if (!edge.is_cross_project) CHECK_FALSE(has_rule(edge.rules, "MESH201"));
  }
}

TEST_CASE("with --highlight check, nodes and edges take the colour of their most severe finding") {
  const graph::MeshGraph mesh = testing::rainbow_road();
  const std::vector<check::Diagnostic> findings = testing::rainbow_road_findings(mesh);
  const Diagram diagram = draw(mesh, DiagramLevel::Model, Highlight::Check, findings);
  const DiagramNode& donations = node_by_id(diagram, "model.finance_marketing.fct_donations");
  CHECK(donations.mark == Mark::Error);
  CHECK(donations.rules == std::vector<std::string>{"MESH001"});
  CHECK(donations.tooltip.back().starts_with(
      "MESH001 error: model 'fct_donations' refs private model"));
  CHECK(node_by_id(diagram, "model.finance_marketing.mart_campaign_performance").mark ==
        Mark::Warning);
  CHECK(node_by_id(diagram, "model.people_ops.partner_shelter_scorecard").mark == Mark::Note);
  CHECK(node_by_id(diagram, "model.people_ops.stg_partners").mark == Mark::None);
  CHECK(find_edge(diagram, "model.data_platform.int_donor_pii",
                  "model.finance_marketing.fct_donations")
            ->mark == Mark::Error);
  CHECK(find_edge(diagram, "model.rescue_operations.stg_medical_exams",
                  "exposure.rescue_operations.vet_follow_up_queue")
            ->mark == Mark::Warning);
}

TEST_CASE("the model graph clusters nodes by project and group, and draws refs to nothing dashed") {
  const graph::MeshGraph mesh = testing::rainbow_road();
  const Diagram diagram = draw(mesh, DiagramLevel::Model, Highlight::None, {});
  CHECK(diagram.top_clusters.size() == 4);
  const DiagramCluster& platform = cluster_by_id(diagram, "project.data_platform");
  REQUIRE(platform.clusters.size() == 1);
  CHECK(diagram.clusters[platform.clusters.front()].label == "group platform_core");
  CHECK(node_by_id(diagram, "model.data_platform.int_donor_pii").access == load::Access::Private);
  CHECK(node_by_id(diagram, "model.data_platform.dim_animals.v2").label ==
        std::vector<std::string>{"dim_animals v2 (latest)", "public, contract"});
  CHECK(node_by_id(diagram, "exposure.people_ops.volunteer_impact_dashboard").kind ==
        NodeKind::Exposure);
  CHECK(node_by_id(diagram, "source.data_platform.donor_crm.donors").label ==
        std::vector<std::string>{"donor_crm.donors", "source"});
  CHECK(node_by_id(diagram, "model.vet_clinics.dim_clinics").label ==
        std::vector<std::string>{"vet_clinics.dim_clinics", "not in the mesh"});
  CHECK(node_by_id(diagram, "model.data_platform.dim_volunteers.v3").kind == NodeKind::Missing);
  CHECK(find_edge(diagram, "model.data_platform.int_donor_pii",
                  "model.finance_marketing.fct_donations")
            ->is_cross_project);
  CHECK_FALSE(
      find_edge(diagram, "model.data_platform.stg_donations", "model.data_platform.int_donor_pii")
          ->is_cross_project);
}

TEST_CASE("--focus keeps the selected nodes and the refs between them") {
  const graph::MeshGraph mesh = testing::rainbow_road();
  const auto focus = graph::select_nodes(mesh, graph::parse_selector("+fct_donations"));
  const Diagram models = draw(mesh, DiagramLevel::Model, Highlight::None, {}, focus);
  CHECK(models.nodes.size() == 7);  // fct_donations refs int_donor_pii and stg_campaigns
  CHECK(models.edges.size() == 6);
  const Diagram projects = draw(mesh, DiagramLevel::Project, Highlight::None, {}, focus);
  REQUIRE(projects.nodes.size() == 2);
  CHECK(node_by_id(projects, "project.data_platform").label.back() == "2 models, 0 public");
  CHECK(find_edge(projects, "project.data_platform", "project.finance_marketing")->label ==
        "1 ref");
}

TEST_CASE("a change and everything downstream of it are marked; the rest is dimmed") {
  const impact::MeshPair meshes =
      impact::load_mesh_pair({"fixtures/rainbow_road"}, {"fixtures/rainbow_road/pr/emergency"},
                             {"fixtures/rainbow_road/pr"});
  const std::vector<graph::NodeId> changed = changed_nodes(meshes.base, meshes.head, {});
  REQUIRE(changed.size() == 1);
  CHECK(meshes.head.node(changed.front()).unique_id == "model.data_platform.fct_adoptions");
  MeshMarks marks = mark_findings(meshes.head, {}, Highlight::Impact);
  mark_blast_radius(meshes.head, changed, marks);
  const Diagram diagram = build_diagram(meshes.head, DiagramLevel::Model, marks, std::nullopt);
  CHECK(node_by_id(diagram, "model.data_platform.fct_adoptions").mark == Mark::Changed);
  CHECK(node_by_id(diagram, "model.people_ops.volunteer_placement_impact").mark ==
        Mark::Downstream);
  CHECK(node_by_id(diagram, "exposure.people_ops.volunteer_impact_dashboard").mark ==
        Mark::Downstream);
  CHECK(node_by_id(diagram, "model.data_platform.stg_adoptions").mark == Mark::Dimmed);
  CHECK(find_edge(diagram, "model.data_platform.fct_adoptions",
                  "model.finance_marketing.fct_cost_per_adoption")
            ->mark == Mark::Downstream);
  CHECK(find_edge(diagram, "model.data_platform.stg_adoptions", "model.data_platform.fct_adoptions")
            ->mark == Mark::Dimmed);
  const Diagram projects = build_diagram(meshes.head, DiagramLevel::Project, marks, std::nullopt);
  CHECK(node_by_id(projects, "project.data_platform").mark == Mark::Changed);
  CHECK(node_by_id(projects, "project.people_ops").mark == Mark::Downstream);
  CHECK(node_by_id(projects, "project.rescue_operations").mark == Mark::Dimmed);
}

TEST_CASE("the same mesh gives the same DOT, whatever order the manifests came in") {
  const graph::MeshGraph mesh = testing::rainbow_road();
  const std::vector<check::Diagnostic> findings = testing::rainbow_road_findings(mesh);
  const std::string first = render_dot(draw(mesh, DiagramLevel::Model, Highlight::Check, findings));
  const graph::MeshGraph again = graph::MeshGraph::build(load::read_manifests({
      "fixtures/rainbow_road/rescue_operations/target/manifest.json",
      "fixtures/rainbow_road/people_ops/target/manifest.json",
      "fixtures/rainbow_road/finance_marketing/target/manifest.json",
      "fixtures/rainbow_road/data_platform/target/manifest.json",
  }));
  CHECK(render_dot(draw(again, DiagramLevel::Model, Highlight::Check,
                        testing::rainbow_road_findings(again))) == first);
}

}  // namespace meshgraph::report
