// GitHub workflow commands: goldens, severity order, and no command a manifest string can start.
#include "report/github_report.hpp"

#include <doctest/doctest.h>

#include <sstream>

#include "golden.hpp"
#include "report_samples.hpp"

namespace meshgraph::report {

TEST_CASE("format github: shared findings match tests/golden/shared/shared.github.txt") {
  testing::check_golden("shared.github.txt", render_github(testing::shared_report()));
}

TEST_CASE("format github: an empty run matches tests/golden/shared/empty.github.txt") {
  testing::check_golden("empty.github.txt", render_github(testing::empty_report()));
}

TEST_CASE("format github: hostile strings match tests/golden/shared/hostile.github.txt") {
  testing::check_golden("hostile.github.txt", render_github(testing::hostile_report()));
}

TEST_CASE("format github: a hostile string gives one line per finding and starts no command") {
  std::istringstream lines(render_github(testing::hostile_report()));
  std::string line;
  std::vector<std::string> commands;
  while (std::getline(lines, line)) {
    if (line.starts_with("::")) commands.push_back(line.substr(0, line.find(' ')));
  }
  CHECK(commands == std::vector<std::string>{"::error", "::warning"});
}

TEST_CASE("format github: errors come first, so the annotations GitHub shows are the most severe") {
  const std::string out = render_github(testing::shared_report());
  CHECK(out.find("::error") < out.find("::warning"));
  CHECK(out.find("::warning") < out.find("::notice"));
}

TEST_CASE("format github: over ten of a kind, the summary says GitHub will not show them all") {
  Report report = testing::empty_report();
  report.diagnostics.assign(kGithubShownPerKind + 1, testing::shared_report().diagnostics.front());
  const std::string out = render_github(report);
  CHECK(out.ends_with(
      "meshgraph: 11 annotations (11 errors); GitHub shows at most 10 of each kind per step: the "
      "SARIF or JUnit report, or the job summary, has all of them\n"));
}

}  // namespace meshgraph::report
