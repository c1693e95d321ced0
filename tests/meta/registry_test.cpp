// Meta tests over the rule registry: ids, names, docs and the generated docs/rules.md.
#include <doctest/doctest.h>

#include <fstream>
#include <regex>
#include <set>
#include <sstream>
#include <string>

#include "report/rules_markdown.hpp"
#include "rules/registry.hpp"

namespace meshgraph {

TEST_CASE("rule ids are MESH plus three digits, unique and sorted") {
  const std::regex id_shape("MESH[0-9]{3}");
  std::string previous;
  for (const check::Rule& rule : rules::all_rules()) {
    CAPTURE(rule.info.id);
    CHECK(std::regex_match(std::string(rule.info.id), id_shape));
    CHECK(previous < std::string(rule.info.id));
    previous = std::string(rule.info.id);
  }
}

TEST_CASE("rule names are unique kebab-case") {
  const std::regex name_shape("[a-z]+(-[a-z0-9]+)*");
  std::set<std::string_view> names;
  for (const check::Rule& rule : rules::all_rules()) {
    CAPTURE(rule.info.name);
    CHECK(std::regex_match(std::string(rule.info.name), name_shape));
    CHECK(names.insert(rule.info.name).second);
  }
}

TEST_CASE("every rule doc has its sections in order") {
  for (const check::Rule& rule : rules::all_rules()) {
    CAPTURE(rule.info.id);
    const std::string doc(rule.info.doc);
    std::size_t previous = 0;
    for (const char* section : {"## What it flags\n", "## Why it matters\n", "## Example\n", "## How to fix\n"}) {
      const std::size_t at = doc.find(section);
      CAPTURE(section);
      REQUIRE(at != std::string::npos);
      CHECK(at >= previous);
      previous = at;
    }
  }
}

TEST_CASE("rules are found by id, case-insensitively, and by name") {
  CHECK(rules::find_rule("MESH001") == rules::find_rule("mesh001"));
  CHECK(rules::find_rule("private-ref-outside-group") == rules::find_rule("MESH001"));
  CHECK(rules::find_rule("MESH999") == nullptr);
  CHECK(rules::nearest_rule("project-cycel") == "project-cycle");
  CHECK(rules::nearest_rule("MESH01") == "MESH001");
  CHECK(rules::nearest_rule("completely-unrelated-words").empty());
}

TEST_CASE("docs/rules.md is what the registry generates") {
  std::ifstream file("docs/rules.md");
  std::stringstream committed;
  committed << file.rdbuf();
  const std::string generated = report::render_rules_markdown(rules::all_rules());
  if (committed.str() != generated) {
    std::ofstream("docs/rules.md.actual") << generated;
    FAIL("docs/rules.md is stale: run 'build/release/meshgraph rules --format markdown > docs/rules.md'");
  }
}

}  // namespace meshgraph
