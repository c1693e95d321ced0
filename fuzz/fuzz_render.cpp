// Fuzzes every output format with random findings: names, messages and paths are arbitrary
// bytes (control characters, invalid UTF-8, long runs), as a manifest can hold. Contract: text
// output has no control character but the line feed; JSON, SARIF and GitLab output parse as JSON
// and JSON gives back every string that was valid UTF-8; JUnit parses as XML (expat); GitHub
// output has one workflow command per finding and no other; Markdown stays within GitHub's
// comment limit; a baseline written is read back by load::read_baseline unchanged.
#include <expat.h>
#include <fuzzer/FuzzedDataProvider.h>

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <nlohmann/json.hpp>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "check/diagnostic.hpp"
#include "check/run_settings.hpp"
#include "check/severity.hpp"
#include "fuzz_support.hpp"
#include "impact/blast_radius.hpp"
#include "load/baseline_reader.hpp"
#include "load/input_error.hpp"
#include "report/baseline_writer.hpp"
#include "report/github_report.hpp"
#include "report/gitlab_report.hpp"
#include "report/json_report.hpp"
#include "report/junit_report.hpp"
#include "report/markdown_report.hpp"
#include "report/report.hpp"
#include "report/sarif_report.hpp"
#include "report/text_report.hpp"
#include "rules/registry.hpp"

