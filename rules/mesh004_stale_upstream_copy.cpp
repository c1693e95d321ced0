// MESH004 stale-upstream-copy: a project's copy of another project's node no longer matches it.
#include <doctest/doctest.h>
#include <fmt/format.h>

#include <algorithm>

#include "check/queries.hpp"
#include "check/rule.hpp"
#include "graph/mesh_graph.hpp"
#include "tests/support/rule_fixture.hpp"

#ifndef DOCTEST_CONFIG_DISABLE
#include <nlohmann/json.hpp>
#include <string>

#include "load/manifest_reader.hpp"
#endif

namespace meshgraph::rules {

namespace {

constexpr std::string_view kDoc = R"(## What it flags
A consumer project's copy of another project's model (injected by dbt-loom or dbt Cloud, or
installed as a package) that differs from the producer's own manifest in what consumers rely
on: access, latest_version, and, for full copies, the contract and the columns with their types.

## Why it matters
dbt resolves the consumer's refs against its copy, so the consumer was compiled against a model
that no longer exists in that shape: an unpinned ref still points at the old latest version, a
model made private still looks public. The consumer's own checks pass while the producer has
moved on; the break arrives at run time.

## Example
`data_platform` moved `dim_shelters` to `latest_version: 2`, but `finance_marketing` was parsed
before that: its manifest's copy of `model.data_platform.dim_shelters.v1` still says
`latest_version: 1`, so its unpinned `ref('data_platform', 'dim_shelters')` is frozen on v1.

## How to fix
Parse the consumer again against the producer's current manifest (`dbt parse` with dbt-loom
pointing at it, or a fresh dbt Cloud job), and commit or publish the new manifest.

## When it does not apply
Injected copies carry no columns and no contract (dbt-loom and dbt's external nodes drop
them), so for those only access and latest_version are compared. Columns are compared while the
producer's model is public: once it is not, the access difference is the finding (and what
consumers must act on), and `meshgraph check` does not load the columns of models that are not
public (docs/performance.md).
)";

std::string show(const std::optional<std::string>& value) { return value ? *value : "none"; }

std::vector<std::string> differences(const load::Node& copy, const load::Node& original,
                                     std::string_view producer) {
  std::vector<std::string> found;
  if (copy.access != original.access) {
    found.push_back(fmt::format("access is {} in the copy, {} in '{}'", check::access_name(copy.access),
                                check::access_name(original.access), producer));
  }
  if (copy.details->latest_version != original.details->latest_version) {
    found.push_back(fmt::format("latest_version is {} in the copy, {} in '{}'",
                                show(copy.details->latest_version),
                                show(original.details->latest_version), producer));
  }
  if (copy.is_external) return found;
  if (copy.contract_enforced != original.contract_enforced) {
    found.push_back(fmt::format("the contract is {} in the copy, {} in '{}'",
                                copy.contract_enforced ? "enforced" : "not enforced",
                                original.contract_enforced ? "enforced" : "not enforced", producer));
  }
  // Only while the original is public: check keeps no columns of other models (load::Detail),
  // and the rule must say the same whatever the command loaded.
  if (original.access != load::Access::Public) return found;
  for (const load::Column& column : original.details->columns) {
    auto it = std::find_if(copy.details->columns.begin(), copy.details->columns.end(),
                           [&](const load::Column& c) { return c.name == column.name; });
    if (it == copy.details->columns.end()) {
      found.push_back(fmt::format("column '{}' is missing from the copy", column.name));
    } else if (it->data_type != column.data_type) {
      found.push_back(fmt::format("column '{}' is {} in the copy, {} in '{}'", column.name,
                                  show(it->data_type), show(column.data_type), producer));
    }
  }
  return found;
}

void check(const check::CheckContext& context, check::Reporter& reporter) {
  const graph::MeshGraph& mesh = context.mesh;
  for (const graph::Copy& copy : mesh.copies()) {
    if (!copy.original || !copy.copy->is_model() || !mesh.node(*copy.original).is_model()) continue;
    const std::vector<std::string> found =
        differences(*copy.copy, mesh.node(*copy.original), copy.owner_project);
    if (found.empty()) continue;
    const graph::Project& consumer = mesh.projects()[copy.consumer];

    check::Diagnostic diagnostic;
    diagnostic.message = fmt::format("project '{}' holds a stale copy of {} of project '{}': {}",
                                     consumer.name, check::describe_node(*copy.copy),
                                     copy.owner_project, fmt::join(found, "; "));
    diagnostic.help = fmt::format(
        "parse '{}' again against the current manifest of '{}' (dbt parse), so its refs resolve "
        "as they will at run time",
        consumer.name, copy.owner_project);
    diagnostic.location.manifest = consumer.manifest->path;
    diagnostic.location.project = consumer.name;
    diagnostic.location.unique_id = copy.copy->unique_id;
    diagnostic.location.file = consumer.manifest->path;
    for (const graph::ResolvedRef& ref : mesh.refs()) {
      if (ref.local_copy == copy.copy) diagnostic.related.push_back(mesh.node(ref.from).unique_id);
    }
    diagnostic.notes = {fmt::format("the copy is in {}; '{}' defines the model in {}", consumer.manifest->path,
                                    copy.owner_project, mesh.project_of(*copy.original).manifest->path)};
    std::sort(diagnostic.related.begin(), diagnostic.related.end());
    diagnostic.related.erase(std::unique(diagnostic.related.begin(), diagnostic.related.end()),
                             diagnostic.related.end());
    if (!diagnostic.related.empty()) {
      diagnostic.notes.push_back(fmt::format("refs through this copy: {}", fmt::join(diagnostic.related, ", ")));
    }
    reporter.report(std::move(diagnostic));
  }
}

}  // namespace

