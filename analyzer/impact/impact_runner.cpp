// Loads both meshes (each file once, its nodes on two threads), runs the impact rules,
// computes blast radii.
#include "impact/impact_runner.hpp"

#include <algorithm>
#include <memory>
#include <set>

#include "load/input_discovery.hpp"
#include "load/manifest_reader.hpp"
#include "load/parallel_reader.hpp"

namespace meshgraph::impact {

MeshPair load_mesh_pair(const std::vector<std::string>& base_inputs,
                        const std::vector<std::string>& head_inputs,
                        const std::vector<std::string>& excluded) {
  std::vector<std::string> base_paths = load::find_manifests(base_inputs, excluded);
  std::vector<std::string> head_paths = load::find_manifests(head_inputs, excluded);
  // A head path that is also a base path (CI often passes every project for both) is read once.
  std::vector<std::string> all = base_paths;
  for (const std::string& path : head_paths) {
    if (std::find(base_paths.begin(), base_paths.end(), path) == base_paths.end()) all.push_back(path);
  }
  std::vector<load::Manifest> manifests = load::read_manifests(all);
  // The head mesh is the pull request's manifests plus the base manifest of every project the
  // PR did not rebuild: shared, not copied (a large mesh's manifests take hundreds of MB).
  std::vector<std::shared_ptr<const load::Manifest>> loaded;
  loaded.reserve(manifests.size());
  for (load::Manifest& manifest : manifests) {
    loaded.push_back(std::make_shared<const load::Manifest>(std::move(manifest)));
  }
  std::vector<std::shared_ptr<const load::Manifest>> base(loaded.begin(),
                                                          loaded.begin() + static_cast<std::ptrdiff_t>(base_paths.size()));
  std::vector<std::shared_ptr<const load::Manifest>> head;
  for (const std::string& path : head_paths) {
    const auto index = static_cast<std::size_t>(std::find(all.begin(), all.end(), path) - all.begin());
    head.push_back(loaded[index]);
  }
  std::set<std::string> rebuilt;
  for (const auto& manifest : head) rebuilt.insert(manifest->project_name);
  for (const auto& manifest : base) {
    if (!rebuilt.contains(manifest->project_name)) head.push_back(manifest);
  }
  return MeshPair{graph::MeshGraph::build(std::move(base)), graph::MeshGraph::build(std::move(head))};
}

namespace {

class ImpactReporter : public check::Reporter {
 public:
  ImpactReporter(const check::RuleInfo& info, std::vector<check::Diagnostic>& out) : info_(info), out_(out) {}
  void report(check::Diagnostic diagnostic, std::optional<check::Severity> severity) override {
    diagnostic.rule = std::string(info_.id);
    diagnostic.rule_name = std::string(info_.name);
    diagnostic.severity = severity.value_or(info_.severity);
    out_.push_back(std::move(diagnostic));
  }

 private:
  const check::RuleInfo& info_;
  std::vector<check::Diagnostic>& out_;
};

}  // namespace

check::RunResult run_impact_rules(std::span<const check::Rule> rules, const check::ImpactContext& context,
                                  const check::RunSettings& settings) {
  std::vector<check::Diagnostic> diagnostics;
  for (const check::Rule& rule : rules) {
    if (rule.impact == nullptr || !check::is_selected(rule.info, settings)) continue;
    ImpactReporter reporter(rule.info, diagnostics);
    rule.impact(context, reporter);
  }
  return check::apply_settings(std::move(diagnostics), settings, context.policy.as_of);
}

std::vector<ImpactEntry> describe_impact(const std::vector<check::Diagnostic>& findings,
                                         const graph::MeshGraph& base, const graph::MeshGraph& head) {
  std::vector<ImpactEntry> entries;
  for (const check::Diagnostic& finding : findings) {
    if (!finding.rule.starts_with("MESH4")) continue;
    ImpactEntry entry{finding.location.unique_id, finding.location.project, finding.rule_name,
                      finding.details, false, {}};
    // The finding names the head node when there is one; a removed model is only in base, and
    // a model that became versioned had another unique_id there.
    auto base_id = finding.details.find("base_unique_id");
    const std::string& changed = base_id != finding.details.end() ? base_id->second.front() : entry.unique_id;
    if (std::optional<graph::NodeId> id = base.find(changed)) {
      entry.versioned = base.node(*id).details->version.has_value();
      entry.downstream = downstream_of(base, *id);
    }
    if (std::optional<graph::NodeId> id = head.find(entry.unique_id)) {
      entry.versioned = entry.versioned || head.node(*id).details->version.has_value();
      merge_downstream(entry.downstream, downstream_of(head, *id));
    }
    entries.push_back(std::move(entry));
  }
  return entries;
}

}  // namespace meshgraph::impact
