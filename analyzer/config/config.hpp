// meshgraph.yml, the Mesh Council's policy file, as read: the policy the rules see, plus what
// the runner applies around them (severities, waivers) and where each name was written.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "check/policy.hpp"
#include "check/run_settings.hpp"
#include "check/severity.hpp"
#include "load/input_error.hpp"

namespace meshgraph::config {

/// A name the file mentions, with where, so a later check (a project that is not in the mesh)
/// can point at it.
struct NamedAt {
  std::string name;
  load::TextPosition position;
};

struct Config {
  std::string path;  ///< the file read; empty when no file was found (defaults apply)
  /// projects: name → manifest path, relative to the config file's folder as written.
  std::map<std::string, std::string> projects;
  /// exclude: folders the search for */target/manifest.json skips (e.g. pull-request copies of
  /// projects kept beside the mesh), resolved against the policy file's folder.
  std::vector<std::string> exclude;
  check::Policy policy;
  /// rules: id → severity; nullopt means `off`.
  std::map<std::string, std::optional<check::Severity>> rule_severities;
  std::vector<check::Waiver> exceptions;
  /// Every project name the file mentions (projects:, allowed_dependencies), for validation.
  std::vector<NamedAt> project_mentions;
};

}  // namespace meshgraph::config
