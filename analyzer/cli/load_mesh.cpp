// Stage 1+2 for every command: find the manifests, read them, build the mesh.
#include "cli/load_mesh.hpp"

#include "config/config_reader.hpp"
#include "load/input_discovery.hpp"
#include "load/parallel_reader.hpp"

namespace meshgraph::cli {

graph::MeshGraph load_mesh(const std::vector<std::string>& inputs, const std::vector<std::string>& excluded) {
  return graph::MeshGraph::build(load::read_manifests(load::find_manifests(inputs, excluded)));
}

void check_config_projects(const config::Config& config, const graph::MeshGraph& mesh) {
  std::vector<std::string> names;
  for (const graph::Project& project : mesh.projects()) names.push_back(project.name);
  config::check_project_names(config, names);
}

std::vector<report::ProjectSummary> summarise_projects(const graph::MeshGraph& mesh) {
  std::vector<report::ProjectSummary> summaries;
  for (const graph::Project& project : mesh.projects()) {
    summaries.push_back(report::ProjectSummary{project.name, project.manifest->path,
                                               project.manifest->schema_version,
                                               project.manifest->dbt_version, 0, 0});
  }
  for (const graph::MeshNode& node : mesh.nodes()) {
    if (!node.node->is_model()) continue;
    ++summaries[node.project].models;
    if (node.node->access == load::Access::Public) ++summaries[node.project].public_models;
  }
  return summaries;
}

}  // namespace meshgraph::cli
