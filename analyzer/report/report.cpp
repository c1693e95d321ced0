// Counting helpers shared by renderers.
#include "report/report.hpp"

namespace meshgraph::report {

SeverityCounts count_by_severity(const std::vector<check::Diagnostic>& diagnostics) {
  SeverityCounts counts;
  for (const check::Diagnostic& diagnostic : diagnostics) {
    if (diagnostic.is_baseline) {
      ++counts.baseline;
      continue;
    }
    switch (diagnostic.severity) {
      case check::Severity::Error: ++counts.error; break;
      case check::Severity::Warning: ++counts.warning; break;
      case check::Severity::Note: ++counts.note; break;
    }
  }
  return counts;
}

}  // namespace meshgraph::report
