// Shared output options, the format dispatch, and the exit-code verdict (0 clean, 1 findings at
// or above --fail-on).
#include "cli/output_options.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <map>
#include <optional>
#include <set>
#include <sstream>
#include <vector>

#include "check/runner.hpp"
#include "check/spelling.hpp"
#include "report/github_report.hpp"
#include "report/gitlab_report.hpp"
#include "report/json_report.hpp"
#include "report/junit_report.hpp"
#include "report/markdown_report.hpp"
#include "report/output_file.hpp"
#include "report/sarif_report.hpp"
#include "report/text_report.hpp"
#include "rules/registry.hpp"

namespace meshgraph::cli {

namespace {

/// What a renderer may need beyond the report.
struct RenderContext {
  std::span<const check::Rule> registered;   ///< every rule (SARIF's tool.driver.rules)
  std::vector<check::Rule> command_rules;    ///< the rules this command runs (JUnit's cases)
  std::optional<check::Severity> threshold;  ///< --fail-on; nullopt for `never`
};

struct Format {
  std::string_view name;
  std::string (*render)(const report::Report&, const RenderContext&);
};

/// Every format, in the order --help lists them.
constexpr std::array<Format, 7> kFormats = {{
    {"text", [](const report::Report& r, const RenderContext&) { return report::render_text(r); }},
    {"json", [](const report::Report& r, const RenderContext&) { return report::render_json(r); }},
    {"sarif", [](const report::Report& r,
                 const RenderContext& c) { return report::render_sarif(r, c.registered); }},
    {"junit",
     [](const report::Report& r, const RenderContext& c) {
       return report::render_junit(r, c.command_rules, c.threshold);
     }},
    {"github",
     [](const report::Report& r, const RenderContext&) { return report::render_github(r); }},
    {"markdown", [](const report::Report& r,
                    const RenderContext& c) { return report::render_markdown(r, c.threshold); }},
    {"gitlab",
     [](const report::Report& r, const RenderContext&) { return report::render_gitlab(r); }},
}};

struct FormatSpec {
  std::string name;
  std::string file;  ///< empty: to --output (stdout by default)
};

FormatSpec parse_spec(const std::string& value) {
  const std::size_t equals = value.find('=');
  if (equals == std::string::npos) return {value, ""};
  return {value.substr(0, equals), value.substr(equals + 1)};
}

std::vector<FormatSpec> parse_specs(const std::string& joined) {
  std::vector<FormatSpec> specs;
  std::stringstream stream(joined);
  std::string line;
  while (std::getline(stream, line)) specs.push_back(parse_spec(line));
  return specs;
}

/// One --format value: "" when valid, else the message CLI11 shows after "--format: ".
std::string check_spec(const std::string& value) {
  const FormatSpec spec = parse_spec(value);
  std::vector<std::string_view> names;
  for (const Format& format : kFormats) names.push_back(format.name);
  if (std::find(names.begin(), names.end(), spec.name) == names.end()) {
    const std::string_view nearest = check::nearest_spelling(spec.name, names);
    return fmt::format("'{}' is not a format; use {}{}", spec.name, fmt::join(names, ", "),
                       nearest.empty() ? "" : fmt::format(" (did you mean '{}'?)", nearest));
  }
  if (value.find('=') != std::string::npos && spec.file.empty()) {
    return fmt::format("'{}' names no file; write --format {}=FILE, or --format {} for stdout",
                       value, spec.name, spec.name);
  }
  return "";
}

/// Rules across the values: one format at most on stdout, and each FILE written once.
void check_specs(const std::vector<FormatSpec>& specs) {
  std::vector<std::string> bare;
  std::set<std::string> files;
  for (const FormatSpec& spec : specs) {
    if (spec.file.empty())
      bare.push_back(spec.name);
    else if (!files.insert(spec.file).second) {
      throw CLI::ValidationError(
          "--format", fmt::format("'{}' is given as the FILE of two formats", spec.file));
    }
  }
  if (bare.size() > 1) {
    throw CLI::ValidationError("--format",
                               fmt::format("'{}' and '{}' would both go to stdout (or --output); "
                                           "give one a file: --format {}=FILE",
                                           bare[0], bare[1], bare[1]));
  }
}

RenderContext make_context(const report::Report& report, const std::string& fail_on) {
  RenderContext context{rules::all_rules(), {}, check::parse_severity(fail_on)};
  for (const check::Rule& rule : context.registered) {
    const bool runs = report.command == "impact" ? rule.impact != nullptr : rule.check != nullptr;
    const bool selected = report.rules_run.empty() ||
                          std::find(report.rules_run.begin(), report.rules_run.end(), rule.info.id) != report.rules_run.end();
    if (runs && selected) context.command_rules.push_back(rule);
  }
  return context;
}

}  // namespace

void add_output_options(CLI::App& command, std::string& format, std::string& output,
                        std::string& fail_on) {
  const CLI::Validator spec_validator([](std::string& value) { return check_spec(value); },
                                      "NAME[=FILE]");
  command
      .add_option_function<std::string>(
          "--format",
          [&format](const std::string& joined) {
            check_specs(parse_specs(joined));
            format = joined;
          },
          "Output format: text (default), json, sarif, junit, github, markdown or gitlab. Repeat "
          "it to write "
          "several: --format NAME=FILE writes that format to FILE")
      ->multi_option_policy(CLI::MultiOptionPolicy::Join)
      ->check(spec_validator);
  command.add_option("--output,-o", output,
                     "Write the report of the --format without FILE to FILE, not stdout");
  command
      .add_option("--fail-on", fail_on,
                  "Exit 1 when a finding is at or above: error (default), warning, note, never")
      ->check(CLI::IsMember({"error", "warning", "note", "never"}));
}

std::vector<OutputPath> report_outputs(const std::string& format, const std::string& output) {
  std::vector<OutputPath> outputs;
  for (const FormatSpec& spec : parse_specs(format)) {
    if (!spec.file.empty()) outputs.push_back({spec.file, fmt::format("--format {}", spec.name)});
  }
  outputs.push_back({output, "--output"});
  return outputs;
}

int emit_report(const report::Report& report, const std::string& format, const std::string& output,
                const std::string& fail_on) {
  std::vector<FormatSpec> specs = parse_specs(format);
  if (std::none_of(specs.begin(), specs.end(),
                   [](const FormatSpec& spec) { return spec.file.empty(); })) {
    specs.push_back({"text", ""});
  }
  const RenderContext context = make_context(report, fail_on);
  std::map<std::string, std::string> rendered;
  for (const FormatSpec& spec : specs) {
    if (rendered.contains(spec.name)) continue;
    const auto entry = std::find_if(kFormats.begin(), kFormats.end(),
                                    [&](const Format& f) { return f.name == spec.name; });
    rendered[spec.name] = entry->render(report, context);
  }
  // Files first: a FILE that cannot be written stops the run (exit 2) before stdout says more.
  for (const FormatSpec& spec : specs) {
    if (!spec.file.empty())
      report::write_output(spec.file, rendered[spec.name], fmt::format("--format {}", spec.name));
  }
  for (const FormatSpec& spec : specs) {
    if (spec.file.empty()) report::write_output(output, rendered[spec.name]);
  }
  if (!context.threshold) return 0;
  return check::has_finding_at_or_above(report.diagnostics, *context.threshold) ? 1 : 0;
}

}  // namespace meshgraph::cli
