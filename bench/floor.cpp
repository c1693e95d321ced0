// The floor: the least work any mesh analyzer must do, read every manifest and keep the fields it
// needs. Single-threaded simdjson On-Demand; meshgraph's speed targets are ratios to this program.
//
// Usage: meshgraph_floor FILE_OR_DIR...   (a directory is searched for files named manifest.json)
// Prints the counts it collected so the compiler cannot drop the work. Exit 1 on any read error.

#include <simdjson.h>

#include <fmt/core.h>

#include <algorithm>
#include <cstdint>
#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

namespace {

namespace od = simdjson::ondemand;

struct Column {
  std::string name;
  std::string data_type;
};

// `version` keeps the JSON literal as written (`2` and `"2"` differ in the manifest; dbt compares
// str(v), see shared/docs/dbt-mesh-semantics.md 3.1).
struct Ref {
  std::string name;
  std::string package;
  std::string version;
};

struct Node {
  std::string unique_id, resource_type, package_name, name, access, group;
  std::string version, latest_version, materialized, checksum;
  bool contract_enforced = false;
  std::vector<Column> columns;
  std::vector<std::string> depends_on;
  std::vector<Ref> refs;
};

struct Source {
  std::string unique_id, name;
};

struct Exposure {
  std::string unique_id, owner_name, owner_email;
  std::vector<std::string> depends_on;
};

struct Manifest {
  std::string path, schema_version, project_name;
  std::vector<Node> nodes;
  std::vector<Source> sources;
  std::vector<Exposure> exposures;
};

// A string field that may be null in the schema; null reads as "".
std::string string_or_empty(od::value value) {
  if (value.is_null()) return {};
  return std::string(std::string_view(value.get_string()));
}

// A scalar whose JSON type varies (version: int, float, string or null): keep the literal text.
std::string literal_or_empty(od::value value) {
  if (value.is_null()) return {};
  return std::string(value.raw_json_token());
}

std::vector<std::string> string_array(od::value value) {
  std::vector<std::string> out;
  for (od::value item : value.get_array()) out.emplace_back(std::string_view(item.get_string()));
  return out;
}

std::vector<std::string> depends_on_nodes(od::value value) {
  for (od::field field : value.get_object()) {
    if (field.unescaped_key().value() == "nodes") return string_array(field.value());
  }
  return {};
}

// v9+ refs are {name, package, version}; v7/v8 refs are [name] or [package, name].
Ref read_ref(od::value value) {
  Ref ref;
  if (value.type() == od::json_type::array) {
    std::vector<std::string> parts = string_array(value);
    if (!parts.empty()) ref.name = parts.back();
    if (parts.size() > 1) ref.package = parts.front();
    return ref;
  }
  for (od::field field : value.get_object()) {
    std::string_view key = field.unescaped_key();
    if (key == "name") ref.name = std::string_view(field.value().get_string());
    else if (key == "package") ref.package = string_or_empty(field.value());
    else if (key == "version") ref.version = literal_or_empty(field.value());
  }
  return ref;
}

std::vector<Column> read_columns(od::value value) {
  std::vector<Column> out;
  for (od::field field : value.get_object()) {
    Column column{std::string(std::string_view(field.unescaped_key())), {}};
    for (od::field attribute : field.value().get_object()) {
      if (attribute.unescaped_key().value() == "data_type") column.data_type = string_or_empty(attribute.value());
    }
    out.push_back(std::move(column));
  }
  return out;
}

// config.access is the fallback for node.access (older or injected nodes).
void read_config(od::value value, Node& node, std::string& config_access) {
  for (od::field field : value.get_object()) {
    std::string_view key = field.unescaped_key();
    if (key == "materialized") node.materialized = string_or_empty(field.value());
    else if (key == "access") config_access = string_or_empty(field.value());
  }
}

bool enforced(od::value value) {
  for (od::field field : value.get_object()) {
    if (field.unescaped_key().value() == "enforced") return field.value().get_bool();
  }
  return false;
}

std::string checksum_of(od::value value) {
  for (od::field field : value.get_object()) {
    if (field.unescaped_key().value() == "checksum") return string_or_empty(field.value());
  }
  return {};
}

void read_node_field(std::string_view key, od::value value, Node& node, std::string& config_access) {
  if (key == "unique_id") node.unique_id = std::string_view(value.get_string());
  else if (key == "resource_type") node.resource_type = std::string_view(value.get_string());
  else if (key == "package_name") node.package_name = std::string_view(value.get_string());
  else if (key == "name") node.name = std::string_view(value.get_string());
  else if (key == "access") node.access = string_or_empty(value);
  else if (key == "group") node.group = string_or_empty(value);
  else if (key == "version") node.version = literal_or_empty(value);
  else if (key == "latest_version") node.latest_version = literal_or_empty(value);
  else if (key == "config") read_config(value, node, config_access);
  else if (key == "contract") node.contract_enforced = enforced(value);
  else if (key == "checksum") node.checksum = checksum_of(value);
  else if (key == "columns") node.columns = read_columns(value);
  else if (key == "depends_on") node.depends_on = depends_on_nodes(value);
  else if (key == "refs") {
    for (od::value ref : value.get_array()) node.refs.push_back(read_ref(ref));
  }
}

Node read_node(od::value value) {
  Node node;
  std::string config_access;
  for (od::field field : value.get_object()) read_node_field(field.unescaped_key(), field.value(), node, config_access);
  if (node.access.empty()) node.access = config_access.empty() ? "protected" : config_access;
  return node;
}

Exposure read_exposure(od::value value) {
  Exposure exposure;
  for (od::field field : value.get_object()) {
    std::string_view key = field.unescaped_key();
    if (key == "unique_id") exposure.unique_id = std::string_view(field.value().get_string());
    else if (key == "depends_on") exposure.depends_on = depends_on_nodes(field.value());
    else if (key == "owner") {
      for (od::field owner : field.value().get_object()) {
        std::string_view owner_key = owner.unescaped_key();
        // owner.email may be a string, a list of strings (1.10+) or null: keep the JSON text.
        if (owner_key == "name") exposure.owner_name = string_or_empty(owner.value());
        else if (owner_key == "email") exposure.owner_email = literal_or_empty(owner.value());
      }
    }
  }
  return exposure;
}

void read_metadata(od::value value, Manifest& manifest) {
  for (od::field field : value.get_object()) {
    std::string_view key = field.unescaped_key();
    if (key == "dbt_schema_version") manifest.schema_version = string_or_empty(field.value());
    else if (key == "project_name") manifest.project_name = string_or_empty(field.value());
  }
}

Manifest read_manifest(od::parser& parser, const std::string& path) {
  Manifest manifest{path, {}, {}, {}, {}, {}};
  simdjson::padded_string json = simdjson::padded_string::load(path);
  od::document doc = parser.iterate(json);
  for (od::field field : doc.get_object()) {
    std::string_view key = field.unescaped_key();
    if (key == "metadata") read_metadata(field.value(), manifest);
    else if (key == "nodes") {
      for (od::field node : field.value().get_object()) manifest.nodes.push_back(read_node(node.value()));
    } else if (key == "sources") {
      for (od::field source : field.value().get_object()) {
        Node node = read_node(source.value());
        manifest.sources.push_back({std::move(node.unique_id), std::move(node.name)});
      }
    } else if (key == "exposures") {
      for (od::field exposure : field.value().get_object()) manifest.exposures.push_back(read_exposure(exposure.value()));
    }
  }
  return manifest;
}

std::vector<std::string> find_manifests(const std::vector<std::string>& args) {
  std::vector<std::string> files;
  for (const std::string& arg : args) {
    if (!std::filesystem::is_directory(arg)) {
      files.push_back(arg);
      continue;
    }
    std::vector<std::string> found;
    for (const auto& entry : std::filesystem::recursive_directory_iterator(arg)) {
      if (entry.is_regular_file() && entry.path().filename() == "manifest.json") found.push_back(entry.path().string());
    }
    std::sort(found.begin(), found.end());
    files.insert(files.end(), found.begin(), found.end());
  }
  return files;
}

struct Counts {
  std::uint64_t files = 0, nodes = 0, models = 0, columns = 0, typed_columns = 0, refs = 0;
  std::uint64_t cross_project_refs = 0, edges = 0, sources = 0, exposures = 0, public_models = 0;
  std::uint64_t contracted = 0;
};

void count(const Manifest& manifest, Counts& c) {
  c.files++;
  c.sources += manifest.sources.size();
  c.exposures += manifest.exposures.size();
  for (const Exposure& exposure : manifest.exposures) c.edges += exposure.depends_on.size();
  for (const Node& node : manifest.nodes) {
    c.nodes++;
    c.models += node.resource_type == "model";
    c.public_models += node.resource_type == "model" && node.access == "public";
    c.contracted += node.contract_enforced;
    c.columns += node.columns.size();
    for (const Column& column : node.columns) c.typed_columns += !column.data_type.empty();
    c.refs += node.refs.size();
    for (const Ref& ref : node.refs) c.cross_project_refs += !ref.package.empty() && ref.package != node.package_name;
    c.edges += node.depends_on.size();
  }
}

}  // namespace

