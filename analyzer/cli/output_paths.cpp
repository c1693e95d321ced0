// Checks the outputs before the first is written. A report written over a manifest, the policy
// file or the baseline would destroy what the run was asked to read.
#include "cli/output_paths.hpp"

#include <fmt/format.h>

#include <filesystem>
#include <system_error>

#include "load/input_error.hpp"
#include "report/output_file.hpp"

namespace meshgraph::cli {

std::vector<FileRead> files_read(std::initializer_list<const graph::MeshGraph*> meshes,
                                 const config::Config& config, const std::string& baseline) {
  std::vector<FileRead> files;
  for (const graph::MeshGraph* mesh : meshes) {
    for (const graph::Project& project : mesh->projects()) {
      files.push_back({project.manifest->path,
                       fmt::format("the manifest '{}' of project '{}'", project.manifest->path,
                                   project.name)});
      if (project.manifest->project_folder.empty()) continue;
      const std::string dependencies =
          (std::filesystem::path(project.manifest->project_folder) / "dependencies.yml")
              .generic_string();
      files.push_back({dependencies, fmt::format("the dependencies.yml '{}' of project '{}'",
                                                 dependencies, project.name)});
    }
  }
  if (!config.path.empty())
    files.push_back({config.path, fmt::format("the policy file '{}'", config.path)});
  if (!baseline.empty())
    files.push_back({baseline, fmt::format("the baseline '{}' given to --baseline", baseline), true});
  return files;
}

void check_outputs(const std::vector<OutputPath>& outputs, const std::vector<FileRead>& inputs) {
  for (const OutputPath& output : outputs) {
    if (output.path.empty() || output.path == "-") continue;
    report::check_output_path(output.path, output.option);
    for (const FileRead& input : inputs) {
      // equivalent() compares device and inode; it fails (false) when either is missing.
      std::error_code error;
      if (!std::filesystem::equivalent(output.path, input.path, error)) continue;
      // Refreshing a baseline in place reads the old one while writing the new: refused too.
      const bool is_baseline_again = output.option == "--write-baseline" && input.is_baseline;
      throw load::InputError(
          output.path,
          fmt::format("cannot write {}: it is {}, which this run reads", output.option,
                      input.what),
          is_baseline_again
              ? "to record today's findings again, run without --baseline"
              : fmt::format("give {} another path; meshgraph never writes over its inputs",
                            output.option));
    }
  }
}

}  // namespace meshgraph::cli
