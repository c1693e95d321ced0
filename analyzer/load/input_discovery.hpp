// Turns the INPUTs of the command line into the list of manifest.json files that form the mesh.
#pragma once

#include <string>
#include <vector>

namespace meshgraph::load {

/// Each INPUT is a manifest.json file, a dbt project folder (its target/manifest.json), or a
/// folder searched recursively for */target/manifest.json, skipping dbt_packages/, hidden
/// folders and the `excluded` folders (an INPUT named explicitly is never skipped). Returns the
/// paths sorted, as the user would type them. Throws InputError when an INPUT does not exist,
/// cannot be read, or holds no manifest.
std::vector<std::string> find_manifests(const std::vector<std::string>& inputs,
                                        const std::vector<std::string>& excluded = {});

}  // namespace meshgraph::load
