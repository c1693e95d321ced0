// Which constraint types each adapter enforces: dbt counts only the removal of an *enforced*
// constraint as a breaking contract change (semantics §4.2). Kept as data, with its source.
#pragma once

#include <string_view>

namespace meshgraph::impact {

/// True when `adapter_type` (metadata.adapter_type) enforces constraints of `constraint_type`
/// (not_null, unique, primary_key, foreign_key, check, custom). Unknown adapters use dbt's
/// base defaults; `custom` is never enforced.
bool is_enforced_constraint(std::string_view adapter_type, std::string_view constraint_type);

/// True when meshgraph has a row for this adapter (else the defaults were used: say so).
bool is_known_adapter(std::string_view adapter_type);

}  // namespace meshgraph::impact
