// The typed, normalised model of one dbt manifest.json: what every later stage reads.
// Version differences (v7–v12, dbt Fusion) are resolved by the reader; nothing here knows JSON.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "load/text.hpp"

namespace meshgraph::load {

/// dbt's access levels. Default is `protected` (dbt-mesh-semantics.md §1.1).
enum class Access : std::uint8_t { Private, Protected, Public };

/// The resource types meshgraph distinguishes; every other node type is `Other`.
enum class ResourceType : std::uint8_t {
  Model,
  Seed,
  Snapshot,
  Test,
  Analysis,
  Operation,
  Source,
  Exposure,
  Other,
};

/// One `ref()` call as the manifest records it: intent, not resolution.
/// v7/v8 store refs as lists (`["pkg", "name"]`); v9+ as objects. Both normalise to this.
struct Ref {
  Text name;
  OptionalText package;  ///< explicit package/project, when the call named one
  /// The pinned version as dbt names it in unique_ids (`2` and `"2"` → "2"; `2.0` → "2.0").
  /// dbt treats `v=0` as unpinned (semantics §3.2); the reader keeps it as written.
  OptionalText version;
  /// Where the `ref(...)` call stands in the node's raw_code (1-based); 0 when not found.
  std::uint32_t line = 0;
  std::uint32_t column = 0;
};

/// A model- or column-level constraint. Every field takes part in equality, as dbt's
/// dataclass equality does when it decides whether an enforced constraint was removed (§4.2).
struct Constraint {
  std::string type;  ///< check | not_null | unique | primary_key | foreign_key | custom
  std::string name;
  std::string expression;
  std::vector<std::string> columns;  ///< model-level constraints only
  std::string to;
  std::vector<std::string> to_columns;
  bool warn_unenforced = true;
  bool warn_unsupported = true;

  bool operator==(const Constraint&) const = default;
};

struct Column {
  Text name;  ///< as written in YAML; dbt matches columns case-sensitively
  std::optional<Text> data_type;
  bool has_description = false;  ///< a description that is not blank (its text is not kept)
  std::vector<Constraint> constraints;
};

/// An owner as dbt writes it for groups and exposures: name and/or email(s).
/// From 1.10 `email` may be a list; a plain string becomes a one-element list.
struct Owner {
  std::string name;
  std::vector<std::string> emails;

  bool empty() const { return name.empty() && emails.empty(); }
};

struct Group {
  std::string unique_id;  ///< group.<package>.<name>
  std::string name;
  std::string package_name;
  std::string original_file_path;
  Owner owner;
};

/// What models, seeds, snapshots, sources and exposures have and tests do not: kept apart from
/// Node, because two thirds of a large manifest's nodes are tests (in a 414 MB mesh, 67,000 of
/// 100,000 nodes), and these fields were two thirds of every Node's size.
struct NodeDetails {
  Text patch_path;   ///< the YAML file, without its `project://` prefix
  Text description;  ///< models, sources and exposures

  // Versions (v9+). Values are the version ids as they appear in unique_ids (see Ref::version).
  std::optional<Text> version;
  std::optional<Text> latest_version;
  std::optional<Text> deprecation_date;  ///< as written, ISO 8601 date or datetime

  // Contract and shape (models).
  Text contract_checksum;
  Text checksum;  ///< sha256 of the file content: a change means the logic changed
  std::vector<Column> columns;
  std::vector<Constraint> constraints;  ///< model-level
  Text meta_owner;                      ///< `meta.owner` (or `config.meta.owner`) when a string

  // Exposures.
  Owner owner;
  Text exposure_type;
  Text label;
};

/// A node's NodeDetails, allocated only for a node that has some. A node without reads as one
/// whose details are all empty: `node.details->columns` is always safe to read; writing goes
/// through edit(), which allocates them.
class DetailsPtr {
 public:
  DetailsPtr() = default;
  DetailsPtr(const DetailsPtr& other)
      : details_(other.details_ ? std::make_unique<NodeDetails>(*other.details_) : nullptr) {}
  DetailsPtr& operator=(const DetailsPtr& other) {
    if (this != &other)
      details_ = other.details_ ? std::make_unique<NodeDetails>(*other.details_) : nullptr;
    return *this;
  }
  DetailsPtr(DetailsPtr&&) noexcept = default;
  DetailsPtr& operator=(DetailsPtr&&) noexcept = default;
  ~DetailsPtr() = default;

