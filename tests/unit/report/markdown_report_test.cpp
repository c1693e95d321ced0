// Markdown PR comment: goldens, the verdict, and GitHub's comment size limit.
#include "report/markdown_report.hpp"

#include <doctest/doctest.h>

#include "golden.hpp"
#include "report_samples.hpp"

namespace meshgraph::report {

namespace {

std::size_t code_points(std::string_view text) {
  std::size_t count = 0;
  for (const char c : text) count += (static_cast<unsigned char>(c) & 0xC0) != 0x80 ? 1 : 0;
  return count;
}

}  // namespace

TEST_CASE("format markdown: shared findings match tests/golden/shared/shared.md") {
  testing::check_golden("shared.md",
                        render_markdown(testing::shared_report(), check::Severity::Error));
}

TEST_CASE("format markdown: an empty run matches tests/golden/shared/empty.md") {
  testing::check_golden("empty.md",
                        render_markdown(testing::empty_report(), check::Severity::Error));
}

TEST_CASE("format markdown: hostile strings match tests/golden/shared/hostile.md") {
  testing::check_golden("hostile.md",
                        render_markdown(testing::hostile_report(), check::Severity::Error));
}

TEST_CASE("format markdown: the verdict follows --fail-on") {
  const Report report = testing::shared_report();
  CHECK(render_markdown(report, check::Severity::Error)
            .starts_with("<!-- meshgraph -->\n### ❌ meshgraph check failed: 2 errors, 1 warning, 1 "
                         "note, 1 in the baseline\n"));
  CHECK(render_markdown(report, std::nullopt)
            .starts_with("<!-- meshgraph -->\n### ✅ meshgraph check passed: 2 errors, 1 warning, 1 "
                         "note, 1 in the baseline, none at "
                         "--fail-on never\n"));
}

TEST_CASE(
    "format markdown: a comment never exceeds GitHub's limit and says how many were left out") {
  Report report = testing::shared_report();
  check::Diagnostic long_finding = report.diagnostics.front();
  long_finding.message = std::string(500, 'x') + " ✓";
  report.diagnostics.assign(1'000, long_finding);
  const std::string comment = render_markdown(report, check::Severity::Error);
  CHECK(code_points(comment) <= kMarkdownMaxCodePoints);
  CHECK(comment.find("</details>\n\n… ") != std::string::npos);
  CHECK(comment.ends_with(
      " more findings not shown: a GitHub comment holds at most 65536 characters. The JSON and "
      "SARIF reports have all of them.\n"));
}

}  // namespace meshgraph::report
