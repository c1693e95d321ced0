// The Mesh Council's policy as the rules read it; defaults apply where meshgraph.yml is silent.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

namespace meshgraph::check {

/// A calendar date, compared as YYYY-MM-DD text.
struct Date {
  int year = 0;
  int month = 0;
  int day = 0;
  auto operator<=>(const Date&) const = default;
};

struct Policy {
  /// The date deprecation verdicts are made on (--as-of; default today, UTC).
  Date as_of;
};

}  // namespace meshgraph::check
