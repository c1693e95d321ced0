// Reads nodes, sources, exposures and groups; normalises what differs between v7 and v12.
#include "load/node_reader.hpp"

#include <algorithm>
#include <cstdint>
#include <optional>

#include <fmt/format.h>

#include "load/ref_locator.hpp"

namespace meshgraph::load {

using json::FieldPath;
using json::Element;
using json::ElementType;
using json::Scope;

namespace {

/// Iterates an object's fields, calling `on_field(key, value)`.
template <typename OnField>
void for_each_field(FieldPath& path, Element value, OnField&& on_field) {
  for (simdjson::dom::key_value_pair field : json::get_object(path, value)) on_field(field.key, field.value);
}

/// Iterates an array's elements.
template <typename OnElement>
void for_each_element(FieldPath& path, Element value, OnElement&& on_element) {
  std::size_t index = 0;
  for (Element element : json::get_array(path, value)) {
    Scope scope(path, index++);
    on_element(element);
  }
}

/// Reads an object that may also be null (dbt writes null for some absent sub-objects).
template <typename OnField>
void for_each_field_or_null(FieldPath& path, Element value, OnField&& on_field) {
  if (value.is_null()) return;
  for_each_field(path, value, std::forward<OnField>(on_field));
}

bool is_blank(std::string_view text) {
  return text.find_first_not_of(" \t\r\n") == std::string_view::npos;
}

ResourceType parse_resource_type(std::string_view type) {
  if (type == "model") return ResourceType::Model;
  if (type == "seed") return ResourceType::Seed;
  if (type == "snapshot") return ResourceType::Snapshot;
  if (type == "test") return ResourceType::Test;
  if (type == "analysis") return ResourceType::Analysis;
  if (type == "operation" || type == "sql_operation") return ResourceType::Operation;
  if (type == "source") return ResourceType::Source;
  if (type == "exposure") return ResourceType::Exposure;
  return ResourceType::Other;
}

std::optional<Access> parse_access(FieldPath& path, Element value) {
  const std::optional<std::string_view> text = json::get_optional_string(path, value);
  if (!text) return std::nullopt;
  if (*text == "public") return Access::Public;
  if (*text == "protected") return Access::Protected;
  if (*text == "private") return Access::Private;
  json::fail(path, "expected 'private', 'protected' or 'public', found " + json::quote(*text));
}

/// `meta` is the user's free-form data: only a string `owner` means anything to us.
std::string read_meta_owner(FieldPath& path, Element value) {
  std::string owner;
  if (!value.is_object()) return owner;
  for_each_field(path, value, [&](std::string_view key, Element field) {
    if (key == "owner" && field.is_string()) owner = field.get_string().value_unsafe();
  });
  return owner;
}

/// v7/v8 write a ref as ["model"] or ["package", "model"]; v9+ as {name, package, version}.
Ref read_ref(FieldPath& path, Element value) {
  Ref ref;
  if (value.is_array()) {
    std::vector<std::string> parts = json::get_string_list(path, value);
    if (parts.empty() || parts.size() > 2) {
      json::fail(path, "expected a ref as [name] or [package, name]");
    }
    ref.name = parts.back();
    if (parts.size() == 2) ref.package = parts.front();
    return ref;
  }
  for_each_field(path, value, [&](std::string_view key, Element field) {
    Scope scope(path, key);
    if (key == "name") ref.name = json::get_string(path, field);
    else if (key == "package") {
      if (std::optional<std::string_view> package = json::get_optional_string(path, field)) {
        ref.package = std::string(*package);
      }
    }
    else if (key == "version") ref.version = json::get_optional_scalar_text(path, field);
  });
  if (ref.name.empty()) json::fail(path, "a ref without a name");
  return ref;
}

Constraint read_constraint(FieldPath& path, Element value) {
  Constraint constraint;
  for_each_field(path, value, [&](std::string_view key, Element field) {
    Scope scope(path, key);
    if (key == "type") constraint.type = json::get_string(path, field);
    else if (key == "name") constraint.name = json::get_string_or_empty(path, field);
    else if (key == "expression") {
      constraint.expression = json::get_string_or_empty(path, field);
    } else if (key == "columns") constraint.columns = json::get_string_list(path, field);
    else if (key == "to") constraint.to = json::get_string_or_empty(path, field);
    else if (key == "to_columns") constraint.to_columns = json::get_string_list(path, field);
    else if (key == "warn_unenforced") constraint.warn_unenforced = json::get_bool_or(path, field, true);
    else if (key == "warn_unsupported") constraint.warn_unsupported = json::get_bool_or(path, field, true);
  });
  return constraint;
}

std::vector<Constraint> read_constraints(FieldPath& path, Element value) {
  std::vector<Constraint> constraints;
  if (value.is_null()) return constraints;
  for_each_element(path, value,
                   [&](Element element) { constraints.push_back(read_constraint(path, element)); });
  return constraints;
}

Column read_column(FieldPath& path, Element value, std::string_view key_name) {
  Column column;
  column.name = std::string(key_name);
  for_each_field(path, value, [&](std::string_view key, Element field) {
    Scope scope(path, key);
    if (key == "data_type") column.data_type = json::get_optional_string(path, field);
    else if (key == "description") {
      column.has_description = !is_blank(json::get_string_or_empty(path, field));
    } else if (key == "constraints") column.constraints = read_constraints(path, field);
  });
  return column;
}

/// The parts of `config` that matter; everything else in it is adapter- or user-defined.
struct ConfigFields {
  std::optional<Access> access;
  std::string group;
  std::string materialized;
  std::optional<bool> contract_enforced;
  std::string meta_owner;
  bool enabled = true;
};

ConfigFields read_config(FieldPath& path, Element value) {
  ConfigFields config;
  for_each_field_or_null(path, value, [&](std::string_view key, Element field) {
    Scope scope(path, key);
    if (key == "access") config.access = parse_access(path, field);
    else if (key == "group") config.group = json::get_string_or_empty(path, field);
    else if (key == "materialized") {
      config.materialized = json::get_string_or_empty(path, field);
    } else if (key == "meta") config.meta_owner = read_meta_owner(path, field);
    else if (key == "enabled" && field.is_bool()) {
      config.enabled = field.get_bool().value_unsafe();
    } else if (key == "contract" && field.is_object()) {
      for_each_field(path, field, [&](std::string_view contract_key, Element contract_field) {
        if (contract_key == "enforced") {
          Scope inner(path, contract_key);
          config.contract_enforced = json::get_bool(path, contract_field);
        }
      });
    }
  });
  return config;
}

/// Everything read from one node object before it is normalised into a Node.
struct RawNode {
  Node& node;
  std::string_view path;
  std::string_view raw_code;
  std::optional<Access> access;
  std::optional<std::string> group;
  std::optional<bool> contract_enforced;
  ConfigFields config;
};

/// The node fields meshgraph reads. A node has about 45 fields and a large manifest 100,000
/// nodes: matching each key against every name in turn was a tenth of the load time.
enum class NodeField : std::uint8_t {
  Other, ResourceType, PackageName, Name, Path, OriginalFilePath, PatchPath, Description, RawCode,
  Access, Group, Version, LatestVersion, DeprecationDate, Config, Meta, Contract, Checksum,
  Columns, Constraints, Refs, DependsOn, Owner, Type, Label,
};

NodeField node_field(std::string_view key) {
  // By length first: most keys are then told apart by one comparison.
  switch (key.size()) {
    case 4:
      if (key == "name") return NodeField::Name;
      if (key == "path") return NodeField::Path;
      if (key == "meta") return NodeField::Meta;
      if (key == "refs") return NodeField::Refs;
      if (key == "type") return NodeField::Type;
      break;
    case 5:
      if (key == "group") return NodeField::Group;
      if (key == "owner") return NodeField::Owner;
      if (key == "label") return NodeField::Label;
      break;
    case 6:
      if (key == "access") return NodeField::Access;
      if (key == "config") return NodeField::Config;
      break;
    case 7:
      if (key == "version") return NodeField::Version;
      if (key == "columns") return NodeField::Columns;
      if (key == "raw_sql") return NodeField::RawCode;
      break;
    case 8:
      if (key == "raw_code") return NodeField::RawCode;
      if (key == "contract") return NodeField::Contract;
      if (key == "checksum") return NodeField::Checksum;
      break;
    case 10:
      if (key == "patch_path") return NodeField::PatchPath;
      if (key == "depends_on") return NodeField::DependsOn;
      break;
    case 11:
      if (key == "description") return NodeField::Description;
      if (key == "constraints") return NodeField::Constraints;
      break;
    case 12:
      if (key == "package_name") return NodeField::PackageName;
      break;
    case 13:
      if (key == "resource_type") return NodeField::ResourceType;
      break;
    case 14:
      if (key == "latest_version") return NodeField::LatestVersion;
      break;
    case 16:
      if (key == "deprecation_date") return NodeField::DeprecationDate;
      break;
    case 18:
      if (key == "original_file_path") return NodeField::OriginalFilePath;
      break;
    default: break;
  }
  return NodeField::Other;
}

void read_node_field(FieldPath& path, std::string_view key, Element field, RawNode& raw) {
  const NodeField which = node_field(key);
  if (which == NodeField::Other) return;
  Node& node = raw.node;
  Scope scope(path, key);
  switch (which) {
    case NodeField::Other: break;
    case NodeField::ResourceType: node.resource_type = parse_resource_type(json::get_string(path, field)); break;
    case NodeField::PackageName: node.package_name = json::get_string(path, field); break;
    case NodeField::Name: node.name = json::get_string(path, field); break;
    case NodeField::Path: raw.path = json::get_string_or_empty(path, field); break;
    case NodeField::OriginalFilePath: node.original_file_path = json::get_string_or_empty(path, field); break;
    case NodeField::PatchPath: node.patch_path = json::get_string_or_empty(path, field); break;
    case NodeField::Description: node.description = json::get_string_or_empty(path, field); break;
    case NodeField::RawCode: raw.raw_code = json::get_string_or_empty(path, field); break;
    case NodeField::Access: raw.access = parse_access(path, field); break;
    case NodeField::Group:
      if (std::optional<std::string_view> group = json::get_optional_string(path, field)) raw.group = *group;
      break;
    case NodeField::Version: node.version = json::get_optional_scalar_text(path, field); break;
    case NodeField::LatestVersion: node.latest_version = json::get_optional_scalar_text(path, field); break;
    case NodeField::DeprecationDate:
      if (std::optional<std::string_view> date = json::get_optional_string(path, field)) node.deprecation_date = *date;
      break;
    case NodeField::Config: raw.config = read_config(path, field); break;
    case NodeField::Meta: node.meta_owner = read_meta_owner(path, field); break;
    case NodeField::Contract:
      for_each_field_or_null(path, field, [&](std::string_view contract_key, Element contract_field) {
        Scope inner(path, contract_key);
        if (contract_key == "enforced") {
          raw.contract_enforced = json::get_bool_or(path, contract_field, false);
        } else if (contract_key == "checksum") {
          node.contract_checksum = json::get_string_or_empty(path, contract_field);
        }
      });
      break;
    case NodeField::Checksum:
      for_each_field_or_null(path, field, [&](std::string_view checksum_key, Element checksum_field) {
        if (checksum_key == "checksum") {
          Scope inner(path, "checksum");
          node.checksum = json::get_string(path, checksum_field);
        }
      });
      break;
    case NodeField::Columns:
      for_each_field_or_null(path, field, [&](std::string_view column_key, Element column) {
        Scope inner(path, json::MapKey{column_key});
        node.columns.push_back(read_column(path, column, column_key));
      });
      break;
    case NodeField::Constraints: node.constraints = read_constraints(path, field); break;
    case NodeField::Refs:
      for_each_element(path, field, [&](Element element) { node.refs.push_back(read_ref(path, element)); });
      break;
    case NodeField::DependsOn:
      for_each_field_or_null(path, field, [&](std::string_view depends_key, Element nodes) {
        if (depends_key != "nodes") return;
        Scope inner(path, "nodes");
        if (nodes.is_null()) return;
        for_each_element(path, nodes, [&](Element element) {
          const std::string_view parent = json::get_string(path, element);
          if (parent.starts_with("source.")) node.depends_on_sources.emplace_back(parent);
        });
      });
      break;
    case NodeField::Owner: node.owner = read_owner(path, field); break;
    case NodeField::Type:
      node.exposure_type = field.is_string() ? field.get_string().value_unsafe() : std::string_view();
      break;
    case NodeField::Label: node.label = json::get_string_or_empty(path, field); break;
  }
}

/// Windows paths (a manifest written on Windows) with forward slashes, in place.
void normalise_slashes(std::string& file) { std::replace(file.begin(), file.end(), '\\', '/'); }

std::string normalised_slashes(std::string_view text) {
  std::string file(text);
  normalise_slashes(file);
  return file;
}

/// `project://models/x.yml` (v9+) or `pkg://models/x.yml` → `models/x.yml`, in place.
void strip_patch_prefix(std::string& patch_path) {
  const std::size_t scheme = patch_path.find("://");
  if (scheme != std::string::npos) patch_path.erase(0, scheme + 3);
  normalise_slashes(patch_path);
}

}  // namespace

Owner read_owner(FieldPath& path, Element value) {
  Owner owner;
  for_each_field_or_null(path, value, [&](std::string_view key, Element field) {
    Scope scope(path, key);
    if (key == "name") owner.name = json::get_string_or_empty(path, field);
    else if (key == "email") owner.emails = json::get_string_or_list(path, field);
  });
  return owner;
}

void read_node(FieldPath& path, Element value, std::string_view unique_id, Node& node) {
  RawNode raw{node, {}, {}, {}, {}, {}, {}};
  for_each_field(path, value,
                 [&](std::string_view key, Element field) { read_node_field(path, key, field, raw); });
  node.unique_id = unique_id;
  // dbt checks the node-level `access`; `config.access` can disagree on injected nodes
  // (semantics §1.1), so it is only the fallback, then dbt's default.
  node.access = raw.access.value_or(raw.config.access.value_or(Access::Protected));
  node.group = raw.group.value_or(raw.config.group);
  node.contract_enforced = raw.contract_enforced.value_or(raw.config.contract_enforced.value_or(false));
  node.materialized = std::move(raw.config.materialized);
  if (node.meta_owner.empty()) node.meta_owner = std::move(raw.config.meta_owner);
  normalise_slashes(node.original_file_path);
  strip_patch_prefix(node.patch_path);
  node.is_external = raw.path.empty() && node.original_file_path.empty() &&
                     node.resource_type != ResourceType::Source &&
                     node.resource_type != ResourceType::Exposure;
  if (!raw.raw_code.empty()) locate_refs(raw.raw_code, node.refs);
  node.is_enabled = raw.config.enabled;
  if (node.resource_type == ResourceType::Test) {
    // Tests are most of a large manifest's nodes; rules read only their refs, group and file.
    node.description = {};
    node.checksum = {};
    node.patch_path = {};
    node.columns = {};
  }
}

Group read_group(FieldPath& path, Element value, std::string_view unique_id) {
  Group group;
  group.unique_id = unique_id;
  for_each_field(path, value, [&](std::string_view key, Element field) {
    Scope scope(path, key);
    if (key == "name") group.name = json::get_string(path, field);
    else if (key == "package_name") group.package_name = json::get_string(path, field);
    else if (key == "original_file_path") {
      group.original_file_path = normalised_slashes(json::get_string_or_empty(path, field));
    } else if (key == "owner") group.owner = read_owner(path, field);
  });
  return group;
}

}  // namespace meshgraph::load
