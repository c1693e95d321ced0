// The Mesh Council's policy as the rules read it; defaults apply where meshgraph.yml is silent.
// docs/config.md documents every key and its default.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

namespace meshgraph::check {

/// A calendar date (deprecation verdicts are made per day).
struct Date {
  int year = 0;
  int month = 0;
  int day = 0;
  auto operator<=>(const Date&) const = default;
};

/// policy.public_models: what every public model must have.
struct PublicModelPolicy {
  bool require_contract = true;
  bool require_owner = true;        ///< a group with an owner, or meta.owner
  bool require_description = true;  ///< the model and every one of its columns
};

/// policy.versions
struct VersionPolicy {
  int deprecation_warning_days = 90;
  bool require_pinned_cross_project_refs = false;
};

/// policy.impact (read by `meshgraph impact`).
struct ImpactPolicy {
  bool logic_change_requires_version = false;
};

struct Policy {
  /// The date deprecation verdicts are made on (--as-of; default today, UTC).
  Date as_of;
  /// policy.allowed_dependencies: consumer project → the projects it may ref. When absent,
  /// every project dependency is allowed (MESH203 is silent).
  std::optional<std::map<std::string, std::vector<std::string>>> allowed_dependencies;
  PublicModelPolicy public_models;
  VersionPolicy versions;
  ImpactPolicy impact;
};

}  // namespace meshgraph::check
