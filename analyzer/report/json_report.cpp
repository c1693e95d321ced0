// Builds the JSON report with nlohmann/json; key order follows docs/json-output.md.
#include "report/json_report.hpp"

#include <nlohmann/json.hpp>

#include "report/version.hpp"

namespace meshgraph::report {

namespace {

using Json = nlohmann::ordered_json;

Json project_json(const ProjectSummary& project) {
  return Json{{"name", project.name},
              {"manifest", project.manifest},
              {"schema_version", project.schema_version},
              {"dbt_version", project.dbt_version},
              {"models", project.models},
              {"public_models", project.public_models}};
}

Json optional_position(std::uint32_t value) { return value == 0 ? Json(nullptr) : Json(value); }

Json finding_json(const check::Diagnostic& diagnostic) {
  return Json{{"rule", diagnostic.rule},
              {"name", diagnostic.rule_name},
              {"severity", check::to_string(diagnostic.severity)},
              {"project", diagnostic.location.project},
              {"unique_id", diagnostic.location.unique_id},
              {"file", diagnostic.location.file},
              {"line", optional_position(diagnostic.location.line)},
              {"column", optional_position(diagnostic.location.column)},
              {"message", diagnostic.message},
              {"help", diagnostic.help},
              {"related", diagnostic.related},
              {"baseline", diagnostic.is_baseline}};
}

Json impact_json(const impact::ImpactEntry& entry) {
  Json details = Json::object();
  for (const auto& [key, values] : entry.details) details[key] = values;
  Json paths = Json::array();
  for (const impact::ConsumerPath& path : entry.downstream.paths) {
    paths.push_back(Json{{"unique_id", path.unique_id}, {"project", path.project}, {"path", path.hops}});
  }
  return Json{{"unique_id", entry.unique_id},
              {"project", entry.project},
              {"change", entry.change},
              {"details", details},
              {"versioned", entry.versioned},
              {"downstream",
               {{"models", entry.downstream.models},
                {"projects", entry.downstream.projects},
                {"exposures", entry.downstream.exposures},
                {"owners", entry.downstream.owners},
                {"paths", paths}}}};
}

}  // namespace

std::string render_json(const Report& report) {
  Json projects = Json::array();
  for (const ProjectSummary& project : report.projects) projects.push_back(project_json(project));
  Json findings = Json::array();
  for (const check::Diagnostic& diagnostic : report.diagnostics) {
    findings.push_back(finding_json(diagnostic));
  }
  const SeverityCounts counts = count_by_severity(report.diagnostics);
  Json document{{"meshgraph", std::string(kVersion)},
                {"command", report.command},
                {"projects", projects},
                {"findings", findings}};
  if (report.command == "impact") {
    Json impact = Json::array();
    for (const impact::ImpactEntry& entry : report.impact) impact.push_back(impact_json(entry));
    document["impact"] = impact;
  }
  document["summary"] = Json{{"error", counts.error},
                             {"warning", counts.warning},
                             {"note", counts.note},
                             {"baseline", counts.baseline},
                             {"waived", report.waived}};
  // Manifest text is not always valid UTF-8; replace bad bytes rather than fail the report.
  return document.dump(2, ' ', false, Json::error_handler_t::replace) + "\n";
}

}  // namespace meshgraph::report
