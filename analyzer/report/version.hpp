// The tool version, from one place: the CMake project version.
#pragma once

#include <string_view>

namespace meshgraph::report {

inline constexpr std::string_view kVersion = MESHGRAPH_VERSION;

}  // namespace meshgraph::report
