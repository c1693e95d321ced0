// Builds SARIF with nlohmann/json only. What GitHub code scanning requires beyond the schema,
// and the limits applied here, are in ../shared/schemas/sarif/PROVENANCE.md and docs/formats.md.
#include "report/sarif_report.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <nlohmann/json.hpp>
#include <numeric>

#include "report/escape.hpp"
#include "report/finding_text.hpp"
#include "report/version.hpp"

namespace meshgraph::report {

namespace {

using Json = nlohmann::ordered_json;

/// The address GitHub's docs use; the multitool and editors fetch the schema from it.
constexpr std::string_view kSchemaUri = "https://json.schemastore.org/sarif-2.1.0.json";

Json text(std::string_view value) { return Json{{"text", std::string(value)}}; }

Json rule_json(const check::RuleInfo& info) {
  return Json{{"id", std::string(info.id)},
              {"name", std::string(info.name)},
              {"shortDescription", text(info.summary)},
              {"fullDescription", text(what_it_flags(info.doc))},
              {"help", {{"text", std::string(info.doc)}, {"markdown", std::string(info.doc)}}},
              {"defaultConfiguration", {{"level", std::string(check::to_string(info.severity))}}}};
}

/// `model.finance.dim_shelters.v2` → kind "model", name "dim_shelters.v2" (after the project).
Json logical_location(const std::string& unique_id) {
  const std::size_t kind_end = unique_id.find('.');
  const std::size_t project_end =
      unique_id.find('.', kind_end == std::string::npos ? kind_end : kind_end + 1);
  Json location{{"fullyQualifiedName", unique_id}};
  if (project_end != std::string::npos) {
    location["name"] = unique_id.substr(project_end + 1);
    location["kind"] = unique_id.substr(0, kind_end);
  }
  return location;
}

Json physical_location(const check::Location& where) {
  Json physical{{"artifactLocation", {{"uri", escape_uri_path(where.file)}}}};
  if (where.line > 0) {
    Json region{{"startLine", where.line}};
    if (where.column > 0) region["startColumn"] = where.column;
    physical["region"] = region;
  }
  return physical;
}

Json result_json(const check::Diagnostic& diagnostic, std::span<const check::Rule> rules) {
  const check::Location& where = diagnostic.location;
  Json result{{"ruleId", diagnostic.rule}};
  const auto rule = std::find_if(rules.begin(), rules.end(), [&](const check::Rule& r) {
    return r.info.id == diagnostic.rule;
  });
  if (rule != rules.end()) result["ruleIndex"] = rule - rules.begin();
  result["level"] = std::string(check::to_string(diagnostic.severity));
  result["message"] = text(fmt::format("{}", fmt::join(message_lines(diagnostic), "\n")));
  result["locations"] =
      Json::array({Json{{"physicalLocation", physical_location(where)},
                        {"logicalLocations", Json::array({logical_location(where.unique_id)})}}});
  if (!diagnostic.related.empty()) {
    Json related = Json::array();
    for (const std::string& unique_id : diagnostic.related) {
      related.push_back(Json{{"id", related.size() + 1},
                             {"logicalLocations", Json::array({logical_location(unique_id)})}});
    }
    result["relatedLocations"] = related;
  }
  // Our own key: GitHub reads only primaryLocationLineHash, which upload-sarif computes from
  // the file; a value of ours under that key would be overwritten with a warning.
  result["partialFingerprints"] = Json{{"meshgraph/v1", finding_fingerprint(diagnostic)}};
  result["properties"] = Json{{"project", where.project},
                              {"manifest", where.manifest},
                              {"baseline", diagnostic.is_baseline}};
  return result;
}

/// Indices of the findings to report: all of them, or the kSarifMaxResults most severe, in
/// report order.
std::vector<std::size_t> kept_findings(const std::vector<check::Diagnostic>& diagnostics) {
  std::vector<std::size_t> order(diagnostics.size());
  std::iota(order.begin(), order.end(), 0);
  if (order.size() <= kSarifMaxResults) return order;
  std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
    return diagnostics[a].severity > diagnostics[b].severity;
  });
  order.resize(kSarifMaxResults);
  std::sort(order.begin(), order.end());
  return order;
}

}  // namespace

std::string what_it_flags(std::string_view doc) {
  constexpr std::string_view kHeading = "## What it flags\n";
  const std::size_t start = doc.find(kHeading);
  if (start == std::string_view::npos) return "";
  std::string_view section = doc.substr(start + kHeading.size());
  section = section.substr(0, section.find("\n## "));
  std::string paragraph;
  for (const char c : section) paragraph += c == '\n' ? ' ' : c;
  while (!paragraph.empty() && paragraph.back() == ' ') paragraph.pop_back();
  return paragraph;
}

std::string render_sarif(const Report& report, std::span<const check::Rule> rules) {
  Json rules_json = Json::array();
  for (const check::Rule& rule : rules) rules_json.push_back(rule_json(rule.info));
  const std::vector<std::size_t> kept = kept_findings(report.diagnostics);
  Json results = Json::array();
  for (const std::size_t index : kept)
    results.push_back(result_json(report.diagnostics[index], rules));
  Json run{{"tool",
            {{"driver",
              {{"name", "meshgraph"}, {"version", std::string(kVersion)}, {"rules", rules_json}}}}},
           // Check and impact upload as two categories, so neither replaces the other's alerts.
           {"automationDetails", {{"id", fmt::format("meshgraph/{}/", report.command)}}},
           {"results", results}};
  if (kept.size() < report.diagnostics.size()) {
    const std::string note = fmt::format(
        "{} of {} findings left out: GitHub code scanning accepts at most {} results per run; "
        "the JSON report has all of them",
        report.diagnostics.size() - kept.size(), report.diagnostics.size(), kSarifMaxResults);
    run["invocations"] =
        Json::array({Json{{"executionSuccessful", true},
                          {"toolExecutionNotifications",
                           Json::array({Json{{"level", "warning"}, {"message", text(note)}}})}}});
  }
  const Json log{
      {"$schema", std::string(kSchemaUri)}, {"version", "2.1.0"}, {"runs", Json::array({run})}};
  // Manifest text is not always valid UTF-8; replace bad bytes rather than fail the report.
  return log.dump(2, ' ', false, Json::error_handler_t::replace) + "\n";
}

}  // namespace meshgraph::report
