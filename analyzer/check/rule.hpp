// What a rule is: its contract (RuleInfo) and its check, a pure function over the mesh.
#pragma once

#include <optional>
#include <string_view>
#include <vector>

#include "check/diagnostic.hpp"
#include "check/severity.hpp"

namespace meshgraph::graph {
class MeshGraph;
}

namespace meshgraph::check {

struct Policy;

/// A rule's contract: id and name are public API (ids are never reused or renumbered).
struct RuleInfo {
  std::string_view id;    ///< MESHnnn
  std::string_view name;  ///< kebab-case, naming the bad thing
  Severity severity;      ///< default severity
  std::string_view summary;
  std::string_view doc;  ///< Markdown: What it flags / Why it matters / Example / How to fix
};

/// What a check rule sees: the mesh and the council's policy (with the --as-of date).
struct CheckContext {
  const graph::MeshGraph& mesh;
  const Policy& policy;
};

/// What an impact rule sees: the mesh on the main branch (base), the mesh with the pull
/// request's manifests (head; projects the PR did not rebuild are taken from base), and the
/// policy.
struct ImpactContext {
  const graph::MeshGraph& base;
  const graph::MeshGraph& head;
  const Policy& policy;
};

/// Collects a rule's findings; the runner fills in the rule id, name and severity. A rule whose
/// severity depends on the finding (MESH303: private vs protected) passes it; the user's
/// configuration still wins over both.
class Reporter {
 public:
  virtual ~Reporter() = default;
  virtual void report(Diagnostic diagnostic, std::optional<Severity> severity = std::nullopt) = 0;
};

using CheckFunction = void (*)(const CheckContext&, Reporter&);
using ImpactFunction = void (*)(const ImpactContext&, Reporter&);

struct Rule {
  RuleInfo info;
  CheckFunction check = nullptr;    ///< for `meshgraph check`; null for impact rules
  ImpactFunction impact = nullptr;  ///< for `meshgraph impact`; null for check rules
};

}  // namespace meshgraph::check
