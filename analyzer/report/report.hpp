// What every renderer receives: the command's findings plus the facts about the mesh.
#pragma once

#include <string>
#include <vector>

#include "check/diagnostic.hpp"
#include "impact/blast_radius.hpp"

namespace meshgraph::report {

struct ProjectSummary {
  std::string name;
  std::string manifest;
  int schema_version = 0;
  std::string dbt_version;
  std::size_t models = 0;
  std::size_t public_models = 0;
};

struct Report {
  std::string command;  ///< check | impact
  std::vector<ProjectSummary> projects;
  std::vector<check::Diagnostic> diagnostics;  ///< sorted
  std::size_t waived = 0;  ///< findings hidden by a waiver in the policy file
  std::vector<impact::ImpactEntry> impact;  ///< `meshgraph impact`: one entry per flagged change
  /// Ids of the rules this run ran (after --select, --ignore and `off`); empty means all of the
  /// command's rules. JUnit has one test case per rule and project that ran.
  std::vector<std::string> rules_run;
};

/// Findings per severity; baseline findings are counted apart, whatever their severity.
struct SeverityCounts {
  std::size_t error = 0;
  std::size_t warning = 0;
  std::size_t note = 0;
  std::size_t baseline = 0;
};

SeverityCounts count_by_severity(const std::vector<check::Diagnostic>& diagnostics);

}  // namespace meshgraph::report
