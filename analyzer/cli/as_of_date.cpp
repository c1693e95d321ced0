// Dates for --as-of.
#include "cli/as_of_date.hpp"

#include <CLI/CLI.hpp>

#include <chrono>

#include "check/dates.hpp"

namespace meshgraph::cli {

check::Date parse_as_of(const std::string& text) {
  if (text.empty()) {
    const std::chrono::year_month_day today{
        std::chrono::floor<std::chrono::days>(std::chrono::system_clock::now())};
    return check::Date{static_cast<int>(today.year()), static_cast<int>(unsigned(today.month())),
                       static_cast<int>(unsigned(today.day()))};
  }
  std::optional<check::Date> date = check::parse_date(text);
  if (!date) {
    throw CLI::ValidationError("--as-of", "'" + text + "' is not a date; write it as YYYY-MM-DD");
  }
  return *date;
}

}  // namespace meshgraph::cli
