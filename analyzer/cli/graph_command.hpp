// `meshgraph graph`: the mesh as a diagram (DOT, SVG, PNG, PDF, Mermaid, HTML), at project or
// model level, optionally coloured by findings or by a pull request's blast radius.
#pragma once

#include <CLI/CLI.hpp>
#include <cstddef>
#include <string>
#include <vector>

#include "cli/rule_options.hpp"

namespace meshgraph::cli {

struct GraphOptions {
  std::vector<std::string>
      inputs;                     ///< the mesh; with --highlight impact, the pull request's (head)
  std::vector<std::string> head;  ///< more head manifests (same as INPUT)
  std::vector<std::string> base;  ///< the main branch, for --highlight impact
  std::string level = "project";
  std::string format;  ///< empty: from --output's extension, else dot
  std::string output;
  std::string highlight;  ///< "", check or impact
  std::string focus;
  bool has_focus = false;
  std::size_t max_nodes = 2000;
  RuleOptions rules;  ///< --config, --as-of, --select, --ignore
};

void add_graph_command(CLI::App& app, int& exit_code);

/// Draws the diagram and writes it; returns 0. Errors are thrown (InputError, CLI errors).
int run_graph(const GraphOptions& options);

}  // namespace meshgraph::cli
