// Renders the PR comment. Untrusted text goes through escape_markdown_text (prose) or
// markdown_table_code (names, paths, unique_ids); tables are cut row by row to stay under
// GitHub's comment limit, never inside a row.
#include "report/markdown_report.hpp"

#include <fmt/format.h>

#include <map>
#include <set>
#include <vector>

#include "check/runner.hpp"
#include "report/escape.hpp"
#include "report/finding_text.hpp"
#include "report/severity_names.hpp"

namespace meshgraph::report {

namespace {

/// Room kept for what follows the last table: closing tags and the notes on left-out rows.
constexpr std::size_t kReserve = 1'024;
/// Items shown per list in a cell of the impact table; the JSON report has them all.
constexpr std::size_t kMaxListItems = 10;

std::size_t code_points(std::string_view text) {
  std::size_t count = 0;
  for (const char c : text) count += (static_cast<unsigned char>(c) & 0xC0) != 0x80 ? 1 : 0;
  return count;
}

std::string plural(std::size_t count, std::string_view word) {
  return fmt::format("{} {}{}", count, word, count == 1 ? "" : "s");
}

/// The comment under construction, and how much of the budget it uses.
class Comment {
 public:
  void append(std::string_view text) {
    text_ += text;
    used_ += code_points(text);
  }
  /// Appends `header` and the rows that fit; returns how many rows were left out.
  std::size_t append_table(std::string_view header, const std::vector<std::string>& rows) {
    append(header);
    std::size_t shown = 0;
    while (shown < rows.size() &&
           used_ + code_points(rows[shown]) + kReserve <= kMarkdownMaxCodePoints) {
      append(rows[shown++]);
    }
    return rows.size() - shown;
  }
  std::string text() const { return text_; }

