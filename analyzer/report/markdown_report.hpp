// A pull-request comment (or job summary) a reviewer reads in ten seconds (docs/formats.md).
#pragma once

#include <optional>
#include <string>

#include "report/report.hpp"

namespace meshgraph::report {

/// GitHub rejects a comment body over 65,536 characters; we count Unicode code points.
inline constexpr std::size_t kMarkdownMaxCodePoints = 65'536;

/// The verdict first (failed or passed at `threshold`, the --fail-on level; nullopt is
/// `never`), then findings per project, then for `impact` the changes with the downstream
/// projects, exposures and owners to notify, then every finding folded in <details>. Starts
/// with `<!-- meshgraph -->` so a bot can edit its earlier comment. Rows that would take the
/// comment over kMarkdownMaxCodePoints are left out, with a note saying how many.
std::string render_markdown(const Report& report, std::optional<check::Severity> threshold);

}  // namespace meshgraph::report
