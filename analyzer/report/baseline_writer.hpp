// Writes today's findings as a baseline, so a council can adopt meshgraph on a mesh with debt.
#pragma once

#include <string>
#include <vector>

#include "check/diagnostic.hpp"

namespace meshgraph::report {

/// The baseline document: rule, unique_id and related of each finding (no lines, no messages:
/// those change with every edit), sorted.
std::string render_baseline(const std::vector<check::Diagnostic>& diagnostics);

}  // namespace meshgraph::report