 private:
  std::string text_;
  std::size_t used_ = 0;
};

std::string left_out_note(std::size_t count, std::string_view what) {
  if (count == 0) return "";
  return fmt::format(
      "\n… {} more {} not shown: a GitHub comment holds at most {} characters. The JSON and "
      "SARIF reports have all of them.\n",
      count, what, kMarkdownMaxCodePoints);
}

std::string counts_text(const SeverityCounts& counts) {
  std::vector<std::string> parts;
  if (counts.error > 0) parts.push_back(plural(counts.error, "error"));
  if (counts.warning > 0) parts.push_back(plural(counts.warning, "warning"));
  if (counts.note > 0) parts.push_back(plural(counts.note, "note"));
  if (counts.baseline > 0) parts.push_back(fmt::format("{} in the baseline", counts.baseline));
  return fmt::format("{}", fmt::join(parts, ", "));
}

std::string verdict(const Report& report, std::optional<check::Severity> threshold) {
  const SeverityCounts counts = count_by_severity(report.diagnostics);
  std::string heading = fmt::format("✅ meshgraph {} passed: no findings", report.command);
  if (threshold && check::has_finding_at_or_above(report.diagnostics, *threshold)) {
    heading = fmt::format("❌ meshgraph {} failed: {}", report.command, counts_text(counts));
  } else if (!report.diagnostics.empty()) {
    heading = fmt::format("✅ meshgraph {} passed: {}, none at --fail-on {}", report.command,
                          counts_text(counts), threshold ? check::to_string(*threshold) : "never");
  }
  std::size_t models = 0;
  for (const ProjectSummary& project : report.projects) models += project.models;
  std::string scope =
      fmt::format("{}, {}", plural(report.projects.size(), "project"), plural(models, "model"));
  if (report.waived > 0) scope += fmt::format("; {} waived by the policy file", report.waived);
  return fmt::format("<!-- meshgraph -->\n### {}\n\n{}.\n", heading, scope);
}

std::vector<std::string> project_rows(const Report& report) {
  std::map<std::string, std::vector<check::Diagnostic>> findings;
  for (const check::Diagnostic& diagnostic : report.diagnostics) {
    findings[diagnostic.location.project].push_back(diagnostic);
  }
  std::vector<std::string> rows;
  for (const auto& [project, diagnostics] : findings) {
    const SeverityCounts counts = count_by_severity(diagnostics);
    std::set<std::string> rules;
    for (const check::Diagnostic& diagnostic : diagnostics) rules.insert(diagnostic.rule);
    rows.push_back(fmt::format("| {} | {} | {} | {} | {} | {} |\n", markdown_table_code(project),
                               counts.error, counts.warning, counts.note, counts.baseline,
                               fmt::join(rules, ", ")));
  }
  return rows;
}

std::string code_list(const std::vector<std::string>& items, std::string_view separator) {
  if (items.empty()) return "—";
  std::vector<std::string> shown;
  for (std::size_t i = 0; i < items.size() && i < kMaxListItems; ++i)
    shown.push_back(markdown_table_code(items[i]));
  if (items.size() > kMaxListItems)
    shown.push_back(fmt::format("and {} more", items.size() - kMaxListItems));
  return fmt::format("{}", fmt::join(shown, separator));
}

std::vector<std::string> impact_rows(const Report& report) {
  std::vector<std::string> rows;
  for (const impact::ImpactEntry& entry : report.impact) {
    std::string icon;
    for (const check::Diagnostic& diagnostic : report.diagnostics) {
      if (diagnostic.location.unique_id == entry.unique_id &&
          diagnostic.rule_name == entry.change) {
        icon = std::string(names_of(diagnostic.severity).markdown) + " ";
      }
    }
    const impact::Downstream& downstream = entry.downstream;
    rows.push_back(
        fmt::format("| {}{} | {} | {} | {} | {} |\n", icon, escape_markdown_text(entry.change),
                    markdown_table_code(entry.unique_id), code_list(downstream.projects, ", "),
                    code_list(downstream.exposures, "<br>"), code_list(downstream.owners, "<br>")));
  }
  return rows;
}

std::string finding_row(const check::Diagnostic& diagnostic) {
  std::vector<std::string> lines;
  for (const std::string& line : message_lines(diagnostic))
    lines.push_back(escape_markdown_text(line));
  const std::string_view icon =
      names_of(diagnostic.is_baseline ? check::Severity::Note : diagnostic.severity).markdown;
  return fmt::format("| {} | {} {} | {}<br>{} | {} |\n", icon, diagnostic.rule,
                     escape_markdown_text(diagnostic.rule_name),
                     markdown_table_code(gnu_location(diagnostic.location)),
                     markdown_table_code(diagnostic.location.unique_id), fmt::join(lines, "<br>"));
}

}  // namespace

std::string render_markdown(const Report& report, std::optional<check::Severity> threshold) {
  Comment comment;
  comment.append(verdict(report, threshold));
  if (report.diagnostics.empty()) return comment.text();
  const std::size_t projects_left = comment.append_table(
      "\n| project | ❌ errors | ⚠️ warnings | ℹ️ notes | baseline | rules "
      "|\n|---|--:|--:|--:|--:|---|\n",
      project_rows(report));
  comment.append(left_out_note(projects_left, "projects"));
  if (!report.impact.empty()) {
    const std::size_t changes_left = comment.append_table(
        "\n#### Who to notify\n\n| change | model | downstream projects | exposures | owners to "
        "notify |\n"
        "|---|---|---|---|---|\n",
        impact_rows(report));
    comment.append(left_out_note(changes_left, "changes"));
  }
  std::vector<std::string> rows;
  for (const check::Diagnostic& diagnostic : report.diagnostics)
    rows.push_back(finding_row(diagnostic));
  const std::size_t findings_left = comment.append_table(
      fmt::format(
          "\n<details><summary>{}</summary>\n\n| | rule | where | finding |\n|---|---|---|---|\n",
          plural(report.diagnostics.size(), "finding")),
      rows);
  comment.append("\n</details>\n");
  comment.append(left_out_note(findings_left, "findings"));
  return comment.text();
}

}  // namespace meshgraph::report
