// Stage 1+2 for every command: find the manifests, read them (in parallel), build the mesh.
#pragma once

#include <string>
#include <vector>

#include "config/config.hpp"
#include "graph/mesh_graph.hpp"
#include "report/report.hpp"

namespace meshgraph::cli {

/// Reads every manifest behind `inputs` and builds the mesh. Throws load::InputError.
graph::MeshGraph load_mesh(const std::vector<std::string>& inputs, const std::vector<std::string>& excluded = {});

/// Checks that every project meshgraph.yml names is a project of the mesh.
void check_config_projects(const config::Config& config, const graph::MeshGraph& mesh);

/// The per-project facts every report starts with.
std::vector<report::ProjectSummary> summarise_projects(const graph::MeshGraph& mesh);

}  // namespace meshgraph::cli
