// CONSTRAINT_SUPPORT per adapter, from dbt-labs/dbt-adapters (each adapter's impl.py) and
// databricks/dbt-databricks (constraints.py), as summarised in ../shared/docs/
// dbt-mesh-semantics.md §4.2. Adapters change these values: update this table with its source.
#include "impact/constraint_support.hpp"

#include <array>

namespace meshgraph::impact {

namespace {

/// Enforced flags in the order not_null, unique, primary_key, foreign_key, check.
struct AdapterSupport {
  std::string_view adapter;
  std::array<bool, 5> enforced;
};

constexpr AdapterSupport kBaseDefault{"default", {true, false, false, true, false}};

constexpr std::array<AdapterSupport, 7> kAdapters = {{
    {"postgres", {true, true, true, true, true}},
    {"snowflake", {true, false, false, false, false}},
    {"redshift", {true, false, false, false, false}},
    {"bigquery", {true, false, false, false, false}},
    {"databricks", {true, false, false, false, true}},
    {"spark", {false, false, false, false, false}},
    {"athena", {false, false, false, false, false}},
}};

int type_index(std::string_view type) {
  if (type == "not_null") return 0;
  if (type == "unique") return 1;
  if (type == "primary_key") return 2;
  if (type == "foreign_key") return 3;
  if (type == "check") return 4;
  return -1;  // custom and unknown types appear in no adapter's map: never enforced
}

const AdapterSupport& support_for(std::string_view adapter_type) {
  for (const AdapterSupport& support : kAdapters) {
    if (support.adapter == adapter_type) return support;
  }
  return kBaseDefault;
}

}  // namespace

bool is_enforced_constraint(std::string_view adapter_type, std::string_view constraint_type) {
  const int index = type_index(constraint_type);
  return index >= 0 && support_for(adapter_type).enforced[static_cast<std::size_t>(index)];
}

bool is_known_adapter(std::string_view adapter_type) {
  for (const AdapterSupport& support : kAdapters) {
    if (support.adapter == adapter_type) return true;
  }
  return false;
}

}  // namespace meshgraph::impact
