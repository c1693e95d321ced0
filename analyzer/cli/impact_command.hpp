// `meshgraph impact`: breaking changes in a pull request, and everyone downstream of them.
#pragma once

#include <CLI/CLI.hpp>

#include <string>
#include <vector>

#include "cli/rule_options.hpp"

namespace meshgraph::cli {

struct ImpactOptions {
  std::vector<std::string> base;
  std::vector<std::string> head;
  std::string format = "text";
  std::string output;
  std::string fail_on = "error";
  RuleOptions rules;
};

void add_impact_command(CLI::App& app, int& exit_code);

int run_impact(const ImpactOptions& options);

}  // namespace meshgraph::cli
