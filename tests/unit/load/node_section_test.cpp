// Large node sections are read on two threads (load/manifest_reader.cpp, read_node_section), and
// `check` keeps less of each node (load::Detail::Check). Both must read exactly what one thread
// reading everything reads, and refuse the same files with the same error.
#include <doctest/doctest.h>
#include <fmt/format.h>
#include <unistd.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "load/input_error.hpp"
#include "load/json_syntax.hpp"
#include "load/manifest.hpp"
#include "load/manifest_reader.hpp"

namespace meshgraph::load {

namespace {

using Json = nlohmann::ordered_json;

/// More models than read_node_section reads on one thread (2,048), each with a test: every
/// tenth model public, every model with two columns and a ref to the model before it.
constexpr int kModels = 3000;

Json model_node(int index) {
  const std::string name = fmt::format("model_{:04}", index);
  Json node = {
      {"resource_type", "model"},
      {"package_name", "big"},
      {"name", name},
      {"unique_id", "model.big." + name},
      {"path", name + ".sql"},
      {"original_file_path", "models/" + name + ".sql"},
      {"patch_path", "big://models/schema.yml"},
      {"description", index % 2 == 0 ? "described" : ""},
      {"access", index % 10 == 0 ? "public" : "protected"},
      {"checksum", {{"name", "sha256"}, {"checksum", fmt::format("{:064}", index)}}},
      {"config", {{"materialized", "table"}, {"contract", {{"enforced", index % 10 == 0}}}}},
      {"columns",
       {{"id",
         {{"name", "id"},
          {"data_type", "int"},
          {"description", "key"},
          {"constraints", Json::array({{{"type", "not_null"}}})}}},
        {"label", {{"name", "label"}, {"data_type", "text"}, {"description", ""}}}}},
      {"constraints", Json::array({{{"type", "primary_key"}, {"columns", {"id"}}}})},
      {"raw_code", index == 0
                       ? "select 1"
                       : fmt::format("select * from {{{{ ref('model_{:04}') }}}}", index - 1)},
      {"refs", index == 0 ? Json::array()
                          : Json::array({{{"name", fmt::format("model_{:04}", index - 1)},
                                          {"package", nullptr},
                                          {"version", nullptr}}})},
      {"depends_on",
       {{"nodes", index == 0 ? Json::array()
                             : Json::array({fmt::format("model.big.model_{:04}", index - 1)})}}}};
  return node;
}

Json test_node(int index) {
  const std::string model = fmt::format("model_{:04}", index);
  return {{"resource_type", "test"},
          {"package_name", "big"},
          {"name", "not_null_" + model + "_id"},
          {"unique_id", "test.big.not_null_" + model + "_id"},
          {"path", "not_null_" + model + "_id.sql"},
          {"original_file_path", "models/schema.yml"},
          {"config", {{"materialized", "test"}}},
          {"refs", Json::array({{{"name", model}, {"package", nullptr}, {"version", nullptr}}})},
          {"depends_on", {{"nodes", Json::array({"model.big." + model})}}}};
}

Json big_manifest() {
  Json nodes = Json::object();
  for (int i = 0; i < kModels; ++i) {
    nodes[fmt::format("model.big.model_{:04}", i)] = model_node(i);
    nodes[fmt::format("test.big.not_null_model_{:04}_id", i)] = test_node(i);
  }
  return {{"metadata",
           {{"dbt_schema_version", "https://schemas.getdbt.com/dbt/manifest/v12.json"},
            {"dbt_version", "1.9.0"},
            {"project_name", "big"}}},
          {"nodes", nodes},
          {"sources", Json::object()},
          {"exposures", Json::object()}};
}

Manifest parse_with(const std::string& text, ReadOptions options) {
  return ManifestReader(options).parse(text, "big/manifest.json");
}

/// Every way a manifest can be read: each detail, on one thread and on two.
std::vector<ReadOptions> every_reading() {
  return {{Detail::Full, false}, {Detail::Full, true}, {Detail::Check, false}, {Detail::Check, true}};
}

std::optional<InputError> error_of(const std::string& text, ReadOptions options) {
  try {
    (void)parse_with(text, options);
  } catch (const InputError& error) {
    return error;
  }
  return std::nullopt;
}

/// Everything a rule can see of a node, as one line.
std::string describe(const Node& node) {
  std::string line =
      fmt::format("{} {} {} {} {} {} desc='{}' sum='{}' cons={} |", node.unique_id, node.name,
                  node.package_name, node.original_file_path, node.details->patch_path,
                  static_cast<int>(node.access), node.details->description, node.details->checksum,
                  node.details->constraints.size());
  for (const Column& column : node.details->columns) {
    line += fmt::format(" {}:{}:{}:{}", column.name, column.data_type.value_or(Text("-")),
                        column.has_description, column.constraints.size());
  }
  for (const Ref& ref : node.refs)
    line += fmt::format(" ref {}@{}:{}", ref.name, ref.line, ref.column);
  return line;
}

std::vector<std::string> describe(const Manifest& manifest) {
  std::vector<std::string> lines;
  for (const Node& node : manifest.nodes) lines.push_back(describe(node));
  return lines;
}

}  // namespace

TEST_CASE("a large node section read on two threads is read as on one") {
  const std::string text = big_manifest().dump();
  const Manifest one = parse_with(text, {Detail::Full, false});
  const Manifest two = parse_with(text, {Detail::Full, true});
  REQUIRE(one.nodes.size() == 2 * kModels);
  CHECK(describe(two) == describe(one));
  // The second half's text lives in a store the manifest's own store adopted.
  const Node* last = two.find("model.big.model_2999");
  REQUIRE(last != nullptr);
  CHECK(last->name == "model_2999");
  CHECK(last->refs.at(0).name == "model_2998");
  CHECK(last->refs.at(0).column == 18);
  CHECK(last->details->columns.size() == 2);
}

TEST_CASE("nodes are sorted by unique_id, each moved whole") {
  // The file interleaves models and tests (model_0000, its test, model_0001, ...): sorting puts
  // 6,000 nodes through long cycles of the permutation, applied in place.
  const std::string text = big_manifest().dump();
  for (const ReadOptions& options : every_reading()) {
    CAPTURE(options.two_threads);
    const Manifest manifest = parse_with(text, options);
    REQUIRE(manifest.nodes.size() == 2 * kModels);
    CHECK(std::is_sorted(manifest.nodes.begin(), manifest.nodes.end(),
                         [](const Node& a, const Node& b) { return a.unique_id < b.unique_id; }));
    CHECK(manifest.nodes.front().unique_id == "model.big.model_0000");
    CHECK(manifest.nodes[kModels - 1].unique_id == "model.big.model_2999");
    CHECK(manifest.nodes[kModels].unique_id == "test.big.not_null_model_0000_id");
    int whole = 0;
    for (int i = 0; i < kModels; ++i) {
      const Node& model = manifest.nodes[static_cast<std::size_t>(i)];
      const Node& test = manifest.nodes[static_cast<std::size_t>(kModels + i)];
      const std::string name = fmt::format("model_{:04}", i);
      whole += model.name == name && model.unique_id == "model.big." + name &&
               model.original_file_path == "models/" + name + ".sql" &&
               test.name == "not_null_" + name + "_id" && test.refs.size() == 1 &&
               test.refs[0].name == name;
    }
    CHECK(whole == kModels);
  }
}

TEST_CASE(
    "check keeps columns and descriptions of public models only, and no constraints or checksums") {
  const std::string text = big_manifest().dump();
  const Manifest full = parse_with(text, {Detail::Full, true});
  const Manifest check = parse_with(text, {Detail::Check, true});
  REQUIRE(check.nodes.size() == full.nodes.size());
  const Node& public_model = *check.find("model.big.model_0010");
  CHECK(describe(public_model) ==
        "model.big.model_0010 model_0010 big models/model_0010.sql models/schema.yml 2 "
        "desc='described' sum='' "
        "cons=0 | id:int:true:0 label:text:false:0 ref model_0009@1:18");
  CHECK(describe(*full.find("model.big.model_0010")) ==
        "model.big.model_0010 model_0010 big models/model_0010.sql models/schema.yml 2 "
        "desc='described' "
        "sum='0000000000000000000000000000000000000000000000000000000000000010' cons=1 | "
        "id:int:true:1 "
        "label:text:false:0 ref model_0009@1:18");
  const Node& protected_model = *check.find("model.big.model_0012");
  CHECK(describe(protected_model) ==
        "model.big.model_0012 model_0012 big models/model_0012.sql models/schema.yml 1 desc='' "
        "sum='' cons=0 | "
        "ref model_0011@1:18");
  CHECK(check.find("test.big.not_null_model_0012_id")->refs.at(0).name == "model_0012");
}

TEST_CASE(
    "a bad node in the second half is refused at it; with one in each half, the first half's "
    "wins") {
  Json manifest = big_manifest();
  manifest["nodes"]["model.big.model_2900"]["access"] = "everyone";
  const std::string second_only = manifest.dump();
  for (const ReadOptions& options : every_reading()) {
    CAPTURE(options.two_threads);
    const std::optional<InputError> error = error_of(second_only, options);
    REQUIRE(error.has_value());
    CHECK(std::string_view(error->what()) ==
          "nodes['model.big.model_2900'].access: expected 'private', 'protected' or 'public', "
          "found 'everyone'");
    REQUIRE(error->position().has_value());
    const TextPosition expected = text_position(second_only, second_only.find("\"everyone\""));
    CHECK(error->position()->line == expected.line);
    CHECK(error->position()->column == expected.column);
  }
  manifest["nodes"]["model.big.model_0100"]["columns"]["id"]["data_type"] = 7;
  const std::string both = manifest.dump();
  for (const ReadOptions& options : every_reading()) {
    CAPTURE(options.two_threads);
    const std::optional<InputError> error = error_of(both, options);
    REQUIRE(error.has_value());
    // Check reads the columns of this protected model only to check them, and still refuses.
    CHECK(std::string_view(error->what()) ==
          "nodes['model.big.model_0100'].columns['id'].data_type: expected a string, found a "
          "number");
  }
}

TEST_CASE("a bad node in the second half of a file is located in the file read again") {
  Json manifest = big_manifest();
  manifest["nodes"]["test.big.not_null_model_2500_id"]["refs"] = 42;
  const std::string text = manifest.dump(1);
  const std::filesystem::path folder =
      std::filesystem::temp_directory_path() / fmt::format("meshgraph-node-section-{}", ::getpid());
  std::filesystem::create_directories(folder);
  const std::string path = (folder / "manifest.json").string();
  std::ofstream(path, std::ios::binary) << text;
  std::optional<InputError> error;
  try {
    (void)ManifestReader({Detail::Check, true}).read(path);
  } catch (const InputError& caught) {
    error = caught;
  }
  std::filesystem::remove_all(folder);
  REQUIRE(error.has_value());
  CHECK(error->file() == path);
  CHECK(std::string_view(error->what()) ==
        "nodes['test.big.not_null_model_2500_id'].refs: expected an array, found a number");
  REQUIRE(error->position().has_value());
  const TextPosition expected =
      text_position(text, text.find("42", text.find("\"test.big.not_null_model_2500_id\": {")));
  CHECK(error->position()->line == expected.line);
  CHECK(error->position()->column == expected.column);
}

}  // namespace meshgraph::load
