// sayso claim page: the provenance tree drawn as a graph, from the JSON of the trace API
// (sayso.js draws it). Sized to its content: one row per claim, indented by depth, at
// zoom 1 so that labels keep their 14 px; the box is as tall as its rows.
"use strict";
(function () {
  var ROW = 58, INDENT = 30, PAD = 22, FONT = 14;

  function label(row) {
    var who = row.speaker || row.source_text || "(no source)";
    var words = row.content.length > 90 ? row.content.slice(0, 87) + "…" : row.content;
    return who + " " + (row.cue || "—") + ": " + words;
  }

  function rows(trace) {
    var article = trace.article || {};
    var found = [{ id: "article", label: article.publisher || article.heading || "article", kind: "article", depth: 0, parent: null }];
    var previous = "article";
    trace.provenance.forEach(function (row, i) {
      var id = "c:" + row.attribution_id;
      found.push({ id: id, label: label(row), kind: row.attribution_id === trace.claim.attribution_id ? "current" : "claim", depth: i + 1, parent: previous });
      previous = id;
    });
    var depth = trace.provenance.length + 1;
    trace.nested.forEach(function (row) {
      found.push({ id: "n:" + row.attribution_id, label: label(row), kind: "nested", depth: depth, parent: previous });
    });
    return found;
  }

  window.saysoGraph("trace-graph", "traceUrl", function (box, trace) {
    var list = rows(trace);
    var width = box.clientWidth || 600;
    var elements = [];
    list.forEach(function (r, i) {
      var x = r.depth * INDENT;
      elements.push({
        data: { id: r.id, label: r.label, kind: r.kind, wrap: Math.max(140, width - x - 2 * PAD - 40) },
        position: { x: x, y: i * ROW }
      });
      if (r.parent) elements.push({ data: { id: r.parent + ">" + r.id, source: r.parent, target: r.id } });
    });
    box.dataset.rows = String(list.length);
    return {
      elements: elements,
      height: (list.length - 1) * ROW + 2 * PAD + 24,
      font: FONT,
      pan: { x: PAD, y: PAD + 12 },
      style: [
        { selector: "node", style: { "text-halign": "right", "text-margin-x": 10, "background-color": "#256628", width: 16, height: 16 } },
        { selector: "node[kind = 'article']", style: { "background-color": "#1d2330", shape: "round-rectangle", width: 22, "font-weight": "bold" } },
        { selector: "node[kind = 'current']", style: { "background-color": "#b34d00", width: 20, height: 20, "font-weight": "bold" } },
        { selector: "node[kind = 'nested']", style: { "background-color": "#5fae4a" } },
        { selector: "edge", style: { width: 2, "line-color": "#8a93a3", "target-arrow-color": "#8a93a3", "target-arrow-shape": "triangle", "curve-style": "taxi", "taxi-direction": "downward", "taxi-turn": "50%" } }
      ]
    };
  });
})();
