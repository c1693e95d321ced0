// Adjacency: per-key lists in one array, built from pairs sorted by key.
#include "graph/adjacency.hpp"

#include <doctest/doctest.h>

#include <cstdint>
#include <utility>
#include <vector>

namespace meshgraph::graph {

namespace {

std::vector<std::uint32_t> list(const Adjacency<std::uint32_t>& adjacency, std::size_t key) {
  const auto values = adjacency[key];
  return {values.begin(), values.end()};
}

}  // namespace

TEST_CASE("each key's values, in the order of the pairs; keys without pairs have none") {
  const std::vector<std::pair<std::uint32_t, std::uint32_t>> pairs = {{0, 5}, {0, 3}, {2, 7}, {4, 1}, {4, 2}, {4, 9}};
  const Adjacency<std::uint32_t> adjacency = Adjacency<std::uint32_t>::from_sorted(6, pairs);
  CHECK(list(adjacency, 0) == std::vector<std::uint32_t>{5, 3});
  CHECK(list(adjacency, 1).empty());
  CHECK(list(adjacency, 2) == std::vector<std::uint32_t>{7});
  CHECK(list(adjacency, 3).empty());
  CHECK(list(adjacency, 4) == std::vector<std::uint32_t>{1, 2, 9});
  CHECK(list(adjacency, 5).empty());
}

TEST_CASE("no pairs: every key has an empty list") {
  const Adjacency<std::size_t> adjacency = Adjacency<std::size_t>::from_sorted(3, {});
  for (std::size_t key = 0; key < 3; ++key) CHECK(adjacency[key].empty());
}

}  // namespace meshgraph::graph
