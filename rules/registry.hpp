// The registry of every rule meshgraph has: the source of --select/--ignore, `meshgraph rules`,
// SARIF rules[] and docs/rules.md.
#pragma once

#include <span>
#include <string_view>

#include "check/rule.hpp"

namespace meshgraph::rules {

/// Every rule, sorted by id.
std::span<const check::Rule> all_rules();

/// The rule with this id (MESH001, case-insensitive) or name (private-ref-outside-group).
const check::Rule* find_rule(std::string_view id_or_name);

/// The registered id or name closest to `text`, for "did you mean" (empty when none is close).
std::string_view nearest_rule(std::string_view text);

}  // namespace meshgraph::rules
