// Test support: compare a rendered report with its golden file under tests/golden/shared/.
#pragma once

#include <string>
#include <string_view>

namespace meshgraph::testing {

/// Fails the current test unless `actual` equals tests/golden/shared/<name> byte for byte. On a
/// mismatch it writes <name>.actual beside the golden (as tests/e2e/run_cli_tests.py does) and
/// reports the first line that differs; scripts/update-golden accepts the .actual files.
void check_golden(std::string_view name, const std::string& actual);

}  // namespace meshgraph::testing
