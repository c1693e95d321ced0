// The machine format: one JSON object, documented in docs/json-output.md (a contract).
#pragma once

#include <string>

#include "report/report.hpp"

namespace meshgraph::report {

std::string render_json(const Report& report);

}  // namespace meshgraph::report
