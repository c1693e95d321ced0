// Reads meshgraph.yml. The file is small and written by people, so every problem is reported
// at its line and column with the nearest valid word.
#include "config/config_reader.hpp"

#include <fmt/format.h>
#include <yaml-cpp/yaml.h>

#include <array>
#include <filesystem>
#include <span>

#include "check/dates.hpp"
#include "check/spelling.hpp"
#include "load/yaml_error.hpp"

namespace meshgraph::config {

namespace {

constexpr std::string_view kDocsHelp = "see docs/config.md for every key and its default";

/// Reads nodes of one file, turning every shape problem into an InputError at its position.
class YamlReader {
 public:
  explicit YamlReader(std::string path) : path_(std::move(path)) {}

  [[noreturn]] void fail(const YAML::Node& node, const std::string& message,
                         std::string help = std::string(kDocsHelp)) const {
    throw load::InputError(path_, message, std::move(help), load::yaml_position(node.Mark()));
  }

  /// Calls `on_key(key, value)` for each entry of a mapping, after checking the key is one of
  /// `known` (an empty list allows any key).
  template <typename OnKey>
  void for_each_key(const YAML::Node& node, std::string_view where,
                    std::span<const std::string_view> known, OnKey&& on_key) const {
    if (!node.IsMap()) fail(node, fmt::format("{}: expected a mapping of keys to values", where));
    for (const auto& entry : node) {
      // YAML allows a list or a mapping as a key (`? [a, b]`); no key of meshgraph.yml is one.
      if (!entry.first.IsScalar()) {
        fail(entry.first,
             fmt::format("{}: a key must be a single value, found {}", where, describe(entry.first)),
             "write the key as a name, such as 'rules' or a rule id, not a list or a mapping");
      }
      const std::string key = entry.first.Scalar();
      if (!known.empty() && std::find(known.begin(), known.end(), key) == known.end()) {
        const std::string_view nearest = check::nearest_spelling(key, known);
        fail(entry.first,
             fmt::format("unknown key '{}' in {}{}", key, where,
                         nearest.empty() ? "" : fmt::format("; did you mean '{}'?", nearest)),
             fmt::format("valid keys here: {}", fmt::join(known, ", ")));
      }
      on_key(key, entry.first, entry.second);
    }
  }

  bool read_bool(const YAML::Node& node, std::string_view where) const {
    bool value = false;
    if (!node.IsScalar() || !YAML::convert<bool>::decode(node, value)) {
      fail(node, fmt::format("{}: expected true or false, found {}", where, describe(node)));
    }
    return value;
  }

  int read_count(const YAML::Node& node, std::string_view where) const {
    int value = 0;
    if (!node.IsScalar() || !YAML::convert<int>::decode(node, value) || value < 0) {
      fail(node, fmt::format("{}: expected a whole number of days, 0 or more, found {}", where, describe(node)));
    }
    return value;
  }

  std::string read_string(const YAML::Node& node, std::string_view where) const {
    if (!node.IsScalar()) fail(node, fmt::format("{}: expected a single value", where));
    return node.as<std::string>();
  }

  /// 'soon' for a scalar, "a list" or "a mapping" otherwise.
  static std::string describe(const YAML::Node& node) {
    if (node.IsScalar()) return fmt::format("'{}'", node.Scalar());
    if (node.IsSequence()) return "a list";
    if (node.IsMap()) return "a mapping";
    return "nothing";
  }

  load::TextPosition position(const YAML::Node& node) const {
    return load::TextPosition{static_cast<std::uint32_t>(node.Mark().line + 1),
                              static_cast<std::uint32_t>(node.Mark().column + 1)};
  }

