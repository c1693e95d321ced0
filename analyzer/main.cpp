// meshgraph: reads every project's manifest.json, builds one graph of the dbt Mesh, and reports
// governance findings. main only wires the stages; each subcommand lives in cli/.
#include <CLI/CLI.hpp>
#include <fmt/format.h>

#include <cstdio>
#include <exception>

#include "cli/check_command.hpp"
#include "cli/graph_command.hpp"
#include "cli/impact_command.hpp"
#include "cli/rules_command.hpp"
#include "load/input_error.hpp"
#include "report/escape.hpp"
#include "report/version.hpp"

namespace {

/// Exit code for "could not run": bad usage, unreadable or malformed input, internal error.
constexpr int kCouldNotRun = 2;

void print_input_error(const meshgraph::load::InputError& error) {
  using meshgraph::report::escape_terminal;
  std::string where = escape_terminal(error.file());
  if (error.position()) where += fmt::format(":{}:{}", error.position()->line, error.position()->column);
  fmt::print(stderr, "meshgraph: error: {}: {}\n", where, escape_terminal(error.what()));
  if (!error.help().empty()) fmt::print(stderr, "  help: {}\n", escape_terminal(error.help()));
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{"meshgraph: governance, impact and diagrams for a dbt Mesh", "meshgraph"};
  app.set_version_flag("--version", std::string(meshgraph::report::kVersion));
  app.require_subcommand(1);
  // Usage errors in the same shape as every other error, with the way to the right --help.
  app.failure_message([](const CLI::App* top, const CLI::Error& error) {
    std::string command = "meshgraph";
    for (const CLI::App* sub : top->get_subcommands()) command += " " + sub->get_name();
    return fmt::format("meshgraph: error: {}\n  help: run '{} --help' for usage and examples\n",
                       error.what(), command);
  });
  int exit_code = 0;
  // One subcommand per file in cli/; each callback stores its exit code here.
  meshgraph::cli::add_check_command(app, exit_code);
  meshgraph::cli::add_impact_command(app, exit_code);
  meshgraph::cli::add_graph_command(app, exit_code);
  meshgraph::cli::add_rules_command(app, exit_code);
  try {
    app.parse(argc, argv);
  } catch (const CLI::Success& success) {
    return app.exit(success);  // --help, --version
  } catch (const CLI::ParseError& error) {
    app.exit(error);
    return kCouldNotRun;
  } catch (const meshgraph::load::InputError& error) {
    // Bad input is the user's to fix: one clear message naming the file, never a crash.
    print_input_error(error);
    return kCouldNotRun;
  } catch (const std::exception& error) {
    fmt::print(stderr, "meshgraph: internal error: {}\n", error.what());
    return kCouldNotRun;
  }
  return exit_code;
}
