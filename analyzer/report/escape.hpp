// Escaping of untrusted text (names, descriptions, paths from manifests): one function per
// target syntax, and the only place that knows these rules (STYLE.md §7).
#pragma once

#include <string>
#include <string_view>

namespace meshgraph::report {

/// Terminal text: control characters (CR, LF, ESC, …) become visible `\xNN`, so a name in a
/// manifest cannot forge a line of output or move the cursor.
std::string escape_terminal(std::string_view text);

}  // namespace meshgraph::report
