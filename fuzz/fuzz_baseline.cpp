// Fuzzes the baseline reader (load::read_baseline, nlohmann/json). Contract: any bytes either
// read as baseline entries or raise one InputError naming the file, with a position inside
// it; entries that read are written back by report::render_baseline and read again unchanged.
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "check/diagnostic.hpp"
#include "check/run_settings.hpp"
#include "fuzz_support.hpp"
#include "load/baseline_reader.hpp"
#include "load/input_error.hpp"
#include "report/baseline_writer.hpp"

namespace {

using namespace meshgraph;

std::optional<std::vector<check::BaselineEntry>> read(const std::string& path,
                                                      std::string_view text) {
  try {
    return load::read_baseline(path);
  } catch (const load::InputError& error) {
    fuzz::check_input_error(error, path, text);
    return std::nullopt;
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  static fuzz::MemoryFile file;
  const std::string_view text = fuzz::as_text(data, size);
  const std::optional<std::vector<check::BaselineEntry>> entries = read(file.write(text), text);
  if (!entries) return 0;

  std::vector<check::Diagnostic> diagnostics;
  for (const check::BaselineEntry& entry : *entries) {
    check::Diagnostic diagnostic;
    diagnostic.rule = entry.rule;
    diagnostic.location.unique_id = entry.unique_id;
    diagnostic.related = entry.related;
    diagnostics.push_back(std::move(diagnostic));
  }
  const std::string written = report::render_baseline(diagnostics);
  const std::optional<std::vector<check::BaselineEntry>> again = read(file.write(written), written);
  MESHGRAPH_FUZZ_CHECK(again.has_value(), "meshgraph cannot read the baseline it wrote");
  MESHGRAPH_FUZZ_CHECK(*again == *entries, "the baseline changed on a write and read");
  return 0;
}
