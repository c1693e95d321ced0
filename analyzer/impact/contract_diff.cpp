// Breaking contract changes, category by category, as dbt-core 1.11 decides them.
#include "impact/contract_diff.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cctype>

#include "impact/constraint_support.hpp"

namespace meshgraph::impact {

namespace {

const load::Column* find_column(const load::Node& node, std::string_view name) {
  // Column keys are compared exactly, as dbt does: renaming ID to id is a removal.
  auto it = std::find_if(node.details->columns.begin(), node.details->columns.end(),
                         [&](const load::Column& column) { return column.name == name; });
  return it == node.details->columns.end() ? nullptr : &*it;
}

std::string constraint_label(const load::Constraint& constraint) {
  return constraint.name.empty() ? constraint.type : constraint.name;
}

/// Enforced constraints of `before` that are not in `after`. "Not in" compares every field,
/// so editing an enforced constraint (a new name, a new expression) counts as removing it.
std::vector<const load::Constraint*> removed_enforced(const std::vector<load::Constraint>& before,
                                                      const std::vector<load::Constraint>& after,
                                                      std::string_view adapter_type) {
  std::vector<const load::Constraint*> removed;
  for (const load::Constraint& constraint : before) {
    if (!is_enforced_constraint(adapter_type, constraint.type)) continue;
    if (std::find(after.begin(), after.end(), constraint) == after.end()) removed.push_back(&constraint);
  }
  return removed;
}

bool has_any_constraint(const load::Node& node) {
  if (!node.details->constraints.empty()) return true;
  return std::any_of(node.details->columns.begin(), node.details->columns.end(),
                     [](const load::Column& column) { return !column.constraints.empty(); });
}

void compare_columns(const load::Node& base, const load::Node& head, std::string_view adapter_type,
                     ContractBreaks& breaks) {
  const bool base_enforces = enforces_constraints(base.materialized);
  for (const load::Column& old_column : base.details->columns) {
    const load::Column* new_column = find_column(head, old_column.name);
    if (new_column == nullptr) {
      breaks.columns_removed.emplace_back(old_column.name);
      continue;
    }
    // A data_type going to or from null is a change; otherwise compare the base types.
    const bool type_changed =
        old_column.data_type.has_value() != new_column->data_type.has_value() ||
        (old_column.data_type && *old_column.data_type != *new_column->data_type &&
         normalise_data_type(*old_column.data_type) != normalise_data_type(*new_column->data_type));
    if (type_changed) {
      breaks.types_changed.push_back(fmt::format("{} ({} -> {})", old_column.name,
                                                 old_column.data_type.value_or(load::Text("null")),
                                                 new_column->data_type.value_or(load::Text("null"))));
    }
    if (!base_enforces) continue;
    for (const load::Constraint* removed :
         removed_enforced(old_column.constraints, new_column->constraints, adapter_type)) {
      breaks.column_constraints_removed.push_back(
          fmt::format("'{}' constraint on column {}", constraint_label(*removed), old_column.name));
    }
  }
}

}  // namespace

std::string normalise_data_type(std::string_view data_type) {
  std::string_view base = data_type.substr(0, data_type.find('('));
  while (!base.empty() && std::isspace(static_cast<unsigned char>(base.front())) != 0) base.remove_prefix(1);
  while (!base.empty() && std::isspace(static_cast<unsigned char>(base.back())) != 0) base.remove_suffix(1);
  std::string lower(base);
  std::transform(lower.begin(), lower.end(), lower.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return lower;
}

bool enforces_constraints(std::string_view materialized) {
  return materialized == "table" || materialized == "incremental";
}

ContractBreaks compare_contracts(const load::Node& base, const load::Node& head,
                                 std::string_view adapter_type) {
  ContractBreaks breaks;
  if (!base.contract_enforced) return breaks;
  // An unchanged contract checksum means nothing the contract covers changed.
  if (head.contract_enforced && !head.details->contract_checksum.empty() &&
      head.details->contract_checksum == base.details->contract_checksum) {
    return breaks;
  }
  breaks.contract_disabled = !head.contract_enforced;
  compare_columns(base, head, adapter_type, breaks);
  if (enforces_constraints(base.materialized)) {
    for (const load::Constraint* removed :
         removed_enforced(base.details->constraints, head.details->constraints, adapter_type)) {
      breaks.model_constraints_removed.push_back(fmt::format(
          "'{}' constraint on columns [{}]", constraint_label(*removed), fmt::join(removed->columns, ", ")));
    }
    if (!enforces_constraints(head.materialized) && has_any_constraint(base)) {
      breaks.materialization_changed = fmt::format("{} -> {}", base.materialized, head.materialized);
    }
  }
  return breaks;
}

}  // namespace meshgraph::impact
