// Test support: the hand-built reports every renderer is tested on (STYLE.md §7).
#pragma once

#include <span>
#include <string>

#include "check/rule.hpp"
#include "report/report.hpp"

namespace meshgraph::testing {

/// `meshgraph check` findings covering every severity, a finding with and without line:col,
/// findings with related nodes (a private target, a cycle's hops), notes, and a baseline finding.
report::Report shared_report();

/// `meshgraph check` on two projects with nothing to report.
report::Report empty_report();

/// `meshgraph impact` whose names, descriptions, owners, paths and messages all hold
/// kHostile: quotes, backslash, < > &, |, backticks, %, :, comma, CR LF, `-->`, `::error::`,
/// `<script>`, ESC and non-ASCII text.
report::Report hostile_report();

/// The text every field of hostile_report() carries.
extern const std::string kHostile;

/// Stand-ins for the registry (ids, names, severities and short docs fixed here, so a change to
/// a real rule's doc does not touch these goldens); the last one has hostile strings.
std::span<const check::Rule> sample_rules();

}  // namespace meshgraph::testing
