// The one table from Severity to each report format's word for it (STYLE.md §11).
#pragma once

#include <string_view>

#include "check/severity.hpp"

namespace meshgraph::report {

/// What each format calls a severity. SARIF and JUnit use check::to_string (error, warning,
/// note), which are already SARIF's `level` values.
struct SeverityNames {
  std::string_view github;    ///< workflow command: error | warning | notice
  std::string_view gitlab;    ///< Code Quality: major | minor | info
  std::string_view markdown;  ///< PR comment: an icon a reviewer sees at a glance
};

SeverityNames names_of(check::Severity severity);

}  // namespace meshgraph::report
