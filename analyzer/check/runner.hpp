// Runs the selected rules over the mesh, then applies the configuration around them:
// severities, waivers and the baseline. Findings come back sorted.
#pragma once

#include <span>
#include <vector>

#include "check/diagnostic.hpp"
#include "check/rule.hpp"
#include "check/run_settings.hpp"

namespace meshgraph::check {

struct RunResult {
  std::vector<Diagnostic> diagnostics;  ///< sorted; baseline findings included, marked
  std::size_t waived = 0;               ///< findings hidden by a waiver that has not expired
};

/// Runs every rule that has a check function and is selected by `settings`.
RunResult run_checks(std::span<const Rule> rules, const CheckContext& context,
                     const RunSettings& settings = {});

/// Whether `settings` runs this rule (--select, --ignore, `off` in the policy file).
bool is_selected(const RuleInfo& info, const RunSettings& settings);

/// Applies severities, waivers (as of `as_of`) and the baseline to raw findings, and sorts.
/// Shared by every command that reports findings.
RunResult apply_settings(std::vector<Diagnostic> diagnostics, const RunSettings& settings,
                         const Date& as_of);

/// The exit-code verdict: true when any finding outside the baseline is at or above `threshold`.
bool has_finding_at_or_above(std::span<const Diagnostic> diagnostics, Severity threshold);

}  // namespace meshgraph::check
