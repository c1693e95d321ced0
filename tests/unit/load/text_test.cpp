// TextStore and Text: what the store hands out stays valid and in place, interned values are
// shared, and a Text reads like the string it holds.
#include "load/text.hpp"

#include <doctest/doctest.h>

#include <fmt/format.h>

#include <algorithm>
#include <string>
#include <unordered_set>
#include <vector>

namespace meshgraph::load {

TEST_CASE("stored text is a copy: the source may change or go away") {
  TextStore store;
  std::string source = "model.shop.orders";
  const Text stored = store.store(source);
  source.assign("something else entirely, and longer than before");
  CHECK(stored == "model.shop.orders");
  CHECK(stored.data() != source.data());
}

TEST_CASE("interned values are stored once; store() always copies") {
  TextStore store;
  const Text first = store.intern(std::string("table"));
  const Text second = store.intern(std::string("table"));
  const Text other = store.intern(std::string("view"));
  CHECK(first.data() == second.data());
  CHECK(other == "view");
  CHECK(other.data() != first.data());
  CHECK(store.store("table").data() != first.data());
}

TEST_CASE("empty text takes no room and compares equal to an absent value") {
  TextStore store;
  CHECK(store.store("").empty());
  CHECK(store.intern("").empty());
  CHECK(store.capacity() == 0);
  CHECK(Text() == "");
}

TEST_CASE("text stays in place while the store grows, and a long text gets a block of its own") {
  TextStore store;
  std::vector<Text> kept;
  std::vector<std::string> expected;
  for (int i = 0; i < 50'000; ++i) {  // several MB: many blocks
    expected.push_back(fmt::format("model.project_{}.a_model_name_{}", i % 20, i));
    kept.push_back(store.store(expected.back()));
  }
  const std::string long_text(1 << 20, 'x');  // more than a quarter of any block
  const Text big = store.store(long_text);
  kept.push_back(store.store("after the long one"));
  for (std::size_t i = 0; i < expected.size(); ++i) REQUIRE(kept[i] == expected[i]);
  CHECK(big == long_text);
  CHECK(kept.back() == "after the long one");
  CHECK(store.capacity() >= 50'000 * 30 + (1 << 20));
}

TEST_CASE("a Text reads as a string_view, formats, hashes and converts to std::string") {
  TextStore store;
  const Text text = store.store("orders");
  const std::string copy = text;
  CHECK(copy == "orders");
  CHECK(fmt::format("[{}]", text) == "[orders]");
  CHECK(text.starts_with("ord"));
  const std::unordered_set<Text> set{text, Text("orders"), Text("customers")};
  CHECK(set.size() == 2);
  CHECK(std::hash<Text>{}(text) == std::hash<std::string_view>{}("orders"));
  const Text literal = "a literal needs no store";
  CHECK(literal.size() == 24);
}

}  // namespace meshgraph::load
