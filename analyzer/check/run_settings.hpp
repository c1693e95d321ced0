// What the runner applies around the rules: which run, at which severity, which findings are
// waived by the council or already known (baseline).
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "check/policy.hpp"
#include "check/severity.hpp"

namespace meshgraph::check {

/// A council-approved waiver: findings of `rule` on node `node` are not reported until
/// `expires` (inclusive); after it, they are back with a note saying the waiver expired.
struct Waiver {
  std::string rule;  ///< rule id
  std::string node;  ///< unique_id
  std::string reason;
  std::optional<Date> expires;
};

/// A finding recorded by --write-baseline. Matched on rule, unique_id and related nodes,
/// never on line numbers, which move with every edit.
struct BaselineEntry {
  std::string rule;
  std::string unique_id;
  std::vector<std::string> related;
  auto operator<=>(const BaselineEntry&) const = default;
};

struct RunSettings {
  std::vector<std::string> selected;  ///< rule ids to run; empty means every rule
  std::vector<std::string> ignored;   ///< rule ids not to run
  std::map<std::string, std::optional<Severity>> severities;  ///< nullopt: off
  std::vector<Waiver> waivers;
  std::vector<BaselineEntry> baseline;
};

}  // namespace meshgraph::check
