// Baseline files are JSON built with nlohmann/json.
#include "report/baseline_writer.hpp"

#include <nlohmann/json.hpp>

#include <algorithm>

namespace meshgraph::report {

std::string render_baseline(const std::vector<check::Diagnostic>& diagnostics) {
  nlohmann::ordered_json findings = nlohmann::ordered_json::array();
  for (const check::Diagnostic& diagnostic : diagnostics) {
    std::vector<std::string> related = diagnostic.related;
    std::sort(related.begin(), related.end());
    findings.push_back({{"rule", diagnostic.rule},
                        {"unique_id", diagnostic.location.unique_id},
                        {"related", related},
                        {"message", diagnostic.message}});
  }
  const nlohmann::ordered_json document{{"meshgraph_baseline", 1}, {"findings", findings}};
  return document.dump(2, ' ', false, nlohmann::ordered_json::error_handler_t::replace) + "\n";
}

}  // namespace meshgraph::report
