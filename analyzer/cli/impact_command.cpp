// `meshgraph impact --base … --head …`: load both meshes, run the impact rules, report each
// flagged change with its blast radius.
#include "cli/impact_command.hpp"

#include "cli/load_mesh.hpp"
#include "cli/output_options.hpp"
#include "cli/output_paths.hpp"
#include "impact/impact_runner.hpp"
#include "report/baseline_writer.hpp"
#include "report/output_file.hpp"
#include "rules/registry.hpp"

namespace meshgraph::cli {

void add_impact_command(CLI::App& app, int& exit_code) {
  auto options = std::make_shared<ImpactOptions>();
  CLI::App* command = app.add_subcommand(
      "impact", "Compare a pull request's manifests with the main branch: breaking changes and their blast radius");
  command->footer(
      "Example:\n"
      "  meshgraph impact --base fixtures/rainbow_road --head fixtures/rainbow_road/pr/emergency\n"
      "  meshgraph impact --base main-manifests/ --head data_platform/target/manifest.json --format json\n\n"
      "--base takes every project's manifest as on the main branch (what dbt --state uses); --head the\n"
      "manifests built from the pull request. A project in --base but not in --head is taken unchanged\n"
      "from --base, so a CI job needs only the changed project's new manifest. Nodes are matched by\n"
      "unique_id; a rename is a removal plus an addition. Exit codes: 0 clean, 1 findings at or above\n"
      "--fail-on, 2 could not run.");
  command->add_option("--base", options->base, "The main branch's manifests: files, project folders or mesh folders")
      ->required();
  command->add_option("--head", options->head, "The pull request's manifests (only the changed projects are needed)")
      ->required();
  add_output_options(*command, options->format, options->output, options->fail_on);
  add_rule_options(*command, options->rules);
  command->callback([options, &exit_code] { exit_code = run_impact(*options); });
}

int run_impact(const ImpactOptions& options) {
  // The policy first (found beside the base INPUTs): a bad file stops the run before any work.
  const config::Config config = load_config(options.rules, options.base);
  const check::RunSettings settings = make_run_settings(options.rules, config);
  const impact::MeshPair meshes = impact::load_mesh_pair(options.base, options.head, config.exclude);
  check_config_against_mesh(config, meshes.head);
  // Before anything is written: every output can be written, and none is a file read.
  std::vector<OutputPath> outputs = report_outputs(options.format, options.output);
  outputs.push_back({options.rules.write_baseline, "--write-baseline"});
  check_outputs(outputs,
                            files_read({&meshes.base, &meshes.head}, config, options.rules.baseline));
  const check::ImpactContext context{meshes.base, meshes.head, config.policy};
  check::RunResult result = impact::run_impact_rules(rules::all_rules(), context, settings);
  if (!options.rules.write_baseline.empty()) {
    report::write_output(options.rules.write_baseline, report::render_baseline(result.diagnostics),
                         "--write-baseline");
  }
  report::Report report{"impact", summarise_projects(meshes.head), std::move(result.diagnostics), result.waived, {},
                          rules_run(settings, true)};
  report.impact = impact::describe_impact(report.diagnostics, meshes.base, meshes.head);
  return emit_report(report, options.format, options.output, options.fail_on);
}

}  // namespace meshgraph::cli
