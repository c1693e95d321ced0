// JUnit: goldens, the --fail-on verdict per case, and never "no tests".
#include "report/junit_report.hpp"

#include <doctest/doctest.h>

#include "golden.hpp"
#include "report_samples.hpp"

namespace meshgraph::report {

namespace {

std::span<const check::Rule> check_rules() { return testing::sample_rules().first(5); }
std::span<const check::Rule> impact_rules() { return testing::sample_rules().last(2); }

}  // namespace

TEST_CASE("format junit: shared findings match tests/golden/shared/shared.junit.xml") {
  testing::check_golden("shared.junit.xml", render_junit(testing::shared_report(), check_rules(),
                                                         check::Severity::Error));
}

TEST_CASE("format junit: an empty run matches tests/golden/shared/empty.junit.xml") {
  testing::check_golden("empty.junit.xml", render_junit(testing::empty_report(), check_rules(),
                                                        check::Severity::Error));
}

TEST_CASE("format junit: hostile strings match tests/golden/shared/hostile.junit.xml") {
  testing::check_golden("hostile.junit.xml", render_junit(testing::hostile_report(), impact_rules(),
                                                          check::Severity::Error));
}

TEST_CASE("format junit: a run with no project still has one passing test case") {
  Report report = testing::empty_report();
  report.projects.clear();
  CHECK(render_junit(report, check_rules(), check::Severity::Error) ==
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        "<testsuites name=\"meshgraph check\" tests=\"1\" failures=\"0\" errors=\"0\">\n"
        "  <testsuite name=\"meshgraph\" tests=\"1\" failures=\"0\" errors=\"0\" skipped=\"0\">\n"
        "    <testcase name=\"meshgraph check\" classname=\"meshgraph\"/>\n"
        "  </testsuite>\n"
        "</testsuites>\n");
}

TEST_CASE("format junit: cases fail at the --fail-on level, as the exit code does") {
  const Report report = testing::shared_report();
  const std::string at_note = render_junit(report, check_rules(), check::Severity::Note);
  CHECK(at_note.find("tests=\"10\" failures=\"4\"") != std::string::npos);
  const std::string never = render_junit(report, check_rules(), std::nullopt);
  CHECK(never.find("<failure") == std::string::npos);
  CHECK(never.find("<system-out>") != std::string::npos);
}

}  // namespace meshgraph::report
