// Finds the manifests behind the command line's INPUTs: files, project folders, mesh folders.
#include "load/input_discovery.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <filesystem>
#include <set>
#include <system_error>

#include "load/input_error.hpp"

namespace meshgraph::load {

namespace fs = std::filesystem;

namespace {

/// Folders that hold no project of the mesh: installed packages are part of the project that
/// installed them (never a separate project), hidden folders are tooling, target/ is output.
bool is_skipped_folder(const fs::path& folder) {
  const std::string name = folder.filename().string();
  return name.empty() || name.front() == '.' || name == "dbt_packages" || name == "target" ||
         name == "node_modules";
}

std::string join(const std::string& base, const fs::path& relative) {
  if (base.empty() || base == ".") return relative.generic_string();
  return base + "/" + relative.generic_string();
}

/// Whether `path` is there at all. A target/manifest.json that is a directory, a FIFO, a
/// broken link or a link loop is still the project's manifest: the reader says what is wrong
/// with it, rather than the project dropping out of the mesh in silence.
bool has_manifest_entry(const fs::path& path) {
  std::error_code error;
  const fs::file_status status = fs::symlink_status(path, error);
  if (error) return error != std::errc::no_such_file_or_directory && error != std::errc::not_a_directory;
  return fs::exists(status);
}

fs::path canonical_or_normal(const fs::path& path) {
  std::error_code error;
  fs::path canonical = fs::weakly_canonical(path, error);
  return error ? path.lexically_normal() : canonical;
}

/// Directory symlinks are not followed, so a symlink cycle cannot make the walk loop. The walk
/// stops at the first project over kMaxProjects.
void search_folder(const std::string& input, const fs::path& folder, const fs::path& relative,
                   const std::set<fs::path>& excluded, std::vector<std::string>& found) {
  if (has_manifest_entry(folder / "target" / "manifest.json")) {
    found.push_back(join(input, relative / "target" / "manifest.json"));
    if (found.size() > kMaxProjects) {
      throw InputError(input,
                       fmt::format("found {} dbt projects; meshgraph reads at most {} in one mesh",
                                   found.size(), kMaxProjects),
                       "give the project folders of the mesh as INPUTs (such as 'mesh/*/'), or "
                       "skip the other folders with 'exclude:' in meshgraph.yml");
    }
  }
  std::error_code error;
  fs::directory_iterator entries(folder, error);
  if (error) {
    throw InputError(join(input, relative), fmt::format("cannot read the folder: {}", error.message()),
                     "check the folder's permissions");
  }
  std::vector<fs::path> subfolders;
  for (const fs::directory_entry& entry : entries) {
    std::error_code entry_error;
    if (entry.is_directory(entry_error) && !entry.is_symlink(entry_error) &&
        !is_skipped_folder(entry.path()) && !excluded.contains(canonical_or_normal(entry.path()))) {
      subfolders.push_back(entry.path().filename());
    }
  }
  std::sort(subfolders.begin(), subfolders.end());
  for (const fs::path& name : subfolders) {
    search_folder(input, folder / name, relative.empty() ? name : relative / name, excluded, found);
  }
}

std::string strip_trailing_slashes(std::string input) {
  while (input.size() > 1 && input.back() == '/') input.pop_back();
  return input;
}

}  // namespace

std::vector<std::string> find_manifests(const std::vector<std::string>& inputs,
                                        const std::vector<std::string>& excluded) {
  std::set<fs::path> excluded_folders;
  for (const std::string& folder : excluded) excluded_folders.insert(canonical_or_normal(folder));
  std::vector<std::string> manifests;
  for (const std::string& raw_input : inputs) {
    const std::string input = strip_trailing_slashes(raw_input);
    std::error_code error;
    const fs::file_status status = fs::status(input, error);
    if (error || !fs::exists(status)) {
      if (error.value() == ELOOP) {
        throw InputError(input, "cannot read the input: too many levels of symbolic links",
                         "fix the symbolic link loop, or give the real path");
      }
      throw InputError(input, "no such file or folder",
                       "give a manifest.json, a dbt project folder, or a folder of projects");
    }
    if (!fs::is_directory(status)) {
      manifests.push_back(input);
      continue;
    }
    // A folder named like a file (often target/manifest.json left as a folder) is a wrong
    // path, not a folder of projects to search.
    if (fs::path(input).extension() == ".json") {
      throw InputError(input, "expected a manifest.json file, found a directory",
                       "give the file, or the dbt project folder that holds target/manifest.json");
    }
    std::vector<std::string> found;
    search_folder(input, input, fs::path(), excluded_folders, found);
    if (found.empty()) {
      throw InputError(input, "no dbt manifest found: no target/manifest.json in this folder or below",
                       "run 'dbt parse' in each project first, or give the manifest.json paths");
    }
    manifests.insert(manifests.end(), found.begin(), found.end());
  }
  // The same file named twice (directly and through its folder) is one input.
  std::vector<std::string> unique;
  std::set<fs::path> seen;
  for (const std::string& manifest : manifests) {
    if (seen.insert(canonical_or_normal(manifest)).second) unique.push_back(manifest);
  }
  std::sort(unique.begin(), unique.end());
  return unique;
}

}  // namespace meshgraph::load
