// Reads manifests on all cores: each file is parsed independently, so the mesh loads in
// roughly the time of its largest files rather than their sum.
#include "cli/load_mesh.hpp"

#include <algorithm>
#include <atomic>
#include <exception>
#include <optional>
#include <thread>

#include "config/config_reader.hpp"
#include "load/input_discovery.hpp"
#include "load/manifest_reader.hpp"

namespace meshgraph::cli {

graph::MeshGraph load_mesh(const std::vector<std::string>& inputs) {
  const std::vector<std::string> paths = load::find_manifests(inputs);
  std::vector<std::optional<load::Manifest>> manifests(paths.size());
  std::vector<std::exception_ptr> errors(paths.size());
  std::atomic<std::size_t> next{0};
  auto work = [&] {
    for (std::size_t i = next++; i < paths.size(); i = next++) {
      try {
        manifests[i] = load::read_manifest(paths[i]);
      } catch (...) {
        errors[i] = std::current_exception();  // rethrown below, in input order
      }
    }
  };
  const std::size_t thread_count =
      std::min<std::size_t>(paths.size(), std::max(1U, std::thread::hardware_concurrency()));
  std::vector<std::thread> threads;
  for (std::size_t t = 1; t < thread_count; ++t) threads.emplace_back(work);
  work();
  for (std::thread& thread : threads) thread.join();
  // Report the first bad input in sorted order, so the error is the same on every run.
  for (const std::exception_ptr& error : errors) {
    if (error) std::rethrow_exception(error);
  }
  std::vector<load::Manifest> loaded;
  loaded.reserve(manifests.size());
  for (std::optional<load::Manifest>& manifest : manifests) loaded.push_back(std::move(*manifest));
  return graph::MeshGraph::build(std::move(loaded));
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
