// Reads many manifests on all cores: one file at a time, each one's nodes on two threads, so
// that only one parsed document is in memory at once.
#pragma once

#include <string>
#include <vector>

#include "load/manifest.hpp"

namespace meshgraph::load {

/// Reads every path and returns the manifests in the same order. When several files are bad,
/// the error of the first in `paths` order is thrown, so it is the same on every run. `detail`: how
/// much of each node to keep.
std::vector<Manifest> read_manifests(const std::vector<std::string>& paths,
                                     Detail detail = Detail::Full);

}  // namespace meshgraph::load
