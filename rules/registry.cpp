// Every rule, one line each, sorted by id. Ids are never reused or renumbered (STYLE.md §3).
#include "rules/registry.hpp"

#include <algorithm>
#include <array>
#include <cctype>
#include <string>

#include "check/spelling.hpp"

namespace meshgraph::rules {

extern const check::Rule kMesh001PrivateRefOutsideGroup;
extern const check::Rule kMesh002ProtectedRefAcrossProjects;
extern const check::Rule kMesh003RefToMissingNode;
extern const check::Rule kMesh004StaleUpstreamCopy;
extern const check::Rule kMesh101RefToDeprecatedModel;
extern const check::Rule kMesh102RefToSoonDeprecatedModel;
extern const check::Rule kMesh103UnpinnedCrossProjectRef;
extern const check::Rule kMesh110PublicModelWithoutContract;
extern const check::Rule kMesh201ProjectCycle;
extern const check::Rule kMesh202ModelCycle;
extern const check::Rule kMesh203DisallowedProjectDependency;
extern const check::Rule kMesh204UndeclaredProjectDependency;
extern const check::Rule kMesh301PublicModelWithoutOwner;
extern const check::Rule kMesh302PublicModelWithoutDescription;
extern const check::Rule kMesh303ExposureOnNonPublicModel;
extern const check::Rule kMesh401BreakingContractChange;
extern const check::Rule kMesh402PublicModelLogicChanged;
extern const check::Rule kMesh403AccessNarrowed;
extern const check::Rule kMesh404PublicModelRemoved;
extern const check::Rule kMesh405PublicModelColumnRemoved;
extern const check::Rule kMesh406LatestVersionShift;
extern const check::Rule kMesh407NewModelVersion;

namespace {

const std::array<const check::Rule*, 22> kRules = {
    &kMesh001PrivateRefOutsideGroup,
    &kMesh002ProtectedRefAcrossProjects,
    &kMesh003RefToMissingNode,
    &kMesh004StaleUpstreamCopy,
    &kMesh101RefToDeprecatedModel,
    &kMesh102RefToSoonDeprecatedModel,
    &kMesh103UnpinnedCrossProjectRef,
    &kMesh110PublicModelWithoutContract,
    &kMesh201ProjectCycle,
    &kMesh202ModelCycle,
    &kMesh203DisallowedProjectDependency,
    &kMesh204UndeclaredProjectDependency,
    &kMesh301PublicModelWithoutOwner,
    &kMesh302PublicModelWithoutDescription,
    &kMesh303ExposureOnNonPublicModel,
    &kMesh401BreakingContractChange,
    &kMesh402PublicModelLogicChanged,
    &kMesh403AccessNarrowed,
    &kMesh404PublicModelRemoved,
    &kMesh405PublicModelColumnRemoved,
    &kMesh406LatestVersionShift,
    &kMesh407NewModelVersion,
};

std::vector<check::Rule> copy_rules() {
  std::vector<check::Rule> rules;
  for (const check::Rule* rule : kRules) rules.push_back(*rule);
  return rules;
}

bool equals_ignoring_case(std::string_view a, std::string_view b) {
  return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
           return std::toupper(static_cast<unsigned char>(x)) ==
                  std::toupper(static_cast<unsigned char>(y));
         });
}

}  // namespace

std::span<const check::Rule> all_rules() {
  // Copied once, after every rule object is initialised (they live in other files).
  static const std::vector<check::Rule> rules = copy_rules();
  return rules;
}

const check::Rule* find_rule(std::string_view id_or_name) {
  for (const check::Rule& rule : all_rules()) {
    if (equals_ignoring_case(rule.info.id, id_or_name) || rule.info.name == id_or_name) return &rule;
  }
  return nullptr;
}

std::string_view nearest_rule(std::string_view text) {
  std::vector<std::string_view> candidates;
  for (const check::Rule& rule : all_rules()) {
    candidates.push_back(rule.info.id);
    candidates.push_back(rule.info.name);
  }
  return check::nearest_spelling(text, candidates);
}

}  // namespace meshgraph::rules
