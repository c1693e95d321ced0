// Workflow commands, escaped as actions/toolkit's command.ts does (data: % CR LF; properties:
// also : and ,), with escape_github_data / escape_github_property.
#include "report/github_report.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <map>
#include <vector>

#include "report/escape.hpp"
#include "report/finding_text.hpp"
#include "report/severity_names.hpp"

namespace meshgraph::report {

namespace {

/// A baseline finding is shown but never fails the run: a notice, whatever its severity.
std::string_view command_of(const check::Diagnostic& diagnostic) {
  return diagnostic.is_baseline ? names_of(check::Severity::Note).github
                                : names_of(diagnostic.severity).github;
}

std::string annotation(const check::Diagnostic& diagnostic) {
  const check::Location& where = diagnostic.location;
  std::string properties = fmt::format("file={}", escape_github_property(where.file));
  if (where.line > 0) {
    properties += fmt::format(",line={}", where.line);
    if (where.column > 0) properties += fmt::format(",col={}", where.column);
  }
  properties += fmt::format(",title={}",
                            escape_github_property(diagnostic.rule + " " + diagnostic.rule_name));
  std::vector<std::string> lines;
  for (const std::string& line : message_lines(diagnostic))
    lines.push_back(escape_github_data(line));
  return fmt::format("::{} {}::{}\n", command_of(diagnostic), properties, fmt::join(lines, "%0A"));
}

std::string summary(const Report& report,
                    const std::map<std::string_view, std::size_t>& per_command) {
  if (report.diagnostics.empty()) return "meshgraph: no findings\n";
  std::vector<std::string> counts;
  bool is_cut = false;
  for (const std::string_view command : {"error", "warning", "notice"}) {
    const auto found = per_command.find(command);
    if (found == per_command.end()) continue;
    counts.push_back(fmt::format("{} {}{}", found->second, command, found->second == 1 ? "" : "s"));
    is_cut = is_cut || found->second > kGithubShownPerKind;
  }
  const std::size_t total = report.diagnostics.size();
  std::string out = fmt::format("meshgraph: {} annotation{} ({})", total, total == 1 ? "" : "s",
                                fmt::join(counts, ", "));
  if (is_cut) {
    out += fmt::format(
        "; GitHub shows at most {} of each kind per step: the SARIF or JUnit report, or the job "
        "summary, has all of them",
        kGithubShownPerKind);
  }
  return out + "\n";
}

}  // namespace

std::string render_github(const Report& report) {
  std::vector<const check::Diagnostic*> ordered;
  for (const check::Diagnostic& diagnostic : report.diagnostics) ordered.push_back(&diagnostic);
  const auto rank = [](const check::Diagnostic* d) {
    return d->is_baseline ? check::Severity::Note : d->severity;
  };
  std::stable_sort(
      ordered.begin(), ordered.end(),
      [&](const check::Diagnostic* a, const check::Diagnostic* b) { return rank(a) > rank(b); });
  std::string out;
  std::map<std::string_view, std::size_t> per_command;
  for (const check::Diagnostic* diagnostic : ordered) {
    out += annotation(*diagnostic);
    ++per_command[command_of(*diagnostic)];
  }
  return out + summary(report, per_command);
}

}  // namespace meshgraph::report
