// Shared output options and the exit-code verdict (0 clean, 1 findings at or above --fail-on).
#include "cli/output_options.hpp"

#include "check/runner.hpp"
#include "report/json_report.hpp"
#include "report/output_file.hpp"
#include "report/text_report.hpp"

namespace meshgraph::cli {

void add_output_options(CLI::App& command, std::string& format, std::string& output,
                        std::string& fail_on) {
  command.add_option("--format", format, "Output format: text (default) or json")
      ->check(CLI::IsMember({"text", "json"}));
  command.add_option("--output,-o", output, "Write the report to FILE instead of stdout");
  command.add_option("--fail-on", fail_on,
                     "Exit 1 when a finding is at or above: error (default), warning, note, never")
      ->check(CLI::IsMember({"error", "warning", "note", "never"}));
}

int emit_report(const report::Report& report, const std::string& format, const std::string& output,
                const std::string& fail_on) {
  const std::string content = format == "json" ? report::render_json(report) : report::render_text(report);
  report::write_output(output, content);
  if (fail_on == "never") return 0;
  const check::Severity threshold = check::parse_severity(fail_on).value_or(check::Severity::Error);
  return check::has_finding_at_or_above(report.diagnostics, threshold) ? 1 : 0;
}

}  // namespace meshgraph::cli