int main(int argc, char** argv) {
  std::vector<std::string> files = find_manifests(std::vector<std::string>(argv + 1, argv + argc));
  if (files.empty()) {
    fmt::print(stderr, "meshgraph_floor: error: no manifest given\nusage: meshgraph_floor FILE_OR_DIR...\n");
    return 2;
  }
  od::parser parser;
  // Keep every manifest until the end, as an analyzer of the whole mesh must; peak RSS counts it.
  std::vector<Manifest> mesh;
  for (const std::string& path : files) {
    try {
      mesh.push_back(read_manifest(parser, path));
    } catch (const simdjson::simdjson_error& e) {
      fmt::print(stderr, "meshgraph_floor: error: '{}': {} (simdjson error {})\n", path, e.what(),
                 static_cast<int>(e.error()));
      return 1;
    }
  }
  Counts c;
  for (const Manifest& manifest : mesh) count(manifest, c);
  fmt::print("files={} nodes={} models={} public_models={} contracted={} columns={} typed_columns={} refs={} "
             "cross_project_refs={} depends_on={} sources={} exposures={}\n",
             c.files, c.nodes, c.models, c.public_models, c.contracted, c.columns, c.typed_columns, c.refs,
             c.cross_project_refs, c.edges, c.sources, c.exposures);
  return 0;
}
