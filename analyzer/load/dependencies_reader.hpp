// Reads the `projects:` a dbt project declares in its dependencies.yml (dbt Cloud's project
// dependencies), for the projects whose folder is known.
#pragma once

#include <optional>
#include <string>
#include <vector>

namespace meshgraph::load {

/// For a project folder holding dbt_project.yml: the names under `projects:` in its
/// dependencies.yml (empty when there is no such file). nullopt when `project_folder` is not a
/// dbt project folder. Throws InputError, with line:col, for a file that is not valid YAML or
/// has the wrong shape.
std::optional<std::vector<std::string>> read_declared_projects(const std::string& project_folder);

}  // namespace meshgraph::load
