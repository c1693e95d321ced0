// Baseline files are small and written by meshgraph: nlohmann/json reads them.
#include "load/baseline_reader.hpp"

#include <nlohmann/json.hpp>

#include "load/file_reader.hpp"
#include "load/input_error.hpp"
#include "load/json_syntax.hpp"

namespace meshgraph::load {

namespace {

constexpr std::string_view kHelp = "write it again with 'meshgraph check … --write-baseline FILE'";

std::string string_field(const std::string& path, const nlohmann::json& entry, const char* key) {
  auto it = entry.find(key);
  if (it == entry.end() || !it->is_string()) {
    throw InputError(path, std::string("a baseline finding needs a string '") + key + "'", std::string(kHelp));
  }
  return it->get<std::string>();
}

}  // namespace

std::vector<check::BaselineEntry> read_baseline(const std::string& path) {
  const simdjson::padded_string buffer =
      read_padded_file(path, "check the path given to --baseline, or write one with --write-baseline");
  const std::string_view text(buffer.data(), buffer.size());
  if (std::optional<SyntaxError> syntax = find_syntax_error(text)) {
    throw InputError(path, syntax->message, std::string(kHelp), text_position(text, syntax->offset));
  }
  const nlohmann::json document = nlohmann::json::parse(text);
  if (!document.is_object() || !document.contains("meshgraph_baseline") || !document.contains("findings") ||
      !document["findings"].is_array()) {
    throw InputError(path, "not a meshgraph baseline: expected {\"meshgraph_baseline\": 1, \"findings\": [...]}",
                     std::string(kHelp));
  }
  std::vector<check::BaselineEntry> entries;
  for (const nlohmann::json& entry : document["findings"]) {
    if (!entry.is_object()) throw InputError(path, "a baseline finding must be an object", std::string(kHelp));
    check::BaselineEntry parsed{string_field(path, entry, "rule"), string_field(path, entry, "unique_id"), {}};
    auto related = entry.find("related");
    if (related != entry.end()) {
      if (!related->is_array()) throw InputError(path, "'related' must be a list of unique_ids", std::string(kHelp));
      for (const nlohmann::json& id : *related) {
        if (!id.is_string()) throw InputError(path, "'related' must be a list of unique_ids", std::string(kHelp));
        parsed.related.push_back(id.get<std::string>());
      }
    }
    std::sort(parsed.related.begin(), parsed.related.end());
    entries.push_back(std::move(parsed));
  }
  return entries;
}

}  // namespace meshgraph::load
