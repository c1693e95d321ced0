// Writes a finished report: to stdout, or to a file through a temporary and a rename, so an
// interrupted run never leaves half a report behind.
#pragma once

#include <string>
#include <string_view>

namespace meshgraph::report {

/// Throws load::InputError, naming `option`, when `path` cannot be an output: its folder does
/// not exist, or it is a folder. Stdout ("" or "-") always can. write_output checks this too;
/// calling it for every output first means a run writes all of its outputs or none.
void check_output_path(const std::string& path, std::string_view option);

/// Writes `content` to `path` ("" or "-" means stdout). Throws load::InputError, naming
/// `option` (the flag that gave the path), when the folder does not exist or the file cannot
/// be written. Devices, pipes and symbolic links are written in place, never replaced.
void write_output(const std::string& path, std::string_view content,
                  std::string_view option = "--output");

}  // namespace meshgraph::report
