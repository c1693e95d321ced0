// Reads meshgraph.yml with yaml-cpp. Every error names the file, line and column, and offers the
// nearest valid key or rule name.
#pragma once

#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "config/config.hpp"

namespace meshgraph::config {

/// Resolves a rule id or name to its id; nullopt when unknown. Given by the caller, so this
/// reader does not depend on the rule registry.
struct RuleLookup {
  std::function<std::optional<std::string>(std::string_view)> resolve;
  std::function<std::string_view(std::string_view)> nearest;
};

/// Reads the policy file at `path`. Throws load::InputError with line:col for bad YAML,
/// unknown keys, wrong types, unknown rules, severities or dates.
Config read_config(const std::string& path, const RuleLookup& rules);

/// The file to read: `explicit_path` when given, else meshgraph.yml in the current folder,
/// else in the common parent folder of the inputs; nullopt when there is none.
std::optional<std::string> find_config(const std::string& explicit_path,
                                       const std::vector<std::string>& inputs);

/// Checks that every project the config names is a project of the mesh. Throws InputError
/// at the first unknown one, with the nearest project name.
void check_project_names(const Config& config, const std::vector<std::string>& mesh_projects);

}  // namespace meshgraph::config
