// `meshgraph check`: governance findings over the whole mesh.
#pragma once

#include <CLI/CLI.hpp>

#include <string>
#include <vector>

#include "cli/rule_options.hpp"

namespace meshgraph::cli {

struct CheckOptions {
  std::vector<std::string> inputs;
  std::string format = "text";
  std::string output;
  std::string fail_on = "error";
  RuleOptions rules;
};

/// Adds the subcommand; when it runs, its exit code is written to `exit_code`.
void add_check_command(CLI::App& app, int& exit_code);

int run_check(const CheckOptions& options);

}  // namespace meshgraph::cli
