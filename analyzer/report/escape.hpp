// Escaping of untrusted text (names, descriptions, paths from manifests): one function per
// target syntax, and the only place that knows these rules (STYLE.md §7).
#pragma once

#include <string>
#include <string_view>

namespace meshgraph::report {

/// Terminal text: control characters (CR, LF, ESC, …) become visible `\xNN`, so a name in a
/// manifest cannot forge a line of output or move the cursor.
std::string escape_terminal(std::string_view text);

/// XML 1.0 attribute values and character data: `& < > " '` become entities; TAB, LF and CR
/// become character references, so attribute normalisation cannot turn them into spaces; bytes
/// that are not UTF-8, and code points XML 1.0 forbids (other C0 controls, U+FFFE, U+FFFF),
/// become U+FFFD, so the document always parses.
std::string escape_xml(std::string_view text);

/// The message of a GitHub Actions workflow command (after the second `::`): `%`, CR and LF
/// are percent-encoded as actions/toolkit's `escapeData` does, so the message stays on one line
/// and cannot start a command of its own; other C0 controls are encoded the same way (the runner
/// shows them as `%NN`).
std::string escape_github_data(std::string_view text);

/// A property value of a workflow command (`file=`, `title=`): as the data, plus `:` and `,`,
/// which would end the properties or split them (`escapeProperty`).
std::string escape_github_property(std::string_view text);

/// Markdown prose, in a table cell or a paragraph: ASCII punctuation that can start markup
/// (`\` `` ` `` `*` `_` `[` `]` `<` `>` `|` `&` `~` `$` `#` `!`) is backslash-escaped, so a name
/// cannot open HTML (`<script>`, `<!--`), a link, emphasis, math or a new table cell; CR/LF
/// become `<br>`, which keeps a table row on one line; other control characters become U+FFFD.
std::string escape_markdown_text(std::string_view text);

/// A code span inside a Markdown table cell: fenced with one backtick more than the longest
/// run in `text`, `|` escaped (GitHub splits cells before it parses code spans), control
/// characters but TAB shown as `\xNN` (CR/LF would end the row). Empty text gives "".
std::string markdown_table_code(std::string_view text);

/// A relative or absolute path as a URI reference (SARIF `artifactLocation.uri`): every byte
/// except RFC 3986 unreserved characters and `/` is percent-encoded, so `:` cannot be read as
/// a scheme, and spaces, `%`, `#`, `?` and non-ASCII text survive. An absolute path becomes a
/// `file://` URI.
std::string escape_uri_path(std::string_view path);

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
