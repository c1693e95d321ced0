// meshgraph.yml as the reader sees it, held against docs/meshgraph.schema.json: the files the
// schema accepts are read, the ones it refuses are refused, and both know the same keys,
// defaults and rules. (The schema side runs in tests/config/check_schema.py.)
#include "config/config_reader.hpp"

#include <doctest/doctest.h>
#include <fmt/format.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <optional>
#include <set>
#include <sstream>
#include <string>
#include <utility>
#include <vector>

#include "load/input_error.hpp"
#include "rules/registry.hpp"

namespace meshgraph::config {

namespace {

namespace fs = std::filesystem;

RuleLookup registry_lookup() {
  return RuleLookup{[](std::string_view text) -> std::optional<std::string> {
                      const check::Rule* rule = rules::find_rule(text);
                      return rule == nullptr ? std::nullopt
                                             : std::optional<std::string>(rule->info.id);
                    },
                    [](std::string_view text) { return rules::nearest_rule(text); }};
}

std::vector<std::string> files_in(const std::string& folder) {
  std::vector<std::string> paths;
  for (const fs::directory_entry& entry : fs::directory_iterator(folder)) {
    if (entry.path().extension() == ".yml") paths.push_back(entry.path().generic_string());
  }
  std::sort(paths.begin(), paths.end());
  return paths;
}

nlohmann::json read_schema() {
  std::ifstream file("docs/meshgraph.schema.json");
  return nlohmann::json::parse(file);
}

/// The InputError reading `text` as a policy file gives, if any.
std::optional<load::InputError> error_for(const std::string& text) {
  const fs::path path = fs::temp_directory_path() / "meshgraph_config_reader_test.yml";
  std::ofstream(path) << text;
  std::optional<load::InputError> refused;
  try {
    (void)read_config(path.string(), registry_lookup());
  } catch (const load::InputError& error) {
    refused = error;
  }
  fs::remove(path);
  return refused;
}

/// The keys the reader accepts in the mapping at `yaml_path` (e.g. "policy:\n  versions:\n    "),
/// from the "valid keys here" help it gives for an unknown key.
std::set<std::string> reader_keys(const std::string& yaml_path) {
  const std::optional<load::InputError> error = error_for(yaml_path + "no_such_key: 1\n");
  REQUIRE(error.has_value());
  const std::string prefix = "valid keys here: ";
  REQUIRE(error->help().starts_with(prefix));
  std::set<std::string> keys;
  std::stringstream list(error->help().substr(prefix.size()));
  for (std::string key; std::getline(list, key, ',');)
    keys.insert(key.substr(key.find_first_not_of(' ')));
  return keys;
}

std::set<std::string> schema_keys(const nlohmann::json& object) {
  std::set<std::string> keys;
  for (const auto& [key, value] : object["properties"].items()) keys.insert(key);
  return keys;
}

/// A fresh folder to work in for one test; the working directory is restored and the folder
/// removed when the test leaves.
struct ScratchFolder {
  fs::path saved = fs::current_path();
  fs::path folder = fs::temp_directory_path() / "meshgraph_config_reader_test";
  ScratchFolder() {
    fs::create_directories(folder);
    fs::current_path(folder);
  }
  ~ScratchFolder() {
    fs::current_path(saved);
    fs::remove_all(folder);
  }
};

}  // namespace

TEST_CASE("every policy file the schema accepts is read without an error") {
  std::vector<std::string> paths = files_in("fixtures/config/valid");
  paths.push_back("fixtures/config/discovery/meshgraph.yml");
  paths.push_back("fixtures/rainbow_road/meshgraph.yml");
  for (const std::string& path : paths) {
    CAPTURE(path);
    CHECK_NOTHROW((void)read_config(path, registry_lookup()));
  }
}

TEST_CASE("every policy file the schema refuses is refused at a line and column") {
  for (const std::string& path : files_in("fixtures/config/invalid_schema")) {
    CAPTURE(path);
    try {
      (void)read_config(path, registry_lookup());
      FAIL("read without an error");
    } catch (const load::InputError& error) {
      CHECK(error.file() == path);
      CHECK(error.position().has_value());
    }
  }
}

TEST_CASE("an empty policy file gives the defaults the schema documents") {
  const Config config = read_config("fixtures/config/valid/empty.yml", registry_lookup());
  const nlohmann::json policy = read_schema()["properties"]["policy"]["properties"];
  CHECK(policy["public_models"]["default"] ==
        nlohmann::json{{"require_contract", config.policy.public_models.require_contract},
                       {"require_owner", config.policy.public_models.require_owner},
                       {"require_description", config.policy.public_models.require_description}});
  CHECK(
      policy["versions"]["default"] ==
      nlohmann::json{{"deprecation_warning_days", config.policy.versions.deprecation_warning_days},
                     {"require_pinned_cross_project_refs",
                      config.policy.versions.require_pinned_cross_project_refs}});
  CHECK(policy["impact"]["default"] ==
        nlohmann::json{
            {"logic_change_requires_version", config.policy.impact.logic_change_requires_version}});
  CHECK_FALSE(config.policy.allowed_dependencies.has_value());
  CHECK(config.projects.empty());
  CHECK(config.rule_severities.empty());
  CHECK(config.exceptions.empty());
}

TEST_CASE("the schema and the reader know the same keys") {
  const nlohmann::json schema = read_schema();
  const nlohmann::json& policy = schema["properties"]["policy"];
  CHECK(reader_keys("") == schema_keys(schema));
  CHECK(reader_keys("policy:\n  ") == schema_keys(policy));
  CHECK(reader_keys("policy:\n  public_models:\n    ") ==
        schema_keys(policy["properties"]["public_models"]));
  CHECK(reader_keys("policy:\n  versions:\n    ") == schema_keys(policy["properties"]["versions"]));
  CHECK(reader_keys("policy:\n  impact:\n    ") == schema_keys(policy["properties"]["impact"]));
  CHECK(reader_keys("exceptions:\n  - ") ==
        schema_keys(schema["properties"]["exceptions"]["items"]));
}

TEST_CASE("the schema offers every rule by id and by name, with its summary") {
  const nlohmann::json listed = read_schema()["properties"]["rules"]["properties"];
  std::set<std::string> expected;
  for (const check::Rule& rule : rules::all_rules()) {
    const std::string info =
        fmt::format("{} (default: {})", rule.info.summary, check::to_string(rule.info.severity));
    for (const auto& [id_or_name, other] :
         {std::pair{rule.info.id, rule.info.name}, std::pair{rule.info.name, rule.info.id}}) {
      // A copy: clang 14 cannot capture a structured binding in CAPTURE's lambda.
      const std::string_view key = id_or_name;
      const std::string description = fmt::format("{}: {}", other, info);
      CAPTURE(key);
      expected.insert(std::string(key));
      // When this fails, set rules.properties["<key>"].description in docs/meshgraph.schema.json.
      CHECK(listed.value(std::string(key), nlohmann::json::object()).value("description", "") ==
            description);
    }
  }
  CHECK(schema_keys(read_schema()["properties"]["rules"]) == expected);
}

TEST_CASE("--config names the policy file, whether or not it exists") {
  CHECK(find_config("elsewhere/policy.yml", {"fixtures/config/discovery"}) ==
        "elsewhere/policy.yml");
}

TEST_CASE("the policy file is found in the common parent folder of the INPUTs") {
  CHECK(find_config("", {"fixtures/config/discovery/consumer/target/manifest.json",
                         "fixtures/config/discovery/producer/target/manifest.json"}) ==
        "fixtures/config/discovery/meshgraph.yml");
  CHECK(find_config("", {"fixtures/config/discovery"}) ==
        "fixtures/config/discovery/meshgraph.yml");
}

TEST_CASE("the policy file is looked for in that one folder, not above it") {
  CHECK(find_config("", {"fixtures/config/discovery/consumer"}) == std::nullopt);
  CHECK(find_config("", {}) == std::nullopt);
}

TEST_CASE("meshgraph.yml in the current folder comes before the INPUTs' folder") {
  const fs::path discovery = fs::current_path() / "fixtures/config/discovery";
  const ScratchFolder scratch;
  std::ofstream("meshgraph.yml") << "rules: {}\n";
  CHECK(find_config("", {discovery.string()}) == "meshgraph.yml");
}

}  // namespace meshgraph::config
