// Reads manifest.json: the file, its kind and schema version, then nodes, sources, exposures
// and groups. Any problem becomes one InputError naming the file and, where known, line:col.
#include "load/manifest_reader.hpp"

#include <fmt/format.h>
#include <simdjson.h>

#include <algorithm>
#include <optional>
#include <set>

#include "load/dependencies_reader.hpp"
#include "load/file_reader.hpp"
#include "load/input_error.hpp"
#include "load/json_fields.hpp"
#include "load/json_syntax.hpp"
#include "load/md5.hpp"
#include "load/node_reader.hpp"

namespace meshgraph::load {

using json::FieldPath;
using json::json_type;
using json::Scope;
using json::ShapeError;
using json::Value;

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
  return ArtifactSchema{std::string(url.substr(dbt + 5, slash - dbt - 5)), std::stoi(std::string(file))};
}

void check_schema(const std::string& path, const ArtifactSchema& schema, std::string_view url) {
  if (schema.artifact != "manifest") {
    throw InputError(path,
                     fmt::format("'{}' is a dbt {} artifact (schema v{}), not a manifest",
                                 path_file_name(path), schema.artifact, schema.version),
                     std::string(kWrongKindHelp));
  }
  if (schema.version < kOldestSchema) {
    throw InputError(path,
                     fmt::format("manifest schema v{} is not supported: meshgraph reads v{} to v{} "
                                 "(dbt 1.3 and later)",
                                 schema.version, kOldestSchema, kNewestSchema),
                     "parse the project with dbt 1.3 or later to write a newer manifest");
  }
  if (schema.version > kNewestSchema) {
    throw InputError(path,
                     fmt::format("manifest schema v{} is newer than this meshgraph knows: it reads "
                                 "v{} to v{} ({})",
                                 schema.version, kOldestSchema, kNewestSchema, url),
                     "upgrade meshgraph, or parse the project with a dbt that writes schema v12");
  }
}

struct Metadata {
  std::string schema_url;
  std::string dbt_version;
  std::string project_name;
  std::string project_id;
  std::string adapter_type;
};

