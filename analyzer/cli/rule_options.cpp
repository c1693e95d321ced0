// Turns rule-related options and meshgraph.yml into what the runner applies.
#include "cli/rule_options.hpp"

#include <fmt/format.h>

#include <filesystem>
#include <sstream>

#include "cli/as_of_date.hpp"
#include "config/config_reader.hpp"
#include "check/runner.hpp"
#include "load/baseline_reader.hpp"
#include "rules/registry.hpp"

namespace meshgraph::cli {

namespace {

config::RuleLookup registry_lookup() {
  return config::RuleLookup{
      [](std::string_view text) -> std::optional<std::string> {
        const check::Rule* rule = rules::find_rule(text);
        if (rule == nullptr) return std::nullopt;
        return std::string(rule->info.id);
      },
      [](std::string_view text) { return rules::nearest_rule(text); }};
}

std::vector<std::string> parse_rule_list(const std::string& list, const std::string& option) {
  std::vector<std::string> ids;
  std::stringstream stream(list);
  std::string item;
  while (std::getline(stream, item, ',')) {
    if (item.empty()) continue;
    const check::Rule* rule = rules::find_rule(item);
    if (rule == nullptr) {
      const std::string_view nearest = rules::nearest_rule(item);
      throw CLI::ValidationError(option, fmt::format("unknown rule '{}'{}", item,
                                                     nearest.empty() ? "" : fmt::format("; did you mean '{}'?", nearest)));
    }
    ids.emplace_back(rule->info.id);
  }
  return ids;
}

}  // namespace

void add_rule_options(CLI::App& command, RuleOptions& options) {
  command.add_option("--config", options.config,
                     "The policy file (default: meshgraph.yml here, or in the folder holding the INPUTs)");
  command.add_option("--as-of", options.as_of,
                     "Judge deprecation dates and waivers as of YYYY-MM-DD (default: today, UTC)");
  command.add_option("--select", options.select, "Run only these rules: ids or names, comma-separated");
  command.add_option("--ignore", options.ignore, "Do not run these rules: ids or names, comma-separated");
  command.add_option("--baseline", options.baseline,
                     "Findings already in FILE are shown as baseline and never fail the run");
  command.add_option("--write-baseline", options.write_baseline, "Record today's findings in FILE");
}

config::Config load_config(const RuleOptions& options, const std::vector<std::string>& inputs) {
  config::Config config;
  if (std::optional<std::string> path = config::find_config(options.config, inputs)) {
    config = config::read_config(*path, registry_lookup());
  }
  config.policy.as_of = parse_as_of(options.as_of);
  return config;
}

std::vector<std::string> mesh_inputs(const config::Config& config, const std::vector<std::string>& inputs) {
  std::vector<std::string> all = inputs;
  const std::filesystem::path folder = std::filesystem::path(config.path).parent_path();
  for (const auto& [project, manifest] : config.projects) {
    all.push_back((folder / manifest).lexically_normal().generic_string());
  }
  if (all.empty()) {
    throw CLI::ValidationError("INPUT", "no manifests to read: give INPUTs, or list them under 'projects:' in meshgraph.yml");
  }
  return all;
}

check::RunSettings make_run_settings(const RuleOptions& options, const config::Config& config) {
  check::RunSettings settings;
  settings.selected = parse_rule_list(options.select, "--select");
  settings.ignored = parse_rule_list(options.ignore, "--ignore");
  settings.severities = config.rule_severities;
  settings.waivers = config.exceptions;
  if (!options.baseline.empty()) settings.baseline = load::read_baseline(options.baseline);
  return settings;
}

std::vector<std::string> rules_run(const check::RunSettings& settings, bool impact) {
  std::vector<std::string> ids;
  for (const check::Rule& rule : rules::all_rules()) {
    const bool has_function = impact ? rule.impact != nullptr : rule.check != nullptr;
    if (has_function && check::is_selected(rule.info, settings)) ids.emplace_back(rule.info.id);
  }
  return ids;
}

}  // namespace meshgraph::cli
