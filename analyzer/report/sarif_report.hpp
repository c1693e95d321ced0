// SARIF 2.1.0 for GitHub code scanning and other SARIF viewers (docs/formats.md).
#pragma once

#include <span>
#include <string>

#include "check/rule.hpp"
#include "report/report.hpp"

namespace meshgraph::report {

/// Results per run that GitHub code scanning accepts; over it, it rejects the whole file.
inline constexpr std::size_t kSarifMaxResults = 25'000;

/// One run: `rules` (every registered rule) as tool.driver.rules, one result per finding.
/// Over kSarifMaxResults findings, the most severe are kept and a tool notification says how
/// many were left out.
std::string render_sarif(const Report& report, std::span<const check::Rule> rules);

/// The "What it flags" section of a rule's doc as one paragraph: SARIF's fullDescription.
std::string what_it_flags(std::string_view doc);

}  // namespace meshgraph::report
