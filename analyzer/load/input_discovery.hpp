// Turns the INPUTs of the command line into the list of manifest.json files that form the mesh.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

namespace meshgraph::load {

/// The most projects the search of one folder INPUT may find. A dbt Mesh of more is far larger
/// than any we know of; the bound is there so that a wrong INPUT (a home folder, a folder of
/// checkouts) gets a message rather than every manifest below it read and checked. Project
/// folders given as INPUTs (`mesh/*/`) are not searched, so a larger mesh can still be read.
inline constexpr std::size_t kMaxProjects = 1000;

/// Each INPUT is a manifest.json file, a dbt project folder (its target/manifest.json), or a
/// folder searched recursively for */target/manifest.json, skipping dbt_packages/, hidden
/// folders and the `excluded` folders (an INPUT named explicitly is never skipped). Returns the
/// paths sorted, as the user would type them. A target/manifest.json found in the search that
/// is not a regular file is returned too, for the reader to refuse. Throws InputError when an
/// INPUT does not exist, cannot be read, is a folder named *.json, holds no manifest, or holds
/// more than kMaxProjects.
std::vector<std::string> find_manifests(const std::vector<std::string>& inputs,
                                        const std::vector<std::string>& excluded = {});

}  // namespace meshgraph::load
