// The default human format: GNU/clang diagnostics, then a one-line summary.
#pragma once

#include <string>

#include "report/report.hpp"

namespace meshgraph::report {

/// `FILE:LINE:COL: SEVERITY: MESSAGE [MESHnnn]` with `note:`/`help:` lines, then a summary.
std::string render_text(const Report& report);

}  // namespace meshgraph::report
