// Reads one manifest.json (schema v7–v12, dbt Fusion) with simdjson On-Demand into a Manifest.
#pragma once

#include <string>
#include <string_view>

#include "load/manifest.hpp"

namespace meshgraph::load {

/// Reads and normalises the manifest at `path`; the file is read once and no JSON is kept.
/// When it sits in a dbt project folder, that project's dependencies.yml is read too.
/// Throws InputError naming the file (with line:col where known) for anything it cannot use.
Manifest read_manifest(const std::string& path);

/// The same from text already in memory; `path` is used in messages only.
Manifest parse_manifest(std::string_view json_text, const std::string& path);

}  // namespace meshgraph::load
