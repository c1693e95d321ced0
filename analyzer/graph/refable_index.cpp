// dbt's ref lookup rules, applied to one manifest.
#include "graph/refable_index.hpp"

#include <algorithm>
#include <charconv>
#include <optional>

#include "graph/mesh_graph.hpp"

namespace meshgraph::graph {

namespace {

bool is_refable(load::ResourceType type) {
  return type == load::ResourceType::Model || type == load::ResourceType::Seed ||
         type == load::ResourceType::Snapshot;
}

std::optional<double> as_number(std::string_view text) {
  double value = 0;
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (error != std::errc() || end != text.data() + text.size()) return std::nullopt;
  return value;
}

}  // namespace

bool is_pinned(const load::Ref& ref) { return ref.version.has_value() && *ref.version != "0"; }

bool version_less(std::string_view a, std::string_view b) {
  const std::optional<double> number_a = as_number(a);
  const std::optional<double> number_b = as_number(b);
  if (number_a && number_b) return *number_a < *number_b;
  return a < b;
}

RefableIndex::RefableIndex(const load::Manifest& manifest) {
  by_package_and_name_.reserve(manifest.nodes.size());
  for (const load::Node& node : manifest.nodes) {
    if (!is_refable(node.resource_type)) continue;
    Versions& versions = by_package_and_name_[PackageAndName(node.package_name, node.name)];
    if (versions.only == nullptr) {
      versions.only = &node;
      name_packages_.emplace_back(node.name, node.package_name);
    } else {
      if (versions.all.empty()) versions.all.push_back(versions.only);
      versions.all.push_back(&node);
    }
  }
  std::sort(name_packages_.begin(), name_packages_.end());
}

std::span<const load::Node* const> RefableIndex::find(std::string_view package,
                                                      std::string_view name) const {
  auto it = by_package_and_name_.find(PackageAndName(package, name));
  if (it == by_package_and_name_.end()) return {};
  const Versions& versions = it->second;
  if (versions.all.empty()) return std::span<const load::Node* const>(&versions.only, 1);
  return versions.all;
}

std::vector<std::string_view> RefableIndex::packages_with(std::string_view name) const {
  auto by_name = [](const PackageAndName& entry, std::string_view key) { return entry.first < key; };
  std::vector<std::string_view> packages;
  for (auto it = std::lower_bound(name_packages_.begin(), name_packages_.end(), name, by_name);
       it != name_packages_.end() && it->first == name; ++it) {
    packages.push_back(it->second);
  }
  return packages;
}

const load::Node* pick_version(std::span<const load::Node* const> versions, const load::Ref& ref) {
  if (versions.empty()) return nullptr;
  if (is_pinned(ref)) {
    auto it = std::find_if(versions.begin(), versions.end(), [&](const load::Node* node) {
      return node->details->version == ref.version;
    });
    return it == versions.end() ? nullptr : *it;
  }
  // An unversioned model is a single node with no version.
  if (versions.size() == 1 && !versions.front()->details->version) return versions.front();
  std::optional<std::string> latest;
  for (const load::Node* node : versions) {
    if (node->details->latest_version) latest = node->details->latest_version;
  }
  const load::Node* greatest = nullptr;
  for (const load::Node* node : versions) {
    if (!node->details->version) continue;
    if (latest && node->details->version == latest) return node;
    if (greatest == nullptr || version_less(*greatest->details->version, *node->details->version))
      greatest = node;
  }
  // dbt defaults latest_version to the greatest version (1.5 betas wrote no latest_version).
  return latest ? nullptr : greatest;
}

}  // namespace meshgraph::graph
