// Stage 1+2 for every command: find the manifests, read them (in parallel), build the mesh.
#pragma once

#include <string>
#include <vector>

#include "graph/mesh_graph.hpp"
#include "report/report.hpp"

namespace meshgraph::cli {

/// Reads every manifest behind `inputs` and builds the mesh. Throws load::InputError.
graph::MeshGraph load_mesh(const std::vector<std::string>& inputs);

/// The per-project facts every report starts with.
std::vector<report::ProjectSummary> summarise_projects(const graph::MeshGraph& mesh);

}  // namespace meshgraph::cli
