// RefableIndex and pick_version: which nodes a ref() can name, and dbt's choice among versions.
#include "graph/refable_index.hpp"

#include <doctest/doctest.h>

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "graph/mesh_graph.hpp"
#include "load/manifest.hpp"

namespace meshgraph::graph {

namespace {

/// Holds the test nodes' text for the whole test run.
load::TextStore& test_text() {
  static load::TextStore store;
  return store;
}

load::Node make_node(load::ResourceType type, std::string package, std::string name,
                     std::optional<std::string> version = std::nullopt,
                     std::optional<std::string> latest_version = std::nullopt) {
  load::TextStore& text = test_text();
  load::Node node;
  node.resource_type = type;
  node.unique_id = text.store("model." + package + "." + name + (version ? ".v" + *version : ""));
  node.package_name = text.store(package);
  node.name = text.store(name);
  if (version) node.details.edit().version = text.store(*version);
  if (latest_version) node.details.edit().latest_version = text.store(*latest_version);
  return node;
}

load::Node make_model(std::string name, std::optional<std::string> version = std::nullopt,
                      std::optional<std::string> latest_version = std::nullopt) {
  return make_node(load::ResourceType::Model, "shop", std::move(name), std::move(version),
                   std::move(latest_version));
}

load::Ref make_ref(std::optional<std::string> version = std::nullopt) {
  load::Ref ref;
  ref.name = "orders";
  if (version) ref.version = test_text().store(*version);
  return ref;
}

/// The unique_id pick_version chooses among `models`, or "" when it chooses none.
std::string pick(const std::vector<load::Node>& models, const load::Ref& ref) {
  std::vector<const load::Node*> versions;
  for (const load::Node& model : models) versions.push_back(&model);
  const load::Node* picked = pick_version(versions, ref);
  return picked == nullptr ? std::string() : picked->unique_id;
}

const std::vector<load::Node> kOrdersV1ToV3LatestV2 = {
    make_model("orders", "1", "2"), make_model("orders", "2", "2"), make_model("orders", "3", "2")};

}  // namespace

TEST_CASE("a pinned ref picks its version, even when it is not the latest") {
  CHECK(pick(kOrdersV1ToV3LatestV2, make_ref("3")) == "model.shop.orders.v3");
  CHECK(pick(kOrdersV1ToV3LatestV2, make_ref("1")) == "model.shop.orders.v1");
}

TEST_CASE("a ref pinned to a version that does not exist picks nothing") {
  CHECK(pick(kOrdersV1ToV3LatestV2, make_ref("4")) == "");
}

TEST_CASE("an unpinned ref picks the latest_version") {
  CHECK(pick(kOrdersV1ToV3LatestV2, make_ref()) == "model.shop.orders.v2");
}

TEST_CASE("v=0 is unpinned and picks the latest_version") {
  CHECK_FALSE(is_pinned(make_ref("0")));
  CHECK(pick(kOrdersV1ToV3LatestV2, make_ref("0")) == "model.shop.orders.v2");
}

TEST_CASE("without latest_version an unpinned ref picks the greatest version, in numeric order") {
  const std::vector<load::Node> models = {make_model("orders", "9"), make_model("orders", "10"),
                                          make_model("orders", "2")};
  CHECK(pick(models, make_ref()) == "model.shop.orders.v10");
}

TEST_CASE("an unpinned ref whose latest_version names no model picks nothing") {
  const std::vector<load::Node> models = {make_model("orders", "1", "5"),
                                          make_model("orders", "2", "5")};
  CHECK(pick(models, make_ref()) == "");
}

TEST_CASE("an unversioned model is picked by an unpinned ref") {
  CHECK(pick({make_model("orders")}, make_ref()) == "model.shop.orders");
}

TEST_CASE("no candidates pick nothing") { CHECK(pick({}, make_ref()) == ""); }

TEST_CASE("version_less compares numbers as numbers and other text as text") {
  CHECK(version_less("9", "10"));
  CHECK_FALSE(version_less("10", "9"));
  CHECK(version_less("1.5", "2"));
  CHECK(version_less("alpha", "beta"));
  CHECK_FALSE(version_less("2", "2"));
}

TEST_CASE("RefableIndex holds models, seeds and snapshots by package and name") {
  load::Manifest manifest;
  manifest.nodes = {make_node(load::ResourceType::Model, "shop", "orders"),
                    make_node(load::ResourceType::Seed, "shop", "raw_orders"),
                    make_node(load::ResourceType::Snapshot, "shop", "orders_snapshot"),
                    make_node(load::ResourceType::Test, "shop", "not_null_orders_id"),
                    make_node(load::ResourceType::Source, "shop", "payments")};
  const RefableIndex index(manifest);
  CHECK(index.find("shop", "orders").size() == 1);
  CHECK(index.find("shop", "raw_orders").size() == 1);
  CHECK(index.find("shop", "orders_snapshot").size() == 1);
  CHECK(index.find("shop", "not_null_orders_id").empty());
  CHECK(index.find("shop", "payments").empty());
  CHECK(index.find("other", "orders").empty());
}

TEST_CASE("RefableIndex keeps every version of a model together") {
  load::Manifest manifest;
  manifest.nodes = kOrdersV1ToV3LatestV2;
  CHECK(RefableIndex(manifest).find("shop", "orders").size() == 3);
}

TEST_CASE("RefableIndex lists the packages that have a name, sorted") {
  load::Manifest manifest;
  manifest.nodes = {make_node(load::ResourceType::Model, "zeta", "dates"),
                    make_node(load::ResourceType::Model, "alpha", "dates"),
                    make_node(load::ResourceType::Model, "alpha", "orders")};
  const RefableIndex index(manifest);
  CHECK(index.packages_with("dates") == std::vector<std::string_view>{"alpha", "zeta"});
  CHECK(index.packages_with("missing").empty());
}

}  // namespace meshgraph::graph
