// The one mapping between Severity and the words users and reports use.
#include "check/severity.hpp"

namespace meshgraph::check {

std::string_view to_string(Severity severity) {
  switch (severity) {
    case Severity::Note: return "note";
    case Severity::Warning: return "warning";
    case Severity::Error: return "error";
  }
  return "error";
}

std::optional<Severity> parse_severity(std::string_view word) {
  if (word == "note") return Severity::Note;
  if (word == "warning") return Severity::Warning;
  if (word == "error") return Severity::Error;
  return std::nullopt;
}

}  // namespace meshgraph::check
