// Per-node lists in one array (compressed sparse rows): node i's list is
// values[offsets[i] .. offsets[i + 1]). A vector per node cost 24 bytes plus a heap block each;
// a mesh has 100,000 nodes and three such lists.
#pragma once

#include <algorithm>
#include <cstdint>
#include <span>
#include <utility>
#include <vector>

namespace meshgraph::graph {

template <typename Value>
class Adjacency {
 public:
  Adjacency() = default;

  /// From (key, value) pairs sorted by key; each key's values keep their order in `pairs`.
  static Adjacency from_sorted(std::size_t key_count, const std::vector<std::pair<std::uint32_t, Value>>& pairs) {
    Adjacency adjacency;
    adjacency.offsets_.assign(key_count + 1, 0);
    adjacency.values_.reserve(pairs.size());
    for (const auto& [key, value] : pairs) {
      ++adjacency.offsets_[key + 1];
      adjacency.values_.push_back(value);
    }
    for (std::size_t i = 1; i <= key_count; ++i) adjacency.offsets_[i] += adjacency.offsets_[i - 1];
    return adjacency;
  }

  /// The values of all keys together.
  std::size_t value_count() const { return values_.size(); }

  std::span<const Value> operator[](std::size_t key) const {
    return std::span<const Value>(values_.data() + offsets_[key], offsets_[key + 1] - offsets_[key]);
  }

 private:
  std::vector<std::uint32_t> offsets_;
  std::vector<Value> values_;
};

}  // namespace meshgraph::graph
