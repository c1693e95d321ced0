// Options shared by every command that runs rules (check, impact): the policy file, --as-of,
// --select/--ignore and the baseline. They become a Config and RunSettings here, once.
#pragma once

#include <CLI/CLI.hpp>

#include <string>
#include <vector>

#include "check/run_settings.hpp"
#include "config/config.hpp"

namespace meshgraph::cli {

struct RuleOptions {
  std::string config;
  std::string as_of;
  std::string select;
  std::string ignore;
  std::string baseline;
  std::string write_baseline;
};

void add_rule_options(CLI::App& command, RuleOptions& options);

/// The policy file (found or given), with --as-of applied to its policy.
config::Config load_config(const RuleOptions& options, const std::vector<std::string>& inputs);

/// The manifests to read: the command line's INPUTs, plus the policy file's `projects:`
/// (relative to the policy file). Throws CLI::ValidationError when there are none.
std::vector<std::string> mesh_inputs(const config::Config& config, const std::vector<std::string>& inputs);

/// Selection, severities, waivers and the baseline. Unknown rule names are usage errors with
/// the nearest valid name.
check::RunSettings make_run_settings(const RuleOptions& options, const config::Config& config);

/// The ids of the rules a run with `settings` runs: check rules, or impact rules.
std::vector<std::string> rules_run(const check::RunSettings& settings, bool impact);

}  // namespace meshgraph::cli
