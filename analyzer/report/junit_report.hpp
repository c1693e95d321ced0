// JUnit XML for CI test tabs (GitLab unit test reports, Jenkins, GitHub JUnit actions); valid
// against Jenkins' junit-10.xsd (docs/formats.md, docs/ci.md).
#pragma once

#include <optional>
#include <span>
#include <string>

#include "check/rule.hpp"
#include "report/report.hpp"

namespace meshgraph::report {

/// One <testsuite> per project, one <testcase> per rule of `rules` in it. A case fails when it
/// has a finding at or above `threshold` (--fail-on; nullopt never fails), so the test tab agrees
/// with the exit code; the <failure> text holds every finding of the case, one GNU-style
/// `file:line:col: severity: message [rule]` block each. A case whose findings are all below the
/// threshold or in the baseline passes, with them in <system-out>. A run with no project still
/// gets one passing case, so CI never reports "no tests".
std::string render_junit(const Report& report, std::span<const check::Rule> rules,
                         std::optional<check::Severity> threshold);

}  // namespace meshgraph::report
