// Test support: run one rule over a fixture folder under fixtures/rules/.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "check/diagnostic.hpp"
#include "check/policy.hpp"
#include "check/rule.hpp"
#include "load/manifest.hpp"

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

/// The findings of `rule` alone over the mesh of `manifests`, sorted: for meshes a test builds
/// in memory (see manifest_text).
std::vector<check::Diagnostic> check_rule_on(const check::Rule& rule, std::vector<load::Manifest> manifests,
                                             const check::Policy& policy = {});

/// The text of a v12 manifest.json of `project` whose `nodes` section is `nodes_json` (a JSON
/// object, unique_id → node), with no sources or exposures.
std::string manifest_text(std::string_view project, std::string_view nodes_json);

/// A default policy judged as of `date` (rules about deprecation dates need one).
check::Policy policy_as_of(check::Date date);

}  // namespace meshgraph::testing
