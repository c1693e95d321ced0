// Golden comparison for the report renderers; the golden files are what the validators in
// tests/formats/ check against the official schemas.
#include "golden.hpp"

#include <doctest/doctest.h>
#include <fmt/format.h>

#include <filesystem>
#include <fstream>
#include <sstream>

namespace meshgraph::testing {

namespace {

std::string read_file(const std::filesystem::path& path) {
  std::ifstream file(path, std::ios::binary);
  std::ostringstream content;
  content << file.rdbuf();
  return content.str();
}

/// "line N: expected «…», got «…»" for the first line that differs.
std::string first_difference(const std::string& expected, const std::string& actual) {
  std::istringstream expected_lines(expected);
  std::istringstream actual_lines(actual);
  std::string want;
  std::string got;
  for (int line = 1;; ++line) {
    const bool has_want = static_cast<bool>(std::getline(expected_lines, want));
    const bool has_got = static_cast<bool>(std::getline(actual_lines, got));
    if (!has_want && !has_got) return "the files differ only in their last line ending";
    if (!has_want || !has_got || want != got) {
      return fmt::format("line {}:\n  expected: {}\n  actual:   {}", line,
                         has_want ? want : "(end of file)", has_got ? got : "(end of file)");
    }
  }
}

}  // namespace

void check_golden(std::string_view name, const std::string& actual) {
  const std::filesystem::path golden = std::filesystem::path("tests/golden/shared") / name;
  const std::filesystem::path actual_path = golden.string() + ".actual";
  const std::string expected = read_file(golden);
  if (std::filesystem::exists(golden) && actual == expected) {
    std::filesystem::remove(actual_path);
    return;
  }
  std::ofstream(actual_path, std::ios::binary) << actual;
  if (!std::filesystem::exists(golden)) {
    FAIL_CHECK(fmt::format("{} does not exist; wrote {}", golden.string(), actual_path.string()));
    return;
  }
  FAIL_CHECK(fmt::format("{} differs; see diff -u {} {}\n{}", golden.string(), golden.string(),
                         actual_path.string(), first_difference(expected, actual)));
}

}  // namespace meshgraph::testing
