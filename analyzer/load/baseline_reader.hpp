// Reads a baseline file written by --write-baseline: the findings a council already knows of.
#pragma once

#include <string>
#include <vector>

#include "check/run_settings.hpp"

namespace meshgraph::load {

/// Throws InputError (with line:col for bad JSON) when the file cannot be used as a baseline.
std::vector<check::BaselineEntry> read_baseline(const std::string& path);

}  // namespace meshgraph::load
