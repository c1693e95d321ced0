// locate_refs: each ref of a node gets the line:col of its own ref() call in the raw SQL.
#include "load/ref_locator.hpp"

#include <doctest/doctest.h>

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "load/manifest.hpp"

namespace meshgraph::load {

namespace {

/// Holds the refs' text for the whole test run.
TextStore& test_text() {
  static TextStore store;
  return store;
}

Ref make_ref(std::string_view name, std::optional<std::string_view> package = std::nullopt,
             std::optional<std::string_view> version = std::nullopt) {
  Ref ref;
  ref.name = test_text().store(name);
  if (package) ref.package = test_text().store(*package);
  if (version) ref.version = test_text().store(*version);
  return ref;
}

struct Position {
  std::uint32_t line;
  std::uint32_t column;
  bool operator==(const Position&) const = default;
};

/// Locates `refs` in `raw_code` and returns where each landed, in order.
std::vector<Position> locate(std::string_view raw_code, std::vector<Ref> refs) {
  locate_refs(raw_code, refs);
  std::vector<Position> positions;
  for (const Ref& ref : refs) positions.push_back({ref.line, ref.column});
  return positions;
}

}  // namespace

TEST_CASE("a ref's line and column are 1-based and point at 'ref'") {
  CHECK(locate("select *\nfrom {{ ref('orders') }}", {make_ref("orders")}) ==
        std::vector<Position>{{2, 9}});
}

TEST_CASE("a call at the very start of the SQL is at 1:1") {
  CHECK(locate("ref('orders')", {make_ref("orders")}) == std::vector<Position>{{1, 1}});
}

TEST_CASE("double-quoted arguments are matched like single-quoted ones") {
  CHECK(locate("{{ ref(\"orders\") }}", {make_ref("orders")}) == std::vector<Position>{{1, 4}});
}

TEST_CASE("a package-qualified ref matches only the call that names the package") {
  CHECK(locate("{{ ref('orders') }} {{ ref('shop', 'orders') }}", {make_ref("orders", "shop")}) ==
        std::vector<Position>{{1, 24}});
}

TEST_CASE("v=, version= and a quoted version all match the pinned ref") {
  CHECK(locate("{{ ref('m', v=2) }}\n{{ ref('m', version=2) }}\n{{ ref('m', v='2') }}",
               {make_ref("m", std::nullopt, "2"), make_ref("m", std::nullopt, "2"),
                make_ref("m", std::nullopt, "2")}) ==
        std::vector<Position>{{1, 4}, {2, 4}, {3, 4}});
}

TEST_CASE("a pinned call does not match an unpinned ref") {
  CHECK(locate("{{ ref('m', v=2) }}", {make_ref("m")}) == std::vector<Position>{{0, 0}});
}

TEST_CASE("repeated refs take the calls in order") {
  CHECK(locate("{{ ref('a') }}\n{{ ref('b') }}\n{{ ref('a') }}",
               {make_ref("a"), make_ref("b"), make_ref("a")}) ==
        std::vector<Position>{{1, 4}, {2, 4}, {3, 4}});
}

TEST_CASE("a ref built by a Jinja expression keeps line 0") {
  CHECK(locate("{{ ref('orders' ~ suffix) }}", {make_ref("orders_v2")}) ==
        std::vector<Position>{{0, 0}});
}

TEST_CASE("'ref' inside a longer name or after a dot is not a ref call") {
  CHECK(locate("{{ my_ref('a') }} {{ x.ref('a') }} {{ ref('a') }}", {make_ref("a")}) ==
        std::vector<Position>{{1, 39}});
}

TEST_CASE("a call spread over lines is located at its 'ref'") {
  CHECK(locate("select 1\nfrom {{ ref(\n  'shop',\n  'orders'\n) }}",
               {make_ref("orders", "shop")}) == std::vector<Position>{{2, 9}});
}

TEST_CASE("spaces between 'ref' and its parenthesis are allowed") {
  CHECK(locate("{{ ref ( 'a' ) }}", {make_ref("a")}) == std::vector<Position>{{1, 4}});
}

TEST_CASE("a CRLF line ending starts the next line at column 1") {
  CHECK(locate("select 1\r\nfrom {{ ref('a') }}", {make_ref("a")}) ==
        std::vector<Position>{{2, 9}});
}

TEST_CASE("a call in a SQL comment is located, since dbt renders Jinja there too") {
  CHECK(locate("-- {{ ref('a') }}\nselect 1", {make_ref("a")}) == std::vector<Position>{{1, 7}});
}

}  // namespace meshgraph::load
