// `meshgraph check INPUT...`: load the mesh, run the check rules, report.
#include "cli/check_command.hpp"

#include "check/policy.hpp"
#include "check/runner.hpp"
#include "cli/load_mesh.hpp"
#include "cli/output_options.hpp"
#include "cli/output_paths.hpp"
#include "config/config_reader.hpp"
#include "report/baseline_writer.hpp"
#include "report/output_file.hpp"
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
  command->add_option("INPUT", options->inputs,
                      "manifest.json files, dbt project folders, or mesh folders (optional when "
                      "meshgraph.yml lists the projects)");
  add_output_options(*command, options->format, options->output, options->fail_on);
  add_rule_options(*command, options->rules);
  command->callback([options, &exit_code] { exit_code = run_check(*options); });
}

int run_check(const CheckOptions& options) {
  // The policy first: a bad policy file or rule name stops the run before any work.
  const config::Config config = load_config(options.rules, options.inputs);
  const check::RunSettings settings = make_run_settings(options.rules, config);
  // Load and graph next: every rule needs the whole mesh, and bad input must stop the run
  // before any report is written. Only what check's rules read is kept of each node.
  const graph::MeshGraph mesh =
      load_mesh(mesh_inputs(config, options.inputs), config.exclude, load::Detail::Check);
  check_config_against_mesh(config, mesh);
  // Before anything is written: every output can be written, and none is a file read.
  std::vector<OutputPath> outputs = report_outputs(options.format, options.output);
  outputs.push_back({options.rules.write_baseline, "--write-baseline"});
  check_outputs(outputs, files_read({&mesh}, config, options.rules.baseline));
  const check::CheckContext context{mesh, config.policy};
  check::RunResult result = check::run_checks(rules::all_rules(), context, settings);
  if (!options.rules.write_baseline.empty()) {
    report::write_output(options.rules.write_baseline, report::render_baseline(result.diagnostics),
                         "--write-baseline");
  }
  const report::Report report{"check", summarise_projects(mesh), std::move(result.diagnostics), result.waived, {},
                               rules_run(settings, false)};
  return emit_report(report, options.format, options.output, options.fail_on);
}

}  // namespace meshgraph::cli