namespace {

using namespace meshgraph;

constexpr std::size_t kMaxItems = 6;
constexpr std::size_t kMaxFindings = 24;
/// Findings name these rules, and SARIF and JUnit list them: the registry's rules with their
/// documentation cut to one line each, since rendering and re-parsing every rule's full doc on
/// every input cost more than the escaping under test (and the docs are not untrusted text).
constexpr std::size_t kRules = 3;

std::span<const check::Rule> some_rules() {
  static const std::vector<check::Rule> rules = [] {
    std::vector<check::Rule> cut(rules::all_rules().begin(), rules::all_rules().begin() + kRules);
    for (check::Rule& rule : cut)
      rule.info.doc = "## What it flags\nA finding.\n\n## Why it matters\nIt does.\n";
    return cut;
  }();
  return rules;
}

/// Untrusted text: usually short, sometimes from a small pool so findings and impact entries
/// share unique_ids, as they do in real reports, sometimes long (a size limit of a format).
std::string untrusted(FuzzedDataProvider& input) {
  static const char* const kPool[] = {
      "model.p.orders", "model.q.orders", "exposure.q.dash", "p", "q", ""};
  switch (input.ConsumeIntegralInRange<int>(0, 7)) {
    case 0: {
      const std::string unit = input.ConsumeRandomLengthString(8);
      std::string text;
      for (int i = 0; i < 200; ++i) text += unit;
      return text;
    }
    case 1:
    case 2:
    case 3:
      return kPool[input.ConsumeIntegralInRange<std::size_t>(0, std::size(kPool) - 1)];
    default:
      return input.ConsumeRandomLengthString(64);
  }
}

std::vector<std::string> untrusted_list(FuzzedDataProvider& input) {
  std::vector<std::string> items(input.ConsumeIntegralInRange<std::size_t>(0, kMaxItems / 2));
  for (std::string& item : items) item = untrusted(input);
  return items;
}

const check::Rule& some_rule(FuzzedDataProvider& input) {
  return some_rules()[input.ConsumeIntegralInRange<std::size_t>(0, kRules - 1)];
}

check::Diagnostic make_diagnostic(FuzzedDataProvider& input) {
  const check::Rule& rule = some_rule(input);
  check::Diagnostic diagnostic;
  diagnostic.rule = std::string(rule.info.id);
  diagnostic.rule_name = std::string(rule.info.name);
  diagnostic.severity = input.PickValueInArray(
      {check::Severity::Note, check::Severity::Warning, check::Severity::Error});
  diagnostic.message = untrusted(input);
  diagnostic.help = untrusted(input);
  diagnostic.location = check::Location{untrusted(input),
                                        untrusted(input),
                                        untrusted(input),
                                        untrusted(input),
                                        input.ConsumeIntegral<std::uint32_t>(),
                                        input.ConsumeIntegral<std::uint32_t>()};
  diagnostic.related = untrusted_list(input);
  diagnostic.notes = untrusted_list(input);
  const std::size_t details = input.ConsumeIntegralInRange<std::size_t>(0, 2);
  for (std::size_t i = 0; i < details; ++i)
    diagnostic.details[untrusted(input)] = untrusted_list(input);
  diagnostic.is_baseline = input.ConsumeBool();
  return diagnostic;
}

impact::ImpactEntry make_impact(FuzzedDataProvider& input) {
  impact::ImpactEntry entry;
  entry.unique_id = untrusted(input);
  entry.project = untrusted(input);
  entry.change = std::string(some_rule(input).info.name);
  const std::size_t details = input.ConsumeIntegralInRange<std::size_t>(0, 2);
  for (std::size_t i = 0; i < details; ++i) entry.details[untrusted(input)] = untrusted_list(input);
  entry.versioned = input.ConsumeBool();
  entry.downstream.models = untrusted_list(input);
  entry.downstream.projects = untrusted_list(input);
  entry.downstream.exposures = untrusted_list(input);
  entry.downstream.owners = untrusted_list(input);
  const std::size_t paths = input.ConsumeIntegralInRange<std::size_t>(0, kMaxItems);
  for (std::size_t i = 0; i < paths; ++i) {
    entry.downstream.paths.push_back(
        impact::ConsumerPath{untrusted(input), untrusted(input), untrusted_list(input)});
  }
  return entry;
}

report::Report make_report(FuzzedDataProvider& input) {
  report::Report report;
  report.command = input.ConsumeBool() ? "check" : "impact";
  const std::size_t projects = input.ConsumeIntegralInRange<std::size_t>(0, 3);
  for (std::size_t i = 0; i < projects; ++i) {
    report.projects.push_back(report::ProjectSummary{
        untrusted(input), untrusted(input), input.ConsumeIntegral<int>(), untrusted(input),
        input.ConsumeIntegral<std::uint16_t>(), input.ConsumeIntegral<std::uint16_t>()});
  }
  const std::size_t diagnostics = input.ConsumeIntegralInRange<std::size_t>(0, kMaxFindings);
  for (std::size_t i = 0; i < diagnostics; ++i)
    report.diagnostics.push_back(make_diagnostic(input));
  check::sort_diagnostics(report.diagnostics);
  report.waived = input.ConsumeIntegral<std::uint16_t>();
  if (input.ConsumeBool()) {
    for (const check::Rule& rule : some_rules()) {
      if (input.ConsumeBool()) report.rules_run.emplace_back(rule.info.id);
    }
  }
  if (report.command == "impact") {
    const std::size_t entries = input.ConsumeIntegralInRange<std::size_t>(0, 3);
    for (std::size_t i = 0; i < entries; ++i) report.impact.push_back(make_impact(input));
    // Impact entries follow their findings, as impact_runner makes them.
    for (std::size_t i = 0; i < report.impact.size() && i < report.diagnostics.size(); ++i) {
      if (input.ConsumeBool()) {
        report.impact[i].unique_id = report.diagnostics[i].location.unique_id;
        report.impact[i].change = report.diagnostics[i].rule_name;
      }
    }
  }
  return report;
}

void check_text(const std::string& text) {
  for (const char c : text) {
    const auto byte = static_cast<unsigned char>(c);
    MESHGRAPH_FUZZ_CHECK(c == '\n' || (byte >= 0x20 && byte != 0x7f),
                         "a control character reached the text report");
  }
}

/// A string of the report: equal to what was given when that was valid UTF-8.
void check_string(const nlohmann::json& value, const std::string& given) {
  MESHGRAPH_FUZZ_CHECK(value.is_string(), "a string field is not a JSON string");
  if (fuzz::is_valid_utf8(given)) MESHGRAPH_FUZZ_CHECK(value.get<std::string>() == given, given);
}

void check_strings(const nlohmann::json& value, const std::vector<std::string>& given) {
  MESHGRAPH_FUZZ_CHECK(value.is_array() && value.size() == given.size(), "a list changed length");
  for (std::size_t i = 0; i < given.size(); ++i) check_string(value[i], given[i]);
}

void check_json(const std::string& text, const report::Report& report) {
  const nlohmann::json document = nlohmann::json::parse(text, nullptr, false);
  MESHGRAPH_FUZZ_CHECK(!document.is_discarded(), "the JSON report is not valid JSON");
  const nlohmann::json& findings = document.at("findings");
  MESHGRAPH_FUZZ_CHECK(findings.size() == report.diagnostics.size(), "findings were lost or added");
  for (std::size_t i = 0; i < findings.size(); ++i) {
    const check::Diagnostic& diagnostic = report.diagnostics[i];
    check_string(findings[i].at("message"), diagnostic.message);
    check_string(findings[i].at("help"), diagnostic.help);
    check_string(findings[i].at("project"), diagnostic.location.project);
    check_string(findings[i].at("unique_id"), diagnostic.location.unique_id);
    check_string(findings[i].at("file"), diagnostic.location.file);
    check_strings(findings[i].at("related"), diagnostic.related);
  }
  MESHGRAPH_FUZZ_CHECK(document.at("projects").size() == report.projects.size(),
                       "projects were lost");
  if (report.command == "impact") {
    MESHGRAPH_FUZZ_CHECK(document.at("impact").size() == report.impact.size(),
                         "impact entries were lost");
  }
}

void check_json_document(const std::string& text, std::string_view format) {
  MESHGRAPH_FUZZ_CHECK(nlohmann::json::accept(text),
                       std::string(format) + " output is not valid JSON");
}

void check_xml(const std::string& text) {
  XML_Parser parser = XML_ParserCreate("UTF-8");
  const XML_Status status = XML_Parse(parser, text.data(), static_cast<int>(text.size()), XML_TRUE);
  const std::string error =
      status == XML_STATUS_OK ? "" : XML_ErrorString(XML_GetErrorCode(parser));
  const auto line = XML_GetCurrentLineNumber(parser);
  XML_ParserFree(parser);
  MESHGRAPH_FUZZ_CHECK(status == XML_STATUS_OK, "JUnit output is not well-formed XML: " + error +
                                                    " at line " + std::to_string(line));
}

/// One `::command …::` line per finding, and no other line that GitHub would run.
void check_github(const std::string& text, const report::Report& report) {
  std::size_t commands = 0;
  std::size_t start = 0;
  while (start < text.size()) {
    const std::size_t end = std::min(text.find('\n', start), text.size());
    const std::string_view line = std::string_view(text).substr(start, end - start);
    MESHGRAPH_FUZZ_CHECK(line.find('\r') == std::string_view::npos, "a CR in GitHub output");
    if (line.starts_with("::")) ++commands;
    start = end + 1;
  }
  MESHGRAPH_FUZZ_CHECK(commands == report.diagnostics.size(),
                       "GitHub output has a command per finding, no more");
}

void check_markdown(const std::string& text) {
  const auto code_points =
      static_cast<std::size_t>(std::count_if(text.begin(), text.end(), [](char c) {
        return (static_cast<unsigned char>(c) & 0xC0) != 0x80;
      }));
  MESHGRAPH_FUZZ_CHECK(code_points <= report::kMarkdownMaxCodePoints,
                       "the Markdown comment is over GitHub's limit");
}

void check_baseline(const report::Report& report) {
  static fuzz::MemoryFile file;
  const std::string written = report::render_baseline(report.diagnostics);
  std::vector<check::BaselineEntry> entries;
  try {
    entries = load::read_baseline(file.write(written));
  } catch (const load::InputError& error) {
    MESHGRAPH_FUZZ_CHECK(
        false, std::string("meshgraph cannot read the baseline it wrote: ") + error.what());
  }
  MESHGRAPH_FUZZ_CHECK(entries.size() == report.diagnostics.size(), "baseline entries were lost");
  for (std::size_t i = 0; i < entries.size(); ++i) {
    const check::Diagnostic& diagnostic = report.diagnostics[i];
    if (!fuzz::is_valid_utf8(diagnostic.location.unique_id)) continue;
    std::vector<std::string> related = diagnostic.related;
    std::sort(related.begin(), related.end());
    if (!std::all_of(related.begin(), related.end(), fuzz::is_valid_utf8)) continue;
    MESHGRAPH_FUZZ_CHECK(entries[i].rule == diagnostic.rule, "a baseline rule changed");
    MESHGRAPH_FUZZ_CHECK(entries[i].unique_id == diagnostic.location.unique_id,
                         "a baseline unique_id changed");
    MESHGRAPH_FUZZ_CHECK(entries[i].related == related, "a baseline related list changed");
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  FuzzedDataProvider input(data, size);
  const report::Report report = make_report(input);
  check_text(report::render_text(report));
  check_json(report::render_json(report), report);
  check_json_document(report::render_sarif(report, some_rules()), "SARIF");
  check_json_document(report::render_gitlab(report), "GitLab");
  const std::optional<check::Severity> threshold =
      input.ConsumeBool()
          ? std::nullopt
          : std::optional(input.PickValueInArray(
                {check::Severity::Note, check::Severity::Warning, check::Severity::Error}));
  check_xml(report::render_junit(report, some_rules(), threshold));
  check_github(report::render_github(report), report);
  check_markdown(report::render_markdown(report, threshold));
  check_baseline(report);
  return 0;
}
