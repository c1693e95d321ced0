// Reads manifest.json: the file, its kind and schema version, then nodes, sources, exposures
// and groups. Any problem becomes one InputError naming the file and, where known, line:col.
#include "load/manifest_reader.hpp"

#include <fmt/format.h>
#include <simdjson.h>

#include <algorithm>
#include <cassert>
#include <charconv>
#include <cstdint>
#include <cstring>
#include <exception>
#include <limits>
#include <new>
#include <numeric>
#include <optional>
#include <set>
#include <span>
#include <thread>

#include "load/dependencies_reader.hpp"
#include "load/file_reader.hpp"
#include "load/huge_pages.hpp"
#include "load/input_error.hpp"
#include "load/json_fields.hpp"
#include "load/json_syntax.hpp"
#include "load/md5.hpp"
#include "load/node_reader.hpp"
#include "load/value_locator.hpp"

namespace meshgraph::load {

using json::Element;
using json::FieldPath;
using json::Scope;
using json::ShapeError;

namespace {

constexpr int kOldestSchema = 7;
constexpr int kNewestSchema = 12;
constexpr std::string_view kWrongKindHelp =
    "give meshgraph the manifest.json that 'dbt parse' writes to target/";
constexpr std::string_view kRegenerateHelp =
    "run 'dbt parse' in the project to write target/manifest.json again";

/// `https://schemas.getdbt.com/dbt/manifest/v12.json` → {"manifest", 12}.
struct ArtifactSchema {
  std::string artifact;
  int version = 0;
  std::string version_text;  ///< as written: a version too large for an int is shown whole
};

std::optional<ArtifactSchema> parse_schema_url(std::string_view url) {
  const std::size_t dbt = url.rfind("/dbt/");
  const std::size_t slash = url.rfind('/');
  if (dbt == std::string_view::npos || slash <= dbt + 4) return std::nullopt;
  std::string_view file = url.substr(slash + 1);
  if (file.size() < 7 || file.front() != 'v' || !file.ends_with(".json")) return std::nullopt;
  file = file.substr(1, file.size() - 6);
  if (file.empty() || !std::all_of(file.begin(), file.end(), [](char c) { return c >= '0' && c <= '9'; })) {
    return std::nullopt;
  }
  // A version too large for an int is still a version newer than meshgraph knows.
  int version = std::numeric_limits<int>::max();
  std::from_chars(file.data(), file.data() + file.size(), version);
  return ArtifactSchema{std::string(url.substr(dbt + 5, slash - dbt - 5)), version, std::string(file)};
}

void check_schema(const std::string& path, const ArtifactSchema& schema, std::string_view url) {
  if (schema.artifact != "manifest") {
    throw InputError(path,
                     fmt::format("'{}' is a dbt {} artifact (schema v{}), not a manifest",
                                 path_file_name(path), schema.artifact, schema.version_text),
                     std::string(kWrongKindHelp));
  }
  if (schema.version < kOldestSchema) {
    throw InputError(path,
                     fmt::format("manifest schema v{} is not supported: meshgraph reads v{} to v{} "
                                 "(dbt 1.3 and later)",
                                 schema.version_text, kOldestSchema, kNewestSchema),
                     "parse the project with dbt 1.3 or later to write a newer manifest");
  }
  if (schema.version > kNewestSchema) {
    throw InputError(path,
                     fmt::format("manifest schema v{} is newer than this meshgraph knows: it reads "
                                 "v{} to v{} ({})",
                                 schema.version_text, kOldestSchema, kNewestSchema, url),
                     "upgrade meshgraph, or parse the project with a dbt that writes schema v12");
  }
}

/// simdjson could not parse the text; explain_json_error says where and why.
struct JsonError {
  simdjson::error_code code;
};

/// Refuses text in an encoding other than UTF-8 before parsing, naming the encoding: JSON
/// parsers would only say the first byte is wrong.
void check_encoding(const std::string& path, std::string_view bytes) {
  // JSON text must not start with a byte order mark (RFC 8259 §8.1); dbt never writes one, but
  // an editor or PowerShell's Out-File can. Say so rather than "invalid JSON".
  if (bytes.starts_with("\xEF\xBB\xBF")) {
    throw InputError(path, "the file starts with a UTF-8 byte order mark, which JSON does not allow",
                     "save the file as UTF-8 without a BOM, or write it again with 'dbt parse'",
                     TextPosition{1, 1});
  }
  if (bytes.starts_with("\xFF\xFE") || bytes.starts_with("\xFE\xFF")) {
    throw InputError(path, "the file is UTF-16 (it starts with a UTF-16 byte order mark); JSON must be UTF-8",
                     "save the file as UTF-8 (PowerShell: Out-File -Encoding utf8), or write it "
                     "again with 'dbt parse'",
                     TextPosition{1, 1});
  }
}

struct Metadata {
  std::string schema_url;
  std::string dbt_version;
  std::string project_name;
  std::string project_id;
  std::string adapter_type;
};

Metadata read_metadata(FieldPath& path, Element value) {
  Metadata metadata;
  Scope scope(path, "metadata");
  for (simdjson::dom::key_value_pair field : json::get_object(path, value)) {
    std::string* target = nullptr;
    if (field.key == "dbt_schema_version") target = &metadata.schema_url;
    else if (field.key == "dbt_version") target = &metadata.dbt_version;
    else if (field.key == "project_name") target = &metadata.project_name;
    else if (field.key == "project_id") target = &metadata.project_id;
    else if (field.key == "adapter_type") target = &metadata.adapter_type;
    if (target != nullptr) {
      Scope inner(path, field.key);
      *target = json::get_string_or_empty(path, field.value);
    }
  }
  return metadata;
}

/// v10+ write metadata.project_name; before that the project is the package whose md5 is
/// metadata.project_id (dbt's Project.hashed_name), as dbt's own test manifests confirm.
std::string resolve_project_name(const std::string& path, const Metadata& metadata,
                                 const std::vector<Node>& nodes) {
  if (!metadata.project_name.empty()) return metadata.project_name;
  std::set<std::string_view> packages;
  for (const Node& node : nodes) packages.insert(node.package_name);
  for (std::string_view package : packages) {
    if (md5_hex(package) == metadata.project_id) return std::string(package);
  }
  throw InputError(path,
                   "cannot tell which project wrote this manifest: metadata has no project_name "
                   "and no package's md5 matches metadata.project_id",
                   std::string(kRegenerateHelp));
}

/// What a JSON object without `metadata` most likely is, for the error message.
std::string describe_unknown_artifact(const std::string& path, const std::set<std::string>& keys) {
  if (keys.contains("semantic_models") && keys.contains("project_configuration")) {
    return fmt::format("'{}' is a dbt semantic_manifest artifact, not a manifest", path_file_name(path));
  }
  return "not a dbt manifest: there is no metadata.dbt_schema_version";
}

template <typename OnEntry>
void for_each_entry(FieldPath& path, Element value, std::string_view section, OnEntry&& on_entry) {
  Scope scope(path, section);
  if (value.is_null()) return;
  for (simdjson::dom::key_value_pair field : json::get_object(path, value)) {
    Scope entry(path, json::MapKey{field.key});
    on_entry(field.key, field.value);
  }
}

/// The manifest's sections meshgraph reads, to refuse one given twice: Python's json (dbt's
/// reader) would keep only the last, so two sections mean the file was not written by dbt.
enum Section : unsigned { kNodes = 1, kSources = 2, kExposures = 4, kGroups = 8 };

Section section_of(std::string_view key) {
  if (key == "nodes") return kNodes;
  if (key == "sources") return kSources;
  if (key == "exposures") return kExposures;
  if (key == "groups") return kGroups;
  return Section{0};
}

[[noreturn]] void fail_duplicate(std::vector<json::PathStep> path, std::string_view key,
                                 std::string_view prefix) {
  path.push_back({json::PathStep::Kind::Key, std::string(key), 0, 2});
  throw ShapeError{std::move(path), fmt::format("{}duplicate key {}", prefix, json::quote(key)), true};
}

/// Lookups binary-search the nodes by unique_id. Each section is usually in order already, the
/// three together are not (exposure. < model. < source.); a Node is large, so the order is
/// found on indices and each node is then moved once.
void sort_by_unique_id(std::vector<Node>& nodes) {
  auto by_unique_id = [](const Node& a, const Node& b) { return a.unique_id < b.unique_id; };
  if (std::is_sorted(nodes.begin(), nodes.end(), by_unique_id)) return;
  std::vector<std::uint32_t> order(nodes.size());
  std::iota(order.begin(), order.end(), 0U);
  std::sort(order.begin(), order.end(),
            [&](std::uint32_t a, std::uint32_t b) { return nodes[a].unique_id < nodes[b].unique_id; });
  // The order is applied in place, one cycle of the permutation at a time, rather than by
  // moving every node into a second vector: that vector's pages were a seventh of check's page
  // faults. Position i takes the node at order[i]; a slot is marked done once it holds its node.
  constexpr std::uint32_t kDone = std::numeric_limits<std::uint32_t>::max();
  assert(nodes.size() < kDone);
  for (std::uint32_t start = 0; start < order.size(); ++start) {
    if (order[start] == kDone || order[start] == start) continue;
    Node held = std::move(nodes[start]);
    std::uint32_t slot = start;
    while (order[slot] != start) {
      const std::uint32_t from = order[slot];
      nodes[slot] = std::move(nodes[from]);
      order[slot] = kDone;
      slot = from;
    }
    nodes[slot] = std::move(held);
    order[slot] = kDone;
  }
}

/// Two nodes with one unique_id: refused at the second, as for a section given twice.
void check_unique_ids(const std::vector<Node>& nodes) {
  const auto duplicate = std::adjacent_find(nodes.begin(), nodes.end(), [](const Node& a, const Node& b) {
    return a.unique_id == b.unique_id;
  });
  if (duplicate == nodes.end()) return;
  const std::string_view section = duplicate->resource_type == ResourceType::Source     ? "sources"
                                   : duplicate->resource_type == ResourceType::Exposure ? "exposures"
                                                                                        : "nodes";
  fail_duplicate({{json::PathStep::Kind::Field, std::string(section)}}, duplicate->unique_id,
                 fmt::format("{}: ", section));
}

/// One entry of a node section, as the parsed document holds it.
struct NodeEntry {
  std::string_view unique_id;
  Element value;
};

/// Reads `entries` into `nodes`, one each, their text into `text`.
void read_node_entries(FieldPath& path, std::span<const NodeEntry> entries, std::span<Node> nodes,
                       TextStore& text, const NodeContext& context) {
  for (std::size_t i = 0; i < entries.size(); ++i) {
    Scope scope(path, json::MapKey{entries[i].unique_id});
    read_node(path, entries[i].value, entries[i].unique_id, nodes[i], text, context);
  }
}

/// A section smaller than this is read on one thread: starting a second costs more than it saves.
constexpr std::size_t kEntriesWorthTwoThreads = 2048;

/// Reads the entries of `nodes`, `sources` or `exposures` into manifest.nodes, in their order;
/// disabled nodes are left out. With `two_threads`, a large section is read in two halves at
/// once, the second half's text into a store of its own that the manifest's store then adopts:
/// a manifest is parsed once, by one thread, and its nodes (most of the reading time) are read
/// on two cores. When both halves fail, the first half's error is the one thrown: the first in
/// the text, as on one thread.
void read_node_section(FieldPath& path, Element value, std::string_view section, Manifest& manifest,
                       const NodeContext& context, bool two_threads) {
  Scope scope(path, section);
  if (value.is_null()) return;
  std::vector<NodeEntry> entries;
  const json::Object object = json::get_object(path, value);
  entries.reserve(object.size());
  for (simdjson::dom::key_value_pair field : object) entries.push_back({field.key, field.value});
  // Nodes are built in place, each thread in its own slots: a Node is large, and moving every
  // one read (or growing the vector) was a visible part of the read.
  const std::size_t first = manifest.nodes.size();
  manifest.nodes.resize(first + entries.size());
  const std::span<Node> slots(manifest.nodes.data() + first, entries.size());
  const std::span<const NodeEntry> all(entries);
  if (!two_threads || entries.size() < kEntriesWorthTwoThreads) {
    read_node_entries(path, all, slots, *manifest.text, context);
  } else {
    const std::size_t half = entries.size() / 2;
    TextStore second_text;
    std::exception_ptr second_error;
    std::thread second([&] {
      try {
        FieldPath second_path;
        Scope second_scope(second_path, section);
        read_node_entries(second_path, all.subspan(half), slots.subspan(half), second_text,
                          context);
      } catch (...) {
        second_error = std::current_exception();
      }
    });
    std::exception_ptr first_error;
    try {
      read_node_entries(path, all.first(half), slots.first(half), *manifest.text, context);
    } catch (...) {
      first_error = std::current_exception();
    }
    second.join();
    if (first_error) std::rethrow_exception(first_error);
    if (second_error) std::rethrow_exception(second_error);
    manifest.text->adopt(second_text);
  }
  manifest.nodes.erase(
      std::remove_if(manifest.nodes.begin() + static_cast<std::ptrdiff_t>(first),
                     manifest.nodes.end(), [](const Node& node) { return !node.is_enabled; }),
      manifest.nodes.end());
}

/// What becomes of the parser's structural index once a parse is done.
enum class AfterParse { ReleaseIndex, KeepIndex };

/// Bytes of the structural index simdjson 3 allocates for `capacity` bytes of JSON
/// (dom_parser_implementation::set_capacity), as far as meshgraph advises or releases it.
std::size_t structural_index_bytes(std::size_t capacity) { return (capacity + 3) * sizeof(std::uint32_t); }

/// simdjson's DOM parser validates the whole text (every value, even those meshgraph does not
/// read), so a manifest that parses is valid JSON; errors are located in the text afterwards.
Manifest read_document(simdjson::dom::parser& parser, const simdjson::padded_string_view& text,
                       const std::string& path, const ReadOptions& options, AfterParse after_parse) {
  Element root;
  {
    if (simdjson::error_code error = parser.parse(text.data(), text.size(), false).get(root)) {
      throw JsonError{error};
    }
    // After the last file's parse, the structural index, which only the parse reads, goes back
    // while the nodes are read and the model grows: so the largest moment stays that parse.
    // Before another file it stays, like the file buffer, tape and strings: that file writes
    // the same pages, and giving them back would fault (zero) them in again (perf: 11.5 MB of
    // huge pages per 20 MB file, zeroed at 2 GB/s here, on the one thread that parses).
    // All of it, not only what this file used: an earlier, larger file may have written more.
    if (after_parse == AfterParse::ReleaseIndex) {
      release_memory(parser.implementation->structural_indexes.get(),
                     structural_index_bytes(parser.implementation->capacity()));
    }
  }
  if (!root.is_object()) {
    throw InputError(path,
                     fmt::format("not a dbt manifest: the file holds {}, not a JSON object",
                                 json::type_name(root.type())),
                     std::string(kWrongKindHelp));
  }

  FieldPath field_path;
  Manifest manifest;
  std::optional<Metadata> metadata;
  std::set<std::string_view> keys;
  unsigned sections_seen = 0;
  NodeContext node_context{options.detail, {}};
  json::Object root_object;
  if (simdjson::error_code error = root.get_object().get(root_object)) throw JsonError{error};
  for (simdjson::dom::key_value_pair field : root_object) {
    const std::string_view key = field.key;
    keys.insert(key);
    if (key == "metadata") {
      metadata = read_metadata(field_path, field.value);
      std::optional<ArtifactSchema> schema = parse_schema_url(metadata->schema_url);
      if (!schema) {
        throw InputError(path,
                         fmt::format("not a dbt manifest: metadata.dbt_schema_version is {}",
                                     json::quote(metadata->schema_url)),
                         std::string(kWrongKindHelp));
      }
      check_schema(path, *schema, metadata->schema_url);
      manifest.schema_version = schema->version;
      node_context.project = metadata->project_name;
      continue;
    }
    const Section section = section_of(key);
    if (section == 0) continue;
    if ((sections_seen & section) != 0) fail_duplicate({}, key, "");
    sections_seen |= section;
    if (section == kGroups) {
      for_each_entry(field_path, field.value, key, [&](std::string_view unique_id, Element group_value) {
        manifest.groups.push_back(read_group(field_path, group_value, unique_id));
      });
    } else {
      read_node_section(field_path, field.value, key, manifest, node_context, options.two_threads);
    }
  }
  if (!metadata) {
    const std::set<std::string> owned_keys(keys.begin(), keys.end());
    throw InputError(path, describe_unknown_artifact(path, owned_keys), std::string(kWrongKindHelp));
  }
  if ((sections_seen & kNodes) == 0) {
    throw InputError(path, "not a dbt manifest: there is no 'nodes' object", std::string(kRegenerateHelp));
  }
  manifest.dbt_version = metadata->dbt_version;
  manifest.adapter_type = metadata->adapter_type;
  manifest.project_name = resolve_project_name(path, *metadata, manifest.nodes);
  sort_by_unique_id(manifest.nodes);
  check_unique_ids(manifest.nodes);
  std::sort(manifest.groups.begin(), manifest.groups.end(),
            [](const Group& a, const Group& b) { return a.unique_id < b.unique_id; });
  return manifest;
}

/// Where the value or key `shape` names is in `text`.
std::optional<TextPosition> locate(const simdjson::padded_string_view& text, const ShapeError& shape) {
  const std::optional<std::size_t> offset = locate_value(text, shape.path, shape.at_key);
  if (!offset) return std::nullopt;
  return text_position(std::string_view(text.data(), text.size()), *offset);
}

/// Reads the text in `text` (padded), turning every problem into an InputError for `path`.
Manifest parse_text(simdjson::dom::parser& parser, const simdjson::padded_string_view& text,
                    const std::string& path, const ReadOptions& options, AfterParse after_parse) {
  const std::string_view bytes(text.data(), text.size());
  if (bytes.empty()) throw InputError(path, "the file is empty", std::string(kRegenerateHelp));
  check_encoding(path, bytes);
  try {
    try {
      Manifest manifest = read_document(parser, text, path, options, after_parse);
      manifest.path = path;
      manifest.project_folder = project_folder_of(path);
      return manifest;
    } catch (const JsonError& error) {
      if (error.code == simdjson::MEMALLOC) throw std::bad_alloc();
      const JsonProblem problem = explain_json_error(bytes, error.code);
      throw InputError(path, problem.message, std::string(kRegenerateHelp),
                       problem.offset ? std::optional(text_position(bytes, *problem.offset)) : std::nullopt);
    } catch (const ShapeError& shape) {
      throw InputError(path, shape.message, std::string(kRegenerateHelp), locate(text, shape));
    }
  } catch (const std::bad_alloc&) {
    fail_out_of_memory(path, bytes.size());
  }
}

/// The parser's three large buffers, sized as simdjson 3 sizes them for `capacity` bytes of
/// JSON (document::allocate, dom_parser_implementation::set_capacity); the pages are written
/// only as far as a document reaches, so advising more than is used costs nothing.
void advise_parser_huge_pages(simdjson::dom::parser& parser, std::size_t capacity) {
  advise_huge_pages(parser.doc.tape.get(), (capacity + 3) * sizeof(std::uint64_t));
  advise_huge_pages(parser.doc.string_buf.get(), 5 * capacity / 3 + simdjson::SIMDJSON_PADDING);
  if (parser.implementation) {
    advise_huge_pages(parser.implementation->structural_indexes.get(), structural_index_bytes(capacity));
  }
}

}  // namespace

Manifest ManifestReader::read(const std::string& path, bool another_follows) {
  read_file_into(path, buffer_);
  // The parser grows to the largest document it has seen; growing by a quarter more than needed
  // spares reallocating (and faulting in its pages again) for each slightly larger manifest.
  if (buffer_.size() > parser_.capacity() && buffer_.size() < simdjson::SIMDJSON_MAXSIZE_BYTES / 2) {
    const std::size_t capacity = buffer_.size() + buffer_.size() / 4;
    // The document's tape and strings are allocated here too (parse() would size them to this
    // file only), so that both grow by the same quarter and can be advised before first use.
    if (parser_.allocate(capacity) != simdjson::SUCCESS || parser_.doc.allocate(capacity) != simdjson::SUCCESS) {
      fail_out_of_memory(path, buffer_.size());
    }
    advise_parser_huge_pages(parser_, capacity);
  }
  Manifest manifest = parse_text(parser_, buffer_.view(), path, options_,
                                 another_follows ? AfterParse::KeepIndex : AfterParse::ReleaseIndex);
  // The document's tape and strings are kept for the next file, as the index is until the last
  // file: the next file rewrites them at once, and faulting in (zeroing) 27 MB again per 20 MB
  // file cost 13% of check's wall time (docs/performance.md).
  manifest.declared_projects = read_declared_projects(manifest.project_folder);
  return manifest;
}

Manifest ManifestReader::parse(std::string_view json_text, const std::string& path) {
  std::memcpy(buffer_.resize(json_text.size()), json_text.data(), json_text.size());
  return parse_text(parser_, buffer_.view(), path, options_, AfterParse::ReleaseIndex);
}

Manifest read_manifest(const std::string& path, Detail detail) {
  return ManifestReader({detail}).read(path);
}

Manifest parse_manifest(std::string_view json_text, const std::string& path) {
  return ManifestReader().parse(json_text, path);
}

}  // namespace meshgraph::load
