// Options every reporting command shares: --format (repeatable, NAME or NAME=FILE), --output,
// --fail-on.
#pragma once

#include <CLI/CLI.hpp>
#include <string>
#include <vector>

#include "cli/output_paths.hpp"

#include "report/report.hpp"

namespace meshgraph::cli {

/// Binds --format/--output/--fail-on. `format` receives every --format value, one per line;
/// each is checked when parsed: a known NAME, a FILE after `=` if any, at most one format
/// without a FILE, no FILE twice.
void add_output_options(CLI::App& command, std::string& format, std::string& output,
                        std::string& fail_on);

/// The files emit_report will write for these options: each NAME=FILE, and `output` unless it
/// is stdout.
std::vector<OutputPath> report_outputs(const std::string& format, const std::string& output);

/// Renders the report in each format of `format` and writes it: NAME=FILE to FILE, a bare NAME
/// to `output` (stdout by default). When every format names a FILE, the text report goes to
/// `output`, so the CI log still shows the findings. Returns the exit code for `fail_on`.
int emit_report(const report::Report& report, const std::string& format, const std::string& output,
                const std::string& fail_on);

}  // namespace meshgraph::cli
