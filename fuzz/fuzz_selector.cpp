// Fuzzes the node selector (--focus: graph::parse_selector, then graph::select_nodes on the
// Rainbow Road mesh). Contract: any text either parses or raises one SelectorError whose column
// lies in the text; a parsed selector either selects nodes of the mesh (sorted, each once) or
// raises one SelectorError at one of its terms.
#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "fuzz_support.hpp"
#include "graph/mesh_graph.hpp"
#include "graph/selector.hpp"
#include "load/input_discovery.hpp"
#include "load/manifest.hpp"
#include "load/parallel_reader.hpp"

namespace {

using namespace meshgraph;

/// The harness runs from the repository root (scripts/fuzz does).
graph::MeshGraph rainbow_road() {
  return graph::MeshGraph::build(load::read_manifests(
      load::find_manifests({"fixtures/rainbow_road"}, {"fixtures/rainbow_road/pr"})));
}

/// Columns count characters: every byte but UTF-8 continuation bytes.
std::size_t characters(std::string_view text) {
  return static_cast<std::size_t>(std::count_if(text.begin(), text.end(), [](char c) {
    return (static_cast<unsigned char>(c) & 0xC0) != 0x80;
  }));
}

void check_error(const graph::SelectorError& error, std::string_view text) {
  MESHGRAPH_FUZZ_CHECK(error.column() >= 1 && error.column() <= characters(text) + 1,
                       std::string(error.what()) + " at column " + std::to_string(error.column()));
  MESHGRAPH_FUZZ_CHECK(*error.what() != '\0', "a SelectorError without a message");
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  static const graph::MeshGraph mesh = rainbow_road();
  const std::string_view text = fuzz::as_text(data, size);
  graph::Selector selector;
  try {
    selector = graph::parse_selector(text);
  } catch (const graph::SelectorError& error) {
    check_error(error, text);
    return 0;
  }
  MESHGRAPH_FUZZ_CHECK(!selector.terms.empty(), "a selector without terms parsed");
  for (const graph::SelectorTerm& term : selector.terms) {
    MESHGRAPH_FUZZ_CHECK(!term.value.empty(), "a term without a value parsed");
    MESHGRAPH_FUZZ_CHECK(term.column >= 1 && term.column <= characters(text),
                         "a term's column is outside the text");
  }
  try {
    const std::vector<graph::NodeId> nodes = graph::select_nodes(mesh, selector);
    MESHGRAPH_FUZZ_CHECK(std::is_sorted(nodes.begin(), nodes.end()),
                         "selected nodes are not sorted");
    MESHGRAPH_FUZZ_CHECK(std::adjacent_find(nodes.begin(), nodes.end()) == nodes.end(),
                         "a node is selected twice");
    MESHGRAPH_FUZZ_CHECK(nodes.empty() || nodes.back() < mesh.nodes().size(),
                         "a selected node is not in the mesh");
  } catch (const graph::SelectorError& error) {
    check_error(error, text);
  }
  return 0;
}
