// Runs rules; stamps each finding with its rule's id, name and severity; applies the council's
// configuration: severity per rule, waivers with expiry, and the baseline.
#include "check/runner.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <map>

#include "check/dates.hpp"

namespace meshgraph::check {

namespace {

class RuleReporter : public Reporter {
 public:
  RuleReporter(const RuleInfo& info, std::vector<Diagnostic>& out) : info_(info), out_(out) {}

  void report(Diagnostic diagnostic, std::optional<Severity> severity) override {
    diagnostic.rule = std::string(info_.id);
    diagnostic.rule_name = std::string(info_.name);
    diagnostic.severity = severity.value_or(info_.severity);
    out_.push_back(std::move(diagnostic));
  }

 private:
  const RuleInfo& info_;
  std::vector<Diagnostic>& out_;
};

bool contains(const std::vector<std::string>& ids, std::string_view id) {
  return std::find(ids.begin(), ids.end(), id) != ids.end();
}

const Waiver* find_waiver(const Diagnostic& diagnostic, const RunSettings& settings) {
  for (const Waiver& waiver : settings.waivers) {
    if (waiver.rule == diagnostic.rule && waiver.node == diagnostic.location.unique_id) return &waiver;
  }
  return nullptr;
}

}  // namespace

bool is_selected(const RuleInfo& info, const RunSettings& settings) {
  if (contains(settings.ignored, info.id)) return false;
  // Naming a rule on the command line runs it even when the policy file turns it off.
  if (!settings.selected.empty()) return contains(settings.selected, info.id);
  auto configured = settings.severities.find(std::string(info.id));
  return configured == settings.severities.end() || configured->second.has_value();
}

RunResult run_checks(std::span<const Rule> rules, const CheckContext& context,
                     const RunSettings& settings) {
  std::vector<Diagnostic> diagnostics;
  for (const Rule& rule : rules) {
    if (rule.check == nullptr || !is_selected(rule.info, settings)) continue;
    RuleReporter reporter(rule.info, diagnostics);
    rule.check(context, reporter);
  }
  return apply_settings(std::move(diagnostics), settings, context.policy.as_of);
}

RunResult apply_settings(std::vector<Diagnostic> diagnostics, const RunSettings& settings,
                         const Date& as_of) {
  RunResult result;
  // The baseline is a multiset: two identical findings need two entries.
  std::map<BaselineEntry, int> baseline;
  for (const BaselineEntry& entry : settings.baseline) ++baseline[entry];
  for (Diagnostic& diagnostic : diagnostics) {
    auto configured = settings.severities.find(diagnostic.rule);
    if (configured != settings.severities.end() && configured->second) diagnostic.severity = *configured->second;
    if (const Waiver* waiver = find_waiver(diagnostic, settings)) {
      if (!waiver->expires || as_of <= *waiver->expires) {
        ++result.waived;
        continue;
      }
      diagnostic.notes.push_back(fmt::format("the waiver in the policy file expired on {} (reason: {})",
                                             format_date(*waiver->expires), waiver->reason));
    }
    std::vector<std::string> related = diagnostic.related;
    std::sort(related.begin(), related.end());
    auto known = baseline.find(BaselineEntry{diagnostic.rule, diagnostic.location.unique_id, related});
    if (known != baseline.end() && known->second > 0) {
      --known->second;
      diagnostic.is_baseline = true;
    }
    result.diagnostics.push_back(std::move(diagnostic));
  }
  sort_diagnostics(result.diagnostics);
  return result;
}

bool has_finding_at_or_above(std::span<const Diagnostic> diagnostics, Severity threshold) {
  return std::any_of(diagnostics.begin(), diagnostics.end(), [&](const Diagnostic& d) {
    return !d.is_baseline && d.severity >= threshold;
  });
}

}  // namespace meshgraph::check
