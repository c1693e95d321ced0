// Lists rules from the registry, or prints one rule's doc (like `ruff rule B011`).
#include "cli/rules_command.hpp"

#include <fmt/format.h>

#include "report/rules_markdown.hpp"
#include "rules/registry.hpp"

namespace meshgraph::cli {

namespace {

int run_rules(const std::string& which, const std::string& format) {
  if (format == "markdown") {
    fmt::print("{}", report::render_rules_markdown(rules::all_rules()));
    return 0;
  }
  if (which.empty()) {
    for (const check::Rule& rule : rules::all_rules()) {
      fmt::print("{}  {:<32} {:<8} {}\n", rule.info.id, rule.info.name,
                 check::to_string(rule.info.severity), rule.info.summary);
    }
    return 0;
  }
  const check::Rule* rule = rules::find_rule(which);
  if (rule == nullptr) {
    const std::string_view nearest = rules::nearest_rule(which);
    fmt::print(stderr, "meshgraph: error: unknown rule '{}'{}\n", which,
               nearest.empty() ? "" : fmt::format("; did you mean '{}'?", nearest));
    fmt::print(stderr, "  help: 'meshgraph rules' lists every rule\n");
    return 2;
  }
  fmt::print("# {} {}\n\nDefault severity: {}. {}.\n\n{}", rule->info.id, rule->info.name,
             check::to_string(rule->info.severity), rule->info.summary, rule->info.doc);
  return 0;
}

}  // namespace

void add_rules_command(CLI::App& app, int& exit_code) {
  auto which = std::make_shared<std::string>();
  auto format = std::make_shared<std::string>("text");
  CLI::App* command = app.add_subcommand("rules", "List the rules, or show one rule's documentation");
  command->footer("Example:\n  meshgraph rules\n  meshgraph rules MESH001\n  meshgraph rules project-cycle");
  command->add_option("RULE", *which, "A rule id (MESH001) or name (private-ref-outside-group)");
  command->add_option("--format", *format, "text (default), or markdown for docs/rules.md")
      ->check(CLI::IsMember({"text", "markdown"}));
  command->callback([which, format, &exit_code] { exit_code = run_rules(*which, *format); });
}

}  // namespace meshgraph::cli
