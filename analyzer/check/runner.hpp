// Runs the selected rules over the mesh and collects their findings, sorted.
#pragma once

#include <span>
#include <vector>

#include "check/diagnostic.hpp"
#include "check/rule.hpp"

namespace meshgraph::check {

/// Runs every rule that has a check function. The returned findings are sorted.
std::vector<Diagnostic> run_checks(std::span<const Rule> rules, const CheckContext& context);

/// The exit-code verdict: true when any finding is at or above `threshold`.
bool has_finding_at_or_above(std::span<const Diagnostic> diagnostics, Severity threshold);

}  // namespace meshgraph::check
