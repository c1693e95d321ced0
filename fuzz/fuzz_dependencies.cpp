// Fuzzes the dependencies.yml reader (load::read_declared_projects, yaml-cpp), which reads the
// file beside a project's dbt_project.yml. Contract: any bytes either read as a list of
// project names or raise one InputError naming the file, with a position inside it.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "fuzz_support.hpp"
#include "load/dependencies_reader.hpp"
#include "load/input_error.hpp"

namespace {

using namespace meshgraph;

/// A project folder of its own: dbt_project.yml, and dependencies.yml as a symlink to an
/// in-memory file rewritten per input (a file on disk, truncated per input, ran 20x slower).
struct ProjectFolder {
  fuzz::MemoryFile dependencies;
  std::string folder;
  std::string path;

  ProjectFolder() {
    char pattern[] = "/tmp/meshgraph-fuzz-dependencies-XXXXXX";
    const char* created = ::mkdtemp(pattern);
    MESHGRAPH_FUZZ_CHECK(created != nullptr, "mkdtemp failed");
    folder = created;
    path = folder + "/dependencies.yml";
    std::ofstream(folder + "/dbt_project.yml") << "name: fuzz\n";
    std::filesystem::create_symlink(dependencies.path(), path);
  }
};

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  static ProjectFolder project;
  const std::string_view text = fuzz::as_text(data, size);
  project.dependencies.write(text);
  try {
    const std::optional<std::vector<std::string>> projects =
        load::read_declared_projects(project.folder);
    MESHGRAPH_FUZZ_CHECK(projects.has_value(),
                         "a project folder with dbt_project.yml was not read");
  } catch (const load::InputError& error) {
    fuzz::check_input_error(error, project.path, text, fuzz::Positions::YamlDecoded);
  }
  return 0;
}
