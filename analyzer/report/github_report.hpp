// GitHub Actions workflow commands: one `::error …::` annotation per finding
// (../shared/schemas/github/FORMAT.md, docs/formats.md).
#pragma once

#include <string>

#include "report/report.hpp"

namespace meshgraph::report {

/// Annotations shown per kind (error, warning, notice) in one step; the rest stay in the log only.
inline constexpr std::size_t kGithubShownPerKind = 10;

/// `::error file=F,line=L,col=C,title=MESHnnn name::message%0Ahelp: …`, errors first, then
/// warnings, then notices (notes and baseline findings), so the annotations GitHub shows are
/// the most severe. Every manifest string is escaped, so none can start a command. Ends with
/// one plain summary line, which says when GitHub will not show every annotation.
std::string render_github(const Report& report);

}  // namespace meshgraph::report
