// Ordering of findings: the same input always prints the same report.
#include "check/diagnostic.hpp"

#include <algorithm>
#include <tuple>

namespace meshgraph::check {

void sort_diagnostics(std::vector<Diagnostic>& diagnostics) {
  std::sort(diagnostics.begin(), diagnostics.end(), [](const Diagnostic& a, const Diagnostic& b) {
    return std::tie(a.location.project, a.location.unique_id, a.rule, a.message, a.related) <
           std::tie(b.location.project, b.location.unique_id, b.rule, b.message, b.related);
  });
}

}  // namespace meshgraph::check
