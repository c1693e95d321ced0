// Reads the manifests one after another, each one's nodes on two cores.
#include "load/parallel_reader.hpp"

#include <thread>

#include "load/manifest_reader.hpp"

namespace meshgraph::load {

std::vector<Manifest> read_manifests(const std::vector<std::string>& paths, Detail detail) {
  // One file at a time, not one file per core: a parse holds the file, simdjson's structural
  // index, tape and strings (about 2.9 times the file) and the document stays until its nodes
  // are read, so two files side by side were half of check's peak memory on a 414 MB mesh. The
  // parse is the smaller part of a file's time; reading its nodes, the larger, is split across
  // two threads (read_node_section), which keeps both cores busy most of the time.
  const bool two_threads = std::thread::hardware_concurrency() > 1;
  ManifestReader reader({detail, two_threads});  // its buffers are reused from file to file
  std::vector<Manifest> manifests;
  manifests.reserve(paths.size());
  // The first bad file in `paths` order stops the run: the same error on every run.
  for (std::size_t i = 0; i < paths.size(); ++i) {
    manifests.push_back(reader.read(paths[i], i + 1 < paths.size()));
  }
  return manifests;
}

}  // namespace meshgraph::load
