// yaml-cpp's parse errors as InputErrors, for the YAML files meshgraph reads (meshgraph.yml,
// dependencies.yml): one wording for both, with the position yaml-cpp gives.
#pragma once

#include <optional>
#include <string>

#include "load/input_error.hpp"

namespace YAML {
class ParserException;
struct Mark;
}

namespace meshgraph::load {

/// yaml-cpp's 0-based mark as a 1-based position; nullopt for a node that has none.
std::optional<TextPosition> yaml_position(const YAML::Mark& mark);

/// The error for a file yaml-cpp could not parse. `help` is said for a syntax error; a file
/// nested deeper than yaml-cpp's guard allows (about 500 levels) gets its own message and help.
InputError yaml_syntax_error(const std::string& file, const YAML::ParserException& error,
                             std::string help);

}  // namespace meshgraph::load
