// Writes JUnit XML through escape_xml only. The location of each finding is in the failure
// text, not in testcase@file/@line: junit-10.xsd has neither, and a case (rule × project)
// spans many files anyway (docs/ci.md).
#include "report/junit_report.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <map>
#include <vector>

#include "check/runner.hpp"
#include "report/escape.hpp"
#include "report/finding_text.hpp"

namespace meshgraph::report {

namespace {

struct TestCase {
  std::string rule;
  std::string rule_name;
  std::vector<const check::Diagnostic*> findings;
};

bool is_failing(const check::Diagnostic& diagnostic, std::optional<check::Severity> threshold) {
  return threshold && check::has_finding_at_or_above({&diagnostic, 1}, *threshold);
}

/// The finding as the text report shows it, XML-escaped.
std::string finding_text(const check::Diagnostic& diagnostic) {
  const std::vector<std::string> lines = message_lines(diagnostic);
  std::string out = fmt::format("{}: {}: {} [{}]\n", escape_xml(gnu_location(diagnostic.location)),
                                check::to_string(diagnostic.severity), escape_xml(lines.front()),
                                diagnostic.rule);
  for (std::size_t i = 1; i < lines.size(); ++i) out += fmt::format("  {}\n", escape_xml(lines[i]));
  return out;
}

/// Cases per project: every rule of the command, plus any rule a finding names.
std::map<std::string, std::map<std::string, TestCase>> collect_cases(
    const Report& report, std::span<const check::Rule> rules) {
  std::map<std::string, std::map<std::string, TestCase>> projects;
  for (const ProjectSummary& project : report.projects) {
    for (const check::Rule& rule : rules) {
      projects[project.name][std::string(rule.info.id)] = {
          std::string(rule.info.id), std::string(rule.info.name), {}};
    }
  }
  for (const check::Diagnostic& diagnostic : report.diagnostics) {
    TestCase& test = projects[diagnostic.location.project][diagnostic.rule];
    test.rule = diagnostic.rule;
    test.rule_name = diagnostic.rule_name;
    test.findings.push_back(&diagnostic);
  }
  return projects;
}

std::string render_case(const std::string& project, const TestCase& test,
                        std::optional<check::Severity> threshold, bool& failed) {
  std::string out = fmt::format("    <testcase name=\"{}\" classname=\"{}\"",
                                escape_xml(test.rule + " " + test.rule_name), escape_xml(project));
  if (test.findings.empty()) return out + "/>\n";
  std::string body;
  std::optional<check::Severity> worst;
  for (const check::Diagnostic* diagnostic : test.findings) {
    body += finding_text(*diagnostic);
    if (is_failing(*diagnostic, threshold))
      worst = std::max(worst.value_or(diagnostic->severity), diagnostic->severity);
  }
  failed = worst.has_value();
  const std::size_t count = test.findings.size();
  const std::string what = fmt::format("{} finding{}", count, count == 1 ? "" : "s");
  if (!failed)
    return out + fmt::format(">\n      <system-out>{}</system-out>\n    </testcase>\n", body);
  return out +
         fmt::format(">\n      <failure type=\"{}\" message=\"{}\">{}</failure>\n    </testcase>\n",
                     check::to_string(*worst), what, body);
}

}  // namespace

std::string render_junit(const Report& report, std::span<const check::Rule> rules,
                         std::optional<check::Severity> threshold) {
  std::string suites;
  std::size_t total_tests = 0;
  std::size_t total_failures = 0;
  for (const auto& [project, cases] : collect_cases(report, rules)) {
    std::string body;
    std::size_t failures = 0;
    for (const auto& [rule, test] : cases) {
      bool failed = false;
      body += render_case(project, test, threshold, failed);
      failures += failed ? 1 : 0;
    }
    suites += fmt::format(
        "  <testsuite name=\"{}\" tests=\"{}\" failures=\"{}\" errors=\"0\" skipped=\"0\">\n{}  "
        "</testsuite>\n",
        escape_xml(project), cases.size(), failures, body);
    total_tests += cases.size();
    total_failures += failures;
  }
  if (total_tests == 0) {
    // GitLab and Jenkins treat a report without test cases as a broken report.
    suites = fmt::format(
        "  <testsuite name=\"meshgraph\" tests=\"1\" failures=\"0\" errors=\"0\" skipped=\"0\">\n"
        "    <testcase name=\"meshgraph {}\" classname=\"meshgraph\"/>\n  </testsuite>\n",
        escape_xml(report.command));
    total_tests = 1;
  }
  return fmt::format(
      "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
      "<testsuites name=\"meshgraph {}\" tests=\"{}\" failures=\"{}\" "
      "errors=\"0\">\n{}</testsuites>\n",
      escape_xml(report.command), total_tests, total_failures, suites);
}

}  // namespace meshgraph::report
