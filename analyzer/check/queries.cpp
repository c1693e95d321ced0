// Shared helpers for rules: locations, names and owners.
#include "check/queries.hpp"

#include <fmt/format.h>

namespace meshgraph::check {

std::string display_path(const graph::Project& project, std::string_view file) {
  const std::string& folder = project.manifest->project_folder;
  if (file.empty()) return project.manifest->path;
  if (folder == ".") return std::string(file);
  if (!folder.empty()) return fmt::format("{}/{}", folder, file);
  return fmt::format("{}/{}", project.name, file);
}

Location node_location(const graph::MeshGraph& mesh, graph::NodeId id, const load::Ref* ref) {
  const load::Node& node = mesh.node(id);
  const graph::Project& project = mesh.project_of(id);
  Location location;
  location.manifest = project.manifest->path;
  location.project = project.name;
  location.unique_id = node.unique_id;
  location.file = display_path(project, node.original_file_path);
  if (ref != nullptr && ref->line > 0) {
    location.line = ref->line;
    location.column = ref->column;
  }
  return location;
}

Location config_location(const graph::MeshGraph& mesh, graph::NodeId id) {
  Location location = node_location(mesh, id);
  const load::Node& node = mesh.node(id);
  if (!node.details->patch_path.empty())
    location.file = display_path(mesh.project_of(id), node.details->patch_path);
  return location;
}

std::string describe_node(const load::Node& node) {
  std::string_view kind = "node";
  switch (node.resource_type) {
    case load::ResourceType::Model: kind = "model"; break;
    case load::ResourceType::Seed: kind = "seed"; break;
    case load::ResourceType::Snapshot: kind = "snapshot"; break;
    case load::ResourceType::Test: kind = "test"; break;
    case load::ResourceType::Analysis: kind = "analysis"; break;
    case load::ResourceType::Operation: kind = "operation"; break;
    case load::ResourceType::Source: kind = "source"; break;
    case load::ResourceType::Exposure: kind = "exposure"; break;
    case load::ResourceType::Other: break;
  }
  if (node.details->version)
    return fmt::format("{} '{}' v{}", kind, node.name, *node.details->version);
  return fmt::format("{} '{}'", kind, node.name);
}

std::string describe_ref_target(const graph::ResolvedRef& ref) {
  std::string text = fmt::format("'{}.{}'", ref.target_project, ref.ref->name);
  if (graph::is_pinned(*ref.ref)) text += fmt::format(" v{}", *ref.ref->version);
  return text;
}

std::string describe_owner(const load::Owner& owner) {
  std::string emails;
  for (const std::string& email : owner.emails) emails += (emails.empty() ? "" : ", ") + email;
  if (owner.name.empty()) return emails;
  if (emails.empty()) return owner.name;
  return fmt::format("{} <{}>", owner.name, emails);
}

std::string model_owner(const graph::MeshGraph& mesh, graph::NodeId id) {
  if (const load::Group* group = mesh.group_of(id)) {
    std::string owner = describe_owner(group->owner);
    if (!owner.empty()) return owner;
  }
  return std::string(mesh.node(id).details->meta_owner);
}

std::string_view access_name(load::Access access) {
  switch (access) {
    case load::Access::Private: return "private";
    case load::Access::Protected: return "protected";
    case load::Access::Public: return "public";
  }
  return "protected";
}

std::vector<graph::NodeId> public_models(const graph::MeshGraph& mesh) {
  std::vector<graph::NodeId> models;
  for (graph::NodeId id = 0; id < mesh.nodes().size(); ++id) {
    const load::Node& node = mesh.node(id);
    if (node.is_model() && node.access == load::Access::Public &&
        node.package_name == mesh.project_of(id).name) {
      models.push_back(id);
    }
  }
  return models;
}

bool is_project_dependency(const graph::ResolvedRef& ref) {
  return ref.is_cross_project && ref.status != graph::RefStatus::MissingProject;
}

std::string pinned_ref_call(std::string_view project, std::string_view name, std::string_view version) {
  const bool is_number = !version.empty() && version.find_first_not_of("0123456789.") == std::string_view::npos;
  return fmt::format("{{{{ ref('{}', '{}', v={}) }}}}", project, name,
                     is_number ? std::string(version) : fmt::format("'{}'", version));
}

std::string node_note(const graph::MeshGraph& mesh, graph::NodeId id) {
  return fmt::format("{} in {}", mesh.node(id).unique_id, mesh.project_of(id).manifest->path);
}

}  // namespace meshgraph::check
