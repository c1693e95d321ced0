// GitLab Code Quality: goldens; the schema checks are in tests/formats/.
#include "report/gitlab_report.hpp"

#include <doctest/doctest.h>

#include "golden.hpp"
#include "report_samples.hpp"

namespace meshgraph::report {

TEST_CASE("format gitlab: shared findings match tests/golden/shared/shared.gitlab.json") {
  testing::check_golden("shared.gitlab.json", render_gitlab(testing::shared_report()));
}

TEST_CASE("format gitlab: an empty run is an empty array") {
  testing::check_golden("empty.gitlab.json", render_gitlab(testing::empty_report()));
}

TEST_CASE("format gitlab: hostile strings match tests/golden/shared/hostile.gitlab.json") {
  testing::check_golden("hostile.gitlab.json", render_gitlab(testing::hostile_report()));
}

}  // namespace meshgraph::report
