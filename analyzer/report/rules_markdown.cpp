// Renders the rule registry as Markdown for docs/rules.md and `meshgraph rules --format markdown`.
#include "report/rules_markdown.hpp"

#include <fmt/format.h>

namespace meshgraph::report {

std::string render_rules_markdown(std::span<const check::Rule> rules) {
  std::string out =
      "# meshgraph rules\n\n"
      "Generated from the rule registry by `meshgraph rules --format markdown`; do not edit.\n"
      "Select or ignore a rule by its id or its name (`--select MESH001`, `--ignore project-cycle`).\n\n"
      "| id | name | default | summary |\n|---|---|---|---|\n";
  for (const check::Rule& rule : rules) {
    out += fmt::format("| [{}](#{}) | `{}` | {} | {} |\n", rule.info.id,
                       fmt::format("{}-{}", rule.info.id, rule.info.name), rule.info.name,
                       check::to_string(rule.info.severity), rule.info.summary);
  }
  for (const check::Rule& rule : rules) {
    std::string doc(rule.info.doc);
    // Rule docs use `##` sections; one level deeper here, under each rule's heading.
    std::string nested;
    for (std::size_t i = 0; i < doc.size(); ++i) {
      const bool line_start = i == 0 || doc[i - 1] == '\n';
      if (line_start && doc.compare(i, 3, "## ") == 0) nested += '#';
      nested += doc[i];
    }
    out += fmt::format("\n## {} {}\n\nDefault severity: **{}**. {}.\n\n{}", rule.info.id, rule.info.name,
                       check::to_string(rule.info.severity), rule.info.summary, nested);
  }
  return out;
}

}  // namespace meshgraph::report
