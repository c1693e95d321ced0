// Reads one manifest.json (schema v7–v12, dbt Fusion) with simdjson's DOM parser into a Manifest.
#pragma once

#include <simdjson.h>

#include <string>
#include <string_view>

#include "load/file_reader.hpp"
#include "load/manifest.hpp"

namespace meshgraph::load {

/// How a ManifestReader reads.
struct ReadOptions {
  Detail detail = Detail::Full;  ///< how much of each node to keep
  /// Read a large section's nodes on two threads (the parse itself is one thread's).
  bool two_threads = false;
};

/// Reads manifests one after another, keeping the file buffer and the parser's memory from one
/// to the next. The whole text is validated as JSON, also the values meshgraph does not use:
/// a corrupt manifest never passes.
class ManifestReader {
 public:
  explicit ManifestReader(ReadOptions options = {}) : options_(options) {}

  /// As read_manifest. `another_follows`: another file will be read after this one, so the
  /// parser's structural index is kept for it rather than given back after the parse.
  Manifest read(const std::string& path, bool another_follows = false);
  /// As parse_manifest.
  Manifest parse(std::string_view json_text, const std::string& path);

 private:
  simdjson::dom::parser parser_;
  FileBuffer buffer_;
  ReadOptions options_;
};

/// Reads and normalises the manifest at `path`; the file is read once and no JSON is kept.
/// When it sits in a dbt project folder, that project's dependencies.yml is read too.
/// Throws InputError naming the file (with line:col where known) for anything it cannot use.
Manifest read_manifest(const std::string& path, Detail detail = Detail::Full);

/// The same from text already in memory; `path` is used in messages only.
Manifest parse_manifest(std::string_view json_text, const std::string& path);

}  // namespace meshgraph::load
