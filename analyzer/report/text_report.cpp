// Renders findings in the shape editors and CI problem matchers already parse.
#include "report/text_report.hpp"

#include <fmt/format.h>

#include "report/escape.hpp"
#include "report/impact_text.hpp"

namespace meshgraph::report {

namespace {

std::string where(const check::Location& location) {
  if (location.line == 0) return escape_terminal(location.file);
  return fmt::format("{}:{}:{}", escape_terminal(location.file), location.line, location.column);
}

std::string plural(std::size_t count, std::string_view word) {
  return fmt::format("{} {}{}", count, word, count == 1 ? "" : "s");
}

std::string summary(const Report& report) {
  std::size_t models = 0;
  for (const ProjectSummary& project : report.projects) models += project.models;
  const std::string scope =
      fmt::format("{}, {}", plural(report.projects.size(), "project"), plural(models, "model"));
  const SeverityCounts counts = count_by_severity(report.diagnostics);
  std::string extra;
  if (counts.baseline > 0) extra += fmt::format("; {} in the baseline", counts.baseline);
  if (report.waived > 0) extra += fmt::format("; {} waived by the policy file", report.waived);
  const std::size_t current = report.diagnostics.size() - counts.baseline;
  if (current == 0) return fmt::format("no findings in {}{}\n", scope, extra);
  return fmt::format("{} ({}, {}, {}) in {}{}\n", plural(current, "finding"), plural(counts.error, "error"),
                     plural(counts.warning, "warning"), plural(counts.note, "note"), scope, extra);
}

}  // namespace

std::string render_text(const Report& report) {
  std::string out;
  for (const check::Diagnostic& diagnostic : report.diagnostics) {
    out += fmt::format("{}: {}: {} [{}]\n", where(diagnostic.location),
                       check::to_string(diagnostic.severity), escape_terminal(diagnostic.message),
                       diagnostic.rule);
    for (const std::string& note : diagnostic.notes) {
      out += fmt::format("  note: {}\n", escape_terminal(note));
    }
    if (diagnostic.is_baseline) out += "  note: in the baseline: shown, but not failing the run\n";
    if (!diagnostic.help.empty()) out += fmt::format("  help: {}\n", escape_terminal(diagnostic.help));
    for (const impact::ImpactEntry& entry : report.impact) {
      if (entry.unique_id == diagnostic.location.unique_id && entry.change == diagnostic.rule_name) {
        out += render_impact_text(entry);
      }
    }
  }
  out += summary(report);
  return out;
}

}  // namespace meshgraph::report
