// In-process Graphviz: agmemread → gvLayout("dot") → gvRenderData, every step checked, and every
// resource released on every path (layout before graph before context).
#include "report/draw_graphviz.hpp"

#include <fmt/format.h>
#include <graphviz/cgraph.h>
#include <graphviz/gvc.h>

#include <memory>

namespace meshgraph::report {

namespace {

/// Graphviz reports errors through a process-wide callback; this run's messages land here.
std::string g_graphviz_errors;

int collect_error(char* message) {
  g_graphviz_errors += message;
  return 0;
}

std::string graphviz_says() {
  std::string text = g_graphviz_errors;
  while (!text.empty() && (text.back() == '\n' || text.back() == ' ')) text.pop_back();
  for (char& c : text) {
    if (c == '\n') c = ' ';
  }
  return text.empty() ? "no reason given" : text;
}

/// gvRenderData's length is `unsigned int*` up to Graphviz 2.x and `size_t*` from 3.0.
template <typename Length>
int render_data(int (*render)(GVC_t*, graph_t*, const char*, char**, Length*), GVC_t* context,
                graph_t* graph, const char* format, std::string& out) {
  char* data = nullptr;
  Length length = 0;
  const int status = render(context, graph, format, &data, &length);
  if (status == 0 && data != nullptr) out.assign(data, length);
  if (data != nullptr) gvFreeRenderData(data);
  return status;
}

struct ContextCloser {
  void operator()(GVC_t* context) const { gvFreeContext(context); }
};
struct GraphCloser {
  void operator()(Agraph_t* graph) const { agclose(graph); }
};

}  // namespace

std::string render_graphviz(const std::string& dot, std::string_view format) {
  g_graphviz_errors.clear();
  agseterr(AGERR);  // warnings (e.g. a font fallback) are not failures; errors are collected
  agseterrf(collect_error);
  const std::unique_ptr<GVC_t, ContextCloser> context(gvContext());
  if (!context) throw RenderError("Graphviz could not start: " + graphviz_says());
  const std::unique_ptr<Agraph_t, GraphCloser> graph(agmemread(dot.c_str()));
  if (!graph) throw RenderError("Graphviz could not read the diagram: " + graphviz_says());
  if (gvLayout(context.get(), graph.get(), "dot") != 0) {
    throw RenderError("Graphviz could not lay out the diagram: " + graphviz_says());
  }
  std::string out;
  const std::string format_name(format);
  const int status =
      render_data(&gvRenderData, context.get(), graph.get(), format_name.c_str(), out);
  gvFreeLayout(context.get(), graph.get());
  if (status != 0 || out.empty()) {
    throw RenderError(
        fmt::format("Graphviz could not render {}: {}", format_name, graphviz_says()));
  }
  return out;
}

}  // namespace meshgraph::report