Metadata read_metadata(FieldPath& path, Value& value) {
  Metadata metadata;
  Scope scope(path, "metadata");
  for (simdjson::simdjson_result<simdjson::ondemand::field> result : json::get_object(path, value)) {
    if (result.error()) json::fail_simdjson(path, result.error(), nullptr);
    simdjson::ondemand::field field = std::move(result).value_unsafe();
    simdjson::simdjson_result<std::string_view> key_result = field.unescaped_key();
    if (key_result.error()) json::fail_simdjson(path, key_result.error(), nullptr);
    const std::string key(key_result.value_unsafe());
    std::string* target = nullptr;
    if (key == "dbt_schema_version") target = &metadata.schema_url;
    else if (key == "dbt_version") target = &metadata.dbt_version;
    else if (key == "project_name") target = &metadata.project_name;
    else if (key == "project_id") target = &metadata.project_id;
    else if (key == "adapter_type") target = &metadata.adapter_type;
    if (target != nullptr) {
      Scope inner(path, key);
      *target = json::get_optional_string(path, field.value()).value_or("");
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
void for_each_entry(FieldPath& path, Value& value, std::string_view section, OnEntry&& on_entry) {
  Scope scope(path, section);
  if (json::type_of(path, value) == json_type::null) return;
  for (simdjson::simdjson_result<simdjson::ondemand::field> result : json::get_object(path, value)) {
    if (result.error()) json::fail_simdjson(path, result.error(), nullptr);
    simdjson::ondemand::field field = std::move(result).value_unsafe();
    simdjson::simdjson_result<std::string_view> key = field.unescaped_key();
    if (key.error()) json::fail_simdjson(path, key.error(), nullptr);
    Scope entry(path, json::MapKey{key.value_unsafe()});
    on_entry(std::string(key.value_unsafe()), field.value());
  }
}

Manifest read_document(const simdjson::padded_string& buffer, const std::string& path) {
  static thread_local simdjson::ondemand::parser parser;
  FieldPath field_path(buffer.data());
  simdjson::ondemand::document document;
  if (simdjson::error_code error = parser.iterate(buffer).get(document)) {
    json::fail_simdjson(field_path, error, nullptr);
  }
  simdjson::ondemand::object root;
  simdjson::simdjson_result<json_type> root_type = document.type();
  if (root_type.error()) json::fail_simdjson(field_path, root_type.error(), nullptr);
  if (root_type.value_unsafe() != json_type::object) {
    throw InputError(path,
                     fmt::format("not a dbt manifest: the file holds {}, not a JSON object",
                                 json::type_name(root_type.value_unsafe())),
                     std::string(kWrongKindHelp));
  }
  if (simdjson::error_code error = document.get_object().get(root)) {
    json::fail_simdjson(field_path, error, nullptr);
  }

  Manifest manifest;
  std::optional<Metadata> metadata;
  std::set<std::string> keys;
  for (simdjson::simdjson_result<simdjson::ondemand::field> result : root) {
    if (result.error()) json::fail_simdjson(field_path, result.error(), nullptr);
    simdjson::ondemand::field field = std::move(result).value_unsafe();
    simdjson::simdjson_result<std::string_view> key_result = field.unescaped_key();
    if (key_result.error()) json::fail_simdjson(field_path, key_result.error(), nullptr);
    const std::string key(key_result.value_unsafe());
    keys.insert(key);
    Value& value = field.value();
    if (key == "metadata") {
      metadata = read_metadata(field_path, value);
      std::optional<ArtifactSchema> schema = parse_schema_url(metadata->schema_url);
      if (!schema) {
        throw InputError(path,
                         fmt::format("not a dbt manifest: metadata.dbt_schema_version is '{}'",
                                     metadata->schema_url),
                         std::string(kWrongKindHelp));
      }
      check_schema(path, *schema, metadata->schema_url);
      manifest.schema_version = schema->version;
    } else if (key == "nodes" || key == "sources" || key == "exposures") {
      for_each_entry(field_path, value, key, [&](std::string unique_id, Value& node_value) {
        Node& node = manifest.nodes.emplace_back();
        read_node(field_path, node_value, std::move(unique_id), node);
        if (!node.is_enabled) manifest.nodes.pop_back();
      });
    } else if (key == "groups") {
      for_each_entry(field_path, value, key, [&](std::string unique_id, Value& group_value) {
        manifest.groups.push_back(read_group(field_path, group_value, std::move(unique_id)));
      });
    }
  }
  // simdjson reports OUT_OF_BOUNDS for the position after the last token: anything else is
  // text after the top-level object.
  if (document.current_location().error() != simdjson::OUT_OF_BOUNDS) {
    throw ShapeError{buffer.size(), "unexpected content after the top-level object"};
  }
  if (!metadata) throw InputError(path, describe_unknown_artifact(path, keys), std::string(kWrongKindHelp));
  if (!keys.contains("nodes")) {
    throw InputError(path, "not a dbt manifest: there is no 'nodes' object", std::string(kRegenerateHelp));
  }
  manifest.dbt_version = metadata->dbt_version;
  manifest.adapter_type = metadata->adapter_type;
  manifest.project_name = resolve_project_name(path, *metadata, manifest.nodes);
  return manifest;
}

Manifest parse_manifest_buffer(const simdjson::padded_string& buffer, const std::string& path) {
  if (buffer.size() == 0) {
    throw InputError(path, "the file is empty", std::string(kRegenerateHelp));
  }
  // JSON text must not start with a byte order mark (RFC 8259 §8.1); dbt never writes one, but
  // an editor or PowerShell's Out-File can. Say so rather than "invalid JSON".
  if (std::string_view(buffer.data(), buffer.size()).starts_with("\xEF\xBB\xBF")) {
    throw InputError(path, "the file starts with a UTF-8 byte order mark, which JSON does not allow",
                     "save the file as UTF-8 without a BOM, or write it again with 'dbt parse'",
                     TextPosition{1, 1});
  }
  try {
    Manifest manifest = read_document(buffer, path);
    manifest.path = path;
    manifest.project_folder = project_folder_of(path);
    // Lookups binary-search the nodes. dbt usually writes them in order already; a Node is
    // large, so sort only when needed.
    auto by_unique_id = [](const Node& a, const Node& b) { return a.unique_id < b.unique_id; };
    if (!std::is_sorted(manifest.nodes.begin(), manifest.nodes.end(), by_unique_id)) {
      std::sort(manifest.nodes.begin(), manifest.nodes.end(), by_unique_id);
    }
    std::sort(manifest.groups.begin(), manifest.groups.end(),
              [](const Group& a, const Group& b) { return a.unique_id < b.unique_id; });
    return manifest;
  } catch (const ShapeError& shape) {
    // A syntax error explains a shape error better when there is one: report the first.
    const std::string_view text(buffer.data(), buffer.size());
    if (std::optional<SyntaxError> syntax = find_syntax_error(text)) {
      throw InputError(path, syntax->message, std::string(kRegenerateHelp),
                       text_position(text, syntax->offset));
    }
    throw InputError(path, shape.message, std::string(kRegenerateHelp),
                     text_position(text, shape.offset));
  }
}

}  // namespace

Manifest read_manifest(const std::string& path) {
  Manifest manifest = parse_manifest_buffer(read_padded_file(path), path);
  manifest.declared_projects = read_declared_projects(manifest.project_folder);
  return manifest;
}

Manifest parse_manifest(std::string_view json_text, const std::string& path) {
  return parse_manifest_buffer(simdjson::padded_string(json_text), path);
}

}  // namespace meshgraph::load
