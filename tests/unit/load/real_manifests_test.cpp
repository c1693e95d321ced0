// read_manifest on every real manifest in fixtures/real: the counts the python oracle
// (scripts/real-manifest-facts, fixtures/real/FACTS.md) computed, and chosen nodes' refs.
#include <doctest/doctest.h>

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "load/manifest.hpp"
#include "load/manifest_reader.hpp"

namespace meshgraph::load {

namespace {

/// One row of FACTS.md's "Counts" table. Models include injected copies; `external` are the
/// models with empty `path` and `original_file_path`; `public_models` counts node `access`.
struct ManifestFacts {
  std::string_view path;
  int schema_version;
  std::string_view dbt_version;
  std::string_view project_name;
  std::size_t models;
  std::size_t external_models;
  std::size_t public_models;
  std::size_t versioned_models;
  std::size_t sources;
  std::size_t exposures;
  std::size_t groups;
};

// clang-format off
constexpr ManifestFacts kRealManifests[] = {
    // path, schema, dbt, project, models, external, public, versioned, sources, exposures, groups
    {"fixtures/real/cosmos-cross-project/downstream/manifest.json", 12, "1.9.0", "downstream", 14, 10, 6, 0, 0, 0, 0},
    {"fixtures/real/cosmos-cross-project/upstream/manifest.json", 12, "1.9.0", "upstream", 6, 0, 6, 0, 0, 0, 0},
    {"fixtures/real/cosmos-samples/jaffle_shop/manifest.json", 7, "1.3.1", "jaffle_shop", 5, 0, 0, 0, 0, 0, 0},
    {"fixtures/real/cosmos-samples/manifest_model_version.json", 10, "1.6.1", "jaffle_shop", 7, 0, 0, 5, 0, 0, 0},
    {"fixtures/real/cosmos-samples/manifest_source.json", 8, "1.4.0", "simple", 2, 0, 0, 0, 1, 1, 0},
    {"fixtures/real/dbt-artifacts-parser/v10/manifest.json", 10, "1.6.0", "jaffle_shop", 6, 0, 0, 0, 0, 0, 0},
    {"fixtures/real/dbt-artifacts-parser/v11/manifest.json", 11, "1.7.0", "jaffle_shop", 35, 0, 0, 0, 0, 0, 0},
    {"fixtures/real/dbt-artifacts-parser/v12/manifest_1.12.json", 12, "1.12.0", "jaffle_shop", 13, 0, 0, 0, 6, 0, 0},
    {"fixtures/real/dbt-artifacts-parser/v7/manifest.json", 7, "1.3.0", "jaffle_shop", 5, 0, 0, 0, 0, 0, 0},
    {"fixtures/real/dbt-artifacts-parser/v8/manifest.json", 8, "1.4.1", "jaffle_shop", 5, 0, 0, 0, 0, 0, 0},
    {"fixtures/real/dbt-artifacts-parser/v9/manifest.json", 9, "1.5.0rc1", "jaffle_shop", 34, 0, 0, 0, 0, 0, 0},
    {"fixtures/real/dbt-bouncer-history/after-f5b6f07b/manifest.json", 12, "1.11.2", "dbt_bouncer_test_project", 33, 0, 4, 3, 11, 2, 0},
    {"fixtures/real/dbt-bouncer-history/before-a2094336/manifest.json", 12, "1.11.2", "dbt_bouncer_test_project", 32, 0, 3, 2, 11, 2, 0},
    {"fixtures/real/dbt-bouncer/dbt_111/manifest.json", 12, "1.11.12", "dbt_bouncer_test_project", 39, 0, 4, 3, 13, 2, 0},
    {"fixtures/real/dbt-bouncer/dbt_17/manifest.json", 11, "1.7.0", "dbt_bouncer_test_project", 31, 0, 3, 2, 11, 2, 0},
    {"fixtures/real/dbt-bouncer/dbt_20/manifest.json", 12, "2.0.0-beta.2", "dbt_bouncer_test_project", 38, 0, 4, 3, 13, 2, 0},
    {"fixtures/real/dbt-core-state/v10/manifest.json", 10, "1.6.6", "test", 2, 0, 0, 0, 1, 1, 0},
    {"fixtures/real/dbt-core-state/v11/manifest.json", 11, "1.7.6", "test", 2, 0, 0, 0, 1, 1, 0},
    {"fixtures/real/dbt-core-state/v12/manifest.json", 12, "1.11.0a1", "test", 2, 0, 0, 0, 1, 1, 0},
    {"fixtures/real/dbt-core-state/v7/manifest.json", 7, "1.3.2", "test", 1, 0, 0, 0, 1, 1, 0},
    {"fixtures/real/dbt-core-state/v8/manifest.json", 8, "1.5.0a1", "test", 1, 0, 0, 0, 1, 1, 0},
    {"fixtures/real/dbt-core-state/v9/manifest.json", 9, "1.5.0b5", "test", 1, 0, 0, 0, 1, 1, 0},
    {"fixtures/real/dbt-docs-data/manifest.json", 9, "1.5.0b5", "jaffle_shop", 11, 0, 3, 2, 2, 3, 1},
    {"fixtures/real/fivetran-ad-reporting/manifest.json", 7, "1.3.0", "ad_reporting_integration_tests", 223, 0, 0, 0, 78, 0, 0},
    {"fixtures/real/fivetran-sap/manifest.json", 12, "1.10.10", "sap_integration_tests", 117, 0, 0, 0, 36, 0, 0},
    {"fixtures/real/recce/base/manifest.json", 12, "1.8.1", "jaffle_shop", 7, 0, 0, 0, 3, 0, 0},
    {"fixtures/real/recce/pr2/manifest.json", 12, "1.8.1", "jaffle_shop", 9, 0, 0, 0, 3, 0, 0},
    {"fixtures/real/tuva/v10/manifest.json", 10, "1.6.2", "integration_tests", 234, 0, 0, 0, 0, 0, 0},
    {"fixtures/real/tuva/v9/manifest.json", 9, "1.5.1", "input_layer", 287, 0, 0, 0, 0, 0, 0},
};
// clang-format on

template <typename Predicate>
std::size_t count_nodes(const Manifest& manifest, Predicate&& predicate) {
  return static_cast<std::size_t>(
      std::count_if(manifest.nodes.begin(), manifest.nodes.end(), predicate));
}

/// The ref as FACTS.md writes it, plus where the call stands in raw_code (0:0 when it is not
/// there, e.g. a generic test's SQL or an exposure).
struct ExpectedRef {
  std::optional<std::string> package;
  std::string name;
  std::optional<std::string> version;
  std::uint32_t line = 0;
  std::uint32_t column = 0;
};

/// The node `unique_id` of `manifest`, failing the test when it is not there.
const Node& node_of(const Manifest& manifest, std::string_view unique_id) {
  const Node* node = manifest.find(unique_id);
  INFO("unique_id: ", unique_id);
  REQUIRE(node != nullptr);
  return *node;
}

void check_refs(const Node& node, const std::vector<ExpectedRef>& expected) {
  INFO("unique_id: ", node.unique_id);
  REQUIRE(node.refs.size() == expected.size());
  for (std::size_t i = 0; i < expected.size(); ++i) {
    CAPTURE(i);
    CHECK(node.refs[i].package == expected[i].package);
    CHECK(node.refs[i].name == expected[i].name);
    CHECK(node.refs[i].version == expected[i].version);
    CHECK(node.refs[i].line == expected[i].line);
    CHECK(node.refs[i].column == expected[i].column);
  }
}

}  // namespace

TEST_CASE("the facts table names every manifest in fixtures/real") {
  std::set<std::string> on_disk;
  for (const auto& entry : std::filesystem::recursive_directory_iterator("fixtures/real")) {
    if (entry.is_regular_file() && entry.path().extension() == ".json") {
      on_disk.insert(entry.path().generic_string());
    }
  }
  std::set<std::string> in_table;
  for (const ManifestFacts& facts : kRealManifests) in_table.insert(std::string(facts.path));
  CHECK(on_disk.size() == 29);
  CHECK(in_table == on_disk);
}

TEST_CASE(
    "every real manifest loads with the schema, dbt version, project and counts of FACTS.md") {
  for (const ManifestFacts& facts : kRealManifests) {
    CAPTURE(facts.path);
    const Manifest manifest = read_manifest(std::string(facts.path));
    CHECK(manifest.path == facts.path);
    CHECK(manifest.schema_version == facts.schema_version);
    CHECK(manifest.dbt_version == facts.dbt_version);
    CHECK(manifest.project_name == facts.project_name);
    CHECK(count_nodes(manifest, [](const Node& n) { return n.is_model(); }) == facts.models);
    CHECK(count_nodes(manifest, [](const Node& n) { return n.is_model() && n.is_external; }) ==
          facts.external_models);
    CHECK(count_nodes(manifest, [](const Node& n) {
            return n.is_model() && n.access == Access::Public;
          }) == facts.public_models);
    CHECK(count_nodes(manifest, [](const Node& n) { return n.is_model() && n.details->version; }) ==
          facts.versioned_models);
    CHECK(count_nodes(manifest, [](const Node& n) {
            return n.resource_type == ResourceType::Source;
          }) == facts.sources);
    CHECK(count_nodes(manifest, [](const Node& n) {
            return n.resource_type == ResourceType::Exposure;
          }) == facts.exposures);
    CHECK(manifest.groups.size() == facts.groups);
  }
}

TEST_CASE("qualified v12 refs keep their package and point at the ref call in the SQL") {
  const Manifest manifest =
      read_manifest("fixtures/real/cosmos-cross-project/downstream/manifest.json");
  const Node& node = node_of(manifest, "model.downstream.fct_revenue");
  check_refs(node, {{"upstream", "int_orders_enriched", std::nullopt, 10, 22},
                    {"upstream", "stg_order_items", std::nullopt, 15, 22},
                    {"upstream", "stg_products", std::nullopt, 19, 22}});
  CHECK(node.original_file_path == "models/fct_revenue.sql");
  CHECK(node.details->patch_path == "models/schema.yml");
}

TEST_CASE("injected copies are external and take the node access over config.access") {
  // dbt-loom wrote `access: public` on the node and `config.access: protected`; dbt checks
  // the node-level field.
  const Manifest manifest =
      read_manifest("fixtures/real/cosmos-cross-project/downstream/manifest.json");
  const Node& copy = node_of(manifest, "model.upstream.int_orders_enriched");
  CHECK(copy.is_external);
  CHECK(copy.access == Access::Public);
  CHECK(copy.package_name == "upstream");
  CHECK(copy.original_file_path.empty());
  CHECK(copy.refs.empty());
  CHECK_FALSE(node_of(manifest, "model.downstream.fct_revenue").is_external);
}

TEST_CASE("injected seeds written with resource_type model load as external protected models") {
  const Manifest manifest =
      read_manifest("fixtures/real/cosmos-cross-project/downstream/manifest.json");
  const Node& seed = node_of(manifest, "seed.upstream.raw_customers");
  CHECK(seed.resource_type == ResourceType::Model);
  CHECK(seed.is_external);
  CHECK(seed.access == Access::Protected);
}

TEST_CASE("integer versions of refs and models normalise to their text") {
  const Manifest manifest =
      read_manifest("fixtures/real/cosmos-samples/manifest_model_version.json");
  const Node& model = node_of(manifest, "model.jaffle_shop.customers.v1");
  CHECK(model.details->version == "1");
  CHECK(model.details->latest_version == "2");
  check_refs(model, {{std::nullopt, "stg_customers", "1", 3, 22},
                     {std::nullopt, "stg_orders", std::nullopt, 9, 22},
                     {std::nullopt, "stg_payments", std::nullopt, 15, 22}});
}

TEST_CASE("a generic test's pinned ref has no line: its SQL does not contain the ref call") {
  const Manifest manifest =
      read_manifest("fixtures/real/cosmos-samples/manifest_model_version.json");
  check_refs(node_of(manifest,
                     "test.jaffle_shop.accepted_values_stg_orders_v1_status__placed__shipped__"
                     "completed__return_pending__returned.26e9230d55"),
             {{std::nullopt, "stg_orders", "1", 0, 0}});
}

TEST_CASE("string versions (dbt 1.7) and integer versions (dbt 1.11) read the same") {
  constexpr std::string_view kTest =
      "test.dbt_bouncer_test_project.not_null_customers_v1_customer_id.be4b9423d3";
  constexpr std::string_view kModel = "model.dbt_bouncer_test_project.customers.v1";
  const Manifest dbt_17 = read_manifest("fixtures/real/dbt-bouncer/dbt_17/manifest.json");
  const Manifest dbt_111 = read_manifest("fixtures/real/dbt-bouncer/dbt_111/manifest.json");
  check_refs(node_of(dbt_17, kTest), {{std::nullopt, "customers", "1", 0, 0}});
  check_refs(node_of(dbt_111, kTest), {{std::nullopt, "customers", "1", 0, 0}});
  CHECK(node_of(dbt_17, kModel).details->version == "1");
  CHECK(node_of(dbt_17, kModel).details->latest_version == "2");
  CHECK(node_of(dbt_111, kModel).details->version == "1");
  CHECK(node_of(dbt_111, kModel).details->latest_version == "3");
}

TEST_CASE("double-quoted ref calls are located") {
  const Manifest manifest = read_manifest("fixtures/real/dbt-bouncer/dbt_17/manifest.json");
  check_refs(node_of(manifest, "model.dbt_bouncer_test_project.customers.v1"),
             {{std::nullopt, "stg_customers", std::nullopt, 4, 36},
              {std::nullopt, "stg_orders", std::nullopt, 6, 33},
              {std::nullopt, "stg_payments", std::nullopt, 8, 35}});
}

TEST_CASE("a dbt Fusion manifest loads, with null flags read as dbt's defaults") {
  const Manifest manifest = read_manifest("fixtures/real/dbt-bouncer/dbt_20/manifest.json");
  const Node& model = node_of(manifest, "model.dbt_bouncer_test_project.customers.v1");
  CHECK(model.details->version == "1");
  CHECK(model.details->latest_version == "3");
  CHECK(model.access == Access::Public);
  CHECK(model.contract_enforced);
  REQUIRE(model.details->constraints.size() == 1);
  CHECK(model.details->constraints[0].type == "primary_key");
  CHECK(model.details->constraints[0].columns == std::vector<std::string>{"customer_id"});
  CHECK_FALSE(model.details->constraints[0].warn_unenforced);
  CHECK(model.details->constraints[0].warn_unsupported);  // Fusion writes null
  // Fusion writes the pinned version of a generic test's ref as a string.
  check_refs(node_of(manifest,
                     "test.dbt_bouncer_test_project.not_null_customers_v1_customer_id."
                     "be4b9423d3"),
             {{std::nullopt, "customers", "1", 0, 0}});
}

TEST_CASE("exposure refs are read and have no line") {
  const Manifest manifest = read_manifest("fixtures/real/dbt-docs-data/manifest.json");
  const Node& exposure = node_of(manifest, "exposure.jaffle_shop.crm_export");
  CHECK(exposure.resource_type == ResourceType::Exposure);
  CHECK_FALSE(exposure.is_external);
  check_refs(exposure, {{std::nullopt, "fct_orders", std::nullopt, 0, 0},
                        {std::nullopt, "dim_customers", std::nullopt, 0, 0}});
}

TEST_CASE("v7 list-shaped refs normalise to name without package or version") {
  const Manifest manifest = read_manifest("fixtures/real/dbt-artifacts-parser/v7/manifest.json");
  check_refs(node_of(manifest, "model.jaffle_shop.customers"),
             {{std::nullopt, "stg_customers", std::nullopt, 3, 22},
              {std::nullopt, "stg_orders", std::nullopt, 9, 22},
              {std::nullopt, "stg_payments", std::nullopt, 15, 22}});
}

TEST_CASE("Windows backslash paths are normalised to forward slashes") {
  const Manifest manifest = read_manifest("fixtures/real/tuva/v9/manifest.json");
  const Node& node = node_of(manifest, "model.input_layer.eligibility");
  CHECK(node.original_file_path == "models/eligibility.sql");
  CHECK(node.details->patch_path == "models/_models.yml");
  check_refs(node, {{std::nullopt, "eligibility_seed", std::nullopt, 25, 9}});
  // Tests' paths are interned (many tests share a schema file): normalised the same way.
  const Node& unique = node_of(manifest, "test.the_tuva_project.unique_ed_classification__johnston_icd9_icd9.08c1dc4617");
  const Node& not_null =
      node_of(manifest, "test.the_tuva_project.not_null_ed_classification__johnston_icd9_icd9.a7feea49c0");
  CHECK(unique.original_file_path == "seeds/value_sets/ed_classification/ed_classification_seeds.yml");
  CHECK(not_null.original_file_path.data() == unique.original_file_path.data());
}

TEST_CASE("nodes in the disabled map are not loaded") {
  const Manifest manifest = read_manifest("fixtures/real/dbt-core-state/v12/manifest.json");
  CHECK(manifest.find("model.test.disabled_model") == nullptr);
  CHECK(manifest.find("snapshot.test.disabled_snapshot_seed") == nullptr);
  CHECK(manifest.find("model.test.my_model") != nullptr);
}

TEST_CASE("nodes with config.enabled false are not loaded") {
  // dbt Fusion kept the tests of a disabled model in `nodes`, marked enabled: false.
  const Manifest manifest = read_manifest("fixtures/real/dbt-bouncer/dbt_20/manifest.json");
  CHECK(manifest.find("model.dbt_bouncer_test_project.py_order_stats") == nullptr);
  CHECK(manifest.find("test.dbt_bouncer_test_project.not_null_py_order_stats_order_id."
                      "c5cf82f56b") == nullptr);
  CHECK(manifest.find("test.dbt_bouncer_test_project.unique_py_order_stats_order_id.f3facdd241") ==
        nullptr);
}

}  // namespace meshgraph::load