  const NodeDetails* operator->() const { return details_ ? details_.get() : &kNone; }
  const NodeDetails& operator*() const { return *operator->(); }
  /// The details to fill in, allocated on first use.
  NodeDetails& edit() {
    if (!details_) details_ = std::make_unique<NodeDetails>();
    return *details_;
  }

 private:
  static const NodeDetails kNone;
  std::unique_ptr<NodeDetails> details_;
};

/// Any manifest resource meshgraph reasons about: nodes, sources and exposures.
/// Fields that do not apply to a resource type stay empty. Its text lives in the TextStore of
/// the Manifest that holds it.
struct Node {
  Text unique_id;
  // The one-byte fields together, so that they share one word.
  ResourceType resource_type = ResourceType::Other;
  Access access = Access::Protected;  ///< models; see also `group` below
  bool contract_enforced = false;     ///< models
  /// An injected copy of another project's node (dbt-loom, dbt Cloud): empty `path` and
  /// `original_file_path` (dbt's `is_external_node`), no SQL, no columns.
  bool is_external = false;
  /// `config.enabled`; dbt moves disabled nodes out of `nodes`, but a hand-edited file may not.
  bool is_enabled = true;
  Text package_name;
  Text name;
  Text original_file_path;  ///< forward slashes, even for manifests written on Windows

  // Access and grouping (models; tests inherit their attached node's group).
  Text group;  ///< empty when the node has none
  Text materialized;

  // Lineage.
  std::vector<Ref> refs;
  /// The sources in depends_on.nodes: a source is not a ref, so this is its only record. (The
  /// models a node depends on are its refs, resolved by graph/ against each producer.)
  std::vector<Text> depends_on_sources;

  /// Versions, contract, columns, descriptions, owners: see NodeDetails.
  DetailsPtr details;

  bool is_model() const { return resource_type == ResourceType::Model; }
};

/// How much of each node the reader keeps. A command keeps what its rules and reports read:
/// on a mesh of 100,000 nodes the columns, descriptions and checksums no check rule reads were
/// a quarter of `check`'s memory (docs/performance.md). Every field is still read and its shape
/// checked either way, so a file is refused or accepted alike whatever the detail.
enum class Detail : std::uint8_t {
  /// Everything meshgraph reads: `impact` compares contracts, columns and checksums; `graph`
  /// shows descriptions.
  Full,
  /// What `check`'s rules read: columns and descriptions of public models and of copies of
  /// other projects' models (MESH004, MESH110, MESH302) only; no constraints, no checksums.
  Check,
};

/// One manifest.json, normalised.
struct Manifest {
  std::string path;            ///< as given on the command line (or found under a folder)
  std::string project_folder;  ///< the dbt project folder when path is <folder>/target/manifest.json
  int schema_version = 0;      ///< 7..12
  std::string dbt_version;
  std::string project_name;  ///< metadata.project_name, else the package whose md5 is project_id
  std::string adapter_type;
  /// The characters of every Text in `nodes`; shared, so a copy of the Manifest stays valid.
  std::shared_ptr<TextStore> text = std::make_shared<TextStore>();
  std::vector<Node> nodes;  ///< nodes, sources and exposures; disabled nodes are not here
  std::vector<Group> groups;
  /// The `projects:` of the project's dependencies.yml, when the project folder (with its
  /// dbt_project.yml) is known; empty when it has no dependencies.yml. dbt-core ignores this
  /// file and the manifest does not record it (semantics §5.1), so it is read beside it.
  std::optional<std::vector<std::string>> declared_projects;

  const Node* find(std::string_view unique_id) const;
  const Group* find_group(std::string_view name) const;
};

}  // namespace meshgraph::load
