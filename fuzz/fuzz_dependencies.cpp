// Fuzzes the dependencies.yml reader (load::read_declared_projects, yaml-cpp), which reads the
// file beside a project's dbt_project.yml. Contract: any bytes either read as a list of
// project names or raise one InputError naming the file, with a position inside it.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
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

/// A project folder of its own (dbt_project.yml, then dependencies.yml per input).
std::string make_project_folder() {
  char pattern[] = "/tmp/meshgraph-fuzz-dependencies-XXXXXX";
  const char* folder = ::mkdtemp(pattern);
  MESHGRAPH_FUZZ_CHECK(folder != nullptr, "mkdtemp failed");
  std::ofstream(std::string(folder) + "/dbt_project.yml") << "name: fuzz\n";
  return folder;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  static const std::string folder = make_project_folder();
  static const std::string path = folder + "/dependencies.yml";
  const std::string_view text = fuzz::as_text(data, size);
  {
    std::ofstream file(path, std::ios::binary | std::ios::trunc);
    file.write(text.data(), static_cast<std::streamsize>(text.size()));
  }
  try {
    const std::optional<std::vector<std::string>> projects = load::read_declared_projects(folder);
    MESHGRAPH_FUZZ_CHECK(projects.has_value(),
                         "a project folder with dbt_project.yml was not read");
  } catch (const load::InputError& error) {
    fuzz::check_input_error(error, path, text, fuzz::Positions::YamlCharacters);
  }
  return 0;
}
