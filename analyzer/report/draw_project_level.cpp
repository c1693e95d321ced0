// The project-level diagram: one node per project with its counts of models and public models,
// one edge per project dependency labelled with its number of refs. A project that refs point
// into but that is not in the mesh is drawn dashed.
#include <fmt/format.h>

#include <algorithm>
#include <map>

#include "report/draw_parts.hpp"

namespace meshgraph::report::detail {

namespace {

/// A project's counts and marks, among the nodes in focus.
struct ProjectStats {
  std::size_t models = 0;
  std::size_t public_models = 0;
  Mark impact = Mark::Dimmed;
  std::vector<const check::Diagnostic*> findings;  ///< located in the project
};

/// What the refs along one project dependency add up to.
struct Dependency {
  std::string consumer;
  std::string producer;
  std::size_t refs = 0;
  std::vector<const check::Diagnostic*> findings;
  bool is_in_blast_radius = false;
};

std::string project_id(std::string_view name) { return fmt::format("project.{}", name); }

std::string count(std::size_t n, std::string_view one, std::string_view many) {
  return fmt::format("{} {}", n, n == 1 ? one : many);
}

class ProjectDiagram {
 public:
  ProjectDiagram(const graph::MeshGraph& mesh, const MeshMarks& marks,
                 const std::optional<std::vector<graph::NodeId>>& focus)
      : mesh_(mesh), marks_(marks), in_focus_(mesh.nodes().size(), !focus) {
    if (focus) {
      for (graph::NodeId id : *focus) in_focus_[id] = true;
    }
    drawn_.assign(mesh.projects().size(), !focus);
    for (graph::NodeId id = 0; id < mesh.nodes().size(); ++id) {
      if (in_focus_[id]) drawn_[mesh.nodes()[id].project] = true;
    }
  }

  Diagram build() {
    std::vector<ProjectStats> stats(mesh_.projects().size());
    for (graph::NodeId id = 0; id < mesh_.nodes().size(); ++id) {
      if (!in_focus_[id]) continue;
      ProjectStats& project = stats[mesh_.nodes()[id].project];
      if (mesh_.node(id).is_model()) {
        ++project.models;
        if (mesh_.node(id).access == load::Access::Public) ++project.public_models;
      }
      if (marks_.highlight == Highlight::Impact && marks_.impact[id] != Mark::Dimmed &&
          project.impact != Mark::Changed) {
        project.impact = marks_.impact[id];
      }
    }
    for (const check::Diagnostic& finding : marks_.findings) {
      if (std::optional<graph::ProjectId> p = mesh_.find_project(finding.location.project)) {
        stats[*p].findings.push_back(&finding);
      }
    }
    std::size_t models = 0;
    std::size_t projects = 0;
    for (graph::ProjectId p = 0; p < mesh_.projects().size(); ++p) {
      if (!drawn_[p]) continue;
      add_project(mesh_.projects()[p].name, stats[p]);
      models += stats[p].models;
      ++projects;
    }
    for (std::size_t index = 0; index < mesh_.refs().size(); ++index) add_ref(index);
    for (auto& [ends, dependency] : dependencies_) add_edge(ends, dependency);
    const std::string title =
        fmt::format("Project graph: {}, {}", count(projects, "project", "projects"),
                    count(models, "model", "models"));
    return builder_.finish(DiagramLevel::Project, marks_.highlight, title);
  }

 private:
  void add_project(const std::string& name, const ProjectStats& stats) {
    bool created = false;
    DiagramNode& node = builder_.node(project_id(name), created);
    node.kind = NodeKind::Project;
    node.name = name;
    const std::string counts =
        fmt::format("{}, {} public", count(stats.models, "model", "models"), stats.public_models);
    node.label = {name, counts};
    node.tooltip = {name, counts};
    add_rule_counts(stats.findings, node.tooltip);
    add_rules(stats.findings, node.rules);
    node.mark = marks_.highlight == Highlight::Impact  ? stats.impact
                : marks_.highlight == Highlight::Check ? severity_mark(stats.findings)
                                                       : Mark::None;
  }

