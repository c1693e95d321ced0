// Options every reporting command shares: --format, --output, --fail-on.
#pragma once

#include <CLI/CLI.hpp>

#include <optional>
#include <string>

#include "check/severity.hpp"
#include "report/report.hpp"

namespace meshgraph::cli {

/// Binds --format/--output/--fail-on to the given strings, with their checks and help.
void add_output_options(CLI::App& command, std::string& format, std::string& output,
                        std::string& fail_on);

/// Renders the report in `format` and writes it; returns the exit code for `fail_on`.
int emit_report(const report::Report& report, const std::string& format, const std::string& output,
                const std::string& fail_on);

}  // namespace meshgraph::cli
