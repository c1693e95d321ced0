// Style and script of the HTML diagram page: pan and zoom by the SVG viewBox (wheel, drag,
// buttons), a search box that finds a node and centres it, findings rows that show their node.
#include "report/draw_html_assets.hpp"

namespace meshgraph::report {

const std::string_view kHtmlStyle = R"css(
:root { color-scheme: light; font-family: system-ui, -apple-system, "Segoe UI", Helvetica, Arial, sans-serif; }
* { box-sizing: border-box; }
body { margin: 0; height: 100vh; display: flex; flex-direction: column; color: #0f172a; background: #ffffff; }
header { display: flex; flex-wrap: wrap; gap: 10px; align-items: center; padding: 8px 14px; border-bottom: 1px solid #e2e8f0; }
header h1 { font-size: 16px; font-weight: 600; margin: 0 12px 0 0; }
header form { display: flex; gap: 4px; }
#mg-search { width: 260px; padding: 4px 8px; font: inherit; }
button { font: inherit; padding: 3px 10px; border: 1px solid #cbd5e1; border-radius: 4px; background: #f8fafc; cursor: pointer; }
button:hover { background: #f1f5f9; }
#mg-status { color: #475569; font-size: 13px; min-width: 12em; }
main { flex: 1; display: flex; min-height: 0; }
#mg-viewport { flex: 1; min-width: 0; overflow: hidden; cursor: grab; touch-action: none; }
#mg-viewport.mg-dragging { cursor: grabbing; }
#mg-viewport svg { display: block; width: 100%; height: 100%; user-select: none; }
aside { width: 460px; max-width: 45vw; overflow: auto; border-left: 1px solid #e2e8f0; padding: 4px 14px 14px; font-size: 13px; }
aside h2 { font-size: 14px; margin: 14px 0 6px; }
.mg-legend ul { list-style: none; margin: 0; padding: 0; columns: 2; }
.mg-legend li { display: flex; align-items: center; gap: 8px; margin: 3px 0; break-inside: avoid; }
.mg-swatch { flex: none; width: 26px; height: 15px; border-radius: 4px; }
.mg-line { flex: none; width: 26px; height: 0; }
table { border-collapse: collapse; width: 100%; table-layout: fixed; }
th:nth-child(1) { width: 64px; }
th:nth-child(2) { width: 74px; }
th:nth-child(3) { width: 34%; }
td:nth-child(1), td:nth-child(2) { white-space: nowrap; }
th, td { text-align: left; vertical-align: top; padding: 4px 5px; border-bottom: 1px solid #f1f5f9; overflow-wrap: anywhere; }
tbody tr { cursor: pointer; }
tbody tr:hover { background: #f8fafc; }
.mg-error { color: #b91c1c; font-weight: 600; }
.mg-warning { color: #c2410c; font-weight: 600; }
.mg-note { color: #1d4ed8; font-weight: 600; }
.mg-empty { color: #475569; }
g.node.mg-found > polygon, g.node.mg-found > path, g.node.mg-found > ellipse, g.node.mg-found > polyline {
  stroke: #db2777 !important; stroke-width: 4px !important;
}
)css";

const std::string_view kHtmlScript = R"js(
(function () {
  'use strict';
  const data = JSON.parse(document.getElementById('mg-data').textContent);
  const viewport = document.getElementById('mg-viewport');
  const svg = viewport.querySelector('svg');
  const status = document.getElementById('mg-status');
  if (!svg) return;
  const base = svg.viewBox.baseVal;
  const full = { x: base.x, y: base.y, w: base.width, h: base.height };
  let view = Object.assign({}, full);

  function show() { svg.setAttribute('viewBox', view.x + ' ' + view.y + ' ' + view.w + ' ' + view.h); }
  function toDiagram(clientX, clientY) {
    const point = svg.createSVGPoint();
    point.x = clientX;
    point.y = clientY;
    return point.matrixTransform(svg.getScreenCTM().inverse());
  }
  function zoom(factor, centre) {
    const w = Math.min(Math.max(view.w * factor, full.w / 200), full.w * 4);
    const scale = w / view.w;
    view = { x: centre.x - (centre.x - view.x) * scale, y: centre.y - (centre.y - view.y) * scale,
             w: w, h: view.h * scale };
    show();
  }
  function middle() { return { x: view.x + view.w / 2, y: view.y + view.h / 2 }; }

  viewport.addEventListener('wheel', function (event) {
    event.preventDefault();
    zoom(event.deltaY < 0 ? 0.8 : 1.25, toDiagram(event.clientX, event.clientY));
  }, { passive: false });
  let drag = null;
  viewport.addEventListener('pointerdown', function (event) {
    drag = { start: toDiagram(event.clientX, event.clientY), id: event.pointerId };
    viewport.setPointerCapture(event.pointerId);
    viewport.classList.add('mg-dragging');
  });
  viewport.addEventListener('pointermove', function (event) {
    if (!drag || drag.id !== event.pointerId) return;
    const at = toDiagram(event.clientX, event.clientY);
    view.x -= at.x - drag.start.x;
    view.y -= at.y - drag.start.y;
    show();
  });
  function endDrag() { drag = null; viewport.classList.remove('mg-dragging'); }
  viewport.addEventListener('pointerup', endDrag);
  viewport.addEventListener('pointercancel', endDrag);
  document.getElementById('mg-zoom-in').addEventListener('click', function () { zoom(0.8, middle()); });
  document.getElementById('mg-zoom-out').addEventListener('click', function () { zoom(1.25, middle()); });
  document.getElementById('mg-fit').addEventListener('click', function () { view = Object.assign({}, full); show(); });

  /** Centres the view on a node of the diagram and marks it found. */
  function reveal(id) {
    const element = document.getElementById(id);
    if (!element || !svg.contains(element)) return false;
    const box = element.getBoundingClientRect();
    const centre = toDiagram(box.left + box.width / 2, box.top + box.height / 2);
    const w = Math.min(full.w, Math.max(view.w * 0.5, full.w / 6));
    const h = view.h * (w / view.w);
    view = { x: centre.x - w / 2, y: centre.y - h / 2, w: w, h: h };
    show();
    element.classList.add('mg-found');
    return true;
  }
  function clearFound() {
    svg.querySelectorAll('.mg-found').forEach(function (element) { element.classList.remove('mg-found'); });
  }

  let matches = [];
  let current = -1;
  let lastQuery = '';
  document.getElementById('mg-search-form').addEventListener('submit', function (event) {
    event.preventDefault();
    const query = document.getElementById('mg-search').value.trim().toLowerCase();
    if (query !== lastQuery) {
      lastQuery = query;
      current = -1;
      const exact = [];
      const partial = [];
      data.nodes.forEach(function (node) {
        const name = node.name.toLowerCase();
        if (name === query) exact.push(node);
        else if (query && (name.indexOf(query) >= 0 || node.id.toLowerCase().indexOf(query) >= 0)) partial.push(node);
      });
      matches = exact.concat(partial);
    }
    clearFound();
    if (matches.length === 0) {
      status.textContent = query ? 'No node matches "' + query + '"' : '';
      return;
    }
    current = (current + 1) % matches.length;
    matches.forEach(function (node) {
      const element = document.getElementById(node.id);
      if (element) element.classList.add('mg-found');
    });
    reveal(matches[current].id);
    status.textContent = 'Found ' + matches[current].id + ' (' + (current + 1) + ' of ' + matches.length + ')';
  });

  document.querySelectorAll('tr[data-node]').forEach(function (row) {
    row.addEventListener('click', function () {
      clearFound();
      const id = row.getAttribute('data-node');
      status.textContent = reveal(id) ? 'Showing ' + id : id + ' is not drawn';
    });
  });
})();
)js";

}  // namespace meshgraph::report
