// Outputs are checked before anything is written: each can be written, and none is a file the
// run read (compared by device and inode, so another spelling or a symbolic link is caught too).
#pragma once

#include <initializer_list>
#include <string>
#include <vector>

#include "config/config.hpp"
#include "graph/mesh_graph.hpp"

namespace meshgraph::cli {

/// A file the run will write, and the option that named it ("--output", "--format sarif").
struct OutputPath {
  std::string path;
  std::string option;
};

/// A file the run read, and how to name it to the user ("the policy file 'meshgraph.yml'").
struct FileRead {
  std::string path;
  std::string what;
  bool is_baseline = false;  ///< given to --baseline
};

/// The files behind `meshes`, `config` and `baseline` (--baseline, "" when not given): each
/// project's manifest and dependencies.yml, the policy file, the baseline.
std::vector<FileRead> files_read(std::initializer_list<const graph::MeshGraph*> meshes,
                                 const config::Config& config, const std::string& baseline);

/// Checks every output before any is written, so a run writes all of its outputs or none:
/// throws load::InputError, naming the output, when its folder does not exist, it is a folder,
/// or it is the same file as an input. Stdout ("" or "-") is never an input.
void check_outputs(const std::vector<OutputPath>& outputs, const std::vector<FileRead>& inputs);

}  // namespace meshgraph::cli
