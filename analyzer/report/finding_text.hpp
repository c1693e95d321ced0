// A finding as plain text and as a stable identity: the pieces every report format shares.
#pragma once

#include <string>
#include <vector>

#include "check/diagnostic.hpp"

namespace meshgraph::report {

/// `file:line:col`, or `file` when the line is unknown (never invented).
std::string gnu_location(const check::Location& location);

/// The message, then `note: …` per note (and one for a baseline finding), then `help: …`: the
/// text report's lines without the location, unescaped; each renderer escapes and joins them.
std::vector<std::string> message_lines(const check::Diagnostic& diagnostic);

/// A finding's identity across runs: a hash of the rule, the unique_id and the related nodes,
/// never the line, which moves with every edit. SARIF's partialFingerprints and GitLab's
/// fingerprint both use it; the baseline matches on the same three.
std::string finding_fingerprint(const check::Diagnostic& diagnostic);

}  // namespace meshgraph::report
