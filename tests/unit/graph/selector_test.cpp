// --focus selectors: what each form parses to, where a bad one is pointed at, and what each
// selects on Rainbow Road.
#include "graph/selector.hpp"

#include <doctest/doctest.h>

#include <algorithm>
#include <string>
#include <vector>

#include "tests/unit/draw/rainbow_road.hpp"

namespace meshgraph::graph {

namespace {

/// The column SelectorError points at, or 0 when the selector parses.
std::size_t error_column(std::string_view text) {
  try {
    parse_selector(text);
  } catch (const SelectorError& error) {
    return error.column();
  }
  return 0;
}

std::string error_message(std::string_view text) {
  try {
    parse_selector(text);
  } catch (const SelectorError& error) {
    return error.what();
  }
  return "";
}

std::vector<std::string> selected(const MeshGraph& mesh, std::string_view text) {
  std::vector<std::string> ids;
  for (NodeId id : select_nodes(mesh, parse_selector(text))) {
    if (mesh.node(id).resource_type != load::ResourceType::Test)
      ids.push_back(mesh.node(id).unique_id);
  }
  std::sort(ids.begin(), ids.end());
  return ids;
}

}  // namespace

TEST_CASE("a bare word is a name, with no graph operators") {
  const Selector selector = parse_selector("fct_donations");
  REQUIRE(selector.terms.size() == 1);
  CHECK(selector.terms[0].method == SelectorMethod::Name);
  CHECK(selector.terms[0].value == "fct_donations");
  CHECK(selector.terms[0].parents == 0);
  CHECK(selector.terms[0].children == 0);
  CHECK(selector.terms[0].column == 1);
}

TEST_CASE("a plus before or after a term adds every generation, a number bounds it") {
  const Selector selector = parse_selector("+a b+ 2+c d+1 3+e+4");
  REQUIRE(selector.terms.size() == 5);
  CHECK(selector.terms[0].parents == kAllGenerations);
  CHECK(selector.terms[1].children == kAllGenerations);
  CHECK(selector.terms[2].parents == 2);
  CHECK(selector.terms[2].value == "c");
  CHECK(selector.terms[3].children == 1);
  CHECK(selector.terms[4].parents == 3);
  CHECK(selector.terms[4].children == 4);
  CHECK(selector.terms[4].column == 17);
}

TEST_CASE("methods project, group and access take a value after the colon") {
  const Selector selector =
      parse_selector("project:finance_marketing  group:platform_core access:public");
  REQUIRE(selector.terms.size() == 3);
  CHECK(selector.terms[0].method == SelectorMethod::Project);
  CHECK(selector.terms[0].value == "finance_marketing");
  CHECK(selector.terms[0].column == 9);
  CHECK(selector.terms[1].method == SelectorMethod::Group);
  CHECK(selector.terms[2].method == SelectorMethod::Access);
}

TEST_CASE("a word that starts with digits is a name unless a plus follows the digits") {
  CHECK(parse_selector("2021_orders").terms[0].value == "2021_orders");
  CHECK(parse_selector("2+x").terms[0].parents == 2);
}

TEST_CASE("errors point at the column of the bad character") {
  CHECK(error_column("fct_donations,fct_orders") == 14);
  CHECK(error_message("a,b") ==
        "intersections (',') are not supported; separate a union with spaces");
  CHECK(error_column("projec:finance") == 1);
  CHECK(error_message("projec:finance") == "unknown selector method 'projec:'");
  CHECK(error_column("project:") == 9);
  CHECK(error_column("access:publik") == 8);
  CHECK(error_column("++x") == 2);
  CHECK(error_column("x+1y") == 4);
  CHECK(error_message("x+1y") == "expected a space between two terms");
  CHECK(error_column("@x") == 1);
  CHECK(error_column("dim_*") == 5);
  CHECK(error_column("a $b") == 3);
  CHECK(error_column("+") == 2);
  CHECK(error_column("   ") == 1);
  CHECK(error_message("") == "the selector is empty");
}

TEST_CASE("columns count characters, not bytes") {
  CHECK(error_column("é:x") == 1);
  CHECK(error_column("ab é") == 4);
  CHECK(error_message("ab é") == "invalid character 'é' in the selector");
}

TEST_CASE("an unknown method or access level comes with the valid words") {
  try {
    parse_selector("x access:publik");
    FAIL("expected a SelectorError");
  } catch (const SelectorError& error) {
    CHECK(error.word() == "publik");
    CHECK(error.candidates() == std::vector<std::string>{"public", "protected", "private"});
  }
}

TEST_CASE("selection on Rainbow Road") {
  const MeshGraph mesh = testing::rainbow_road();

  SUBCASE("a name selects every version of a versioned model; name.vN one version") {
    CHECK(selected(mesh, "dim_shelters") ==
          std::vector<std::string>{"model.data_platform.dim_shelters.v1",
                                   "model.data_platform.dim_shelters.v2"});
    CHECK(selected(mesh, "dim_shelters.v2") ==
          std::vector<std::string>{"model.data_platform.dim_shelters.v2"});
  }
  SUBCASE("+name adds every ancestor, through refs and sources") {
    CHECK(selected(mesh, "+fct_donations") ==
          std::vector<std::string>{
              "model.data_platform.int_donor_pii", "model.data_platform.stg_donations",
              "model.finance_marketing.fct_donations", "model.finance_marketing.stg_campaigns",
              "source.data_platform.donor_crm.donations", "source.data_platform.donor_crm.donors",
              "source.finance_marketing.marketing_hub.campaigns"});
  }
  SUBCASE("1+name adds the parents only") {
    CHECK(selected(mesh, "1+fct_donations") ==
          std::vector<std::string>{"model.data_platform.int_donor_pii",
                                   "model.finance_marketing.fct_donations",
                                   "model.finance_marketing.stg_campaigns"});
  }
  SUBCASE("name+ adds every descendant, across projects") {
    const std::vector<std::string> ids = selected(mesh, "fct_adoptions+");
    CHECK(std::find(ids.begin(), ids.end(), "model.people_ops.volunteer_placement_impact") !=
          ids.end());
    CHECK(std::find(ids.begin(), ids.end(), "exposure.people_ops.volunteer_impact_dashboard") !=
          ids.end());
  }
  SUBCASE("name+1 stops at the children") {
    const std::vector<std::string> ids = selected(mesh, "fct_adoptions+1");
    CHECK(std::find(ids.begin(), ids.end(), "model.people_ops.volunteer_placement_impact") !=
          ids.end());
    CHECK(std::find(ids.begin(), ids.end(), "exposure.people_ops.volunteer_impact_dashboard") ==
          ids.end());
  }
  SUBCASE("access:public selects public models of every project") {
    // 14 public models, and people_ops' 5 other models, 3 sources and 1 exposure.
    CHECK(selected(mesh, "access:public project:people_ops").size() == 23);
    CHECK(selected(mesh, "access:private") ==
          std::vector<std::string>{"model.data_platform.int_donor_pii"});
  }
  SUBCASE("group: and project: select their members") {
    CHECK(selected(mesh, "group:finance").size() == 8);
    CHECK(selected(mesh, "project:rescue_operations").size() ==
          13);  // 8 models, 3 sources, 2 exposures
  }
  SUBCASE("a term that matches nothing is an error with the candidates") {
    try {
      select_nodes(mesh, parse_selector("fct_donations project:financ"));
      FAIL("expected a SelectorError");
    } catch (const SelectorError& error) {
      CHECK(std::string(error.what()) == "no project of the mesh is named 'financ'");
      CHECK(error.column() == 23);
      CHECK(error.candidates() == std::vector<std::string>{"data_platform", "finance_marketing",
                                                           "people_ops", "rescue_operations"});
    }
  }
}

}  // namespace meshgraph::graph