  /// "MESH001 error: 2 findings" per rule, so a project's tooltip stays short on a large mesh.
  static void add_rule_counts(const std::vector<const check::Diagnostic*>& findings,
                              std::vector<std::string>& tooltip) {
    std::map<std::pair<std::string, check::Severity>, std::size_t> counts;
    for (const check::Diagnostic* finding : findings) ++counts[{finding->rule, finding->severity}];
    for (const auto& [rule, n] : counts) {
      tooltip.push_back(fmt::format("{} {}: {}", rule.first, check::to_string(rule.second),
                                    count(n, "finding", "findings")));
    }
  }

  void add_ref(std::size_t index) {
    const graph::ResolvedRef& ref = mesh_.refs()[index];
    if (!ref.is_cross_project || !in_focus_[ref.from]) return;
    if (ref.target && !in_focus_[*ref.target]) return;
    const std::optional<graph::ProjectId> target = mesh_.find_project(ref.target_project);
    if (target && !drawn_[*target]) return;
    const std::string producer = project_id(ref.target_project);
    if (!target) {
      bool created = false;
      DiagramNode& missing = builder_.node(producer, created);
      missing.kind = NodeKind::Missing;
      missing.name = ref.target_project;
      missing.label = {ref.target_project, "not in the mesh"};
      missing.tooltip = {
          fmt::format("project '{}' has no manifest among the inputs", ref.target_project)};
      if (marks_.highlight == Highlight::Impact) missing.mark = Mark::Dimmed;
    }
    const std::string& consumer = mesh_.project_of(ref.from).name;
    Dependency& dependency = dependencies_[{producer, project_id(consumer)}];
    dependency.consumer = consumer;
    dependency.producer = ref.target_project;
    ++dependency.refs;
    for (const check::Diagnostic* finding : marks_.ref_findings[index]) {
      if (std::find(dependency.findings.begin(), dependency.findings.end(), finding) ==
          dependency.findings.end()) {
        dependency.findings.push_back(finding);
      }
    }
    if (marks_.highlight == Highlight::Impact && ref.target &&
        marks_.impact[ref.from] != Mark::Dimmed && marks_.impact[*ref.target] != Mark::Dimmed) {
      dependency.is_in_blast_radius = true;
    }
  }

  void add_edge(const std::pair<std::string, std::string>& ends, const Dependency& dependency) {
    DiagramEdge& edge = builder_.edge(ends.first, ends.second);
    edge.is_cross_project = true;
    edge.label = count(dependency.refs, "ref", "refs");
    edge.tooltip = {
        fmt::format("{} refs {}: {}", dependency.consumer, dependency.producer, edge.label)};
    add_finding_lines(dependency.findings, edge.tooltip);
    add_rules(dependency.findings, edge.rules);
    edge.breaks_policy =
        std::any_of(edge.rules.begin(), edge.rules.end(),
                    [](const std::string& rule) { return rule.starts_with("MESH2"); });
    if (marks_.highlight == Highlight::Check) edge.mark = severity_mark(dependency.findings);
    if (marks_.highlight == Highlight::Impact)
      edge.mark = dependency.is_in_blast_radius ? Mark::Downstream : Mark::Dimmed;
  }

  const graph::MeshGraph& mesh_;
  const MeshMarks& marks_;
  std::vector<bool> in_focus_;
  std::vector<bool> drawn_;  ///< per ProjectId
  DiagramBuilder builder_;
  std::map<std::pair<std::string, std::string>, Dependency> dependencies_;
};

}  // namespace

Diagram build_project_diagram(const graph::MeshGraph& mesh, const MeshMarks& marks,
                              const std::optional<std::vector<graph::NodeId>>& focus) {
  return ProjectDiagram(mesh, marks, focus).build();
}

}  // namespace meshgraph::report::detail
