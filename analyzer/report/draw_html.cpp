// Writes the HTML page. Text from manifests reaches it three ways, each escaped for where it
// lands: inside Graphviz's SVG (escaped by Graphviz from our escaped DOT), in the findings table
// and legend (escape_xml), and in the JSON data block (nlohmann/json, then escape_json_for_html).
// The Content-Security-Policy forbids every fetch, so the page works offline and leaks nothing.
#include "report/draw_html.hpp"

#include <fmt/format.h>

#include <nlohmann/json.hpp>

#include "report/draw_html_assets.hpp"
#include "report/draw_style.hpp"
#include "report/escape.hpp"

namespace meshgraph::report {

namespace {

constexpr std::string_view kPolicy =
    "default-src 'none'; script-src 'unsafe-inline'; style-src 'unsafe-inline'; img-src data:";

std::string swatch(const Look& look) {
  return fmt::format("<span class=\"mg-swatch\" style=\"background:{};border:{}px {} {}\"></span>",
                     look.fill, look.penwidth, look.is_dashed ? "dashed" : "solid", look.line);
}

std::string line_swatch(const Look& look, bool is_dashed = false) {
  return fmt::format("<span class=\"mg-line\" style=\"border-top:{}px {} {}\"></span>",
                     look.penwidth, is_dashed ? "dashed" : "solid", look.line);
}

std::string legend_item(const std::string& sample, std::string_view text) {
  return fmt::format("<li>{}<span>{}</span></li>\n", sample, escape_xml(text));
}

std::string legend(const Diagram& diagram) {
  std::string items;
  auto node = [](NodeKind kind, load::Access access = load::Access::Protected,
                 Mark mark = Mark::None) {
    DiagramNode sample;
    sample.kind = kind;
    sample.access = access;
    sample.mark = mark;
    return swatch(node_look(sample));
  };
  auto edge = [&](bool is_cross_project, bool breaks_policy, Mark mark = Mark::None) {
    DiagramEdge sample;
    sample.is_cross_project = is_cross_project;
    sample.breaks_policy = breaks_policy;
    sample.mark = mark;
    return line_swatch(edge_look(sample, diagram.highlight));
  };
  if (diagram.level == DiagramLevel::Project) {
    items += legend_item(node(NodeKind::Project), "project: its models and public models");
    items += legend_item(node(NodeKind::Missing), "project not in the mesh");
    items += legend_item(edge(true, false), "project dependency: its number of refs");
    if (diagram.highlight == Highlight::None)
      items += legend_item(edge(true, true), "dependency that breaks the policy (MESH2xx)");
  } else {
    items += legend_item(node(NodeKind::Model, load::Access::Public), "public model");
    items += legend_item(node(NodeKind::Model), "protected model");
    items += legend_item(node(NodeKind::Model, load::Access::Private), "private model");
    items += legend_item(node(NodeKind::Source), "source");
    items += legend_item(node(NodeKind::Exposure), "exposure");
    items += legend_item(node(NodeKind::Seed), "seed or snapshot");
    items += legend_item(node(NodeKind::Missing), "ref to nothing in the mesh");
    items += legend_item(edge(false, false), "ref inside a project");
    items += legend_item(edge(true, false), "ref across projects");
  }
  if (diagram.highlight == Highlight::Check) {
    items +=
        legend_item(node(NodeKind::Model, load::Access::Protected, Mark::Error), "error finding");
    items += legend_item(node(NodeKind::Model, load::Access::Protected, Mark::Warning),
                         "warning finding");
    items +=
        legend_item(node(NodeKind::Model, load::Access::Protected, Mark::Note), "note finding");
  }
  if (diagram.highlight == Highlight::Impact) {
    items += legend_item(node(NodeKind::Model, load::Access::Protected, Mark::Changed), "changed");
    items += legend_item(node(NodeKind::Model, load::Access::Protected, Mark::Downstream),
                         "downstream of a change");
    items +=
        legend_item(node(NodeKind::Model, load::Access::Protected, Mark::Dimmed), "not affected");
  }
  return "<section class=\"mg-legend\"><h2>Legend</h2><ul>\n" + items + "</ul></section>\n";
}

std::string findings_table(const Diagram& diagram, std::span<const check::Diagnostic> findings) {
  std::string out =
      fmt::format("<section class=\"mg-findings\"><h2>Findings ({})</h2>\n", findings.size());
  if (findings.empty()) return out + "<p class=\"mg-empty\">No findings.</p></section>\n";
  out +=
      "<table><thead><tr><th>severity</th><th>rule</th><th>node</th><th>message</th></tr></"
      "thead><tbody>\n";
  for (const check::Diagnostic& finding : findings) {
    const std::string node = diagram.level == DiagramLevel::Project
                                 ? "project." + finding.location.project
                                 : finding.location.unique_id;
    const std::string_view severity = check::to_string(finding.severity);
    out += fmt::format(
        "<tr data-node=\"{}\"><td class=\"mg-{}\">{}</td><td "
        "title=\"{}\">{}</td><td>{}</td><td>{}</td></tr>\n",
        escape_xml(node), severity, severity, escape_xml(finding.rule_name),
        escape_xml(finding.rule), escape_xml(finding.location.unique_id),
        escape_xml(finding.message));
  }
  return out + "</tbody></table></section>\n";
}

std::string page_data(const Diagram& diagram) {
  nlohmann::json nodes = nlohmann::json::array();
  for (const DiagramNode& node : diagram.nodes) {
    nodes.push_back({{"id", node.id}, {"name", node.name}, {"kind", kind_name(node.kind)}});
  }
  const nlohmann::json data{{"title", diagram.title}, {"nodes", std::move(nodes)}};
  return escape_json_for_html(data.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace));
}

}  // namespace

