// dependencies.yml: `projects: [{name: other_project}, …]` (schemas/dependencies in ../shared).
#include "load/dependencies_reader.hpp"

#include <yaml-cpp/yaml.h>

#include <filesystem>

#include "load/input_error.hpp"
#include "load/yaml_error.hpp"

namespace meshgraph::load {

namespace {

InputError shape_error(const std::string& file, const YAML::Node& node, const std::string& message) {
  return InputError(file, message, "see dbt's 'Project dependencies' docs for the file's shape",
                    yaml_position(node.Mark()));
}

}  // namespace

std::optional<std::vector<std::string>> read_declared_projects(const std::string& project_folder) {
  namespace fs = std::filesystem;
  std::error_code error;
  if (project_folder.empty() || !fs::is_regular_file(fs::path(project_folder) / "dbt_project.yml", error)) {
    return std::nullopt;
  }
  const std::string file = (fs::path(project_folder) / "dependencies.yml").generic_string();
  std::vector<std::string> projects;
  if (!fs::is_regular_file(file, error)) return projects;
  YAML::Node root;
  try {
    root = YAML::LoadFile(file);
  } catch (const YAML::ParserException& parse) {
    throw yaml_syntax_error(file, parse, "fix the YAML syntax");
  } catch (const YAML::Exception& other) {
    throw InputError(file, std::string("cannot read the file: ") + other.what(),
                     "check that the file is readable");
  }
  if (!root || root.IsNull()) return projects;
  if (!root.IsMap()) throw shape_error(file, root, "expected a mapping with 'projects:' and/or 'packages:'");
  const YAML::Node list = root["projects"];
  if (!list || list.IsNull()) return projects;
  if (!list.IsSequence()) throw shape_error(file, list, "'projects' must be a list of {name: …}");
  for (const YAML::Node& entry : list) {
    const YAML::Node name = entry.IsMap() ? entry["name"] : YAML::Node();
    if (!name || !name.IsScalar()) throw shape_error(file, entry, "each entry of 'projects' needs a 'name'");
    projects.push_back(name.as<std::string>());
  }
  return projects;
}

}  // namespace meshgraph::load
