// Stage 1+2 for every command: find the manifests, read them (each one's nodes on two
// threads), build the mesh.
#pragma once

#include <string>
#include <vector>

#include "config/config.hpp"
#include "graph/mesh_graph.hpp"
#include "report/report.hpp"

namespace meshgraph::cli {

/// Reads every manifest behind `inputs`, keeping `detail` of each node, and builds the mesh.
/// Throws load::InputError.
graph::MeshGraph load_mesh(const std::vector<std::string>& inputs,
                           const std::vector<std::string>& excluded = {},
                           load::Detail detail = load::Detail::Full);

/// Checks meshgraph.yml against the mesh: every project it names must be a project of the
/// mesh, and each `projects:` entry's manifest must be of that project (InputError otherwise).
/// A waiver whose node is not in the mesh is reported on stderr as a warning: it waives nothing.
void check_config_against_mesh(const config::Config& config, const graph::MeshGraph& mesh);

/// The per-project facts every report starts with.
std::vector<report::ProjectSummary> summarise_projects(const graph::MeshGraph& mesh);

}  // namespace meshgraph::cli
