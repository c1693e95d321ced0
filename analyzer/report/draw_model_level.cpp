// The model-level diagram: a cluster per project and per group inside it, one node per model,
// seed, snapshot, source and exposure, one edge per dependency, and a dashed node for each ref
// that resolves to nothing (the model, version or project it names is not in the mesh).
#include <fmt/format.h>

#include <algorithm>
#include <set>

#include "check/queries.hpp"
#include "report/draw_parts.hpp"

namespace meshgraph::report::detail {

namespace {

NodeKind kind_of(load::ResourceType type) {
  switch (type) {
    case load::ResourceType::Seed:
      return NodeKind::Seed;
    case load::ResourceType::Snapshot:
      return NodeKind::Snapshot;
    case load::ResourceType::Source:
      return NodeKind::Source;
    case load::ResourceType::Exposure:
      return NodeKind::Exposure;
    default:
      return NodeKind::Model;
  }
}

std::vector<std::string> node_label(const load::Node& node) {
  switch (node.resource_type) {
    case load::ResourceType::Model: {
      std::string name = node.name;
      if (node.details->version)
        name +=
            fmt::format(" v{}{}", *node.details->version,
                        node.details->version == node.details->latest_version ? " (latest)" : "");
      std::string access(check::access_name(node.access));
      if (node.contract_enforced) access += ", contract";
      return {name, access};
    }
    case load::ResourceType::Source: {
      // source.<package>.<source_name>.<table>: show source_name.table, as dbt's source() call
      // does.
      const std::string prefix = fmt::format("source.{}.", node.package_name);
      const bool has_prefix = node.unique_id.starts_with(prefix);
      return {std::string(has_prefix ? node.unique_id.substr(prefix.size()) : std::string_view(node.name)), "source"};
    }
    case load::ResourceType::Exposure:
      return {node.details->label.empty() ? node.name : node.details->label,
              node.details->exposure_type.empty()
                  ? std::string("exposure")
                  : fmt::format("exposure: {}", node.details->exposure_type)};
    case load::ResourceType::Seed:
      return {node.name, "seed"};
    case load::ResourceType::Snapshot:
      return {node.name, "snapshot"};
    default:
      return {node.name};
  }
}

/// The dashed stand-in for what an unresolved ref names.
std::vector<std::string> missing_label(const graph::ResolvedRef& ref) {
  std::string name = fmt::format("{}.{}", ref.target_project, ref.ref->name);
  if (graph::is_pinned(*ref.ref)) name += fmt::format(" v{}", *ref.ref->version);
  switch (ref.status) {
    case graph::RefStatus::MissingProject:
      return {name, "not in the mesh"};
    case graph::RefStatus::MissingVersion:
      return {name, "no such version"};
    default:
      return {name, "no such model"};
  }
}

class ModelDiagram {
 public:
  ModelDiagram(const graph::MeshGraph& mesh, const MeshMarks& marks) : mesh_(mesh), marks_(marks) {}

  Diagram build(const std::vector<graph::NodeId>& ids) {
    std::vector<bool> drawn(mesh_.nodes().size(), false);
    for (graph::NodeId id : ids) drawn[id] = true;
    for (graph::NodeId id : ids) add_node(id);
    for (graph::NodeId id : ids) {
      for (graph::NodeId parent : mesh_.parents(id)) {
        if (drawn[parent]) add_edge(parent, id);
      }
      add_missing_refs(id);
    }
    const std::string title =
        fmt::format("Model graph: {} nodes in {} projects", ids.size(), projects_.size());
    return builder_.finish(DiagramLevel::Model, marks_.highlight, title);
  }

 private:
  std::string project_cluster(const std::string& project) {
    const std::string id = "project." + project;
    DiagramCluster& cluster = builder_.cluster(id);
    cluster.label = project;
    projects_.insert(project);
    return id;
  }

