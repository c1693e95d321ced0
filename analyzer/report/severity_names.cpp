// Severity words per format. GitLab's scale is info < minor < major < critical < blocker:
// an error is "major" (it fails the run, but meshgraph has nothing above it to call critical).
#include "report/severity_names.hpp"

namespace meshgraph::report {

SeverityNames names_of(check::Severity severity) {
  switch (severity) {
    case check::Severity::Note:
      return {"notice", "info", "ℹ️"};
    case check::Severity::Warning:
      return {"warning", "minor", "⚠️"};
    case check::Severity::Error:
      return {"error", "major", "❌"};
  }
  return {"error", "major", "❌"};
}

}  // namespace meshgraph::report
