// Which nodes and refs of the mesh a finding is about, and which nodes a pull request changed
// and reaches: the marks the diagram colours.
#include <algorithm>
#include <deque>
#include <set>
#include <string_view>

#include "report/draw_diagram.hpp"

namespace meshgraph::report {

namespace {

/// Consumers a change reaches: the kinds `meshgraph impact` follows (tests are not consumers).
bool is_consumer(const load::Node& node) {
  return node.resource_type == load::ResourceType::Model ||
         node.resource_type == load::ResourceType::Snapshot ||
         node.resource_type == load::ResourceType::Exposure;
}

bool differs(const load::Node& a, const load::Node& b) {
  return a.details->checksum != b.details->checksum ||
         a.details->contract_checksum != b.details->contract_checksum || a.access != b.access ||
         a.group != b.group || a.details->latest_version != b.details->latest_version ||
         a.details->deprecation_date != b.details->deprecation_date;
}

void add_ref_finding(MeshMarks& marks, std::size_t ref, const check::Diagnostic& finding) {
  std::vector<const check::Diagnostic*>& list = marks.ref_findings[ref];
  if (std::find(list.begin(), list.end(), &finding) == list.end()) list.push_back(&finding);
}

/// The refs from `from` whose target is `target_unique_id`.
void mark_refs_between(const graph::MeshGraph& mesh, std::optional<graph::NodeId> from,
                       std::string_view target, const check::Diagnostic& finding,
                       MeshMarks& marks) {
  if (!from) return;
  for (std::size_t ref : mesh.refs_from(*from)) {
    if (mesh.refs()[ref].target_unique_id == target) add_ref_finding(marks, ref, finding);
  }
}

}  // namespace

MeshMarks mark_findings(const graph::MeshGraph& mesh, std::span<const check::Diagnostic> findings,
                        Highlight highlight) {
  MeshMarks marks;
  marks.highlight = highlight;
  marks.findings = findings;
  marks.node_findings.resize(mesh.nodes().size());
  marks.ref_findings.resize(mesh.refs().size());
  for (const check::Diagnostic& finding : findings) {
    const std::string& subject = finding.location.unique_id;
    const std::optional<graph::NodeId> node = mesh.find(subject);
    if (node) marks.node_findings[*node].push_back(&finding);
    if (!finding.rule_name.ends_with("-cycle")) {
      // A finding about refs (MESH001, MESH203, MESH303, …): the subject's refs to its related
      // nodes.
      for (const std::string& related : finding.related)
        mark_refs_between(mesh, node, related, finding, marks);
      continue;
    }
    // A cycle names both ends of the refs it is made of. A project cycle is made of refs across
    // projects only: a ref inside a project between two of those nodes is not part of it.
    const bool is_project_cycle = finding.rule_name == "project-cycle";
    std::set<std::string_view> ends(finding.related.begin(), finding.related.end());
    ends.insert(subject);
    for (std::string_view end : ends) {
      const std::optional<graph::NodeId> from = mesh.find(end);
      if (!from) continue;
      for (std::size_t ref : mesh.refs_from(*from)) {
        const graph::ResolvedRef& resolved = mesh.refs()[ref];
        if ((resolved.is_cross_project || !is_project_cycle) &&
            ends.contains(resolved.target_unique_id)) {
          add_ref_finding(marks, ref, finding);
        }
      }
    }
  }
  return marks;
}

std::vector<graph::NodeId> changed_nodes(const graph::MeshGraph& base, const graph::MeshGraph& head,
                                         std::span<const check::Diagnostic> impact_findings) {
  std::set<graph::NodeId> changed;
  for (const check::Diagnostic& finding : impact_findings) {
    if (std::optional<graph::NodeId> id = head.find(finding.location.unique_id))
      changed.insert(*id);
  }
  for (graph::NodeId id = 0; id < head.nodes().size(); ++id) {
    const load::Node& node = head.node(id);
    const bool is_built = node.is_model() || node.resource_type == load::ResourceType::Seed ||
                          node.resource_type == load::ResourceType::Snapshot;
    if (!is_built || head.find(node.unique_id) != id) continue;
    const std::optional<graph::NodeId> before = base.find(node.unique_id);
    if (!before || differs(base.node(*before), node)) changed.insert(id);
  }
  return {changed.begin(), changed.end()};
}

void mark_blast_radius(const graph::MeshGraph& mesh, std::span<const graph::NodeId> changed,
                       MeshMarks& marks) {
  marks.impact.assign(mesh.nodes().size(), Mark::Dimmed);
  std::deque<graph::NodeId> queue;
  for (graph::NodeId id : changed) {
    marks.impact[id] = Mark::Changed;
    queue.push_back(id);
  }
  while (!queue.empty()) {
    const graph::NodeId current = queue.front();
    queue.pop_front();
    for (graph::NodeId child : mesh.children(current)) {
      if (marks.impact[child] != Mark::Dimmed || !is_consumer(mesh.node(child))) continue;
      marks.impact[child] = Mark::Downstream;
      queue.push_back(child);
    }
  }
}

}  // namespace meshgraph::report
