// Calendar dates as dbt writes them (deprecation_date) and as users type them (--as-of).
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "check/policy.hpp"

namespace meshgraph::check {

/// Reads the date part of `YYYY-MM-DD[THH:MM:SS…]`; nullopt when it is not a real date.
std::optional<Date> parse_date(std::string_view text);

std::string format_date(const Date& date);

/// `date` plus `days` calendar days; `date` itself when it is not a real date (an unset as_of).
Date add_days(const Date& date, int days);

}  // namespace meshgraph::check
