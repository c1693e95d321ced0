// Runs rules; stamps each finding with its rule's id, name and severity.
#include "check/runner.hpp"

#include <algorithm>

namespace meshgraph::check {

namespace {

class RuleReporter : public Reporter {
 public:
  RuleReporter(const RuleInfo& info, std::vector<Diagnostic>& out) : info_(info), out_(out) {}

  void report(Diagnostic diagnostic) override {
    diagnostic.rule = std::string(info_.id);
    diagnostic.rule_name = std::string(info_.name);
    diagnostic.severity = info_.severity;
    out_.push_back(std::move(diagnostic));
  }

 private:
  const RuleInfo& info_;
  std::vector<Diagnostic>& out_;
};

}  // namespace

std::vector<Diagnostic> run_checks(std::span<const Rule> rules, const CheckContext& context) {
  std::vector<Diagnostic> diagnostics;
  for (const Rule& rule : rules) {
    if (rule.check == nullptr) continue;
    RuleReporter reporter(rule.info, diagnostics);
    rule.check(context, reporter);
  }
  sort_diagnostics(diagnostics);
  return diagnostics;
}

bool has_finding_at_or_above(std::span<const Diagnostic> diagnostics, Severity threshold) {
  return std::any_of(diagnostics.begin(), diagnostics.end(),
                     [&](const Diagnostic& d) { return d.severity >= threshold; });
}

}  // namespace meshgraph::check
