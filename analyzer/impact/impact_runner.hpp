// `meshgraph impact`'s stages: the base and head meshes, the impact rules, and the blast
// radius of each flagged change.
#pragma once

#include <span>
#include <string>
#include <vector>

#include "check/rule.hpp"
#include "check/runner.hpp"
#include "graph/mesh_graph.hpp"
#include "impact/blast_radius.hpp"

namespace meshgraph::impact {

struct MeshPair {
  graph::MeshGraph base;
  graph::MeshGraph head;
};

/// Reads the base manifests and the head manifests; a project in base but not in head is taken
/// unchanged from base, so a CI job needs only the changed project's new manifest.
MeshPair load_mesh_pair(const std::vector<std::string>& base_inputs,
                        const std::vector<std::string>& head_inputs,
                        const std::vector<std::string>& excluded = {});

/// Runs every selected rule that has an impact function, then applies the settings.
check::RunResult run_impact_rules(std::span<const check::Rule> rules, const check::ImpactContext& context,
                                  const check::RunSettings& settings);

/// One impact entry per finding of an impact rule: what changed and everything downstream,
/// in base (the consumers the change lands on) and head (consumers the PR adds).
std::vector<ImpactEntry> describe_impact(const std::vector<check::Diagnostic>& findings,
                                         const graph::MeshGraph& base, const graph::MeshGraph& head);

}  // namespace meshgraph::impact
