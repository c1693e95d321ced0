// `meshgraph check INPUT...`: load the mesh, run the check rules, report.
#include "cli/check_command.hpp"

#include "check/policy.hpp"
#include "check/runner.hpp"
#include "cli/as_of_date.hpp"
#include "cli/load_mesh.hpp"
#include "cli/output_options.hpp"
#include "rules/registry.hpp"

namespace meshgraph::cli {

void add_check_command(CLI::App& app, int& exit_code) {
  auto options = std::make_shared<CheckOptions>();
  CLI::App* command = app.add_subcommand("check", "Check the mesh's governance: access, refs, cycles");
  command->footer(
      "Example:\n"
      "  meshgraph check fixtures/rainbow_road\n"
      "  meshgraph check finance/target/manifest.json platform/ --format json -o findings.json\n\n"
      "Each INPUT is a manifest.json, a dbt project folder (its target/manifest.json), or a folder\n"
      "searched for */target/manifest.json. Exit codes: 0 clean, 1 findings at or above --fail-on,\n"
      "2 could not run.");
  command->add_option("INPUT", options->inputs, "manifest.json files, dbt project folders, or mesh folders")
      ->required();
  add_output_options(*command, options->format, options->output, options->fail_on);
  command->add_option("--as-of", options->as_of,
                      "Judge deprecation dates as of YYYY-MM-DD (default: today, UTC)");
  command->callback([options, &exit_code] { exit_code = run_check(*options); });
}

int run_check(const CheckOptions& options) {
  check::Policy policy;
  policy.as_of = parse_as_of(options.as_of);
  // Load and graph first: every rule needs the whole mesh, and bad input must stop the run
  // before any report is written.
  const graph::MeshGraph mesh = load_mesh(options.inputs);
  const check::CheckContext context{mesh, policy};
  report::Report report{"check", summarise_projects(mesh), check::run_checks(rules::all_rules(), context)};
  return emit_report(report, options.format, options.output, options.fail_on);
}

}  // namespace meshgraph::cli
