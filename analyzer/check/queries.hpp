// Questions several rules ask of the mesh, answered once: where a node is, how to name it,
// who owns it.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "check/diagnostic.hpp"
#include "graph/mesh_graph.hpp"

namespace meshgraph::check {

/// The path of `file` (a project-relative path) as the user can open it: under the project
/// folder when its manifest is <folder>/target/manifest.json, else `<project>/<file>`.
std::string display_path(const graph::Project& project, std::string_view file);

/// Location of a node's SQL or YAML file; at the `ref()` call when `ref` is given and found.
Location node_location(const graph::MeshGraph& mesh, graph::NodeId id,
                       const load::Ref* ref = nullptr);

/// Location of the YAML that configures a node (access, contract, versions): its patch_path.
Location config_location(const graph::MeshGraph& mesh, graph::NodeId id);

/// "model 'fct_donations'", "exposure 'board_report'", "test 'not_null_x'".
std::string describe_node(const load::Node& node);

/// The model a ref names, as a reader recognises it: 'data_platform.dim_volunteers' v3.
std::string describe_ref_target(const graph::ResolvedRef& ref);

/// "Data Platform <data-platform@rainbowroad.org>", or "" when the owner has neither.
std::string describe_owner(const load::Owner& owner);

/// The owner of a model as the council reads it: its group's owner, else meta.owner.
std::string model_owner(const graph::MeshGraph& mesh, graph::NodeId id);

std::string_view access_name(load::Access access);

/// Public models a project of the mesh defines itself (each version separately), in NodeId
/// order. Models of installed packages are left out: they are their package authors' to fix,
/// and a package installed in several projects would otherwise be reported once per project.
std::vector<graph::NodeId> public_models(const graph::MeshGraph& mesh);

/// A ref that makes its node's project depend on another project of the mesh, whatever its
/// target's status (a ref into a project that is not an INPUT is MESH003's).
bool is_project_dependency(const graph::ResolvedRef& ref);

/// The pinned ref call a consumer writes: {{ ref('project', 'model', v=2) }}; a version that
/// is not a number is quoted so the Jinja stays valid.
std::string pinned_ref_call(std::string_view project, std::string_view name, std::string_view version);

/// The `note:` line that says which node and manifest a finding is about.
std::string node_note(const graph::MeshGraph& mesh, graph::NodeId id);

}  // namespace meshgraph::check
