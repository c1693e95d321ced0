// The blast radius of a change as a short readable tree under its finding in the text report.
#pragma once

#include <string>

#include "impact/blast_radius.hpp"

namespace meshgraph::report {

/// "  impact: 2 models in 2 projects, 1 exposure" then one line per consumer path (leaves
/// only: a path that another extends is not repeated), then the owners to notify.
std::string render_impact_text(const impact::ImpactEntry& entry);

}  // namespace meshgraph::report
