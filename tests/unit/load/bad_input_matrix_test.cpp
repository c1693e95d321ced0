// The bad-input matrix (docs/robustness.md): inputs generated at test time into a temporary
// folder (truncations of a real manifest, every field read given each wrong JSON type, deep
// nesting, huge strings, invalid UTF-8, NUL bytes, BOMs, duplicate keys, FIFOs, symlink loops,
// unreadable files, oversized files) each refused with one exact InputError, or read, as stated.
// Cases marked `doctest::skip()` are known bugs (each has a `// BUG:` comment): they state how
// meshgraph should behave, and are unskipped with the fix.
#include <doctest/doctest.h>
#include <fmt/format.h>
#include <sys/fsuid.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cstdint>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <functional>
#include <iterator>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "check/policy.hpp"
#include "check/runner.hpp"
#include "config/config_reader.hpp"
#include "graph/mesh_graph.hpp"
#include "load/baseline_reader.hpp"
#include "load/input_discovery.hpp"
#include "load/input_error.hpp"
#include "load/manifest.hpp"
#include "load/manifest_reader.hpp"
#include "load/md5.hpp"
#include "rules/registry.hpp"

namespace meshgraph::load {

namespace {

namespace fs = std::filesystem;
using Json = nlohmann::ordered_json;

constexpr std::string_view kRegenerateHelp =
    "run 'dbt parse' in the project to write target/manifest.json again";
constexpr std::string_view kRealManifest = "fixtures/real/dbt-core-state/v12/manifest.json";
/// The same kind of file, written with line breaks, so line numbers are checked too.
constexpr std::string_view kIndentedManifest =
    "fixtures/rainbow_road/data_platform/target/manifest.json";
constexpr std::size_t kMiB = std::size_t{1} << 20;

/// A fresh folder under the system's temporary folder, removed with everything in it.
class TempFolder {
 public:
  TempFolder() {
    std::string pattern = (fs::temp_directory_path() / "meshgraph-bad-input-XXXXXX").string();
    REQUIRE(::mkdtemp(pattern.data()) != nullptr);
    path_ = pattern;
    // Searchable by others, so a file in it can be made unreadable for another user alone.
    fs::permissions(path_, fs::perms::owner_all | fs::perms::group_exec | fs::perms::others_exec);
  }
  ~TempFolder() {
    std::error_code error;
    fs::remove_all(path_, error);
  }
  TempFolder(const TempFolder&) = delete;
  TempFolder& operator=(const TempFolder&) = delete;

  std::string path(std::string_view relative = "") const {
    return relative.empty() ? path_.string() : (path_ / relative).string();
  }

  /// Writes `content` at `relative` (creating folders) and returns the file's path.
  std::string write(std::string_view relative, std::string_view content) const {
    const fs::path file = path_ / relative;
    fs::create_directories(file.parent_path());
    std::ofstream out(file, std::ios::binary | std::ios::trunc);
    out.write(content.data(), static_cast<std::streamsize>(content.size()));
    REQUIRE(out.good());
    return file.string();
  }