extern const check::Rule kMesh004StaleUpstreamCopy;
const check::Rule kMesh004StaleUpstreamCopy{
    {"MESH004", "stale-upstream-copy", check::Severity::Warning,
     "a project's copy of another project's model differs from that project's manifest", kDoc},
    check};

TEST_CASE("MESH004 flags a copy whose latest_version lags behind the producer") {
  const auto findings = testing::check_rule_fixture(kMesh004StaleUpstreamCopy, "mesh004/violates");
  REQUIRE(findings.size() == 1);
  CHECK(findings[0].location.project == "consumer");
  CHECK(findings[0].location.unique_id == "model.producer.dim_customers.v2");
  CHECK(findings[0].related == std::vector<std::string>{"model.consumer.fct_orders"});
  CHECK(findings[0].message ==
        "project 'consumer' holds a stale copy of model 'dim_customers' v2 of project 'producer': "
        "latest_version is 1 in the copy, 2 in 'producer'");
}

#ifndef DOCTEST_CONFIG_DISABLE  // a test with helpers of its own: kept out of the meshgraph binary
namespace {

/// Producer's dim_customers with `access` and an `id` column of type int; consumer holds a
/// full copy of it (installed as a package: it has its files) whose `id` is text.
std::vector<check::Diagnostic> copy_with_other_column_type(const std::string& access,
                                                           load::Detail detail) {
  auto dim_customers = [&](const std::string& id_type) {
    return nlohmann::ordered_json{
        {"resource_type", "model"},
        {"package_name", "producer"},
        {"name", "dim_customers"},
        {"unique_id", "model.producer.dim_customers"},
        {"path", "dim_customers.sql"},
        {"original_file_path", "models/dim_customers.sql"},
        {"access", access},
        {"columns", {{"id", {{"name", "id"}, {"data_type", id_type}}}}}};
  };
  const nlohmann::ordered_json fct_orders = {
      {"resource_type", "model"},
      {"package_name", "consumer"},
      {"name", "fct_orders"},
      {"unique_id", "model.consumer.fct_orders"},
      {"path", "fct_orders.sql"},
      {"original_file_path", "models/fct_orders.sql"},
      {"raw_code", "select * from {{ ref('producer', 'dim_customers') }}"},
      {"refs", {{{"name", "dim_customers"}, {"package", "producer"}, {"version", nullptr}}}},
      {"depends_on", {{"nodes", {"model.producer.dim_customers"}}}}};
  const nlohmann::ordered_json producer = {{"model.producer.dim_customers", dim_customers("int")}};
  const nlohmann::ordered_json consumer = {{"model.producer.dim_customers", dim_customers("text")},
                                           {"model.consumer.fct_orders", fct_orders}};
  load::ManifestReader reader({detail, false});
  std::vector<load::Manifest> manifests;
  manifests.push_back(reader.parse(testing::manifest_text("producer", producer.dump()),
                                   "producer/target/manifest.json"));
  manifests.push_back(reader.parse(testing::manifest_text("consumer", consumer.dump()),
                                   "consumer/target/manifest.json"));
  return testing::check_rule_on(kMesh004StaleUpstreamCopy, std::move(manifests));
}

}  // namespace

TEST_CASE("MESH004 compares a full copy's columns while the original is public, whatever was loaded") {
  for (const load::Detail detail : {load::Detail::Full, load::Detail::Check}) {
    CAPTURE(static_cast<int>(detail));
    const std::vector<check::Diagnostic> findings = copy_with_other_column_type("public", detail);
    REQUIRE(findings.size() == 1);
    CHECK(findings[0].location.unique_id == "model.producer.dim_customers");
    CHECK(findings[0].related == std::vector<std::string>{"model.consumer.fct_orders"});
    CHECK(findings[0].message ==
          "project 'consumer' holds a stale copy of model 'dim_customers' of project 'producer': "
          "column 'id' is text in the copy, int in 'producer'");
    // Not public: check keeps no columns of such models, and full loading must not differ.
    CHECK(copy_with_other_column_type("protected", detail).empty());
  }
}

#endif

TEST_CASE("MESH004 is silent when copies match their producer") {
  CHECK(testing::check_rule_fixture(kMesh004StaleUpstreamCopy, "mesh004/passes").empty());
}

}  // namespace meshgraph::rules
