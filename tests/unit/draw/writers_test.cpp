// The diagram writers and their escapers: hostile names stay data in DOT (read back by
// Graphviz's own parser), Mermaid, the SVG and the HTML page.
#include <doctest/doctest.h>
#include <graphviz/cgraph.h>

#include <algorithm>
#include <memory>
#include <nlohmann/json.hpp>
#include <string>

#include "report/draw_dot.hpp"
#include "report/escape.hpp"
#include "report/draw_graphviz.hpp"
#include "report/draw_html.hpp"
#include "report/draw_mermaid.hpp"

namespace meshgraph::report {

namespace {

/// Every troublesome character STYLE.md §7 lists, and the breakouts each format invites.
const std::string kHostile =
    "x\"]; pwned [label=\"pwned\" ' \\N \\ < & | ` % : , \r\n --> "
    "</script><script>alert(1)</script> #quot; é✓";

/// A two-node diagram whose every text is hostile.
Diagram hostile_diagram(Highlight highlight = Highlight::Check) {
  Diagram diagram;
  diagram.level = DiagramLevel::Model;
  diagram.highlight = highlight;
  diagram.title = "Model graph: 2 nodes in 1 project";
  for (std::string id : {"model.p." + kHostile, std::string("model.p.plain")}) {
    DiagramNode node;
    node.id = id;
    node.name = id.substr(8);
    node.label = {kHostile, "public"};
    node.tooltip = {kHostile};
    node.rules = {"MESH001"};
    node.mark = Mark::Error;
    diagram.nodes.push_back(node);
  }
  diagram.clusters.push_back(
      DiagramCluster{"project." + kHostile, kHostile, {kHostile}, false, {}, {0, 1}});
  diagram.top_clusters = {0};
  diagram.edges.push_back(
      DiagramEdge{0, 1, kHostile, {kHostile}, true, true, Mark::Error, {"MESH001"}});
  return diagram;
}

struct GraphCloser {
  void operator()(Agraph_t* graph) const { agclose(graph); }
};

}  // namespace

TEST_CASE("escape_dot escapes quotes and backslashes and turns line breaks into \\n") {
  CHECK(escape_dot("a\"b\\c") == "a\\\"b\\\\c");
  CHECK(escape_dot("one\r\ntwo\nthree\rfour") == "one\\ntwo\\nthree\\nfour");
  CHECK(escape_dot("tab\there\x01") == "tab here ");
  CHECK(escape_dot("é ✓ <b>") == "é ✓ <b>");
}

TEST_CASE("escape_mermaid turns syntax characters into entity codes and line breaks into spaces") {
  CHECK(escape_mermaid("a\"b") == "a#quot;b");
  CHECK(escape_mermaid("<b>&#`|%") == "#60;b#62;#38;#35;#96;#124;#37;");
  CHECK(escape_mermaid("x-->y") == "x--#62;y");
  CHECK(escape_mermaid("one\r\ntwo") == "one  two");
  CHECK(escape_mermaid("é [x] (y) {z}") == "é [x] (y) {z}");
}

TEST_CASE("escape_json_for_html leaves no character that could end the script element") {
  CHECK(escape_json_for_html(R"({"a":"</script><!--&"})") ==
        R"({"a":"\u003c/script\u003e\u003c!--\u0026"})");
}

TEST_CASE("hostile names cannot add a node or an attribute to the DOT") {
  const std::string dot = render_dot(hostile_diagram());
  const std::unique_ptr<Agraph_t, GraphCloser> graph(agmemread(dot.c_str()));
  REQUIRE(graph != nullptr);
  CHECK(agnnodes(graph.get()) == 2);
  CHECK(agnedges(graph.get()) == 1);
  CHECK(agnode(graph.get(), const_cast<char*>("pwned"), 0) == nullptr);
  Agnode_t* plain = agnode(graph.get(), const_cast<char*>("model.p.plain"), 0);
  REQUIRE(plain != nullptr);
  // cgraph keeps a quoted string as written less its \" escapes; our doubled backslashes stay
  // doubled here, and Graphviz's label code turns each \\ back into one backslash.
  std::string stored = escape_dot(kHostile) + "\\npublic";
  for (std::size_t at = stored.find("\\\""); at != std::string::npos; at = stored.find("\\\"", at))
    stored.erase(at, 1);
  CHECK(std::string(agget(plain, const_cast<char*>("label"))) == stored);
}

TEST_CASE("the SVG shows hostile names as text and keeps them as node ids") {
  const std::string svg = render_graphviz(render_dot(hostile_diagram()), "svg");
  CHECK(svg.find("<script") == std::string::npos);
  CHECK(svg.find("id=\"model.p.plain\"") != std::string::npos);
  CHECK(svg.find("&lt;/script&gt;&lt;script&gt;alert(1)&lt;/script&gt;") != std::string::npos);
  CHECK(svg.find("pwned [label=") != std::string::npos);  // as text, not as DOT
}

TEST_CASE("Mermaid labels stay inside their quotes, one statement per line") {
  const std::string mermaid = render_mermaid(hostile_diagram());
  std::size_t start = 0;
  while (start < mermaid.size()) {
    const std::size_t end = mermaid.find('\n', start);
    const std::string line = mermaid.substr(start, end - start);
    CHECK_MESSAGE(std::count(line.begin(), line.end(), '"') % 2 == 0, line);
    CHECK_MESSAGE(line.find("-->") == std::string::npos, line);
    std::string without_breaks = line;
    for (std::size_t at = without_breaks.find("<br/>"); at != std::string::npos;
         at = without_breaks.find("<br/>")) {
      without_breaks.erase(at, 5);
    }
    CHECK_MESSAGE(without_breaks.find('<') == std::string::npos, line);
    start = end + 1;
  }
  CHECK(mermaid.find("  subgraph c0[\"") != std::string::npos);
  CHECK(mermaid.find("  n0 ==>|\"") != std::string::npos);
}

TEST_CASE("Mermaid names the rules of a highlighted node in its label") {
  const std::string mermaid = render_mermaid(hostile_diagram());
  CHECK(mermaid.find("<br/>public<br/>MESH001\")") != std::string::npos);
  CHECK(render_mermaid(hostile_diagram(Highlight::None)).find("MESH001") == std::string::npos);
}

TEST_CASE("the HTML page holds its data as JSON that no name can end early") {
  const Diagram diagram = hostile_diagram();
  check::Diagnostic finding;
  finding.rule = "MESH001";
  finding.rule_name = "private-ref-outside-group";
  finding.message = kHostile;
  finding.location.unique_id = "model.p.plain";
  const std::vector<check::Diagnostic> findings{finding};
  const std::string html =
      render_html(diagram, render_graphviz(render_dot(diagram), "svg"), findings);
  // Only our own two script elements: the JSON data and the page script.
  std::size_t scripts = 0;
  for (std::size_t at = html.find("<script"); at != std::string::npos;
       at = html.find("<script", at + 1))
    ++scripts;
  CHECK(scripts == 2);
  const std::string open = "<script type=\"application/json\" id=\"mg-data\">";
  const std::size_t begin = html.find(open) + open.size();
  const nlohmann::json data =
      nlohmann::json::parse(html.substr(begin, html.find("</script>", begin) - begin));
  CHECK(data["nodes"][0]["id"] == "model.p." + kHostile);
  CHECK(html.find("Content-Security-Policy") != std::string::npos);
  CHECK(html.find("<td>" + std::string("x&quot;]; pwned")) != std::string::npos);
}

TEST_CASE("inline_svg drops the prolog and comments and sizes the SVG to its container") {
  const std::string svg =
      "<?xml version=\"1.0\"?>\n<!DOCTYPE svg>\n<!-- Generated -->\n<svg width=\"100pt\" "
      "height=\"50pt\" viewBox=\"0 0 100 50\">"
      "<!-- node --><g id=\"a\"/></svg>\n";
  CHECK(inline_svg(svg) ==
        "<svg width=\"100%\" height=\"100%\" viewBox=\"0 0 100 50\"><g id=\"a\"/></svg>\n");
}

}  // namespace meshgraph::report
