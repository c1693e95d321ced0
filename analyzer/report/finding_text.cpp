// Plain-text pieces of a finding, shared by the renderers; each renderer escapes them.
#include "report/finding_text.hpp"

#include <fmt/format.h>

#include "load/md5.hpp"

namespace meshgraph::report {

std::string gnu_location(const check::Location& location) {
  if (location.line == 0) return location.file;
  return fmt::format("{}:{}:{}", location.file, location.line, location.column);
}

std::vector<std::string> message_lines(const check::Diagnostic& diagnostic) {
  std::vector<std::string> lines{diagnostic.message};
  for (const std::string& note : diagnostic.notes) lines.push_back(fmt::format("note: {}", note));
  if (diagnostic.is_baseline)
    lines.emplace_back("note: in the baseline: shown, but not failing the run");
  if (!diagnostic.help.empty()) lines.push_back(fmt::format("help: {}", diagnostic.help));
  return lines;
}

std::string finding_fingerprint(const check::Diagnostic& diagnostic) {
  // NUL cannot occur in a rule id or a unique_id, so the joined key is unambiguous.
  std::string key = diagnostic.rule + '\0' + diagnostic.location.unique_id;
  for (const std::string& related : diagnostic.related) key += '\0' + related;
  return load::md5_hex(key);
}

}  // namespace meshgraph::report
