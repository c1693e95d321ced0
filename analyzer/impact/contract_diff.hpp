// dbt's own breaking-contract-change rules (ModelNode.same_contract, dbt-core 1.11), applied to
// a model as it is on the main branch (base) and in the pull request (head). Semantics §4.2.
#pragma once

#include <string>
#include <vector>

#include "load/manifest.hpp"

namespace meshgraph::impact {

/// The breaking categories dbt reports, each with its items in dbt's wording.
struct ContractBreaks {
  bool contract_disabled = false;
  std::vector<std::string> columns_removed;
  std::vector<std::string> types_changed;  ///< "col (int -> bigint)"
  std::vector<std::string> column_constraints_removed;  ///< "'not_null' constraint on column id"
  std::vector<std::string> model_constraints_removed;   ///< "'primary_key' constraint on columns [id]"
  std::string materialization_changed;                  ///< "table -> view", or empty

  bool any() const {
    return contract_disabled || !columns_removed.empty() || !types_changed.empty() ||
           !column_constraints_removed.empty() || !model_constraints_removed.empty() ||
           !materialization_changed.empty();
  }
};

/// The breaking changes from `base` to `head`; none unless base's contract was enforced.
/// `adapter_type` is the head manifest's metadata.adapter_type (it decides which constraints
/// count as enforced). Not breaking, as in dbt: added columns, a newly enforced contract,
/// size/precision/case-only type changes (1.11), non-enforced constraint changes.
ContractBreaks compare_contracts(const load::Node& base, const load::Node& head,
                                 std::string_view adapter_type);

/// dbt 1.11's type comparison: the text before the first '(' , trimmed and lower-cased.
/// `varchar(10)` and `VARCHAR(20)` are the same type; `int` and `integer` are not (no aliases).
std::string normalise_data_type(std::string_view data_type);

/// Whether a materialization enforces constraints at build time (table and incremental).
bool enforces_constraints(std::string_view materialized);

}  // namespace meshgraph::impact
