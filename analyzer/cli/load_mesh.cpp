// Stage 1+2 for every command: find the manifests, read them, build the mesh.
#include "cli/load_mesh.hpp"

#include <fmt/format.h>

#include <cstdio>
#include <filesystem>

#include "config/config_reader.hpp"
#include "load/input_error.hpp"
#include "report/escape.hpp"
#include "load/input_discovery.hpp"
#include "load/parallel_reader.hpp"

namespace meshgraph::cli {

graph::MeshGraph load_mesh(const std::vector<std::string>& inputs,
                           const std::vector<std::string>& excluded, load::Detail detail) {
  return graph::MeshGraph::build(
      load::read_manifests(load::find_manifests(inputs, excluded), detail));
}

void check_config_against_mesh(const config::Config& config, const graph::MeshGraph& mesh) {
  std::vector<std::string> names;
  for (const graph::Project& project : mesh.projects()) names.push_back(project.name);
  config::check_project_names(config, names);
  const std::filesystem::path folder = std::filesystem::path(config.path).parent_path();
  for (const auto& [name, manifest] : config.projects) {
    const std::string path = (folder / manifest).lexically_normal().generic_string();
    for (const graph::Project& project : mesh.projects()) {
      if (project.manifest->path == path && project.name != name) {
        throw load::InputError(config.path,
                               fmt::format("projects: '{}' points at '{}', which is the manifest of project '{}'",
                                           name, path, project.name),
                               "name each entry of 'projects:' after the project its manifest holds");
      }
    }
  }
  for (const check::Waiver& waiver : config.exceptions) {
    if (mesh.find(waiver.node)) continue;
    fmt::print(stderr, "meshgraph: warning: {}: the exception for {} names node '{}', which is not in the mesh; it waives nothing\n",
               report::escape_terminal(config.path), waiver.rule, report::escape_terminal(waiver.node));
  }
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
