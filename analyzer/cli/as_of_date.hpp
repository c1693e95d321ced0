// --as-of: the date deprecation verdicts are made on, so CI runs are reproducible.
#pragma once

#include <string>

#include "check/policy.hpp"

namespace meshgraph::cli {

/// Parses YYYY-MM-DD; "" means today (UTC). Throws CLI::ValidationError on a bad date.
check::Date parse_as_of(const std::string& text);

}  // namespace meshgraph::cli
