// One finding, the same model for every command and output format (STYLE.md §5).
#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "check/severity.hpp"

namespace meshgraph::check {

/// Where a finding is. `file` is shown from where the user can open it: under the project's
/// folder when the manifest sits in <folder>/target/, else `<project>/<original_file_path>`.
struct Location {
  std::string manifest;  ///< manifest path as given
  std::string project;
  std::string unique_id;
  std::string file;
  std::uint32_t line = 0;  ///< 0 when unknown: we never invent a line
  std::uint32_t column = 0;
};

struct Diagnostic {
  std::string rule;  ///< MESHnnn
  std::string rule_name;
  Severity severity = Severity::Error;
  std::string message;  ///< lower case, no trailing period, names quoted with '…'
  std::string help;     ///< the next step, in dbt terms
  Location location;
  std::vector<std::string> related;  ///< unique_ids that explain the finding
  std::vector<std::string> notes;    ///< extra `note:` lines (e.g. the owner to ask)
  /// For impact findings: what changed, by kind ("columns_removed": ["order_id"], …).
  std::map<std::string, std::vector<std::string>> details;
  /// Recorded in the --baseline file: shown and counted apart, never failing the gate.
  bool is_baseline = false;
};

/// Sorts by (project, unique_id, rule, message): identical output run to run.
void sort_diagnostics(std::vector<Diagnostic>& diagnostics);

}  // namespace meshgraph::check
