// Every file of fixtures/bad_input is refused with one InputError that names the file, says what
// is wrong and, for syntax and shape errors, where (STYLE.md §6, §8).
#include <doctest/doctest.h>

#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "graph/mesh_graph.hpp"
#include "load/input_discovery.hpp"
#include "load/input_error.hpp"
#include "load/manifest_reader.hpp"

namespace meshgraph::load {

namespace {

std::optional<InputError> read_error(const std::string& path) {
  try {
    (void)read_manifest(path);
  } catch (const InputError& error) {
    return error;
  }
  return std::nullopt;
}

/// `path` is refused with exactly `message`, naming the file, at `position` if given.
void check_refused(const std::string& path, const std::string& message,
                   std::optional<TextPosition> position = std::nullopt) {
  CAPTURE(path);
  const std::optional<InputError> error = read_error(path);
  REQUIRE(error.has_value());
  CHECK(std::string(error->what()) == message);
  CHECK(error->file() == path);
  REQUIRE(error->position().has_value() == position.has_value());
  if (position) {
    CHECK(error->position()->line == position->line);
    CHECK(error->position()->column == position->column);
  }
}

constexpr const char* kRegenerateHelp =
    "run 'dbt parse' in the project to write target/manifest.json again";
constexpr const char* kGiveManifestHelp =
    "give meshgraph the manifest.json that 'dbt parse' writes to target/";

}  // namespace

TEST_CASE("an empty file is refused as empty") {
  check_refused("fixtures/bad_input/empty.json", "the file is empty");
  CHECK(read_error("fixtures/bad_input/empty.json")->help() == kRegenerateHelp);
}

TEST_CASE("text that is not JSON is refused at its first character") {
  check_refused("fixtures/bad_input/not_json.json",
                "invalid JSON: syntax error while parsing value - invalid literal; last read: 'h'",
                TextPosition{1, 1});
}

TEST_CASE("a truncated manifest is refused at its end as truncated") {
  check_refused("fixtures/bad_input/truncated.json",
                "unexpected end of input; the file looks truncated", TextPosition{1, 200001});
}

TEST_CASE("a JSON array at the top level is refused as not a manifest") {
  check_refused("fixtures/bad_input/wrong_shape.json",
                "not a dbt manifest: the file holds an array, not a JSON object");
}

TEST_CASE("a nodes value that is not an object is refused at the value") {
  check_refused("fixtures/bad_input/wrong_shape_nodes.json",
                "nodes: expected an object, found a number", TextPosition{14, 12});
}

TEST_CASE("run_results.json is refused as a run-results artifact") {
  check_refused("fixtures/bad_input/run_results.json",
                "'run_results.json' is a dbt run-results artifact (schema v6), not a manifest");
  CHECK(read_error("fixtures/bad_input/run_results.json")->help() == kGiveManifestHelp);
}

TEST_CASE("catalog.json is refused as a catalog artifact") {
  check_refused("fixtures/bad_input/catalog.json",
                "'catalog.json' is a dbt catalog artifact (schema v1), not a manifest");
}

TEST_CASE("sources.json is refused as a sources artifact") {
  check_refused("fixtures/bad_input/sources.json",
                "'sources.json' is a dbt sources artifact (schema v3), not a manifest");
}

TEST_CASE("semantic_manifest.json is recognised by its keys though it has no metadata") {
  check_refused("fixtures/bad_input/semantic_manifest.json",
                "'semantic_manifest.json' is a dbt semantic_manifest artifact, not a manifest");
  CHECK(read_error("fixtures/bad_input/semantic_manifest.json")->help() == kGiveManifestHelp);
}

TEST_CASE("schema v6 is refused, naming the supported range") {
  check_refused(
      "fixtures/bad_input/manifest_v6.json",
      "manifest schema v6 is not supported: meshgraph reads v7 to v12 (dbt 1.3 and later)");
}

TEST_CASE("schema v13 is refused as newer than meshgraph knows") {
  check_refused("fixtures/bad_input/manifest_v13.json",
                "manifest schema v13 is newer than this meshgraph knows: it reads v7 to v12 "
                "(https://schemas.getdbt.com/dbt/manifest/v13.json)");
}

TEST_CASE("an object without metadata is refused as not a manifest") {
  check_refused("fixtures/bad_input/no_metadata.json",
                "not a dbt manifest: there is no metadata.dbt_schema_version");
}

TEST_CASE("a missing file is refused as not existing") {
  check_refused("fixtures/bad_input/no_such_manifest.json",
                "cannot read the file: it does not exist");
}

TEST_CASE("a folder given as a manifest file is refused") {
  check_refused("fixtures/bad_input/empty_folder",
                "expected a manifest.json file, found a directory");
}

TEST_CASE("a folder without any target/manifest.json is an error, not an empty mesh") {
  try {
    (void)find_manifests({"fixtures/bad_input/empty_folder"});
    FAIL("find_manifests accepted an empty folder");
  } catch (const InputError& error) {
    CHECK(std::string(error.what()) ==
          "no dbt manifest found: no target/manifest.json in this folder or below");
    CHECK(error.file() == "fixtures/bad_input/empty_folder");
    CHECK(error.help() == "run 'dbt parse' in each project first, or give the manifest.json paths");
  }
}

TEST_CASE("an input path that does not exist is refused by discovery") {
  try {
    (void)find_manifests({"fixtures/bad_input/no_such_folder"});
    FAIL("find_manifests accepted a missing path");
  } catch (const InputError& error) {
    CHECK(std::string(error.what()) == "no such file or folder");
    CHECK(error.file() == "fixtures/bad_input/no_such_folder");
  }
}

TEST_CASE("discovery finds each project's target/manifest.json under a folder, sorted") {
  CHECK(find_manifests({"fixtures/bad_input/two_manifests_same_project/"}) ==
        std::vector<std::string>{
            "fixtures/bad_input/two_manifests_same_project/a/target/manifest.json",
            "fixtures/bad_input/two_manifests_same_project/b/target/manifest.json"});
}

TEST_CASE("two manifests of the same project are refused, naming both") {
  std::vector<Manifest> manifests;
  for (const std::string& path :
       find_manifests({"fixtures/bad_input/two_manifests_same_project"})) {
    manifests.push_back(read_manifest(path));
  }
  try {
    (void)graph::MeshGraph::build(std::move(manifests));
    FAIL("MeshGraph::build accepted two manifests of project 'test'");
  } catch (const InputError& error) {
    CHECK(error.file() == "fixtures/bad_input/two_manifests_same_project/b/target/manifest.json");
    CHECK(std::string(error.what()) ==
          "this manifest is of project 'test', and so is "
          "'fixtures/bad_input/two_manifests_same_project/a/target/manifest.json'");
    CHECK(error.help() == "give each project of the mesh once: remove one of the two inputs, or, when one is a "
                          "pull-request build kept beside the mesh, list its folder under 'exclude:' in meshgraph.yml");
  }
}

}  // namespace meshgraph::load
