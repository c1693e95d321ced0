// Fuzzes the policy file reader (config::read_config, yaml-cpp). Contract: any bytes either
// read as a Config or raise one InputError naming the file, with a position inside it.
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "check/rule.hpp"
#include "config/config_reader.hpp"
#include "fuzz_support.hpp"
#include "load/input_error.hpp"
#include "rules/registry.hpp"

namespace {

using namespace meshgraph;

/// The lookup the CLI gives the reader: the rule registry.
config::RuleLookup registry_lookup() {
  return config::RuleLookup{[](std::string_view text) -> std::optional<std::string> {
                              const check::Rule* rule = rules::find_rule(text);
                              if (rule == nullptr) return std::nullopt;
                              return std::string(rule->info.id);
                            },
                            [](std::string_view text) { return rules::nearest_rule(text); }};
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  static fuzz::MemoryFile file;
  static const config::RuleLookup lookup = registry_lookup();
  const std::string_view text = fuzz::as_text(data, size);
  const std::string& path = file.write(text);
  try {
    const config::Config config = config::read_config(path, lookup);
    config::check_project_names(config, {"data_platform", "finance_marketing", "people_ops"});
  } catch (const load::InputError& error) {
    fuzz::check_input_error(error, path, text, fuzz::Positions::YamlDecoded);
  }
  return 0;
}
