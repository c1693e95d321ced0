// The fixed style sheet and script of the HTML diagram page. They hold no data: the page's
// data is JSON in <script type="application/json">, read with JSON.parse, shown with textContent.
#pragma once

#include <string_view>

namespace meshgraph::report {

extern const std::string_view kHtmlStyle;
extern const std::string_view kHtmlScript;

}  // namespace meshgraph::report
