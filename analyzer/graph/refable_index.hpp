// Per-manifest lookup of the nodes a ref() can name, and dbt's choice among their versions.
#pragma once

#include <functional>
#include <span>
#include <string>
#include <utility>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "load/manifest.hpp"

namespace meshgraph::graph {

/// Models, seeds and snapshots of one manifest by (package, name): what dbt's RefableLookup
/// holds (semantics §3.2). Injected copies are included: dbt resolves refs through them.
class RefableIndex {
 public:
  explicit RefableIndex(const load::Manifest& manifest);

  /// Every version of `package.name`; empty when there is none.
  std::span<const load::Node* const> find(std::string_view package, std::string_view name) const;
  /// The packages that have a refable node called `name`, sorted.
  std::vector<std::string_view> packages_with(std::string_view name) const;

 private:
  using PackageAndName = std::pair<std::string_view, std::string_view>;
  struct PackageAndNameHash {
    std::size_t operator()(const PackageAndName& key) const {
      const std::hash<std::string_view> hash;
      return hash(key.first) * 31 ^ hash(key.second);
    }
  };
  /// The nodes of one (package, name): most models have one version, kept without a vector
  /// (a vector per model was a heap block each, 26,000 on a large mesh).
  struct Versions {
    const load::Node* only = nullptr;
    std::vector<const load::Node*> all;  ///< empty while there is one version
  };
  /// Keys view the nodes' own strings: an index lives no longer than its manifest.
  std::unordered_map<PackageAndName, Versions, PackageAndNameHash> by_package_and_name_;
  /// (name, package) of each refable node, sorted, each pair once: for the rare ref that is in
  /// neither its own package nor the project, searched by halving.
  std::vector<PackageAndName> name_packages_;
};

/// The node `ref` selects among the versions of one model: the pinned version, else the
/// latest_version (dbt's default when unset: the greatest version). Null when none matches.
const load::Node* pick_version(std::span<const load::Node* const> versions, const load::Ref& ref);

}  // namespace meshgraph::graph
