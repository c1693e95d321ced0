// `meshgraph graph INPUT...`: load the mesh (and --base), pick the nodes (--focus), attach the
// findings or the blast radius, build the diagram, write it in the asked format.
#include "cli/graph_command.hpp"

#include <fmt/format.h>
#include <unistd.h>

#include <cstdio>
#include <filesystem>
#include <map>
#include <optional>

#include "check/runner.hpp"
#include "check/spelling.hpp"
#include "cli/load_mesh.hpp"
#include "cli/output_paths.hpp"
#include "graph/selector.hpp"
#include "impact/impact_runner.hpp"
#include "load/input_error.hpp"
#include "report/draw_diagram.hpp"
#include "report/draw_dot.hpp"
#include "report/draw_graphviz.hpp"
#include "report/draw_html.hpp"
#include "report/draw_mermaid.hpp"
#include "report/output_file.hpp"
#include "rules/registry.hpp"

namespace meshgraph::cli {

namespace {

constexpr std::string_view kSelectorHelp =
    "a selector is NAME (a model; NAME.v2 for one version), project:NAME, group:NAME or "
    "access:public|protected|private, "
    "with '+' (or 'N+') before for ancestors and '+' (or '+N') after for descendants; separate "
    "several with spaces";

/// A term that matches nothing lists the valid words when there are this few (projects, methods).
constexpr std::size_t kListedCandidates = 8;

/// The format --output's extension names, when --format is not given.
std::string format_for(const GraphOptions& options) {
  if (!options.format.empty()) return options.format;
  static const std::map<std::string, std::string> by_extension{
      {".dot", "dot"},         {".gv", "dot"},    {".svg", "svg"},
      {".png", "png"},         {".pdf", "pdf"},   {".mmd", "mermaid"},
      {".mermaid", "mermaid"}, {".html", "html"}, {".htm", "html"}};
  auto found = by_extension.find(std::filesystem::path(options.output).extension().string());
  return found == by_extension.end() ? "dot" : found->second;
}

void check_usage(const GraphOptions& options, const std::string& format) {
  if (options.highlight == "impact" && options.base.empty()) {
    throw CLI::ValidationError("--highlight impact",
                               "needs --base, the main branch's manifests to compare INPUT with");
  }
  if (options.highlight != "impact" && !options.base.empty()) {
    throw CLI::ValidationError("--base", "only applies with --highlight impact");
  }
  if (options.highlight != "impact" && !options.head.empty()) {
    throw CLI::ValidationError("--head", "only applies with --highlight impact");
  }
  const bool is_binary = format == "png" || format == "pdf";
  const bool is_stdout = options.output.empty() || options.output == "-";
  if (is_binary && is_stdout && ::isatty(::fileno(stdout)) != 0) {
    throw CLI::ValidationError(
        "--format",
        fmt::format("{} is binary: give --output FILE or redirect standard output", format));
  }
}

/// The nodes --focus picks; errors point at the column of the selector the user typed.
std::optional<std::vector<graph::NodeId>> select_focus(const GraphOptions& options,
                                                       const graph::MeshGraph& mesh) {
  if (!options.has_focus) return std::nullopt;
  try {
    return graph::select_nodes(mesh, graph::parse_selector(options.focus));
  } catch (const graph::SelectorError& error) {
    std::vector<std::string_view> candidates(error.candidates().begin(), error.candidates().end());
    const std::string_view nearest =
        error.word().empty() ? "" : check::nearest_spelling(error.word(), candidates);
    std::string message = fmt::format("invalid selector '{}': {}", options.focus, error.what());
    if (!nearest.empty()) {
      message += fmt::format("; did you mean '{}'?", nearest);
    } else if (!candidates.empty() && candidates.size() <= kListedCandidates) {
      message += fmt::format(" (valid: '{}')", fmt::join(candidates, "', '"));
    }
    throw load::InputError("--focus", message, std::string(kSelectorHelp),
                           load::TextPosition{1, static_cast<std::uint32_t>(error.column())});
  }
}

/// Too many nodes to read at model level: say so, and draw the projects instead.
report::DiagramLevel choose_level(const GraphOptions& options, const graph::MeshGraph& mesh,
                                  const std::optional<std::vector<graph::NodeId>>& focus) {
  if (options.level != "model") return report::DiagramLevel::Project;
  const std::size_t nodes = report::drawable_nodes(mesh, focus).size();
  if (nodes <= options.max_nodes) return report::DiagramLevel::Model;
  fmt::print(stderr,
             "meshgraph: note: the model graph has {} nodes, more than --max-nodes {}; drawing the "
             "project graph instead\n"
             "  help: draw part of it with --focus (e.g. --focus 'project:NAME' or --focus "
             "'+MODEL'), or raise --max-nodes\n",
             nodes, options.max_nodes);
  return report::DiagramLevel::Project;
}

/// Findings the diagram needs: every selected check rule for --highlight check and the HTML
/// findings table; only the project-dependency rules (MESH2xx) for a plain project graph.
std::vector<check::Diagnostic> check_findings(const graph::MeshGraph& mesh,
                                              const config::Config& config,
                                              const check::RunSettings& settings, bool needs_all) {
  std::vector<check::Rule> rules;
  for (const check::Rule& rule : rules::all_rules()) {
    if (needs_all || rule.info.id.starts_with("MESH2")) rules.push_back(rule);
  }
  const check::CheckContext context{mesh, config.policy};
  return check::run_checks(rules, context, settings).diagnostics;
}

/// The mesh to draw: INPUT's, or for --highlight impact the pull request's (head) with its base.
struct Meshes {
  std::optional<graph::MeshGraph> single;
  std::optional<impact::MeshPair> pair;
  const graph::MeshGraph& drawn() const { return pair ? pair->head : *single; }
};

Meshes load_meshes(const GraphOptions& options, const std::vector<std::string>& head,
                   const config::Config& config) {
  Meshes meshes;
  if (options.highlight != "impact") {
    // The project graph draws projects, refs and findings, never a node's columns or
    // description: it keeps what check keeps, as fast and as small (docs/performance.md).
    const load::Detail detail = options.level == "model" ? load::Detail::Full : load::Detail::Check;
    meshes.single.emplace(load_mesh(mesh_inputs(config, head), config.exclude, detail));
    return meshes;
  }
  if (head.empty())
    throw CLI::ValidationError("INPUT", "give the pull request's manifests as INPUT or --head");
  meshes.pair.emplace(impact::load_mesh_pair(options.base, head, config.exclude));
  return meshes;
}

std::string render(const report::Diagram& diagram, const std::string& format,
                   const std::vector<check::Diagnostic>& findings, const std::string& output) {
  if (format == "mermaid") return report::render_mermaid(diagram);
  const std::string dot = report::render_dot(diagram);
  if (format == "dot") return dot;
  try {
    if (format == "html")
      return report::render_html(diagram, report::render_graphviz(dot, "svg"), findings);
    return report::render_graphviz(dot, format);
  } catch (const report::RenderError& error) {
    throw load::InputError(
        output.empty() || output == "-" ? "<stdout>" : output, error.what(),
        "check that Graphviz's plugins are installed (Debian: libgvc6, with its cairo plugin for "
        "png and pdf), or write --format dot and render it with Graphviz's dot");
  }
}

}  // namespace

void add_graph_command(CLI::App& app, int& exit_code) {
  auto options = std::make_shared<GraphOptions>();
  CLI::App* command = app.add_subcommand(
      "graph", "Draw the mesh: projects or models, coloured by findings or a change's reach");
  command->footer(
      "Example:\n"
      "  meshgraph graph fixtures/rainbow_road -o projects.svg\n"
      "  meshgraph graph fixtures/rainbow_road --level model --highlight check --format html -o "
      "mesh.html\n"
      "  meshgraph graph fixtures/rainbow_road/pr/emergency --highlight impact --base "
      "fixtures/rainbow_road "
      "--level model --format mermaid\n"
      "  meshgraph graph fixtures/rainbow_road --level model --focus '+fct_donations "
      "people_ops:partner_feeds+'\n\n"
      "SVG, PNG and PDF are laid out by Graphviz inside meshgraph. A model graph above "
      "--max-nodes\n"
      "falls back to the project graph. Exit codes: 0 drawn, 2 could not run. See docs/graph.md.");
  command->add_option(
      "INPUT", options->inputs,
      "manifest.json files, dbt project folders, or mesh folders; with --highlight impact, the "
      "pull request's manifests");
  command->add_option("--level", options->level, "project (default) or model")
      ->check(CLI::IsMember({"project", "model"}));
  command
      ->add_option(
          "--format", options->format,
          "dot (default), svg, png, pdf, mermaid or html; default from --output's extension")
      ->check(CLI::IsMember({"dot", "svg", "png", "pdf", "mermaid", "html"}));
  command->add_option("--output,-o", options->output,
                      "Write the diagram to FILE instead of stdout");
  command
      ->add_option("--highlight", options->highlight,
                   "check: colour findings by severity; impact: colour what --base → INPUT changed "
                   "and everything downstream")
      ->check(CLI::IsMember({"check", "impact"}));
  command->add_option("--base", options->base,
                      "The main branch's manifests, for --highlight impact");
  command->add_option("--head", options->head, "The pull request's manifests (the same as INPUT)");
  CLI::Option* focus = command->add_option(
      "--focus", options->focus,
      "Draw only these nodes: dbt selector syntax, e.g. '+fct_orders project:finance'");
  command->add_option(
      "--max-nodes", options->max_nodes,
      "Model graphs above this many nodes fall back to the project graph (default 2000)");
  command->add_option("--config", options->rules.config,
                      "The policy file (default: meshgraph.yml here or beside the INPUTs)");
  command->add_option("--as-of", options->rules.as_of,
                      "Judge deprecation dates as of YYYY-MM-DD (default: today, UTC)");
  command->add_option("--select", options->rules.select,
                      "Run only these rules: ids or names, comma-separated");
  command->add_option("--ignore", options->rules.ignore,
                      "Do not run these rules: ids or names, comma-separated");
  command->callback([options, focus, &exit_code] {
    options->has_focus = focus->count() > 0;
    exit_code = run_graph(*options);
  });
}

int run_graph(const GraphOptions& options) {
  const std::string format = format_for(options);
  check_usage(options, format);
  const bool is_impact = options.highlight == "impact";
  std::vector<std::string> head = options.inputs;
  head.insert(head.end(), options.head.begin(), options.head.end());
  // The policy first (beside the base INPUTs for impact, as `meshgraph impact` finds it).
  const config::Config config = load_config(options.rules, is_impact ? options.base : head);
  const check::RunSettings settings = make_run_settings(options.rules, config);
  const Meshes meshes = load_meshes(options, head, config);
  const graph::MeshGraph& mesh = meshes.drawn();
  check_config_against_mesh(config, mesh);
  // Before the diagram is written: it can be written, and is not a file this run read.
  check_outputs({{options.output, "--output"}},
                            meshes.pair ? files_read({&meshes.pair->base, &meshes.pair->head},
                                                     config, "")
                                        : files_read({&mesh}, config, ""));

  const std::optional<std::vector<graph::NodeId>> focus = select_focus(options, mesh);
  const report::DiagramLevel level = choose_level(options, mesh, focus);
  std::vector<check::Diagnostic> findings;
  std::vector<graph::NodeId> changed;
  if (meshes.pair) {
    const check::ImpactContext context{meshes.pair->base, meshes.pair->head, config.policy};
    findings = impact::run_impact_rules(rules::all_rules(), context, settings).diagnostics;
    changed = report::changed_nodes(meshes.pair->base, meshes.pair->head, findings);
  } else if (options.highlight == "check" || format == "html" ||
             level == report::DiagramLevel::Project) {
    findings =
        check_findings(mesh, config, settings, options.highlight == "check" || format == "html");
  }
  const report::Highlight highlight = is_impact                      ? report::Highlight::Impact
                                      : options.highlight == "check" ? report::Highlight::Check
                                                                     : report::Highlight::None;
  report::MeshMarks marks = report::mark_findings(mesh, findings, highlight);
  if (is_impact) report::mark_blast_radius(mesh, changed, marks);
  const report::Diagram diagram = report::build_diagram(mesh, level, marks, focus);
  report::write_output(options.output, render(diagram, format, findings, options.output));
  return 0;
}

}  // namespace meshgraph::cli
