// Renders blast radii for terminals; every name is escaped, and long lists are cut with a count.
#include "report/impact_text.hpp"

#include <fmt/format.h>
#include <algorithm>
#include <vector>

#include "report/escape.hpp"

namespace meshgraph::report {

namespace {

/// Consumer paths shown per finding; the rest is counted, and JSON has them all.
constexpr std::size_t kMaxPaths = 20;

std::string plural(std::size_t count, std::string_view word) {
  return fmt::format("{} {}{}", count, word, count == 1 ? "" : "s");
}

/// `exposure.people_ops.dashboard` → "exposure people_ops.dashboard"; a model → "people_ops.m".
std::string short_name(const std::string& unique_id) {
  const std::size_t type_end = unique_id.find('.');
  const std::string rest = unique_id.substr(type_end + 1);
  return unique_id.starts_with("model.") ? rest : unique_id.substr(0, type_end) + " " + rest;
}

bool extends(const impact::ConsumerPath& longer, const impact::ConsumerPath& shorter) {
  return longer.hops.size() > shorter.hops.size() &&
         std::equal(shorter.hops.begin(), shorter.hops.end(), longer.hops.begin());
}

}  // namespace

std::string render_impact_text(const impact::ImpactEntry& entry) {
  const impact::Downstream& downstream = entry.downstream;
  if (downstream.paths.empty()) return "";
  std::vector<std::string> reached;
  if (!downstream.models.empty()) reached.push_back(plural(downstream.models.size(), "model"));
  if (!downstream.exposures.empty()) reached.push_back(plural(downstream.exposures.size(), "exposure"));
  std::string out = fmt::format("  impact: {} in {}\n", fmt::join(reached, " and "),
                                plural(downstream.projects.size(), "project"));
  std::vector<std::string> lines;
  for (const impact::ConsumerPath& path : downstream.paths) {
    const bool is_leaf = std::none_of(downstream.paths.begin(), downstream.paths.end(),
                                      [&](const impact::ConsumerPath& other) { return extends(other, path); });
    if (!is_leaf) continue;
    std::string line;
    for (const std::string& hop : path.hops) line += (line.empty() ? "" : " -> ") + short_name(hop);
    lines.push_back(std::move(line));
  }
  std::sort(lines.begin(), lines.end());
  for (std::size_t i = 0; i < lines.size() && i < kMaxPaths; ++i) {
    out += fmt::format("    {}\n", escape_terminal(lines[i]));
  }
  if (lines.size() > kMaxPaths) {
    out += fmt::format("    … and {} more (all of them are in --format json)\n", lines.size() - kMaxPaths);
  }
  if (!downstream.owners.empty()) {
    out += fmt::format("  owners to notify: {}\n", escape_terminal(fmt::format("{}", fmt::join(downstream.owners, "; "))));
  }
  return out;
}

}  // namespace meshgraph::report
