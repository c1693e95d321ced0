// MeshGraph on the cosmos-cross-project pair: downstream refs upstream's models through
// dbt-loom copies; with upstream given too, those refs resolve to upstream's own nodes.
#include "graph/mesh_graph.hpp"

#include <doctest/doctest.h>

#include <algorithm>
#include <optional>
#include <span>
#include <string>
#include <utility>
#include <vector>

#include <nlohmann/json.hpp>

#include "load/manifest_reader.hpp"
#include "tests/support/rule_fixture.hpp"

namespace meshgraph::graph {

namespace {

constexpr const char* kDownstream = "fixtures/real/cosmos-cross-project/downstream/manifest.json";
constexpr const char* kUpstream = "fixtures/real/cosmos-cross-project/upstream/manifest.json";

MeshGraph build_mesh(const std::vector<std::string>& paths) {
  std::vector<load::Manifest> manifests;
  for (const std::string& path : paths) manifests.push_back(load::read_manifest(path));
  return MeshGraph::build(std::move(manifests));
}

/// The refs that name upstream explicitly (`ref('upstream', …)` in downstream's models),
/// sorted by consumer, then target.
std::vector<const ResolvedRef*> refs_into_upstream(const MeshGraph& mesh) {
  std::vector<const ResolvedRef*> found;
  for (const ResolvedRef& ref : mesh.refs()) {
    if (ref.ref->package.value_or("") == "upstream") found.push_back(&ref);
  }
  std::sort(found.begin(), found.end(), [&](const ResolvedRef* a, const ResolvedRef* b) {
    return std::pair(mesh.node(a->from).unique_id, a->target_unique_id) <
           std::pair(mesh.node(b->from).unique_id, b->target_unique_id);
  });
  return found;
}

/// (consumer unique_id, target unique_id) of each ref, in order.
std::vector<std::pair<std::string, std::string>> ends_of(
    const MeshGraph& mesh, const std::vector<const ResolvedRef*>& refs) {
  std::vector<std::pair<std::string, std::string>> ends;
  for (const ResolvedRef* ref : refs) {
    ends.emplace_back(mesh.node(ref->from).unique_id, ref->target_unique_id);
  }
  return ends;
}

/// The six `ref('upstream', …)` calls of downstream, sorted by consumer then target.
const std::vector<std::pair<std::string, std::string>> kCrossProjectRefs = {
    {"model.downstream.dim_payment_methods", "model.upstream.int_orders_enriched"},
    {"model.downstream.fct_customer_revenue", "model.upstream.int_customer_orders"},
    {"model.downstream.fct_customer_revenue", "model.upstream.stg_customers"},
    {"model.downstream.fct_revenue", "model.upstream.int_orders_enriched"},
    {"model.downstream.fct_revenue", "model.upstream.stg_order_items"},
    {"model.downstream.fct_revenue", "model.upstream.stg_products"},
};

}  // namespace

TEST_CASE("a mesh of two manifests has their two projects, sorted by name") {
  const MeshGraph mesh = build_mesh({kUpstream, kDownstream});
  REQUIRE(mesh.projects().size() == 2);
  CHECK(mesh.projects()[0].name == "downstream");
  CHECK(mesh.projects()[1].name == "upstream");
}

TEST_CASE("cross-project refs resolve to the upstream project's own nodes, not the copies") {
  const MeshGraph mesh = build_mesh({kDownstream, kUpstream});
  const std::vector<const ResolvedRef*> refs = refs_into_upstream(mesh);
  CHECK(ends_of(mesh, refs) == kCrossProjectRefs);
  for (const ResolvedRef* ref : refs) {
    CAPTURE(ref->target_unique_id);
    CHECK(ref->status == RefStatus::Resolved);
    CHECK(ref->is_cross_project);
    CHECK(ref->target_project == "upstream");
    REQUIRE(ref->target.has_value());
    CHECK(mesh.node(*ref->target).unique_id == ref->target_unique_id);
    CHECK_FALSE(mesh.node(*ref->target).is_external);
    CHECK(mesh.project_of(*ref->target).name == "upstream");
    REQUIRE(ref->local_copy != nullptr);
    CHECK(ref->local_copy->unique_id == ref->target_unique_id);
    CHECK(ref->local_copy->is_external);
  }
}

TEST_CASE("a resolved cross-project ref makes the downstream model a child of the upstream one") {
  const MeshGraph mesh = build_mesh({kDownstream, kUpstream});
  const std::optional<NodeId> upstream = mesh.find("model.upstream.stg_products");
  const std::optional<NodeId> downstream = mesh.find("model.downstream.fct_revenue");
  REQUIRE(upstream.has_value());
  REQUIRE(downstream.has_value());
  CHECK(mesh.project_of(*upstream).name == "upstream");
  const std::span<const NodeId> children = mesh.children(*upstream);
  CHECK(std::find(children.begin(), children.end(), *downstream) != children.end());
}

TEST_CASE("refs within downstream resolve locally, without a copy") {
  const MeshGraph mesh = build_mesh({kDownstream, kUpstream});
  const std::optional<NodeId> report = mesh.find("model.downstream.rpt_revenue_summary");
  REQUIRE(report.has_value());
  REQUIRE(mesh.refs_from(*report).size() == 2);
  for (std::size_t index : mesh.refs_from(*report)) {
    const ResolvedRef& ref = mesh.refs()[index];
    CAPTURE(ref.ref->name);
    CHECK(ref.status == RefStatus::Resolved);
    CHECK_FALSE(ref.is_cross_project);
    CHECK(ref.target_project == "downstream");
    CHECK(ref.local_copy == nullptr);
  }
}

TEST_CASE("the project edge downstream to upstream carries the six cross-project refs") {
  const MeshGraph mesh = build_mesh({kDownstream, kUpstream});
  REQUIRE(mesh.project_edges().size() == 1);
  const ProjectEdge& edge = mesh.project_edges()[0];
  CHECK(mesh.projects()[edge.from].name == "downstream");
  CHECK(mesh.projects()[edge.to].name == "upstream");
  std::vector<const ResolvedRef*> refs;
  for (std::size_t index : edge.refs) refs.push_back(&mesh.refs()[index]);
  CHECK(ends_of(mesh, refs) == kCrossProjectRefs);
}

TEST_CASE("the ten injected nodes of downstream are copies linked to upstream's originals") {
  const MeshGraph mesh = build_mesh({kDownstream, kUpstream});
  REQUIRE(mesh.copies().size() == 10);
  for (const Copy& copy : mesh.copies()) {
    CAPTURE(copy.copy->unique_id);
    CHECK(mesh.projects()[copy.consumer].name == "downstream");
    CHECK(copy.owner_project == "upstream");
    REQUIRE(copy.original.has_value());
    CHECK(mesh.node(*copy.original).unique_id == copy.copy->unique_id);
    CHECK(mesh.project_of(*copy.original).name == "upstream");
  }
  CHECK(mesh.find("model.upstream.stg_orders").has_value());
}

TEST_CASE("the cosmos mesh has no model or project cycles") {
  const MeshGraph mesh = build_mesh({kDownstream, kUpstream});
  CHECK(mesh.node_cycles().empty());
  CHECK(mesh.project_cycles().empty());
}

TEST_CASE("without upstream, downstream's cross-project refs are MissingProject via the copies") {
  const MeshGraph mesh = build_mesh({kDownstream});
  REQUIRE(mesh.projects().size() == 1);
  const std::vector<const ResolvedRef*> refs = refs_into_upstream(mesh);
  CHECK(ends_of(mesh, refs) == kCrossProjectRefs);
  for (const ResolvedRef* ref : refs) {
    CAPTURE(ref->target_unique_id);
    CHECK(ref->status == RefStatus::MissingProject);
    CHECK(ref->target_project == "upstream");
    CHECK(ref->is_cross_project);
    CHECK_FALSE(ref->target.has_value());
    REQUIRE(ref->local_copy != nullptr);
    CHECK(ref->local_copy->unique_id == ref->target_unique_id);
  }
  CHECK(mesh.project_edges().empty());
}

TEST_CASE("without upstream, the injected nodes are copies with no original") {
  const MeshGraph mesh = build_mesh({kDownstream});
  REQUIRE(mesh.copies().size() == 10);
  for (const Copy& copy : mesh.copies()) {
    CAPTURE(copy.copy->unique_id);
    CHECK_FALSE(copy.original.has_value());
  }
  CHECK_FALSE(mesh.find("model.upstream.stg_orders").has_value());
}

namespace {

/// A v12 manifest of project `loops` whose model NAME refs the models REFS[NAME].
std::string loops_manifest(const std::vector<std::pair<std::string, std::vector<std::string>>>& models) {
  nlohmann::ordered_json nodes = nlohmann::ordered_json::object();
  for (const auto& [name, refs] : models) {
    nlohmann::ordered_json ref_list = nlohmann::ordered_json::array();
    nlohmann::ordered_json parents = nlohmann::ordered_json::array();
    std::string code = "select 1";
    for (const std::string& ref : refs) {
      ref_list.push_back({{"name", ref}, {"package", nullptr}, {"version", nullptr}});
      parents.push_back("model.loops." + ref);
      code += " union all select * from {{ ref('" + ref + "') }}";
    }
    nodes["model.loops." + name] = {{"resource_type", "model"},
                                    {"package_name", "loops"},
                                    {"name", name},
                                    {"unique_id", "model.loops." + name},
                                    {"path", name + ".sql"},
                                    {"original_file_path", "models/" + name + ".sql"},
                                    {"raw_code", code},
                                    {"refs", ref_list},
                                    {"depends_on", {{"nodes", parents}}}};
  }
  return testing::manifest_text("loops", nodes.dump());
}

std::vector<std::vector<std::string>> cycles_by_id(const MeshGraph& mesh) {
  std::vector<std::vector<std::string>> cycles;
  for (const std::vector<NodeId>& hops : mesh.node_cycles()) {
    std::vector<std::string>& ids = cycles.emplace_back();
    for (const NodeId hop : hops) ids.emplace_back(mesh.node(hop).unique_id);
  }
  return cycles;
}

}  // namespace

TEST_CASE("node_cycles: each cycle once, from its smallest unique_id, in data-flow order; a self-ref too") {
  std::vector<load::Manifest> manifests;
  manifests.push_back(load::parse_manifest(
      loops_manifest({{"f", {"e"}},            // e → f
                      {"a", {"b"}},            // b → a
                      {"b", {"a"}},            // a → b
                      {"c", {"c"}},            // c → c
                      {"d", {"f"}},            // f → d
                      {"e", {"d"}},            // d → e
                      {"g", {"a", "c"}},       // downstream of two cycles, in none
                      {"h", {}}}),
      "loops/target/manifest.json"));
  const MeshGraph mesh = MeshGraph::build(std::move(manifests));
  CHECK(cycles_by_id(mesh) == std::vector<std::vector<std::string>>{
                                  {"model.loops.a", "model.loops.b", "model.loops.a"},
                                  {"model.loops.c", "model.loops.c"},
                                  {"model.loops.d", "model.loops.e", "model.loops.f", "model.loops.d"}});
  CHECK(mesh.project_cycles().empty());
}

TEST_CASE("node_cycles: none in a chain") {
  std::vector<load::Manifest> manifests;
  manifests.push_back(load::parse_manifest(loops_manifest({{"a", {}}, {"b", {"a"}}, {"c", {"a", "b"}}}),
                                           "loops/target/manifest.json"));
  CHECK(MeshGraph::build(std::move(manifests)).node_cycles().empty());
}

}  // namespace meshgraph::graph
