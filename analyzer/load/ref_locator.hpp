// Finds where each `ref(...)` call stands in a node's SQL, so findings can point at it.
#pragma once

#include <string_view>
#include <vector>

#include "load/manifest.hpp"

namespace meshgraph::load {

/// Sets line and column on each ref by matching it, in order, with the `ref(...)` calls in
/// `raw_code`. dbt records refs in call order and does not deduplicate them, so the n-th
/// ref with given arguments is the n-th call with those arguments. Refs whose call cannot be
/// found (built by Jinja, or in a macro) keep line 0.
void locate_refs(std::string_view raw_code, std::vector<Ref>& refs);

}  // namespace meshgraph::load
