// Refs to models with a deprecation_date, and the finding MESH101 and MESH102 report for them.
#include "check/deprecation.hpp"

#include <fmt/format.h>

#include <chrono>

#include "check/dates.hpp"
#include "check/queries.hpp"

namespace meshgraph::check {

std::vector<DeprecatedRef> refs_to_deprecated_models(const graph::MeshGraph& mesh) {
  std::vector<DeprecatedRef> found;
  for (const graph::ResolvedRef& ref : mesh.refs()) {
    if (!ref.target) continue;
    // dbt warns for child models only (semantics §3.3); a snapshot or dashboard on a
    // deprecated model breaks just the same, so they count here too.
    const load::ResourceType from = mesh.node(ref.from).resource_type;
    if (from != load::ResourceType::Model && from != load::ResourceType::Snapshot &&
        from != load::ResourceType::Exposure) {
      continue;
    }
    const load::Node& target = mesh.node(*ref.target);
    if (!target.is_model() || !target.details->deprecation_date) continue;
    // An unreadable date is left alone: the loader keeps it as written, rules never throw.
    if (std::optional<Date> date = parse_date(*target.details->deprecation_date)) {
      found.push_back(DeprecatedRef{&ref, *ref.target, *date});
    }
  }
  return found;
}

Diagnostic deprecated_ref_finding(const graph::MeshGraph& mesh, const DeprecatedRef& found,
                                  std::string_view verdict) {
  const graph::ResolvedRef& ref = *found.ref;
  const load::Node& target = mesh.node(found.target);
  const std::string owner = model_owner(mesh, found.target);
  std::string name = fmt::format("'{}.{}'", ref.target_project, target.name);
  if (target.details->version) name += fmt::format(" v{}", *target.details->version);

  Diagnostic diagnostic;
  diagnostic.message =
      fmt::format("{} refs {}{}, {}", describe_node(mesh.node(ref.from)), name,
                  owner.empty() ? "" : fmt::format(" (owner: {})", owner), verdict);
  if (target.details->version && target.details->latest_version &&
      *target.details->version != *target.details->latest_version) {
    diagnostic.help = fmt::format(
        "move to the latest version: {}",
        pinned_ref_call(ref.target_project, target.name, *target.details->latest_version));
  } else {
    diagnostic.help = fmt::format(
        "ask {} which model replaces {}, and ref that instead",
        owner.empty() ? fmt::format("the owners of '{}'", ref.target_project) : owner, name);
  }
  diagnostic.location = node_location(mesh, ref.from, ref.ref);
  diagnostic.related = {std::string(target.unique_id)};
  diagnostic.notes = {node_note(mesh, ref.from)};
  return diagnostic;
}


}  // namespace meshgraph::check
