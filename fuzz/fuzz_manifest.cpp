// Fuzzes the manifest loader (load::parse_manifest: simdjson On-Demand, the node reader, the
// syntax-error locator). Contract: any bytes either load or raise one InputError naming the
// file with a position inside it; a manifest that loads goes through the graph, every check
// rule and the text and JSON renderers without throwing (load/ normalises odd data, STYLE.md §12).
#include <cstddef>
#include <cstdint>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "check/policy.hpp"
#include "check/run_settings.hpp"
#include "check/runner.hpp"
#include "fuzz_support.hpp"
#include "graph/mesh_graph.hpp"
#include "load/input_error.hpp"
#include "load/manifest_reader.hpp"
#include "report/json_report.hpp"
#include "report/report.hpp"
#include "report/text_report.hpp"
#include "rules/registry.hpp"

namespace {

using namespace meshgraph;

const std::string kPath = "mesh/project/target/manifest.json";

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text = fuzz::as_text(data, size);
  std::optional<load::Manifest> manifest;
  try {
    manifest = load::parse_manifest(text, kPath);
  } catch (const load::InputError& error) {
    fuzz::check_input_error(error, kPath, text);
    return 0;
  }
  MESHGRAPH_FUZZ_CHECK(manifest->schema_version >= 7 && manifest->schema_version <= 12,
                       "a manifest loaded with a schema version outside v7-v12");

  std::vector<load::Manifest> manifests;
  manifests.push_back(std::move(*manifest));
  const graph::MeshGraph mesh = graph::MeshGraph::build(std::move(manifests));
  check::Policy policy;
  policy.as_of = check::Date{2026, 1, 1};
  policy.allowed_dependencies.emplace();
  policy.versions.require_pinned_cross_project_refs = true;
  check::RunResult result =
      check::run_checks(rules::all_rules(), check::CheckContext{mesh, policy});

  report::Report report;
  report.command = "check";
  report.diagnostics = std::move(result.diagnostics);
  report.waived = result.waived;
  (void)report::render_text(report);
  const std::string json = report::render_json(report);
  MESHGRAPH_FUZZ_CHECK(nlohmann::json::accept(json), "the JSON report is not valid JSON");
  return 0;
}
