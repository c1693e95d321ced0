// SARIF: goldens on the shared, empty and hostile reports, GitHub's limits, stable fingerprints.
#include "report/sarif_report.hpp"

#include <doctest/doctest.h>

#include <nlohmann/json.hpp>

#include "golden.hpp"
#include "report/finding_text.hpp"
#include "report_samples.hpp"
#include "rules/registry.hpp"

namespace meshgraph::report {

TEST_CASE("format sarif: shared findings match tests/golden/shared/shared.sarif") {
  testing::check_golden("shared.sarif",
                        render_sarif(testing::shared_report(), testing::sample_rules()));
}

TEST_CASE("format sarif: an empty run matches tests/golden/shared/empty.sarif") {
  testing::check_golden("empty.sarif",
                        render_sarif(testing::empty_report(), testing::sample_rules()));
}

TEST_CASE("format sarif: hostile strings match tests/golden/shared/hostile.sarif") {
  testing::check_golden("hostile.sarif",
                        render_sarif(testing::hostile_report(), testing::sample_rules()));
}

TEST_CASE(
    "format sarif: the fingerprint follows rule, unique_id and related nodes, never the line") {
  check::Diagnostic finding = testing::shared_report().diagnostics.front();
  const std::string before = finding_fingerprint(finding);
  finding.location.line += 10;
  finding.message = "reworded";
  CHECK(finding_fingerprint(finding) == before);
  finding.related.push_back("model.platform.other");
  CHECK(finding_fingerprint(finding) != before);
}

TEST_CASE(
    "format sarif: over GitHub's 25,000 results, the most severe are kept and the rest counted") {
  Report report = testing::empty_report();
  check::Diagnostic note = testing::shared_report().diagnostics.front();
  note.severity = check::Severity::Note;
  report.diagnostics.assign(kSarifMaxResults, note);
  check::Diagnostic error = note;
  error.severity = check::Severity::Error;
  report.diagnostics.push_back(error);
  const nlohmann::json log = nlohmann::json::parse(render_sarif(report, testing::sample_rules()));
  const nlohmann::json& run = log["runs"][0];
  CHECK(run["results"].size() == kSarifMaxResults);
  CHECK(run["results"].back()["level"] == "error");
  CHECK(run["invocations"][0]["toolExecutionNotifications"][0]["message"]["text"] ==
        "1 of 25001 findings left out: GitHub code scanning accepts at most 25000 results per run; "
        "the JSON "
        "report has all of them");
}

TEST_CASE("format sarif: every registered rule fits GitHub's limits for rule metadata") {
  for (const check::Rule& rule : rules::all_rules()) {
    CAPTURE(rule.info.id);
    CHECK(rule.info.name.size() <= 255);
    CHECK(!rule.info.summary.empty());
    CHECK(rule.info.summary.size() <= 1024);
    CHECK(!what_it_flags(rule.info.doc).empty());
    CHECK(what_it_flags(rule.info.doc).size() <= 1024);
  }
}

TEST_CASE(
    "format sarif: the rule index and URI of a hostile path are those of the registry and RFC "
    "3986") {
  const nlohmann::json log =
      nlohmann::json::parse(render_sarif(testing::hostile_report(), testing::sample_rules()));
  const nlohmann::json& result = log["runs"][0]["results"][0];
  CHECK(result["ruleIndex"] == 5);
  const std::string uri = result["locations"][0]["physicalLocation"]["artifactLocation"]["uri"];
  CHECK(uri.find_first_of(" :\"<>\\|`\r\n") == std::string::npos);
}

}  // namespace meshgraph::report