 private:
  std::string path_;
};

constexpr std::array<std::string_view, 5> kTopKeys = {"projects", "exclude", "policy", "rules", "exceptions"};
constexpr std::array<std::string_view, 4> kPolicyKeys = {"allowed_dependencies", "public_models",
                                                         "versions", "impact"};
constexpr std::array<std::string_view, 3> kPublicModelKeys = {"require_contract", "require_owner",
                                                              "require_description"};
constexpr std::array<std::string_view, 2> kVersionKeys = {"deprecation_warning_days",
                                                          "require_pinned_cross_project_refs"};
constexpr std::array<std::string_view, 1> kImpactKeys = {"logic_change_requires_version"};
constexpr std::array<std::string_view, 4> kExceptionKeys = {"rule", "node", "reason", "expires"};

void read_allowed_dependencies(const YamlReader& reader, const YAML::Node& node, Config& config) {
  auto& allowed = config.policy.allowed_dependencies.emplace();
  reader.for_each_key(node, "policy.allowed_dependencies", {}, [&](const std::string& consumer,
                                                                   const YAML::Node& key,
                                                                   const YAML::Node& value) {
    config.project_mentions.push_back({consumer, reader.position(key)});
    std::vector<std::string>& producers = allowed[consumer];
    if (value.IsNull()) return;
    if (!value.IsSequence()) {
      reader.fail(value, fmt::format("policy.allowed_dependencies.{}: expected a list of projects", consumer));
    }
    for (const YAML::Node& producer : value) {
      producers.push_back(reader.read_string(producer, "policy.allowed_dependencies"));
      config.project_mentions.push_back({producers.back(), reader.position(producer)});
    }
  });
}

void read_policy(const YamlReader& reader, const YAML::Node& node, Config& config) {
  check::Policy& policy = config.policy;
  reader.for_each_key(node, "policy", kPolicyKeys, [&](const std::string& key, const YAML::Node&,
                                                       const YAML::Node& value) {
    if (key == "allowed_dependencies") {
      read_allowed_dependencies(reader, value, config);
    } else if (key == "public_models") {
      reader.for_each_key(value, "policy.public_models", kPublicModelKeys,
                          [&](const std::string& name, const YAML::Node&, const YAML::Node& v) {
                            const std::string where = "policy.public_models." + name;
                            bool& target = name == "require_contract" ? policy.public_models.require_contract
                                           : name == "require_owner" ? policy.public_models.require_owner
                                                                     : policy.public_models.require_description;
                            target = reader.read_bool(v, where);
                          });
    } else if (key == "versions") {
      reader.for_each_key(value, "policy.versions", kVersionKeys,
                          [&](const std::string& name, const YAML::Node&, const YAML::Node& v) {
                            const std::string where = "policy.versions." + name;
                            if (name == "deprecation_warning_days") {
                              policy.versions.deprecation_warning_days = reader.read_count(v, where);
                            } else {
                              policy.versions.require_pinned_cross_project_refs = reader.read_bool(v, where);
                            }
                          });
    } else {
      reader.for_each_key(value, "policy.impact", kImpactKeys,
                          [&](const std::string&, const YAML::Node&, const YAML::Node& v) {
                            policy.impact.logic_change_requires_version =
                                reader.read_bool(v, "policy.impact.logic_change_requires_version");
                          });
    }
  });
}

std::string resolve_rule(const YamlReader& reader, const YAML::Node& node, const RuleLookup& rules,
                         std::string_view where) {
  const std::string text = reader.read_string(node, where);
  if (std::optional<std::string> id = rules.resolve(text)) return *id;
  const std::string_view nearest = rules.nearest(text);
  reader.fail(node,
              fmt::format("{}: unknown rule '{}'{}", where, text,
                          nearest.empty() ? "" : fmt::format("; did you mean '{}'?", nearest)),
              "'meshgraph rules' lists every rule id and name");
}

void read_rules(const YamlReader& reader, const YAML::Node& node, const RuleLookup& rules, Config& config) {
  reader.for_each_key(node, "rules", {}, [&](const std::string&, const YAML::Node& key, const YAML::Node& value) {
    const std::string id = resolve_rule(reader, key, rules, "rules");
    const std::string word = reader.read_string(value, "rules." + key.as<std::string>());
    if (word == "off") {
      config.rule_severities[id] = std::nullopt;
    } else if (std::optional<check::Severity> severity = check::parse_severity(word)) {
      config.rule_severities[id] = severity;
    } else {
      reader.fail(value, fmt::format("rules.{}: '{}' is not a severity; use error, warning, note or off",
                                     key.as<std::string>(), word));
    }
  });
}

void read_exceptions(const YamlReader& reader, const YAML::Node& node, const RuleLookup& rules,
                     Config& config) {
  if (!node.IsSequence()) reader.fail(node, "exceptions: expected a list of waivers");
  for (const YAML::Node& entry : node) {
    check::Waiver waiver;
    reader.for_each_key(entry, "an exception", kExceptionKeys,
                        [&](const std::string& key, const YAML::Node&, const YAML::Node& value) {
                          if (key == "rule") waiver.rule = resolve_rule(reader, value, rules, "exceptions.rule");
                          else if (key == "node") waiver.node = reader.read_string(value, "exceptions.node");
                          else if (key == "reason") waiver.reason = reader.read_string(value, "exceptions.reason");
                          else {
                            const std::string text = reader.read_string(value, "exceptions.expires");
                            waiver.expires = check::parse_date(text);
                            if (!waiver.expires || text.size() != 10) {
                              reader.fail(value, fmt::format("exceptions.expires: '{}' is not a date; write YYYY-MM-DD", text));
                            }
                          }
                        });
    for (const auto& [key, value] : {std::pair{"rule", &waiver.rule}, std::pair{"node", &waiver.node},
                                     std::pair{"reason", &waiver.reason}}) {
      if (value->empty()) reader.fail(entry, fmt::format("an exception needs a '{}'", key));
    }
    config.exceptions.push_back(std::move(waiver));
  }
}

}  // namespace

Config read_config(const std::string& path, const RuleLookup& rules) {
  Config config;
  config.path = path;
  const YamlReader reader(path);
  std::error_code status_error;
  if (std::filesystem::is_directory(path, status_error)) {
    throw load::InputError(path, "cannot read the policy file: it is a folder",
                           "give --config the meshgraph.yml file itself");
  }
  if (!std::filesystem::exists(path, status_error)) {
    throw load::InputError(path, "cannot read the policy file: it does not exist",
                           "check the path given to --config");
  }
  YAML::Node root;
  try {
    root = YAML::LoadFile(path);
  } catch (const YAML::BadFile&) {
    throw load::InputError(path, "cannot read the policy file", "check the file's permissions");
  } catch (const YAML::ParserException& error) {
    throw load::yaml_syntax_error(path, error, "fix the YAML syntax at this position");
  }
  if (!root || root.IsNull()) return config;
  reader.for_each_key(root, "the policy file", kTopKeys, [&](const std::string& key, const YAML::Node&,
                                                             const YAML::Node& value) {
    if (value.IsNull()) return;
    if (key == "projects") {
      reader.for_each_key(value, "projects", {}, [&](const std::string& name, const YAML::Node& name_node,
                                                     const YAML::Node& manifest) {
        config.projects[name] = reader.read_string(manifest, "projects." + name);
        config.project_mentions.push_back({name, reader.position(name_node)});
      });
    } else if (key == "exclude") {
      if (!value.IsSequence()) reader.fail(value, "exclude: expected a list of folders");
      const std::filesystem::path folder = std::filesystem::path(path).parent_path();
      for (const YAML::Node& entry : value) {
        config.exclude.push_back((folder / reader.read_string(entry, "exclude")).lexically_normal().generic_string());
      }
    } else if (key == "policy") {
      read_policy(reader, value, config);
    } else if (key == "rules") {
      read_rules(reader, value, rules, config);
    } else {
      read_exceptions(reader, value, rules, config);
    }
  });
  return config;
}

std::optional<std::string> find_config(const std::string& explicit_path,
                                       const std::vector<std::string>& inputs) {
  namespace fs = std::filesystem;
  if (!explicit_path.empty()) return explicit_path;
  std::error_code error;
  if (fs::is_regular_file("meshgraph.yml", error)) return std::string("meshgraph.yml");
  if (inputs.empty()) return std::nullopt;
  // The deepest folder that holds every INPUT (a folder INPUT counts as itself).
  std::optional<fs::path> common;
  for (const std::string& input : inputs) {
    fs::path folder = fs::is_directory(input, error) ? fs::path(input) : fs::path(input).parent_path();
    folder = folder.lexically_normal();
    if (!common) {
      common = folder;
      continue;
    }
    fs::path shared;
    for (auto a = common->begin(), b = folder.begin(); a != common->end() && b != folder.end() && *a == *b; ++a, ++b) {
      shared /= *a;
    }
    common = shared;
  }
  const fs::path candidate = (common->empty() ? fs::path(".") : *common) / "meshgraph.yml";
  if (fs::is_regular_file(candidate, error)) return candidate.generic_string();
  return std::nullopt;
}

void check_project_names(const Config& config, const std::vector<std::string>& mesh_projects) {
  std::vector<std::string_view> names(mesh_projects.begin(), mesh_projects.end());
  for (const NamedAt& mention : config.project_mentions) {
    if (std::find(names.begin(), names.end(), mention.name) != names.end()) continue;
    const std::string_view nearest = check::nearest_spelling(mention.name, names);
    throw load::InputError(
        config.path,
        fmt::format("unknown project '{}': the mesh has {}{}", mention.name,
                    names.empty() ? "no projects" : fmt::format("'{}'", fmt::join(names, "', '")),
                    nearest.empty() ? "" : fmt::format("; did you mean '{}'?", nearest)),
        "fix the name, or give that project's manifest as an INPUT", mention.position);
  }
}

}  // namespace meshgraph::config
