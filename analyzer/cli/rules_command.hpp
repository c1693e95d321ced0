// `meshgraph rules [ID|NAME]`: the rule list, or one rule's documentation.
#pragma once

#include <CLI/CLI.hpp>

namespace meshgraph::cli {

void add_rules_command(CLI::App& app, int& exit_code);

}  // namespace meshgraph::cli
