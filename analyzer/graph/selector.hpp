// --focus: the part of dbt's node selection syntax meshgraph understands (a name, project:,
// group:, access:, the graph operators +, N+, +N, and unions by space), parsed and evaluated.
#pragma once

#include <cstddef>
#include <cstdint>
#include <limits>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include "graph/mesh_graph.hpp"

namespace meshgraph::graph {

enum class SelectorMethod : std::uint8_t { Name, Project, Group, Access };

/// Depth of a bare `+`: every generation (dbt's `+name`, `name+`).
inline constexpr std::size_t kAllGenerations = std::numeric_limits<std::size_t>::max();

/// One term of a union: [N]+ METHOD:VALUE +[N].
struct SelectorTerm {
  SelectorMethod method = SelectorMethod::Name;
  std::string value;
  std::size_t parents = 0;   ///< generations of ancestors to add; kAllGenerations for `+`
  std::size_t children = 0;  ///< generations of descendants to add
  std::size_t column = 1;    ///< 1-based column of the value in the selector text
};

struct Selector {
  std::vector<SelectorTerm> terms;
};

/// A selector that cannot be read, or a term that selects nothing. `column` (1-based, in
/// characters) points at the bad character; `word` and `candidates` let the caller suggest
/// the nearest valid word.
class SelectorError : public std::runtime_error {
 public:
  SelectorError(std::size_t column, const std::string& message, std::string word = {},
                std::vector<std::string> candidates = {})
      : std::runtime_error(message),
        column_(column),
        word_(std::move(word)),
        candidates_(std::move(candidates)) {}

  std::size_t column() const { return column_; }
  const std::string& word() const { return word_; }
  const std::vector<std::string>& candidates() const { return candidates_; }

 private:
  std::size_t column_;
  std::string word_;
  std::vector<std::string> candidates_;
};

/// Parses a selector such as `+fct_orders project:finance access:public+1`.
/// Throws SelectorError at the first character it cannot read.
Selector parse_selector(std::string_view text);

/// The nodes the selector picks: the union of its terms, each with the ancestors and
/// descendants its operators ask for (through refs and source dependencies), sorted.
/// Throws SelectorError for a term that matches no node, so a typo is not an empty diagram.
std::vector<NodeId> select_nodes(const MeshGraph& mesh, const Selector& selector);

}  // namespace meshgraph::graph
