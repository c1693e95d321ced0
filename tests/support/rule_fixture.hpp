// Test support: run one rule over a fixture folder under fixtures/rules/.
#pragma once

#include <string_view>
#include <vector>

#include "check/diagnostic.hpp"
#include "check/policy.hpp"
#include "check/rule.hpp"

namespace meshgraph::testing {

/// Loads every manifest under fixtures/rules/<fixture> (e.g. "mesh001/violates"), builds the
/// mesh and returns the findings of `rule` alone, sorted.
std::vector<check::Diagnostic> check_rule_fixture(const check::Rule& rule, std::string_view fixture,
                                                  const check::Policy& policy = {});

/// Loads fixtures/rules/<fixture>/base and …/head (each a folder of projects, as --base and
/// --head take them: projects missing from head are taken from base) and returns the findings
/// of the impact rule `rule` alone, sorted.
std::vector<check::Diagnostic> impact_rule_fixture(const check::Rule& rule, std::string_view fixture,
                                                   const check::Policy& policy = {});

/// A default policy judged as of `date` (rules about deprecation dates need one).
check::Policy policy_as_of(check::Date date);

}  // namespace meshgraph::testing
