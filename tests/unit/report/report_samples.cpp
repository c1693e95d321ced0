// The shared diagnostic set, the empty run and the hostile strings, built by hand.
#include "report_samples.hpp"

#include <vector>

namespace meshgraph::testing {

namespace {

using check::Diagnostic;
using check::Severity;

constexpr std::string_view kDoc = R"(## What it flags
A stand-in rule for the report tests: one sentence,
wrapped over two lines.

## Why it matters
Renderers must show the doc as it is.
)";

constexpr std::string_view kHostileDoc = R"(## What it flags
Names with "quotes", 'apostrophes', back\slash, <tags> & ampersands | pipes `ticks` 100% a:b, c --> ::error::x <script>alert(1)</script> Zürich 🐳.

## How to fix
```sql
select 1 -- ::error::forged
```
)";

std::vector<report::ProjectSummary> two_projects() {
  return {{"finance", "finance/target/manifest.json", 12, "1.10.4", 5, 2},
          {"platform", "platform/target/manifest.json", 12, "1.10.4", 9, 4}};
}

Diagnostic finding(std::string rule, std::string rule_name, Severity severity, std::string project,
                   std::string unique_id, std::string file, std::uint32_t line,
                   std::uint32_t column) {
  Diagnostic diagnostic;
  diagnostic.rule = std::move(rule);
  diagnostic.rule_name = std::move(rule_name);
  diagnostic.severity = severity;
  diagnostic.location = {
      project + "/target/manifest.json", project, unique_id, std::move(file), line, column};
  diagnostic.notes.push_back(diagnostic.location.unique_id + " in " + diagnostic.location.manifest);
  return diagnostic;
}

}  // namespace

const std::string kHostile =
    "q\"uote 'apos' back\\slash <lt> &amp; | pipe `tick` 100% a:b, c\r\nline2 --> ::error::forged "
    "<script>alert(1)</script> \x1b[31mred Zürich 🐳";

report::Report shared_report() {
  report::Report report{"check", two_projects(), {}, 1, {}};
  Diagnostic private_ref =
      finding("MESH001", "private-ref-outside-group", Severity::Error, "finance",
              "model.finance.fct_donations", "finance/models/marts/fct_donations.sql", 4, 22);
  private_ref.message =
      "model 'fct_donations' refs private model 'platform.int_donor_pii' of group 'platform_core'";
  private_ref.help =
      "ref a public model of 'platform' instead, or ask the owners of 'platform_core' to publish "
      "it";
  private_ref.related = {"model.platform.int_donor_pii"};
  Diagnostic baseline =
      finding("MESH002", "protected-ref-across-projects", Severity::Error, "finance",
              "model.finance.fct_refunds", "finance/models/marts/fct_refunds.sql", 7, 15);
  baseline.message = "model 'fct_refunds' refs protected model 'platform.stg_payments'";
  baseline.help = "ref a public model of 'platform' instead";
  baseline.related = {"model.platform.stg_payments"};
  baseline.is_baseline = true;
  Diagnostic unpinned =
      finding("MESH103", "unpinned-cross-project-ref", Severity::Note, "finance",
              "model.finance.mart_shelters", "finance/models/marts/mart_shelters.sql", 3, 9);
  unpinned.message =
      "model 'mart_shelters' refs versioned model 'platform.dim_shelters' without v=";
  unpinned.help = "pin the version: {{ ref('platform', 'dim_shelters', v=2) }}";
  unpinned.related = {"model.platform.dim_shelters.v2"};
  Diagnostic cycle =
      finding("MESH201", "project-cycle", Severity::Error, "platform", "model.platform.fct_intake",
              "platform/models/marts/fct_intake.sql", 11, 22);
  cycle.message = "projects 'finance', 'platform' depend on each other in a cycle";
  cycle.help = "decide which project is upstream and move the shared logic there";
  cycle.related = {"model.finance.fct_donations", "model.platform.int_donor_pii"};
  Diagnostic undocumented =
      finding("MESH302", "public-model-without-description", Severity::Warning, "platform",
              "model.platform.dim_shelters.v2", "platform/models/marts/_marts.yml", 0, 0);
  undocumented.message = "public model 'dim_shelters' v2 of project 'platform' has no description";
  undocumented.help = "add a description to 'dim_shelters' in platform/models/marts/_marts.yml";
  report.diagnostics = {private_ref, baseline, unpinned, cycle, undocumented};
  check::sort_diagnostics(report.diagnostics);
  return report;
}

report::Report empty_report() { return report::Report{"check", two_projects(), {}, 0, {}}; }

report::Report hostile_report() {
  report::Report report{
      "impact", {{kHostile, kHostile + "/target/manifest.json", 12, "1.10.4", 3, 1}}, {}, 0, {}};
  Diagnostic with_line =
      finding("MESH401", "breaking-contract-change", Severity::Error, kHostile, "model." + kHostile,
              kHostile + "/models/" + kHostile + ".sql", 2, 5);
  with_line.message = "model '" + kHostile + "' lost column '" + kHostile + "'";
  with_line.help = "ask " + kHostile + " first";
  with_line.notes.push_back("owner: " + kHostile);
  with_line.related = {"exposure." + kHostile};
  Diagnostic without_line = with_line;
  without_line.rule = "MESH999";
  without_line.rule_name = kHostile;
  without_line.severity = Severity::Warning;
  without_line.location.file = kHostile + ".yml";
  without_line.location.line = 0;
  without_line.location.column = 0;
  report.diagnostics = {with_line, without_line};
  impact::ImpactEntry entry{"model." + kHostile,
                            kHostile,
                            "breaking-contract-change",
                            {{"columns_removed", {kHostile}}},
                            false,
                            {}};
  entry.downstream = {
      {"model." + kHostile + ".consumer"},
      {kHostile},
      {"exposure." + kHostile},
      {kHostile + " <" + kHostile + "@example.org>"},
      {{"exposure." + kHostile, kHostile, {"model." + kHostile, "exposure." + kHostile}}}};
  report.impact = {entry};
  return report;
}

std::span<const check::Rule> sample_rules() {
  static const std::vector<check::Rule> rules = {
      {{"MESH001", "private-ref-outside-group", Severity::Error,
        "a ref to a private model from outside its group", kDoc}},
      {{"MESH002", "protected-ref-across-projects", Severity::Error,
        "a ref to a protected model from another project", kDoc}},
      {{"MESH103", "unpinned-cross-project-ref", Severity::Note,
        "a cross-project ref to a versioned model without v=", kDoc}},
      {{"MESH201", "project-cycle", Severity::Error,
        "projects that depend on each other in a cycle", kDoc}},
      {{"MESH302", "public-model-without-description", Severity::Warning,
        "a public model without a description", kDoc}},
      {{"MESH401", "breaking-contract-change", Severity::Error,
        "a breaking change to an enforced contract", kDoc}},
      {{"MESH999", kHostile, Severity::Warning, kHostile, kHostileDoc}},
  };
  return rules;
}

}  // namespace meshgraph::testing
