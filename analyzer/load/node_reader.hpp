// Reads one entry of `nodes`, `sources` or `exposures` into a Node, whatever the schema version.
#pragma once

#include <string_view>

#include "load/json_fields.hpp"
#include "load/manifest.hpp"

namespace meshgraph::load {

/// Where a node is read: what to keep of it, and the project of its manifest when known.
struct NodeContext {
  Detail detail = Detail::Full;
  std::string_view project;  ///< metadata.project_name; empty when not (yet) known
};

/// Reads the node object `value` whose map key is `unique_id` into `node` (built in place: a
/// Node is large, and a big manifest has tens of thousands). Fields meshgraph does not use are
/// skipped; user-defined data (meta, config extras) never fails on an unexpected type. Refs get
/// their line:col in the node's SQL here, because raw_code is not kept. The node's text is
/// copied into `text`, the store of the manifest that will hold the node; `context.detail`
/// says how much of it (every field is read and checked either way).
void read_node(json::FieldPath& path, json::Element value, std::string_view unique_id, Node& node,
               TextStore& text, const NodeContext& context = {});

/// Reads one entry of top-level `groups` (v9+).
Group read_group(json::FieldPath& path, json::Element value, std::string_view unique_id);

/// Reads an owner object ({name, email}); email may be a string or a list (dbt 1.10+).
Owner read_owner(json::FieldPath& path, json::Element value);

}  // namespace meshgraph::load
