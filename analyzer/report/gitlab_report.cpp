// Builds the Code Quality array with nlohmann/json only. A finding without a line has no
// `lines`: GitLab's schema does not require it, its parser keeps the entry and links to the
// file, and we never invent a line.
#include "report/gitlab_report.hpp"

#include <fmt/format.h>

#include <nlohmann/json.hpp>

#include "report/escape.hpp"
#include "report/finding_text.hpp"
#include "report/severity_names.hpp"

namespace meshgraph::report {

std::string render_gitlab(const Report& report) {
  using Json = nlohmann::ordered_json;
  Json issues = Json::array();
  for (const check::Diagnostic& diagnostic : report.diagnostics) {
    Json location{{"path", diagnostic.location.file}};
    if (diagnostic.location.line > 0) location["lines"] = Json{{"begin", diagnostic.location.line}};
    // The widget shows the description on one line: the message; the notes and the next step
    // go to CodeClimate's content.body (Markdown), which GitLab ignores and other viewers show.
    const std::vector<std::string> lines = message_lines(diagnostic);
    std::vector<std::string> details;
    for (std::size_t i = 1; i < lines.size(); ++i)
      details.push_back(escape_markdown_text(lines[i]));
    issues.push_back(Json{{"description", lines.front()},
                          {"check_name", diagnostic.rule},
                          {"fingerprint", finding_fingerprint(diagnostic)},
                          {"severity", std::string(names_of(diagnostic.severity).gitlab)},
                          {"location", location},
                          {"content", {{"body", fmt::format("{}", fmt::join(details, "\n\n"))}}}});
  }
  // Manifest text is not always valid UTF-8; replace bad bytes rather than fail the report.
  return issues.dump(2, ' ', false, Json::error_handler_t::replace) + "\n";
}

}  // namespace meshgraph::report
