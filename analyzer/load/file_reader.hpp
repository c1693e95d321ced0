// Reads input files whole, with errors that say what is wrong with the path.
#pragma once

#include <simdjson.h>

#include <string>
#include <string_view>

namespace meshgraph::load {

/// Reads `path` into a buffer padded for simdjson. Throws InputError for a missing file, a
/// directory, a file that cannot be read, or one larger than meshgraph accepts.
/// `missing_help` is the next step offered when the file does not exist.
simdjson::padded_string read_padded_file(
    const std::string& path,
    std::string_view missing_help = "check the path, or run 'dbt parse' in the project to write target/manifest.json");

/// The last component of a path, for messages: "run_results.json".
std::string path_file_name(std::string_view path);

/// The dbt project folder of `<folder>/target/manifest.json` ("" when the path has another shape).
std::string project_folder_of(std::string_view manifest_path);

}  // namespace meshgraph::load
