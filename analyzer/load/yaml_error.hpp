// yaml-cpp's parse errors as InputErrors, for the YAML files meshgraph reads (meshgraph.yml,
// dependencies.yml): one wording for both, with the position yaml-cpp gives.
#pragma once

#include <string>

#include "load/input_error.hpp"

namespace YAML {
class ParserException;
}

namespace meshgraph::load {

/// The error for a file yaml-cpp could not parse. `help` is said for a syntax error; a file
/// nested deeper than yaml-cpp's guard allows (about 500 levels) gets its own message and help.
InputError yaml_syntax_error(const std::string& file, const YAML::ParserException& error,
                             std::string help);

}  // namespace meshgraph::load
