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
std::string_view read_meta_owner(FieldPath& path, Element value) {
  std::string_view owner;
  if (!value.is_object()) return owner;
  for_each_field(path, value, [&](std::string_view key, Element field) {
    if (key == "owner" && field.is_string()) owner = field.get_string().value_unsafe();
  });
  return owner;
}

/// v7/v8 write a ref as ["model"] or ["package", "model"]; v9+ as {name, package, version}.
/// Ref names repeat (every test of a model refs it), so they are interned.
Ref read_ref(FieldPath& path, Element value, TextStore& text) {
  Ref ref;
  if (value.is_array()) {
    std::vector<std::string> parts = json::get_string_list(path, value);
    if (parts.empty() || parts.size() > 2) {
      json::fail(path, "expected a ref as [name] or [package, name]");
    }
    ref.name = text.intern(parts.back());
    if (parts.size() == 2) ref.package = text.intern(parts.front());
    return ref;
  }
  for_each_field(path, value, [&](std::string_view key, Element field) {
    Scope scope(path, key);
    if (key == "name") ref.name = text.intern(json::get_string(path, field));
    else if (key == "package") {
      if (std::optional<std::string_view> package = json::get_optional_string(path, field)) {
        ref.package = text.intern(*package);
      }
    }
    else if (key == "version") {
      if (std::optional<std::string> version = json::get_optional_scalar_text(path, field)) {
        ref.version = text.intern(*version);
      }
    }
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

/// A column, its text stored in `text`; with `text` null, the column is only checked (every
/// field read as for keeping it) and nothing is stored. Constraints are kept when asked.
Column read_column(FieldPath& path, Element value, std::string_view key_name, TextStore* text,
                   bool keep_constraints) {
  Column column;
  if (text != nullptr) column.name = text->store(key_name);
  for_each_field(path, value, [&](std::string_view key, Element field) {
    Scope scope(path, key);
    if (key == "data_type") {
      std::optional<std::string_view> type = json::get_optional_string(path, field);
      if (type && text != nullptr) column.data_type = text->intern(*type);
    }
    else if (key == "description") {
      column.has_description = !is_blank(json::get_string_or_empty(path, field));
    } else if (key == "constraints") {
      std::vector<Constraint> constraints = read_constraints(path, field);
      if (keep_constraints) column.constraints = std::move(constraints);
    }
  });
  return column;
}

/// A node's `columns` into `columns`, or (with `text` null) only checked, as read_column.
void read_columns(FieldPath& path, Element value, TextStore* text, bool keep_constraints,
                  std::vector<Column>& columns) {
  // Reserved from the JSON's count: grown by doubling, 344,000 columns of 72 bytes kept a
  // quarter more room than they use.
  if (text != nullptr && value.is_object())
    columns.reserve(value.get_object().value_unsafe().size());
  for_each_field_or_null(path, value, [&](std::string_view column_key, Element column) {
    Scope inner(path, json::MapKey{column_key});
    Column read = read_column(path, column, column_key, text, keep_constraints);
    if (text != nullptr) columns.push_back(std::move(read));
  });
}

/// The parts of `config` that matter; everything else in it is adapter- or user-defined.
struct ConfigFields {
  std::optional<Access> access;
  std::string_view group;
  std::string_view materialized;
  std::optional<bool> contract_enforced;
  std::string_view meta_owner;
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

/// Everything read from one node object before it is normalised into a Node. Text is kept as
/// views into the parsed document until the node's type is known (tests keep less of it).
struct RawNode {
  RawNode(Node& target, TextStore& store, const NodeContext& where)
      : node(target), text(store), context(where) {}

  Node& node;
  TextStore& text;
  const NodeContext& context;
  bool keeps_everything() const { return context.detail == Detail::Full; }
  /// Check's columns wait until the node's access and package are known (see read_node);
  /// they are checked where they stand, so errors still come in the order of the text.
  std::optional<Element> deferred_columns;
  // Details, moved into the node's NodeDetails at the end if it is not a test.
  std::vector<Column> column_list;  ///< as read, for Detail::Full
  std::vector<Constraint> constraints;
  std::optional<Text> version;
  std::optional<Text> latest_version;
  Owner owner;
  std::string_view path;
  std::string_view raw_code;
  std::optional<Access> access;
  std::optional<std::string_view> group;
  std::optional<bool> contract_enforced;
  ConfigFields config;
  std::string_view package_name;
  std::string_view name;
  std::string_view original_file_path;
  std::string_view patch_path;
  std::string_view description;
  std::string_view contract_checksum;
  std::string_view checksum;
  std::string_view meta_owner;
  std::string_view exposure_type;
  std::string_view label;
  std::optional<std::string_view> deprecation_date;
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
    case NodeField::PackageName: raw.package_name = json::get_string(path, field); break;
    case NodeField::Name: raw.name = json::get_string(path, field); break;
    case NodeField::Path: raw.path = json::get_string_or_empty(path, field); break;
    case NodeField::OriginalFilePath: raw.original_file_path = json::get_string_or_empty(path, field); break;
    case NodeField::PatchPath: raw.patch_path = json::get_string_or_empty(path, field); break;
    case NodeField::Description: raw.description = json::get_string_or_empty(path, field); break;
    case NodeField::RawCode: raw.raw_code = json::get_string_or_empty(path, field); break;
    case NodeField::Access: raw.access = parse_access(path, field); break;
    case NodeField::Group:
      if (std::optional<std::string_view> group = json::get_optional_string(path, field)) raw.group = *group;
      break;
    case NodeField::Version:
      if (std::optional<std::string> version = json::get_optional_scalar_text(path, field)) {
        raw.version = raw.text.intern(*version);
      }
      break;
    case NodeField::LatestVersion:
      if (std::optional<std::string> version = json::get_optional_scalar_text(path, field)) {
        raw.latest_version = raw.text.intern(*version);
      }
      break;
    case NodeField::DeprecationDate: raw.deprecation_date = json::get_optional_string(path, field); break;
    case NodeField::Config: raw.config = read_config(path, field); break;
    case NodeField::Meta: raw.meta_owner = read_meta_owner(path, field); break;
    case NodeField::Contract:
      for_each_field_or_null(path, field, [&](std::string_view contract_key, Element contract_field) {
        Scope inner(path, contract_key);
        if (contract_key == "enforced") {
          raw.contract_enforced = json::get_bool_or(path, contract_field, false);
        } else if (contract_key == "checksum") {
          raw.contract_checksum = json::get_string_or_empty(path, contract_field);
        }
      });
      break;
    case NodeField::Checksum:
      for_each_field_or_null(path, field, [&](std::string_view checksum_key, Element checksum_field) {
        if (checksum_key == "checksum") {
          Scope inner(path, "checksum");
          raw.checksum = json::get_string(path, checksum_field);
        }
      });
      break;
    case NodeField::Columns:
      if (raw.keeps_everything()) {
        read_columns(path, field, &raw.text, true, raw.column_list);
      } else {
        read_columns(path, field, nullptr, false, raw.column_list);
        raw.deferred_columns = field;
      }
      break;
    case NodeField::Constraints: {
      std::vector<Constraint> constraints = read_constraints(path, field);
      if (raw.keeps_everything()) raw.constraints = std::move(constraints);
      break;
    }
    case NodeField::Refs:
      if (field.is_array()) node.refs.reserve(field.get_array().value_unsafe().size());
      for_each_element(path, field, [&](Element element) { node.refs.push_back(read_ref(path, element, raw.text)); });
      break;
    case NodeField::DependsOn:
      for_each_field_or_null(path, field, [&](std::string_view depends_key, Element nodes) {
        if (depends_key != "nodes") return;
        Scope inner(path, "nodes");
        if (nodes.is_null()) return;
        for_each_element(path, nodes, [&](Element element) {
          const std::string_view parent = json::get_string(path, element);
          if (parent.starts_with("source.")) node.depends_on_sources.push_back(raw.text.intern(parent));
        });
      });
      break;
    case NodeField::Owner:
      raw.owner = read_owner(path, field);
      break;
    case NodeField::Type:
      raw.exposure_type = field.is_string() ? field.get_string().value_unsafe() : std::string_view();
      break;
    case NodeField::Label: raw.label = json::get_string_or_empty(path, field); break;
  }
}

/// Windows paths (a manifest written on Windows) with forward slashes, in place.
void normalise_slashes(std::string& file) { std::replace(file.begin(), file.end(), '\\', '/'); }

std::string normalised_slashes(std::string_view text) {
  std::string file(text);
  normalise_slashes(file);
  return file;
}

/// A file path stored with forward slashes. `shared`: the path repeats (a schema.yml holds
/// many tests and models), so it is interned.
Text store_path(TextStore& text, std::string_view file, bool shared = false) {
  if (file.find('\\') == std::string_view::npos) return shared ? text.intern(file) : text.store(file);
  const std::string forward = normalised_slashes(file);  // a manifest written on Windows: rare
  return shared ? text.intern(forward) : text.store(forward);
}

/// `project://models/x.yml` (v9+) or `pkg://models/x.yml` → `models/x.yml`.
std::string_view without_patch_prefix(std::string_view patch_path) {
  const std::size_t scheme = patch_path.find("://");
  return scheme == std::string_view::npos ? patch_path : patch_path.substr(scheme + 3);
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

/// Whether `check` keeps a node's columns and description: its rules read them on public
/// models (MESH110, MESH302) and on copies of another project's models (MESH004 compares the
/// copy with the original). When the project is not known yet, every model is kept.
bool check_reads_shape(const Node& node, std::string_view project) {
  return node.is_model() &&
         (node.access == Access::Public || project.empty() || node.package_name != project);
}

void read_node(FieldPath& path, Element value, std::string_view unique_id, Node& node,
               TextStore& text, const NodeContext& context) {
  RawNode raw(node, text, context);
  for_each_field(path, value,
                 [&](std::string_view key, Element field) { read_node_field(path, key, field, raw); });
  node.unique_id = text.store(unique_id);
  node.package_name = text.intern(raw.package_name);
  // The name is almost always part of the unique_id (model.<package>.<name>[.v<version>],
  // test.<package>.<name>.<hash>): then it is a view of it, not a second copy. Tests' names
  // are long, and this was a sixth of check's text.
  const std::size_t name_at =
      raw.name.empty() ? std::string_view::npos : node.unique_id.find(raw.name);
  node.name = name_at != std::string_view::npos ? node.unique_id.part(name_at, raw.name.size())
                                                : text.store(raw.name);
  node.original_file_path =
      store_path(text, raw.original_file_path, node.resource_type == ResourceType::Test);
  // dbt checks the node-level `access`; `config.access` can disagree on injected nodes
  // (semantics §1.1), so it is only the fallback, then dbt's default.
  node.access = raw.access.value_or(raw.config.access.value_or(Access::Protected));
  node.group = text.intern(raw.group.value_or(raw.config.group));
  node.contract_enforced = raw.contract_enforced.value_or(raw.config.contract_enforced.value_or(false));
  node.materialized = text.intern(raw.config.materialized);
  const Text meta_owner =
      text.intern(raw.meta_owner.empty() ? raw.config.meta_owner : raw.meta_owner);
  node.is_external = raw.path.empty() && raw.original_file_path.empty() &&
                     node.resource_type != ResourceType::Source &&
                     node.resource_type != ResourceType::Exposure;
  if (!raw.raw_code.empty()) locate_refs(raw.raw_code, node.refs);
  node.is_enabled = raw.config.enabled;
  // Tests are most of a large manifest's nodes; rules read only their refs, group and file,
  // and their owner or versions should a hand-written manifest give them any. Their columns,
  // description and checksums are not kept, and most get no NodeDetails at all.
  const bool is_test = node.resource_type == ResourceType::Test;
  if (is_test && !raw.version && !raw.latest_version && meta_owner.empty() && raw.owner.empty() &&
      raw.constraints.empty()) {
    return;
  }
  NodeDetails& details = node.details.edit();
  details.version = raw.version;
  details.latest_version = raw.latest_version;
  details.meta_owner = meta_owner;
  details.owner = std::move(raw.owner);
  details.constraints = std::move(raw.constraints);
  if (is_test) return;
  details.patch_path =
      store_path(text, without_patch_prefix(raw.patch_path), true);  // one schema.yml, many models
  if (raw.keeps_everything()) {
    details.description = text.store(raw.description);
    details.contract_checksum = text.store(raw.contract_checksum);
    details.checksum = text.store(raw.checksum);
    details.columns = std::move(raw.column_list);
  } else if (check_reads_shape(node, context.project)) {
    details.description = text.store(raw.description);
    if (raw.deferred_columns) {
      Scope scope(path, "columns");
      read_columns(path, *raw.deferred_columns, &text, false, details.columns);
    }
  }
  details.exposure_type = text.intern(raw.exposure_type);
  details.label = text.store(raw.label);
  if (raw.deprecation_date) details.deprecation_date = text.store(*raw.deprecation_date);
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
