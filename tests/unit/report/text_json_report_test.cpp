// The text and JSON renderers on the same shared, empty and hostile reports as every format.
#include <doctest/doctest.h>

#include "golden.hpp"
#include "report/json_report.hpp"
#include "report/text_report.hpp"
#include "report_samples.hpp"

namespace meshgraph::report {

TEST_CASE("format text: shared, empty and hostile reports match their goldens") {
  testing::check_golden("shared.txt", render_text(testing::shared_report()));
  testing::check_golden("empty.txt", render_text(testing::empty_report()));
  testing::check_golden("hostile.txt", render_text(testing::hostile_report()));
}

TEST_CASE("format json: shared, empty and hostile reports match their goldens") {
  testing::check_golden("shared.json", render_json(testing::shared_report()));
  testing::check_golden("empty.json", render_json(testing::empty_report()));
  testing::check_golden("hostile.json", render_json(testing::hostile_report()));
}

}  // namespace meshgraph::report
