// Date parsing. A deprecation_date's time and offset are dropped: verdicts are per day.
#include "check/dates.hpp"

#include <fmt/format.h>

#include <charconv>
#include <chrono>

namespace meshgraph::check {

std::optional<Date> parse_date(std::string_view text) {
  if (text.size() < 10 || text[4] != '-' || text[7] != '-') return std::nullopt;
  if (text.size() > 10 && text[10] != 'T' && text[10] != ' ') return std::nullopt;
  Date date;
  auto number = [&](std::size_t at, std::size_t length, int& out) {
    const char* begin = text.data() + at;
    const auto [end, error] = std::from_chars(begin, begin + length, out);
    return error == std::errc() && end == begin + length;
  };
  if (!number(0, 4, date.year) || !number(5, 2, date.month) || !number(8, 2, date.day)) {
    return std::nullopt;
  }
  const std::chrono::year_month_day ymd{std::chrono::year(date.year),
                                        std::chrono::month(static_cast<unsigned>(date.month)),
                                        std::chrono::day(static_cast<unsigned>(date.day))};
  if (!ymd.ok()) return std::nullopt;
  return date;
}

Date add_days(const Date& date, int days) {
  const std::chrono::year_month_day day{std::chrono::year(date.year),
                                        std::chrono::month(static_cast<unsigned>(date.month)),
                                        std::chrono::day(static_cast<unsigned>(date.day))};
  if (!day.ok()) return date;
  const std::chrono::year_month_day later{std::chrono::sys_days(day) + std::chrono::days(days)};
  return Date{static_cast<int>(later.year()),
              static_cast<int>(static_cast<unsigned>(later.month())),
              static_cast<int>(static_cast<unsigned>(later.day()))};
}

std::string format_date(const Date& date) {
  return fmt::format("{:04}-{:02}-{:02}", date.year, date.month, date.day);
}

}  // namespace meshgraph::check