 private:
  fs::path path_;
};

std::string read_file(std::string_view path) {
  std::ifstream in{std::string(path), std::ios::binary};
  REQUIRE(in.good());
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

/// Line and byte column of `offset`, counted here independently of load/.
TextPosition position_of(std::string_view text, std::size_t offset) {
  const std::string_view before = text.substr(0, offset);
  const std::size_t last_break = before.rfind('\n');
  const auto line = static_cast<std::uint32_t>(std::count(before.begin(), before.end(), '\n') + 1);
  const std::size_t column =
      last_break == std::string_view::npos ? offset + 1 : offset - last_break;
  return TextPosition{line, static_cast<std::uint32_t>(column)};
}

template <typename Read>
std::optional<InputError> error_of(Read&& read) {
  try {
    read();
  } catch (const InputError& error) {
    return error;
  }
  return std::nullopt;
}

std::optional<InputError> manifest_error(const std::string& path) {
  return error_of([&] { (void)read_manifest(path); });
}

std::optional<InputError> discovery_error(const std::vector<std::string>& inputs) {
  return error_of([&] { (void)find_manifests(inputs); });
}

/// The error is exactly: FILE[:LINE:COL]: MESSAGE, as main prints it.
void check_error(const std::optional<InputError>& error, const std::string& file,
                 std::string_view message, std::optional<TextPosition> position = std::nullopt) {
  REQUIRE_MESSAGE(error.has_value(), "accepted, expected: ", message);
  CHECK(error->file() == file);
  CHECK(std::string_view(error->what()) == message);
  REQUIRE(error->position().has_value() == position.has_value());
  if (position) {
    CHECK(error->position()->line == position->line);
    CHECK(error->position()->column == position->column);
  }
}

/// The smallest manifest head: schema v12 and a project name.
std::string manifest_with(std::string_view nodes, std::string_view more = "") {
  return fmt::format(
      R"({{"metadata":{{"dbt_schema_version":"https://schemas.getdbt.com/dbt/manifest/v12.json","project_name":"p"}},"nodes":{{{}}}{}}})",
      nodes, more);
}

std::string model_with(std::string_view fields) {
  return fmt::format(
      R"("model.p.m":{{"resource_type":"model","package_name":"p","name":"m","path":"m.sql","original_file_path":"models/m.sql"{}}})",
      fields);
}

// ---------------------------------------------------------------------------------------------
// Every field meshgraph reads, given each JSON type.

/// A v12 manifest with every field the reader reads, each with a value dbt writes.
Json full_manifest() {
  const Json constraint = {{"type", "foreign_key"},   {"name", "fk"},
                           {"expression", "x > 0"},   {"columns", {"id"}},
                           {"to", "ref('other')"},    {"to_columns", {"id"}},
                           {"warn_unenforced", true}, {"warn_unsupported", true}};
  const Json owner = {{"name", "Ann"}, {"email", "ann@example.com"}};
  Json model = {
      {"resource_type", "model"},
      {"package_name", "p"},
      {"name", "orders"},
      {"path", "orders.sql"},
      {"original_file_path", "models/orders.sql"},
      {"patch_path", "p://models/schema.yml"},
      {"description", "Orders"},
      {"raw_code", "select * from {{ ref('items') }}"},
      {"access", "public"},
      {"group", "sales"},
      {"version", 2},
      {"latest_version", 2},
      {"deprecation_date", "2030-01-01"},
      {"config",
       {{"access", "public"},
        {"group", "sales"},
        {"materialized", "table"},
        {"meta", {{"owner", "ann"}}},
        {"enabled", true},
        {"contract", {{"enforced", true}}}}},
      {"meta", {{"owner", "ann"}}},
      {"contract", {{"enforced", true}, {"checksum", "abc"}}},
      {"checksum", {{"name", "sha256"}, {"checksum", "00"}}},
      {"columns",
       {{"id",
         {{"name", "id"},
          {"data_type", "int"},
          {"description", "Id"},
          {"constraints", {constraint}}}}}},
      {"constraints", {constraint}},
      {"refs", {{{"name", "items"}, {"package", "p"}, {"version", 1}}}},
      {"depends_on", {{"macros", Json::array()}, {"nodes", {"model.p.items"}}}},
  };
  Json exposure = {{"resource_type", "exposure"},
                   {"package_name", "p"},
                   {"name", "dash"},
                   {"original_file_path", "models/exposures.yml"},
                   {"type", "dashboard"},
                   {"label", "Dash"},
                   {"owner", owner},
                   {"refs", {{{"name", "orders"}, {"package", nullptr}, {"version", nullptr}}}},
                   {"depends_on", {{"nodes", {"model.p.orders.v2"}}}}};
  Json source = {{"resource_type", "source"},
                 {"package_name", "p"},
                 {"name", "raw_orders"},
                 {"path", "models/sources.yml"},
                 {"original_file_path", "models/sources.yml"}};
  Json group = {{"name", "sales"},
                {"package_name", "p"},
                {"original_file_path", "models/groups.yml"},
                {"owner", owner}};
  return Json{{"metadata",
               {{"dbt_schema_version", "https://schemas.getdbt.com/dbt/manifest/v12.json"},
                {"dbt_version", "1.10.0"},
                {"project_name", "p"},
                {"project_id", md5_hex("p")},
                {"adapter_type", "duckdb"}}},
              {"nodes", {{"model.p.orders.v2", model}}},
              {"sources", {{"source.p.raw.raw_orders", source}}},
              {"exposures", {{"exposure.p.dash", exposure}}},
              {"groups", {{"group.p.sales", group}}}};
}

enum class Type { Null, Boolean, Number, String, Array, Object };
constexpr Type kAllTypes[] = {Type::Null,   Type::Boolean, Type::Number,
                              Type::String, Type::Array,   Type::Object};

/// A value of `type` that is wrong for every field that does not take that type.
std::string_view literal(Type type) {
  switch (type) {
    case Type::Null:
      return "null";
    case Type::Boolean:
      return "true";
    case Type::Number:
      return "42";
    case Type::String:
      return R"("wrong")";
    case Type::Array:
      return "[]";
    case Type::Object:
      return "{}";
  }
  return "";
}

std::string_view found_name(Type type) {
  switch (type) {
    case Type::Null:
      return "null";
    case Type::Boolean:
      return "a boolean";
    case Type::Number:
      return "a number";
    case Type::String:
      return "a string";
    case Type::Array:
      return "an array";
    case Type::Object:
      return "an object";
  }
  return "";
}

/// How the reader treats one field. `accepts`: the types that load (dbt's type, null where dbt
/// writes null, and any type for free-form fields meshgraph only looks into); `expected`: the
/// words of the error for the others ("an object", "a string or a number").
struct FieldCase {
  std::string pointer;  ///< JSON pointer into full_manifest()
  std::string where;    ///< the field as the error names it
  std::vector<Type> accepts;
  std::string expected;
  std::vector<Type> elsewhere = {};  ///< types whose error has a test case of its own
};

std::vector<FieldCase> field_cases() {
  using enum Type;
  const std::string model = "nodes['model.p.orders.v2']";
  const std::string m = "/nodes/model.p.orders.v2";
  const std::vector<Type> any = {Null, Boolean, Number, String, Array, Object};
  std::vector<FieldCase> cases = {
      // An empty metadata object is a manifest without a schema: see the dbt_schema_version cases.
      {"/metadata", "metadata", {}, "an object", {Object}},
      {"/metadata/dbt_version", "metadata.dbt_version", {Null, String}, "a string"},
      {"/metadata/project_name", "metadata.project_name", {Null, String}, "a string"},
      {"/metadata/project_id", "metadata.project_id", {Null, String}, "a string"},
      {"/metadata/adapter_type", "metadata.adapter_type", {Null, String}, "a string"},
      {"/nodes", "nodes", {Null, Object}, "an object"},
      {"/sources", "sources", {Null, Object}, "an object"},
      {"/exposures", "exposures", {Null, Object}, "an object"},
      {"/groups", "groups", {Null, Object}, "an object"},
      {m, model, {Object}, "an object"},
      {m + "/resource_type", model + ".resource_type", {String}, "a string"},
      {m + "/package_name", model + ".package_name", {String}, "a string"},
      {m + "/name", model + ".name", {String}, "a string"},
      {m + "/path", model + ".path", {Null, String}, "a string"},
      {m + "/original_file_path", model + ".original_file_path", {Null, String}, "a string"},
      {m + "/patch_path", model + ".patch_path", {Null, String}, "a string"},
      {m + "/description", model + ".description", {Null, String}, "a string"},
      {m + "/raw_code", model + ".raw_code", {Null, String}, "a string"},
      {m + "/access", model + ".access", {Null}, "a string", {String}},
      {m + "/group", model + ".group", {Null, String}, "a string"},
      {m + "/version", model + ".version", {Null, Number, String}, "a string or a number"},
      {m + "/latest_version",
       model + ".latest_version",
       {Null, Number, String},
       "a string or a number"},
      {m + "/deprecation_date", model + ".deprecation_date", {Null, String}, "a string"},
      {m + "/config", model + ".config", {Null, Object}, "an object"},
      {m + "/config/access", model + ".config.access", {Null}, "a string", {String}},
      {m + "/config/group", model + ".config.group", {Null, String}, "a string"},
      {m + "/config/materialized", model + ".config.materialized", {Null, String}, "a string"},
      // Free-form, or read only when dbt's type: anything else is ignored, as dbt does.
      {m + "/config/meta", model + ".config.meta", any, ""},
      {m + "/config/meta/owner", model + ".config.meta.owner", any, ""},
      {m + "/config/enabled", model + ".config.enabled", any, ""},
      {m + "/config/contract", model + ".config.contract", any, ""},
      {m + "/meta", model + ".meta", any, ""},
      {m + "/meta/owner", model + ".meta.owner", any, ""},
      {m + "/contract", model + ".contract", {Null, Object}, "an object"},
      {m + "/contract/enforced", model + ".contract.enforced", {Null, Boolean}, "a boolean"},
      {m + "/contract/checksum", model + ".contract.checksum", {Null, String}, "a string"},
      {m + "/checksum", model + ".checksum", {Null, Object}, "an object"},
      {m + "/checksum/checksum", model + ".checksum.checksum", {String}, "a string"},
      {m + "/columns", model + ".columns", {Null, Object}, "an object"},
      {m + "/columns/id", model + ".columns['id']", {Object}, "an object"},
      {m + "/columns/id/data_type", model + ".columns['id'].data_type", {Null, String}, "a string"},
      {m + "/columns/id/description",
       model + ".columns['id'].description",
       {Null, String},
       "a string"},
      {m + "/columns/id/constraints",
       model + ".columns['id'].constraints",
       {Null, Array},
       "an array"},
      {m + "/columns/id/constraints/0",
       model + ".columns['id'].constraints[0]",
       {Object},
       "an object"},
      {m + "/constraints", model + ".constraints", {Null, Array}, "an array"},
      {m + "/constraints/0", model + ".constraints[0]", {Object}, "an object"},
      {m + "/constraints/0/type", model + ".constraints[0].type", {String}, "a string"},
      {m + "/constraints/0/name", model + ".constraints[0].name", {Null, String}, "a string"},
      {m + "/constraints/0/expression",
       model + ".constraints[0].expression",
       {Null, String},
       "a string"},
      {m + "/constraints/0/columns", model + ".constraints[0].columns", {Null, Array}, "an array"},
      {m + "/constraints/0/columns/0", model + ".constraints[0].columns[0]", {String}, "a string"},
      {m + "/constraints/0/to", model + ".constraints[0].to", {Null, String}, "a string"},
      {m + "/constraints/0/to_columns",
       model + ".constraints[0].to_columns",
       {Null, Array},
       "an array"},
      {m + "/constraints/0/warn_unenforced",
       model + ".constraints[0].warn_unenforced",
       {Null, Boolean},
       "a boolean"},
      {m + "/constraints/0/warn_unsupported",
       model + ".constraints[0].warn_unsupported",
       {Null, Boolean},
       "a boolean"},
      {m + "/refs", model + ".refs", {Array}, "an array"},
      {m + "/refs/0/name", model + ".refs[0].name", {String}, "a string"},
      {m + "/refs/0/package", model + ".refs[0].package", {Null, String}, "a string"},
      {m + "/refs/0/version",
       model + ".refs[0].version",
       {Null, Number, String},
       "a string or a number"},
      {m + "/depends_on", model + ".depends_on", {Null, Object}, "an object"},
      {m + "/depends_on/nodes", model + ".depends_on.nodes", {Null, Array}, "an array"},
      {m + "/depends_on/nodes/0", model + ".depends_on.nodes[0]", {String}, "a string"},
      {"/sources/source.p.raw.raw_orders",
       "sources['source.p.raw.raw_orders']",
       {Object},
       "an object"},
      {"/sources/source.p.raw.raw_orders/name",
       "sources['source.p.raw.raw_orders'].name",
       {String},
       "a string"},
      {"/exposures/exposure.p.dash/type", "exposures['exposure.p.dash'].type", any, ""},
      {"/exposures/exposure.p.dash/label",
       "exposures['exposure.p.dash'].label",
       {Null, String},
       "a string"},
      {"/exposures/exposure.p.dash/owner",
       "exposures['exposure.p.dash'].owner",
       {Null, Object},
       "an object"},
      {"/exposures/exposure.p.dash/owner/name",
       "exposures['exposure.p.dash'].owner.name",
       {Null, String},
       "a string"},
      {"/groups/group.p.sales", "groups['group.p.sales']", {Object}, "an object"},
      {"/groups/group.p.sales/name", "groups['group.p.sales'].name", {String}, "a string"},
      {"/groups/group.p.sales/package_name",
       "groups['group.p.sales'].package_name",
       {String},
       "a string"},
      {"/groups/group.p.sales/original_file_path",
       "groups['group.p.sales'].original_file_path",
       {Null, String},
       "a string"},
      {"/groups/group.p.sales/owner", "groups['group.p.sales'].owner", {Null, Object}, "an object"},
  };
  return cases;
}

/// full_manifest() with the value at `pointer` replaced by `value`, and the byte offset of it.
std::pair<std::string, std::size_t> manifest_replacing(const std::string& pointer,
                                                       std::string_view value) {
  constexpr std::string_view kMark = "\"@@VALUE@@\"";
  Json manifest = full_manifest();
  manifest[Json::json_pointer(pointer)] = "@@VALUE@@";
  std::string text = manifest.dump(1);
  const std::size_t offset = text.find(kMark);
  REQUIRE(offset != std::string::npos);
  text.replace(offset, kMark.size(), value);
  return {text, offset};
}

/// The error the reader gives for `type` at the field, or nullopt where it loads.
std::optional<std::string> expected_message(const FieldCase& field, Type type) {
  if (std::find(field.accepts.begin(), field.accepts.end(), type) != field.accepts.end())
    return std::nullopt;
  return fmt::format("{}: expected {}, found {}", field.where, field.expected, found_name(type));
}

}  // namespace

TEST_CASE("the full manifest of the type matrix loads as written") {
  const TempFolder folder;
  const std::string path = folder.write("manifest.json", full_manifest().dump(1));
  const Manifest manifest = read_manifest(path);
  CHECK(manifest.nodes.size() == 3);
  CHECK(manifest.groups.size() == 1);
  CHECK(manifest.project_name == "p");
}

TEST_CASE(
    "every field read, given each JSON type, loads or is refused naming the field at its value") {
  const TempFolder folder;
  for (const FieldCase& field : field_cases()) {
    for (const Type type : kAllTypes) {
      if (std::find(field.elsewhere.begin(), field.elsewhere.end(), type) != field.elsewhere.end())
        continue;
      CAPTURE(field.pointer);
      CAPTURE(literal(type));
      const auto [text, offset] = manifest_replacing(field.pointer, literal(type));
      const std::string path = folder.write("manifest.json", text);
      const std::optional<InputError> error = manifest_error(path);
      if (const std::optional<std::string> message = expected_message(field, type)) {
        check_error(error, path, *message, position_of(text, offset));
        if (error) CHECK(error->help() == kRegenerateHelp);
      } else {
        CHECK_MESSAGE(!error.has_value(), (error ? error->what() : ""));
      }
    }
  }
}

// Was a bug (docs/robustness.md), now fixed; it was: the value is checked after it was read, and by then simdjson's position is past it: the
// error points at the ',' after it (or the next line). Input: a model with "access": "internal".
TEST_CASE("an access that is not private, protected or public is refused at the value, quoting it") {
  const TempFolder folder;
  const auto [text, offset] =
      manifest_replacing("/nodes/model.p.orders.v2/access", R"("internal")");
  const std::string path = folder.write("manifest.json", text);
  check_error(manifest_error(path), path,
              "nodes['model.p.orders.v2'].access: expected 'private', 'protected' or 'public', "
              "found 'internal'",
              position_of(text, offset));
}

TEST_CASE("a dbt_schema_version of the wrong type is refused at its value") {
  const TempFolder folder;
  for (const Type type : {Type::Boolean, Type::Number, Type::Array, Type::Object}) {
    CAPTURE(literal(type));
    const auto [text, offset] = manifest_replacing("/metadata/dbt_schema_version", literal(type));
    const std::string path = folder.write("manifest.json", text);
    check_error(
        manifest_error(path), path,
        fmt::format("metadata.dbt_schema_version: expected a string, found {}", found_name(type)),
        position_of(text, offset));
  }
}

TEST_CASE("a null or unknown dbt_schema_version is refused as not a manifest") {
  const TempFolder folder;
  for (const auto& [value, shown] : {std::pair{"null", ""}, std::pair{R"("wrong")", "wrong"}}) {
    const std::string path = folder.write(
        "manifest.json", manifest_replacing("/metadata/dbt_schema_version", value).first);
    check_error(manifest_error(path), path,
                fmt::format("not a dbt manifest: metadata.dbt_schema_version is '{}'", shown));
  }
}

TEST_CASE("a ref that is neither an object nor a list of one or two names is refused at the ref") {
  const TempFolder folder;
  for (const std::string_view value : {"null", "true", "42", R"("items")"}) {
    CAPTURE(value);
    const auto [text, offset] = manifest_replacing("/nodes/model.p.orders.v2/refs/0", value);
    const std::string path = folder.write("manifest.json", text);
    const std::string found = value == "null"   ? "null"
                              : value == "true" ? "a boolean"
                              : value == "42"   ? "a number"
                                                : "a string";
    check_error(
        manifest_error(path), path,
        fmt::format("nodes['model.p.orders.v2'].refs[0]: expected an object, found {}", found),
        position_of(text, offset));
  }
}

// Was a bug (docs/robustness.md), now fixed; it was: as for access, the list is checked after it was read: the error points past it (for
// `[]` in an indented file, at the next line). Input: a model with "refs": [[]].
TEST_CASE("a ref list of no or three names is refused at the list") {
  const TempFolder folder;
  for (const std::string_view value : {"[]", R"(["a","b","c"])"}) {
    CAPTURE(value);
    const auto [text, offset] = manifest_replacing("/nodes/model.p.orders.v2/refs/0", value);
    const std::string path = folder.write("manifest.json", text);
    check_error(manifest_error(path), path,
                "nodes['model.p.orders.v2'].refs[0]: expected a ref as [name] or [package, name]",
                position_of(text, offset));
  }
}

// Was a bug (docs/robustness.md), now fixed; it was: the inner loop over config.contract pushes no path segment, so the error names
// `config.contract`, not the field that is wrong. Input: a model with
// "config": {"contract": {"enforced": null}}.
TEST_CASE("a config.contract.enforced that is not a boolean is refused naming that field") {
  const TempFolder folder;
  const auto [text, offset] =
      manifest_replacing("/nodes/model.p.orders.v2/config/contract/enforced", "null");
  const std::string path = folder.write("manifest.json", text);
  check_error(manifest_error(path), path,
              "nodes['model.p.orders.v2'].config.contract.enforced: expected a boolean, found null",
              position_of(text, offset));
}

// Was a bug (docs/robustness.md), now fixed; it was: owner.email may be a string or a list (dbt 1.10); for any other type the message says
// only "expected an array". Input: an exposure with "owner": {"email": 42}.
TEST_CASE("an owner email that is neither a string nor a list says both are allowed") {
  const TempFolder folder;
  const auto [text, offset] = manifest_replacing("/exposures/exposure.p.dash/owner/email", "42");
  const std::string path = folder.write("manifest.json", text);
  check_error(
      manifest_error(path), path,
      "exposures['exposure.p.dash'].owner.email: expected a string or an array, found a number",
      position_of(text, offset));
}

// ---------------------------------------------------------------------------------------------
// Truncation.

TEST_CASE(
    "a real manifest cut at any of 100 evenly spaced offsets is refused as truncated, at its "
    "end") {
  const TempFolder folder;
  for (const std::string_view source : {kRealManifest, kIndentedManifest}) {
    const std::string text = read_file(source);
    for (std::size_t k = 1; k <= 100; ++k) {
      const std::size_t size = text.size() * k / 101;
      CAPTURE(source);
      CAPTURE(size);
      const std::string_view prefix = std::string_view(text).substr(0, size);
      const std::string path = folder.write("manifest.json", prefix);
      const std::optional<InputError> error = manifest_error(path);
      check_error(error, path, "unexpected end of input; the file looks truncated",
                  position_of(prefix, size));
      if (error) CHECK(error->help() == kRegenerateHelp);
    }
  }
}

// ---------------------------------------------------------------------------------------------
// Nesting, size, encoding, NUL bytes, byte order marks, duplicate keys.

// The whole text is validated (simdjson's DOM parser), so nesting deeper than its limit (1,024
// levels) is refused wherever it is; Python's json, which dbt uses, stops at about 1,000 levels
// too, so dbt cannot have written such a file.
constexpr std::string_view kTooDeep = "JSON nested more than 1024 levels deep; no dbt manifest is";

TEST_CASE("an array nested 100,000 levels deep at the top level is refused as too deep") {
  const TempFolder folder;
  const std::string text = std::string(100'000, '[') + std::string(100'000, ']');
  const std::string path = folder.write("manifest.json", text);
  check_error(manifest_error(path), path, kTooDeep, position_of(text, 1024));
}

TEST_CASE("objects nested 100,000 levels deep are refused as too deep, at level 1,025") {
  const TempFolder folder;
  std::string text;
  for (int i = 0; i < 100'000; ++i) text += R"({"a":)";
  text += "1" + std::string(100'000, '}');
  const std::string path = folder.write("manifest.json", text);
  check_error(manifest_error(path), path, kTooDeep, position_of(text, 1024 * 5));
}

TEST_CASE("nesting 100,000 levels deep in a field meshgraph does not read is refused too") {
  const TempFolder folder;
  const std::string deep = std::string(100'000, '[') + std::string(100'000, ']');
  const std::string text = manifest_with(model_with(R"(,"unrendered_config":)" + deep));
  const std::string path = folder.write("manifest.json", text);
  // The model sits at depth 3 (the top level, nodes, the model): its field's list is level 4.
  check_error(manifest_error(path), path, kTooDeep, position_of(text, text.find("[[[") + 1021));
}

TEST_CASE("nesting 1,000 levels deep in a field meshgraph does not read loads") {
  const TempFolder folder;
  const std::string deep = std::string(1000, '[') + std::string(1000, ']');
  const std::string path =
      folder.write("manifest.json", manifest_with(model_with(R"(,"unrendered_config":)" + deep)));
  CHECK(read_manifest(path).nodes.size() == 1);
}

TEST_CASE("a list of refs nested 1,000 levels deep is refused at the first nested list") {
  const TempFolder folder;
  const std::string text =
      manifest_with(model_with(R"(,"refs":)" + std::string(1000, '[') + std::string(1000, ']')));
  const std::string path = folder.write("manifest.json", text);
  check_error(manifest_error(path), path,
              "nodes['model.p.m'].refs[0][0]: expected a string, found an array",
              position_of(text, text.find("[[[") + 2));
}

TEST_CASE("nesting 100,000 levels deep that is never closed is refused as truncated") {
  const TempFolder folder;
  const std::string text = manifest_with("").substr(0, manifest_with("").size() - 1) + R"(,"x":)" +
                           std::string(100'000, '[');
  const std::string path = folder.write("manifest.json", text);
  check_error(manifest_error(path), path, "unexpected end of input; the file looks truncated",
              position_of(text, text.size()));
}

TEST_CASE("a description of 100 MB loads") {
  const TempFolder folder;
  const std::string path = folder.write(
      "manifest.json",
      manifest_with(model_with(R"(,"description":")" + std::string(100 * kMiB, 'x') + "\"")));
  const Manifest manifest = read_manifest(path);
  REQUIRE(manifest.nodes.size() == 1);
  CHECK(manifest.nodes[0].details->description.size() == 100 * kMiB);
}

TEST_CASE("a string of 100 MB that is never closed is refused as truncated") {
  const TempFolder folder;
  const std::string text = manifest_with("").substr(0, manifest_with("").size() - 1) + R"(,"x":")" +
                           std::string(100 * kMiB, 'x');
  const std::string path = folder.write("manifest.json", text);
  check_error(manifest_error(path), path, "unexpected end of input; the file looks truncated",
              position_of(text, text.size()));
}

/// Errors quote the input they complain about; a quote is cut short, so one bad value of 100
/// MB cannot make a 100 MB error line.
void check_short_error(const std::optional<InputError>& error, const std::string& path,
                       std::string_view starts_with) {
  REQUIRE(error.has_value());
  CHECK(error->file() == path);
  const std::string_view message = error->what();
  CHECK(message.starts_with(starts_with));
  CHECK(message.size() < 300);
}

// Was a bug (docs/robustness.md), now fixed; it was: the error quotes the whole value: a 100 MB error line. Input: a model with
// "access": "xxx…" (100 MiB of 'x').
TEST_CASE("an access value of 100 MB is refused with a short message") {
  const TempFolder folder;
  const std::string path = folder.write(
      "manifest.json",
      manifest_with(model_with(R"(,"access":")" + std::string(100 * kMiB, 'x') + "\"")));
  check_short_error(
      manifest_error(path), path,
      "nodes['model.p.m'].access: expected 'private', 'protected' or 'public', found 'xxx");
}

// Was a bug (docs/robustness.md), now fixed; it was: the error names the field by its 100 MB key. Input: {"metadata": {…}, "nodes":
// {"xxx…" (100 MiB of 'x'): 3}}.
TEST_CASE("a wrong value under a key of 100 MB is refused with a short message") {
  const TempFolder folder;
  const std::string path =
      folder.write("manifest.json", manifest_with('"' + std::string(100 * kMiB, 'x') + "\":3"));
  check_short_error(manifest_error(path), path, "nodes['xxx");
}

// Was a bug (docs/robustness.md), now fixed; it was: nlohmann's "last read" quotes the whole string token, 100 MB of it. Input: a model
// with "description": "xxx…\xff" (100 MiB of 'x', then an invalid UTF-8 byte).
TEST_CASE("invalid UTF-8 at the end of a 100 MB string is refused with a short message") {
  const TempFolder folder;
  const std::string path = folder.write(
      "manifest.json",
      manifest_with(model_with(R"(,"description":")" + std::string(100 * kMiB, 'x') + "\xff\"")));
  check_short_error(
      manifest_error(path), path,
      "invalid JSON: syntax error while parsing value - invalid string: ill-formed UTF-8 byte");
}

TEST_CASE("invalid UTF-8 in a string is refused where the bad sequence ends") {
  const TempFolder folder;
  const std::string text = manifest_with(model_with(",\"description\":\"caf\xe9\""));
  const std::string path = folder.write("manifest.json", text);
  check_error(
      manifest_error(path), path,
      "invalid JSON: syntax error while parsing value - invalid string: ill-formed UTF-8 byte; "
      "last read: '\"caf\xe9\"'",
      position_of(text, text.find('\xe9') + 1));
}

TEST_CASE("invalid UTF-8 in a key is refused at the byte") {
  const TempFolder folder;
  const std::string text = manifest_with("\"model.p.\xff\":{}");
  const std::string path = folder.write("manifest.json", text);
  check_error(manifest_error(path), path,
              "invalid JSON: syntax error while parsing object key - invalid string: ill-formed "
              "UTF-8 byte; "
              "last read: '\"model.p.\xff'; expected string literal",
              position_of(text, text.find('\xff')));
}

TEST_CASE("an overlong UTF-8 encoding and an encoded surrogate are refused as invalid UTF-8") {
  const TempFolder folder;
  for (const std::string_view bytes :
       {std::string_view("\xc0\xaf"), std::string_view("\xed\xa0\x80")}) {
    const std::string text =
        manifest_with(model_with(",\"description\":\"" + std::string(bytes) + "\""));
    const std::string path = folder.write("manifest.json", text);
    const std::optional<InputError> error = manifest_error(path);
    REQUIRE(error.has_value());
    CHECK(std::string_view(error->what())
              .starts_with("invalid JSON: syntax error while parsing value - invalid string: "
                           "ill-formed UTF-8 byte"));
  }
}

TEST_CASE("an escaped lone surrogate in a string meshgraph reads is refused where it ends") {
  const TempFolder folder;
  const std::string text = manifest_with(model_with(R"(,"description":"\ud800")"));
  const std::string path = folder.write("manifest.json", text);
  check_error(manifest_error(path), path,
              "invalid JSON: syntax error while parsing value - invalid string: surrogate "
              "U+D800..U+DBFF must be "
              "followed by U+DC00..U+DFFF; last read: '\"\\ud800\"'",
              position_of(text, text.find("\\ud800") + 6));
}

TEST_CASE("a NUL byte inside a string is refused at it as an unescaped control character") {
  const TempFolder folder;
  const std::string text = manifest_with(model_with(std::string(",\"description\":\"a\0b\"", 20)));
  const std::string path = folder.write("manifest.json", text);
  check_error(manifest_error(path), path,
              "invalid JSON: syntax error while parsing value - invalid string: control "
              "character U+0000 (NUL) "
              "must be escaped to \\u0000; last read: '\"a<U+0000>'",
              position_of(text, text.find('\0')));
}

TEST_CASE("an escaped NUL in a name loads as data") {
  const TempFolder folder;
  const std::string path =
      folder.write("manifest.json", manifest_with(model_with(R"(,"description":"a\u0000b")")));
  const Manifest manifest = read_manifest(path);
  REQUIRE(manifest.nodes.size() == 1);
  CHECK(manifest.nodes[0].details->description == std::string("a\0b", 3));
}

// Was a bug (docs/robustness.md), now fixed; it was: nlohmann/json treats a NUL byte as the end of the input, so the syntax check says
// "truncated" for a file that is not. Input: `{"metadata":{…},\0"nodes":{…}}`.
TEST_CASE("a NUL byte between tokens is refused at it, not as truncated") {
  const TempFolder folder;
  std::string text = manifest_with(model_with(""));
  const std::size_t at = text.find("\"nodes\"");
  text.insert(at, 1, '\0');
  const std::string path = folder.write("manifest.json", text);
  check_error(manifest_error(path), path, "invalid JSON: unexpected NUL byte",
              position_of(text, at));
}

// Was a bug (docs/robustness.md), now fixed; it was: same cause; simdjson's complaint is shown instead, at 1:1 ("the top level: invalid JSON
// (JSON document ended early in the middle of an object or array.)"). Input: a valid
// manifest followed by one NUL byte.
TEST_CASE("a NUL byte after the top-level object is refused at it") {
  const TempFolder folder;
  const std::string text = manifest_with(model_with("")) + '\0';
  const std::string path = folder.write("manifest.json", text);
  check_error(manifest_error(path), path, "invalid JSON: unexpected NUL byte",
              position_of(text, text.size() - 1));
}

TEST_CASE("text after the top-level object is refused at it") {
  const TempFolder folder;
  const std::string text = manifest_with("") + " x";
  const std::string path = folder.write("manifest.json", text);
  check_error(manifest_error(path), path,
              "invalid JSON: syntax error while parsing value - invalid literal; last read: "
              "'\"nodes\":{}} x'; "
              "expected end of input",
              position_of(text, text.size() - 1));
}

TEST_CASE("a UTF-8 byte order mark is refused at 1:1, naming it") {
  const TempFolder folder;
  const std::string path =
      folder.write("manifest.json", "\xEF\xBB\xBF" + manifest_with(model_with("")));
  const std::optional<InputError> error = manifest_error(path);
  check_error(error, path,
              "the file starts with a UTF-8 byte order mark, which JSON does not allow",
              TextPosition{1, 1});
  if (error)
    CHECK(error->help() ==
          "save the file as UTF-8 without a BOM, or write it again with 'dbt parse'");
}

// Was a bug (docs/robustness.md), now fixed; it was: a manifest saved as UTF-16 (PowerShell's `>` does this) is refused as "invalid literal;
// last read: '\xff'". Input: manifest_with("") encoded as UTF-16LE with its BOM (FF FE).
TEST_CASE("a UTF-16 file is refused at 1:1 as UTF-16") {
  const TempFolder folder;
  std::string text = "\xFF\xFE";
  for (const char c : manifest_with("")) text += std::string{c, '\0'};
  const std::string path = folder.write("manifest.json", text);
  check_error(manifest_error(path), path,
              "the file is UTF-16 (it starts with a UTF-16 byte order mark); JSON must be UTF-8",
              TextPosition{1, 1});
}

TEST_CASE("a field given twice in a node takes the last value, as dbt's own reader does") {
  const TempFolder folder;
  const std::string path = folder.write(
      "manifest.json", manifest_with(model_with(R"(,"access":"public","access":"private")")));
  const Manifest manifest = read_manifest(path);
  REQUIRE(manifest.nodes.size() == 1);
  CHECK(manifest.nodes[0].access == Access::Private);
}

TEST_CASE("metadata given twice is read as the last one, as dbt's own reader does") {
  const TempFolder folder;
  const std::string text = manifest_with(
      "",
      R"(,"metadata":{"dbt_schema_version":"https://schemas.getdbt.com/dbt/manifest/v11.json","project_name":"q"})");
  const Manifest manifest = read_manifest(folder.write("manifest.json", text));
  CHECK(manifest.schema_version == 11);
  CHECK(manifest.project_name == "q");
}

// Was a bug (docs/robustness.md), now fixed; it was: both "nodes" objects are read, so the node is loaded twice (Python's json, which dbt
// uses, keeps the last). Input:
// {"metadata":{…},"nodes":{"model.p.m":{…}},"nodes":{"model.p.m":{…}}}.
TEST_CASE("a section given twice is refused at its second key") {
  const TempFolder folder;
  const std::string text = manifest_with(model_with(""), ",\"nodes\":{" + model_with("") + "}");
  const std::string path = folder.write("manifest.json", text);
  check_error(manifest_error(path), path, "duplicate key 'nodes'",
              position_of(text, text.rfind("\"nodes\"")));
}

// Was a bug (docs/robustness.md), now fixed; it was: two nodes with one unique_id are both loaded (and both checked). Input: {"metadata":
// {…},"nodes":{"model.p.m":{…},"model.p.m":{…,"access":"public"}}}.
TEST_CASE("a unique_id given twice is refused at its second key") {
  const TempFolder folder;
  const std::string text =
      manifest_with(model_with("") + "," + model_with(R"(,"access":"public")"));
  const std::string path = folder.write("manifest.json", text);
  check_error(manifest_error(path), path, "nodes: duplicate key 'model.p.m'",
              position_of(text, text.rfind("\"model.p.m\"")));
}

// ---------------------------------------------------------------------------------------------
// Paths that are not regular, readable files.

TEST_CASE("a directory named manifest.json is refused as a directory") {
  const TempFolder folder;
  fs::create_directories(folder.path("p/target/manifest.json"));
  const std::string path = folder.path("p/target/manifest.json");
  check_error(manifest_error(path), path, "expected a manifest.json file, found a directory");
}

TEST_CASE("a directory named manifest.json given as INPUT is refused as a directory") {
  const TempFolder folder;
  fs::create_directories(folder.path("p/target/manifest.json"));
  const std::string path = folder.path("p/target/manifest.json");
  check_error(discovery_error({path}), path, "expected a manifest.json file, found a directory");
}

// The search used to skip a target/manifest.json that is not a regular file, so that project
// dropped out of the mesh in silence: the search returns it, and the reader refuses it.
TEST_CASE("a project whose target/manifest.json is a directory is refused, not skipped") {
  const TempFolder folder;
  folder.write("mesh/a/target/manifest.json", manifest_with(""));
  fs::create_directories(folder.path("mesh/b/target/manifest.json"));
  const std::string path = folder.path("mesh/b/target/manifest.json");
  const std::optional<InputError> error = error_of([&] {
    for (const std::string& manifest : find_manifests({folder.path("mesh")}))
      (void)read_manifest(manifest);
  });
  check_error(error, path, "expected a manifest.json file, found a directory");
}

TEST_CASE("a FIFO given as the manifest is refused without blocking on it") {
  const TempFolder folder;
  const std::string path = folder.path("manifest.json");
  REQUIRE(::mkfifo(path.c_str(), 0600) == 0);
  const std::optional<InputError> error = manifest_error(path);
  check_error(error, path, "expected a regular file (not a pipe, socket or device)");
  if (error) CHECK(error->help() == "write the manifest to a file first, then give its path");
  CHECK(find_manifests({path}) == std::vector<std::string>{path});
}

TEST_CASE("a project folder whose target/manifest.json is a FIFO is refused naming the FIFO") {
  const TempFolder folder;
  const std::string path = folder.path("p/target/manifest.json");
  fs::create_directories(folder.path("p/target"));
  REQUIRE(::mkfifo(path.c_str(), 0600) == 0);
  const std::optional<InputError> error = error_of([&] {
    for (const std::string& manifest : find_manifests({folder.path("p")}))
      (void)read_manifest(manifest);
  });
  check_error(error, path, "expected a regular file (not a pipe, socket or device)");
}

TEST_CASE("a manifest.json that is a symlink to itself is refused as a symlink loop") {
  const TempFolder folder;
  const std::string path = folder.path("manifest.json");
  fs::create_symlink("manifest.json", path);
  const std::optional<InputError> error = manifest_error(path);
  check_error(error, path, "cannot read the file: too many levels of symbolic links");
  if (error) CHECK(error->help() == "fix the symbolic link loop, or give the real path");
  check_error(discovery_error({path}), path,
              "cannot read the input: too many levels of symbolic links");
}

TEST_CASE("a project folder whose target/manifest.json is a symlink loop is refused naming it") {
  const TempFolder folder;
  const std::string path = folder.path("p/target/manifest.json");
  fs::create_directories(folder.path("p/target"));
  fs::create_symlink("manifest.json", path);
  const std::optional<InputError> error = error_of([&] {
    for (const std::string& manifest : find_manifests({folder.path("p")}))
      (void)read_manifest(manifest);
  });
  check_error(error, path, "cannot read the file: too many levels of symbolic links");
}

TEST_CASE("a project folder whose target/manifest.json is a broken symlink is refused naming it") {
  const TempFolder folder;
  const std::string path = folder.path("p/target/manifest.json");
  fs::create_directories(folder.path("p/target"));
  fs::create_symlink("gone.json", path);
  CHECK(find_manifests({folder.path("p")}) == std::vector<std::string>{path});
  check_error(manifest_error(path), path, "cannot read the file: it does not exist");
}

TEST_CASE("a project folder whose target is a file holds no manifest") {
  const TempFolder folder;
  folder.write("mesh/a/target/manifest.json", manifest_with(""));
  folder.write("mesh/b/target", "not a folder");
  CHECK(find_manifests({folder.path("mesh")}) ==
        std::vector<std::string>{folder.path("mesh/a/target/manifest.json")});
}

TEST_CASE("a folder tree with symlink cycles is searched once, finding each manifest once") {
  const TempFolder folder;
  folder.write("mesh/a/target/manifest.json", manifest_with(""));
  fs::create_directories(folder.path("mesh/a/models"));
  fs::create_directory_symlink("../..", folder.path("mesh/a/models/up"));
  fs::create_directory_symlink(".", folder.path("mesh/self"));
  fs::create_directory_symlink(folder.path("mesh"), folder.path("mesh/a/absolute"));
  CHECK(find_manifests({folder.path("mesh")}) ==
        std::vector<std::string>{folder.path("mesh/a/target/manifest.json")});
}

TEST_CASE("an empty folder is refused as holding no manifest") {
  const TempFolder folder;
  fs::create_directories(folder.path("empty"));
  const std::optional<InputError> error = discovery_error({folder.path("empty")});
  check_error(error, folder.path("empty"),
              "no dbt manifest found: no target/manifest.json in this folder or below");
}

/// Runs `read` with the file-system permissions of user nobody: as root, chmod 000 does not
/// stop reads, but a non-root file-system user id does (setfsuid drops CAP_DAC_OVERRIDE).
template <typename Read>
std::optional<InputError> error_as_nobody(Read&& read) {
  ::setfsuid(65534);
  std::optional<InputError> error = error_of(std::forward<Read>(read));
  ::setfsuid(::getuid());
  return error;
}

TEST_CASE("an unreadable manifest.json is refused with the system's reason") {
  const TempFolder folder;
  const std::string path = folder.write("manifest.json", manifest_with(""));
  fs::permissions(path, fs::perms::none);
  const std::optional<InputError> error = error_as_nobody([&] { (void)read_manifest(path); });
  check_error(error, path, "cannot read the file: Permission denied");
  if (error)
    CHECK(error->help() == "check the file's permissions and that the path is a regular file");
}

TEST_CASE("an unreadable folder in the search is refused with the system's reason") {
  const TempFolder folder;
  folder.write("mesh/a/target/manifest.json", manifest_with(""));
  fs::create_directories(folder.path("mesh/locked"));
  fs::permissions(folder.path("mesh/locked"), fs::perms::none);
  const std::optional<InputError> error =
      error_as_nobody([&] { (void)find_manifests({folder.path("mesh")}); });
  check_error(error, folder.path("mesh/locked"), "cannot read the folder: Permission denied");
}

// yaml-cpp's depth guard stops at 500 levels and says only "bad file"; for brackets, its
// position is the end of the outermost list (load/yaml_error.cpp).
TEST_CASE("a dependencies.yml nested 100,000 levels deep is refused as too deep") {
  const TempFolder folder;
  folder.write("p/dbt_project.yml", "name: p\n");
  const std::string dependencies =
      folder.write("p/dependencies.yml",
                   "projects: " + std::string(100'000, '[') + std::string(100'000, ']') + "\n");
  const std::string path = folder.write("p/target/manifest.json", manifest_with(""));
  check_error(manifest_error(path), dependencies,
              "invalid YAML: nested too deeply (500 levels or more)", TextPosition{1, 200'011});
}

// Found by fuzz_dependencies: yaml-cpp reads past the end of the text for the escape after a
// final backslash, names its end-of-input sentinel (0x04) as the character and puts the mark
// two columns past the line's end.
TEST_CASE("a dependencies.yml that ends in a backslash inside quotes is refused at the end of the file") {
  const TempFolder folder;
  folder.write("p/dbt_project.yml", "name: p\n");
  const std::string dependencies = folder.write("p/dependencies.yml", "\"p r\\");
  const std::string path = folder.write("p/target/manifest.json", manifest_with(""));
  check_error(manifest_error(path), dependencies, "invalid YAML: unknown escape character: the end of the file",
              TextPosition{1, 6});
}

// ---------------------------------------------------------------------------------------------
// The policy file and the baseline file.

config::RuleLookup registry_lookup() {
  return config::RuleLookup{[](std::string_view text) -> std::optional<std::string> {
                              const check::Rule* rule = rules::find_rule(text);
                              if (rule == nullptr) return std::nullopt;
                              return std::string(rule->info.id);
                            },
                            [](std::string_view text) { return rules::nearest_rule(text); }};
}

std::optional<InputError> policy_error(const std::string& path) {
  return error_of([&] { (void)config::read_config(path, registry_lookup()); });
}

// Found by fuzz_policy: yaml-cpp's as<std::string>() threw TypedBadConversion on such a key and
// main printed "internal error". Input: fuzz/regressions/policy/key-not-scalar.yml.
TEST_CASE("a policy file key that is a list is refused at the key") {
  const TempFolder folder;
  const std::string path = folder.write("meshgraph.yml", "? [complex, key]\n: value\n");
  const std::optional<InputError> error = policy_error(path);
  check_error(error, path, "the policy file: a key must be a single value, found a list",
              TextPosition{1, 3});
  if (error) {
    CHECK(error->help() ==
          "write the key as a name, such as 'rules' or a rule id, not a list or a mapping");
  }
}

TEST_CASE("a rules key that is a mapping is refused at the key") {
  const TempFolder folder;
  const std::string path = folder.write("meshgraph.yml", "rules:\n  ? {MESH001: x}\n  : error\n");
  check_error(policy_error(path), path, "rules: a key must be a single value, found a mapping",
              TextPosition{2, 5});
}

TEST_CASE("a policy file nested 100,000 levels deep is refused as too deep") {
  const TempFolder folder;
  const std::string path = folder.write(
      "meshgraph.yml", "rules: " + std::string(100'000, '[') + std::string(100'000, ']') + "\n");
  const std::optional<InputError> error = policy_error(path);
  check_error(error, path, "invalid YAML: nested too deeply (500 levels or more)",
              TextPosition{1, 200'008});
  if (error) {
    CHECK(error->help() == "this file needs a few levels at most; check that it is the right "
                           "file and that every bracket closes");
  }
}

// 498 mappings under `rules:`, plus the file's own mapping and the last empty value: 500 levels.
TEST_CASE("a policy file nested too deeply by indentation is refused at its deepest line") {
  const TempFolder folder;
  std::string text = "rules:\n";
  for (int level = 1; level <= 498; ++level) text += std::string(2 * level, ' ') + "a:\n";
  const std::string path = folder.write("meshgraph.yml", text);
  check_error(policy_error(path), path, "invalid YAML: nested too deeply (500 levels or more)",
              TextPosition{499, 999});
}

// The file's mapping and 498 lists: 499 levels, one fewer than the guard allows.
TEST_CASE("a policy file nested 499 levels deep is read as YAML") {
  const TempFolder folder;
  const std::string path = folder.write(
      "meshgraph.yml", "rules: " + std::string(498, '[') + std::string(498, ']') + "\n");
  check_error(policy_error(path), path, "rules: expected a mapping of keys to values",
              TextPosition{1, 8});
}

TEST_CASE("a baseline nested 100,000 levels deep is refused as not a list of findings") {
  const TempFolder folder;
  const std::string path = folder.write("baseline.json", R"({"meshgraph_baseline":1,"findings":)" +
                                                             std::string(100'000, '[') +
                                                             std::string(100'000, ']') + "}");
  check_error(error_of([&] { (void)read_baseline(path); }), path,
              "a baseline finding must be an object");
}

TEST_CASE("a truncated baseline is refused as truncated, at its end") {
  const TempFolder folder;
  const std::string text =
      R"({"meshgraph_baseline":1,"findings":[{"rule":"MESH001","unique_id":"model.p.m")";
  const std::string path = folder.write("baseline.json", text);
  check_error(error_of([&] { (void)read_baseline(path); }), path,
              "unexpected end of input; the file looks truncated", position_of(text, text.size()));
}

// ---------------------------------------------------------------------------------------------
// Limits.

/// A file of `size` bytes that takes no disk space (its content reads as NUL bytes).
std::string sparse_file(const TempFolder& folder, std::uint64_t size) {
  const std::string path = folder.path("manifest.json");
  { std::ofstream create(path); }
  fs::resize_file(path, size);
  return path;
}

TEST_CASE("a manifest of 5 GiB is refused by its size before it is read") {
  const TempFolder folder;
  const std::string path = sparse_file(folder, std::uint64_t{5} << 30);
  const std::optional<InputError> error = manifest_error(path);
  check_error(error, path, "the file is 5120 MiB; meshgraph reads manifests smaller than 4096 MiB");
  if (error) CHECK(error->help() == "check that this is a dbt manifest.json");
}

// Was a bug (docs/robustness.md), now fixed; it was: the size check lets exactly 4 GiB through (`>`), one byte more than simdjson takes; the
// file is read whole (4 GiB of memory) and then refused as "unexpected end of input; the file
// looks truncated" at 1:1. Input: a file of exactly 4,294,967,296 bytes. With the fix (`>=`,
// "smaller than"), the 5 GiB case above reads "… meshgraph reads manifests smaller than 4096
// MiB".
TEST_CASE("a manifest of exactly 4 GiB is refused by its size before it is read") {
  const TempFolder folder;
  const std::string path = sparse_file(folder, std::uint64_t{4} << 30);
  check_error(manifest_error(path), path,
              "the file is 4096 MiB; meshgraph reads manifests smaller than 4096 MiB");
}

// g++ defines __SANITIZE_ADDRESS__ under ASan; clang 14 (the sanitizer build) only answers
// __has_feature(address_sanitizer).
#if defined(__SANITIZE_ADDRESS__)
constexpr bool kUnderAddressSanitizer = true;
#elif defined(__has_feature)
constexpr bool kUnderAddressSanitizer = __has_feature(address_sanitizer);
#else
constexpr bool kUnderAddressSanitizer = false;
#endif

/// Runs `read` in a child process limited to `limit` more bytes of address space than it has
/// now, and returns the child's InputError message (or what else happened).
std::string message_with_memory_limit(const std::function<void()>& read, std::uint64_t limit) {
  int pipe_ends[2];
  REQUIRE(::pipe(pipe_ends) == 0);
  const pid_t child = ::fork();
  REQUIRE(child >= 0);
  if (child == 0) {
    ::close(pipe_ends[0]);
    std::string result;
    std::uint64_t pages = 0;
    std::ifstream("/proc/self/statm") >> pages;
    const std::uint64_t current = pages * static_cast<std::uint64_t>(::sysconf(_SC_PAGESIZE));
    const rlimit limits{current + limit, current + limit};
    ::setrlimit(RLIMIT_AS, &limits);
    try {
      read();
      result = "read without an error";
    } catch (const InputError& error) {
      result = error.what();
    } catch (const std::exception& error) {
      result = std::string("not an InputError: ") + error.what();
    }
    (void)!::write(pipe_ends[1], result.data(), result.size());
    ::_exit(0);
  }
  ::close(pipe_ends[1]);
  std::string result;
  char buffer[4096];
  for (ssize_t n; (n = ::read(pipe_ends[0], buffer, sizeof buffer)) > 0;)
    result.append(buffer, static_cast<std::size_t>(n));
  ::close(pipe_ends[0]);
  int status = 0;
  ::waitpid(child, &status, 0);
  return result;
}

// Was a bug (docs/robustness.md), now fixed; it was: when memory runs out, std::bad_alloc escapes the reader and main prints "meshgraph:
// internal error: std::bad_alloc" without naming the file (and where memory is overcommitted,
// the kernel kills the process instead). Input: a 100 MiB manifest read with 150 MiB of address
// space to spare (`ulimit -v`). The reader should check the file's size against the memory it
// can have (MemAvailable, the cgroup's memory.max, RLIMIT_AS) and catch bad_alloc.
TEST_CASE("a manifest larger than the memory allows is refused naming the file") {
  if (kUnderAddressSanitizer) return;  // ASan reserves terabytes of address space up front
  const TempFolder folder;
  const std::string path = folder.write(
      "manifest.json",
      manifest_with(model_with(R"(,"description":")" + std::string(100 * kMiB, 'x') + "\"")));
  CHECK(message_with_memory_limit([&] { (void)read_manifest(path); }, 150 * kMiB) ==
        "the file is 100 MiB; there is not enough memory to read it");
}

// kMaxProjects: a wrong INPUT (a home folder) gets a message, not every manifest below it read.
TEST_CASE("a folder of more projects than a mesh has is refused, saying how many") {
  const TempFolder folder;
  for (int i = 0; i <= 1000; ++i) {
    folder.write(fmt::format("mesh/p{:04}/target/manifest.json", i), manifest_with(""));
  }
  const std::optional<InputError> error = discovery_error({folder.path("mesh")});
  check_error(error, folder.path("mesh"),
              "found 1001 dbt projects; meshgraph reads at most 1000 in one mesh");
  if (error) {
    CHECK(error->help() == "give the project folders of the mesh as INPUTs (such as 'mesh/*/'), "
                           "or skip the other folders with 'exclude:' in meshgraph.yml");
  }
}

TEST_CASE("a folder of exactly as many projects as the bound is read") {
  const TempFolder folder;
  for (int i = 0; i < 1000; ++i) {
    folder.write(fmt::format("mesh/p{:04}/target/manifest.json", i), manifest_with(""));
  }
  CHECK(find_manifests({folder.path("mesh")}).size() == 1000);
}

TEST_CASE("more projects than the bound, each given as a project folder, are read") {
  const TempFolder folder;
  std::vector<std::string> inputs;
  for (int i = 0; i <= 1000; ++i) {
    folder.write(fmt::format("mesh/p{:04}/target/manifest.json", i), manifest_with(""));
    inputs.push_back(folder.path(fmt::format("mesh/p{:04}", i)));
  }
  CHECK(find_manifests(inputs).size() == 1001);
}

// ---------------------------------------------------------------------------------------------
// Found by fuzzing (docs/robustness.md): inputs the loader accepts must not crash the rules.

// Was a bug, now fixed (fuzz_manifest): MESH003 dereferences the ref's empty `version` when an unpinned ref
// resolves to a latest_version that does not exist (std::optional::operator* on nullopt; under
// ASan, fmt aborts with "negative value"). Input, as the fuzzer minimised it:
// fuzz/regressions/manifest/mesh003-latest-version-missing.json.
TEST_CASE("a ref to a model whose latest_version does not exist is reported, not a crash") {
  const TempFolder folder;
  const std::string path = folder.write(
      "manifest.json",
      R"({"metadata": {"dbt_schema_version":"/dbt/manifest/v12.json","project_id": "f18122ddebc4341b4ed758b3f0817da8" },
 "nodes":{
 "my":{"refs": [  {   "name": "dim_customers"} ],"name":"dim_customers","resource_type":"model","package_name": "producer",
"version": 3, "latest_version":2 }}})");
  std::vector<Manifest> manifests;
  manifests.push_back(read_manifest(path));
  const graph::MeshGraph mesh = graph::MeshGraph::build(std::move(manifests));
  const check::Policy policy;
  const check::RunResult result =
      check::run_checks(rules::all_rules(), check::CheckContext{mesh, policy});
  const auto mesh003 =
      std::count_if(result.diagnostics.begin(), result.diagnostics.end(),
                    [](const check::Diagnostic& d) { return d.rule == "MESH003"; });
  CHECK(mesh003 == 1);
}

// Was a bug, now fixed (fuzz_manifest, bug 16): a schema version too large for an int escaped std::stoi in
// parse_schema_url (manifest_reader.cpp) as std::out_of_range; main printed "meshgraph: internal
// error: stoi". Input: fuzz/regressions/manifest/schema-version-overflow.json.
TEST_CASE("a schema version too large for a number is refused as newer than meshgraph knows") {
  const std::string path = "fuzz/regressions/manifest/schema-version-overflow.json";
  check_error(manifest_error(path), path,
              "manifest schema v99999999999 is newer than this meshgraph knows: it reads v7 to v12 "
              "(https://schemas.getdbt.com/dbt/manifest/v99999999999.json)");
}

}  // namespace meshgraph::load
