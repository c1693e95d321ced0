// In-process Graphviz: SVG, PNG and PDF of Rainbow Road are well formed and carry our node ids;
// Graphviz's failures come back as RenderError. Bytes are not compared: they change between
// Graphviz versions (STYLE.md §7).
#include <doctest/doctest.h>

#include <string>

#include "report/draw_diagram.hpp"
#include "report/draw_dot.hpp"
#include "report/draw_graphviz.hpp"
#include "tests/unit/draw/rainbow_road.hpp"

namespace meshgraph::report {

namespace {

std::string rainbow_road_dot(DiagramLevel level) {
  const graph::MeshGraph mesh = testing::rainbow_road();
  return render_dot(
      build_diagram(mesh, level, mark_findings(mesh, {}, Highlight::None), std::nullopt));
}

}  // namespace

TEST_CASE("the SVG carries every node's unique_id as its id") {
  const graph::MeshGraph mesh = testing::rainbow_road();
  const Diagram diagram = build_diagram(mesh, DiagramLevel::Model,
                                        mark_findings(mesh, {}, Highlight::None), std::nullopt);
  const std::string svg = render_graphviz(render_dot(diagram), "svg");
  CHECK(svg.starts_with("<?xml"));
  CHECK(svg.find("</svg>") != std::string::npos);
  for (const DiagramNode& node : diagram.nodes) {
    CHECK_MESSAGE(svg.find("<g id=\"" + node.id + "\" class=\"node") != std::string::npos, node.id);
  }
}

TEST_CASE("PNG and PDF come out with their signatures and a real size") {
  const std::string dot = rainbow_road_dot(DiagramLevel::Project);
  const std::string png = render_graphviz(dot, "png");
  CHECK(png.starts_with("\x89PNG\r\n\x1a\n"));
  CHECK(png.size() > 10'000);
  const std::string pdf = render_graphviz(dot, "pdf");
  CHECK(pdf.starts_with("%PDF-"));
  CHECK(pdf.find("%%EOF") != std::string::npos);
  CHECK(pdf.size() > 5'000);
}

TEST_CASE("DOT Graphviz cannot read is a RenderError with Graphviz's reason") {
  try {
    render_graphviz("digraph { a -> ", "svg");
    FAIL("expected a RenderError");
  } catch (const RenderError& error) {
    CHECK(std::string(error.what()).starts_with("Graphviz could not read the diagram: "));
  }
}

TEST_CASE("a format Graphviz has no plugin for is a RenderError") {
  CHECK_THROWS_AS(render_graphviz("digraph { a -> b }", "no-such-format"), RenderError);
}

TEST_CASE("rendering twice in one process works: each call releases what it took") {
  const std::string dot = rainbow_road_dot(DiagramLevel::Project);
  CHECK(render_graphviz(dot, "svg") == render_graphviz(dot, "svg"));
}

}  // namespace meshgraph::report