std::string inline_svg(std::string_view svg) {
  const std::size_t start = svg.find("<svg");
  std::string out(start == std::string_view::npos ? svg : svg.substr(start));
  for (std::size_t open = out.find("<!--"); open != std::string::npos;
       open = out.find("<!--", open)) {
    const std::size_t close = out.find("-->", open);
    out.erase(open, close == std::string::npos ? std::string::npos : close + 3 - open);
  }
  const std::size_t tag_end = out.find('>');
  std::string tag = out.substr(0, tag_end);
  for (std::string_view attribute : {" width=\"", " height=\""}) {
    const std::size_t at = tag.find(attribute);
    if (at == std::string::npos) continue;
    const std::size_t value = at + attribute.size();
    tag.replace(value, tag.find('"', value) - value, "100%");
  }
  return tag + out.substr(tag_end);
}

std::string render_html(const Diagram& diagram, std::string_view svg,
                        std::span<const check::Diagnostic> findings) {
  std::string out = "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n";
  out += "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n";
  out += fmt::format("<meta http-equiv=\"Content-Security-Policy\" content=\"{}\">\n", kPolicy);
  out += fmt::format("<title>meshgraph: {}</title>\n<style>{}</style>\n</head>\n<body>\n",
                     escape_xml(diagram.title), kHtmlStyle);
  out += fmt::format("<header><h1>{}</h1>\n", escape_xml(diagram.title));
  out +=
      "<form id=\"mg-search-form\" role=\"search\"><input id=\"mg-search\" type=\"search\" "
      "placeholder=\"Find a model, source, exposure or project\" aria-label=\"Find a node\" "
      "autocomplete=\"off\">"
      "<button type=\"submit\">Find</button></form>\n";
  out += "<span id=\"mg-status\" role=\"status\" aria-live=\"polite\"></span>\n";
  out +=
      "<div><button id=\"mg-zoom-in\" type=\"button\" title=\"Zoom in\">+</button> "
      "<button id=\"mg-zoom-out\" type=\"button\" title=\"Zoom out\">&#8722;</button> "
      "<button id=\"mg-fit\" type=\"button\" title=\"Show the whole "
      "diagram\">Fit</button></div>\n</header>\n";
  out +=
      "<main>\n<section id=\"mg-viewport\" aria-label=\"Diagram: drag to pan, wheel to zoom\">\n";
  out += inline_svg(svg);
  out += "</section>\n<aside>\n" + legend(diagram) + findings_table(diagram, findings) +
         "</aside>\n</main>\n";
  out += "<script type=\"application/json\" id=\"mg-data\">" + page_data(diagram) + "</script>\n";
  out += fmt::format("<script>{}</script>\n</body>\n</html>\n", kHtmlScript);
  return out;
}

}  // namespace meshgraph::report
