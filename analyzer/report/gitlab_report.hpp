// GitLab Code Quality (CodeClimate subset) for merge request widgets
// (../shared/schemas/gitlab/FORMAT.md, docs/formats.md).
#pragma once

#include <string>

#include "report/report.hpp"

namespace meshgraph::report {

/// A JSON array, one object per finding: description, check_name, fingerprint (the finding's
/// stable identity), severity (info | minor | major), location.path and, when known,
/// location.lines.begin. `[]` when there is nothing to report.
std::string render_gitlab(const Report& report);

}  // namespace meshgraph::report
