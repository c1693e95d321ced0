// docs/rules.md, generated from the registry (never edited by hand).
#pragma once

#include <span>
#include <string>

#include "check/rule.hpp"

namespace meshgraph::report {

/// The rules reference: an index table, then each rule's full doc.
std::string render_rules_markdown(std::span<const check::Rule> rules);

}  // namespace meshgraph::report
