// Escaping of untrusted text (names, descriptions, labels from manifests) for the diagram formats:
// DOT, Mermaid, and JSON inside an HTML page (XML/HTML text uses report/escape's escape_xml).
// To be merged into report/escape (STYLE.md §7).
#pragma once

#include <string>
#include <string_view>

namespace meshgraph::report {

/// The inside of a DOT double-quoted string (an id, label or tooltip). `"` and `\` are escaped:
/// Graphviz reads `\N`, `\G`, `\l` in labels and ids as its own escapes, so every backslash of
/// the data is doubled. Line breaks become Graphviz's `\n`; other control characters a space.
std::string escape_dot(std::string_view text);

/// The inside of a Mermaid quoted label (`n1["…"]`, `-->|"…"|`). Mermaid has no backslash
/// escape: characters it or the browser would read as syntax (`"`, `#`, `<`, `>`, `&`, backtick,
/// `|`, `%`) become its entity codes (`#quot;`, `#35;`, …), shown as the character itself.
/// Line breaks become spaces: one statement per line is Mermaid's syntax.
std::string escape_mermaid(std::string_view text);

/// A JSON document made safe as the content of `<script type="application/json">`: `<`, `>`
/// and `&` become `\u003c`, `\u003e`, `\u0026` (they only occur inside JSON strings, where the
/// escapes mean the same), so no `</script>` or `<!--` can end or change the element.
std::string escape_json_for_html(std::string_view json);

}  // namespace meshgraph::report