  void add_node(graph::NodeId id) {
    const load::Node& node = mesh_.node(id);
    const std::string& project = mesh_.project_of(id).name;
    bool created = false;
    DiagramNode& drawn = builder_.node(node.unique_id, created);
    drawn.kind = kind_of(node.resource_type);
    drawn.label = node_label(node);
    drawn.name = node.resource_type == load::ResourceType::Source ? drawn.label.front() : node.name;
    drawn.access = node.access;
    drawn.tooltip = {node.unique_id};
    if (!node.details->description.empty())
      drawn.tooltip.push_back(shorten(node.details->description, 240));
    const std::vector<const check::Diagnostic*>& findings = marks_.node_findings[id];
    add_finding_lines(findings, drawn.tooltip);
    add_rules(findings, drawn.rules);
    drawn.mark = marks_.highlight == Highlight::Impact  ? marks_.impact[id]
                 : marks_.highlight == Highlight::Check ? severity_mark(findings)
                                                        : Mark::None;
    std::string cluster = project_cluster(project);
    if (const load::Group* group = mesh_.group_of(id)) {
      const std::string group_id = fmt::format("group.{}.{}", project, group->name);
      DiagramCluster& inner = builder_.cluster(group_id, cluster);
      inner.is_group = true;
      inner.label = "group " + group->name;
      const std::string owner = check::describe_owner(group->owner);
      inner.tooltip = {group->unique_id};
      if (!owner.empty()) inner.tooltip.push_back("owner: " + owner);
      cluster = group_id;
    }
    builder_.place(node.unique_id, cluster);
  }

  /// Data flows from `parent` to `child`; the refs of `child` that land on `parent` carry findings.
  void add_edge(graph::NodeId parent, graph::NodeId child) {
    DiagramEdge& edge = builder_.edge(mesh_.node(parent).unique_id, mesh_.node(child).unique_id);
    edge.is_cross_project = mesh_.nodes()[parent].project != mesh_.nodes()[child].project;
    std::vector<const check::Diagnostic*> findings;
    for (std::size_t ref : mesh_.refs_from(child)) {
      if (mesh_.refs()[ref].target != parent) continue;
      for (const check::Diagnostic* finding : marks_.ref_findings[ref]) {
        if (std::find(findings.begin(), findings.end(), finding) == findings.end())
          findings.push_back(finding);
      }
    }
    mark_edge(edge, findings,
              marks_.highlight == Highlight::Impact && is_affected(parent) && is_affected(child));
  }

  void add_missing_refs(graph::NodeId id) {
    for (std::size_t index : mesh_.refs_from(id)) {
      const graph::ResolvedRef& ref = mesh_.refs()[index];
      if (ref.status == graph::RefStatus::Resolved) continue;
      bool created = false;
      DiagramNode& missing = builder_.node(ref.target_unique_id, created);
      if (created) {
        missing.kind = NodeKind::Missing;
        missing.label = missing_label(ref);
        missing.name = ref.ref->name;
        missing.tooltip = {ref.target_unique_id};
        if (marks_.highlight == Highlight::Impact) missing.mark = Mark::Dimmed;
        if (mesh_.find_project(ref.target_project))
          builder_.place(ref.target_unique_id, project_cluster(ref.target_project));
      }
      DiagramEdge& edge = builder_.edge(ref.target_unique_id, mesh_.node(id).unique_id);
      edge.is_cross_project = ref.is_cross_project;
      mark_edge(edge, marks_.ref_findings[index], false);
    }
  }

  void mark_edge(DiagramEdge& edge, const std::vector<const check::Diagnostic*>& findings,
                 bool is_in_blast_radius) {
    add_rules(findings, edge.rules);
    add_finding_lines(findings, edge.tooltip);
    std::sort(edge.tooltip.begin(), edge.tooltip.end());
    edge.tooltip.erase(std::unique(edge.tooltip.begin(), edge.tooltip.end()), edge.tooltip.end());
    if (marks_.highlight == Highlight::Check)
      edge.mark = std::max(edge.mark, severity_mark(findings));
    if (marks_.highlight == Highlight::Impact)
      edge.mark = is_in_blast_radius ? Mark::Downstream : Mark::Dimmed;
  }

  bool is_affected(graph::NodeId id) const { return marks_.impact[id] != Mark::Dimmed; }

  const graph::MeshGraph& mesh_;
  const MeshMarks& marks_;
  DiagramBuilder builder_;
  std::set<std::string> projects_;
};

}  // namespace

Diagram build_model_diagram(const graph::MeshGraph& mesh, const MeshMarks& marks,
                            const std::optional<std::vector<graph::NodeId>>& focus) {
  return ModelDiagram(mesh, marks).build(drawable_nodes(mesh, focus));
}

}  // namespace meshgraph::report::detail
