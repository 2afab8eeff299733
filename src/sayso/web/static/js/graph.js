// sayso claim page: the provenance tree drawn as a graph (cytoscape.js), from the JSON
// of the trace API. Labels are data, drawn on a canvas: nothing here builds HTML.
"use strict";
(function () {
  function label(row) {
    var who = row.speaker || row.source_text || "(no source)";
    var words = row.content.length > 60 ? row.content.slice(0, 57) + "…" : row.content;
    return who + " " + (row.cue || "—") + ": " + words;
  }

  function elements(trace) {
    var nodes = [], edges = [];
    var article = trace.article || {};
    nodes.push({ data: { id: "article", label: article.publisher || article.title || "article", kind: "article" } });
    var previous = "article";
    trace.provenance.forEach(function (row) {
      var id = "c:" + row.attribution_id;
      nodes.push({ data: { id: id, label: label(row), kind: row.attribution_id === trace.claim.attribution_id ? "current" : "claim" } });
      edges.push({ data: { id: previous + ">" + id, source: previous, target: id } });
      previous = id;
    });
    trace.nested.forEach(function (row) {
      var id = "c:" + row.attribution_id;
      nodes.push({ data: { id: id, label: label(row), kind: "nested" } });
      edges.push({ data: { id: previous + ">" + id, source: previous, target: id } });
    });
    trace.tellings.slice(0, 8).forEach(function (row, i) {
      var id = "t:" + i;
      nodes.push({ data: { id: id, label: (row.publisher || row.title || row.article_id) + ": " + label(row), kind: "telling" } });
      edges.push({ data: { id: "same" + i, source: previous, target: id, kind: "same" } });
    });
    return nodes.concat(edges);
  }

  document.addEventListener("DOMContentLoaded", function () {
    var box = document.getElementById("trace-graph");
    if (!box || typeof cytoscape !== "function") return;
    fetch(box.dataset.traceUrl, { headers: { Accept: "application/json" } })
      .then(function (response) { return response.ok ? response.json() : null; })
      .then(function (trace) {
        if (!trace) return;
        var cy = cytoscape({
          container: box,
          elements: elements(trace),
          layout: { name: "breadthfirst", directed: true, roots: ["article"], spacingFactor: 1.5 },
          style: [
            { selector: "node", style: { label: "data(label)", "text-wrap": "wrap", "text-max-width": 180, "font-size": 10, "text-valign": "bottom", "text-margin-y": 4, "text-background-color": "#f5f6f8", "text-background-opacity": 0.9, "background-color": "#2f7d32", width: 14, height: 14 } },
            { selector: "node[kind = 'article']", style: { "background-color": "#1d2330", shape: "round-rectangle", width: 22 } },
            { selector: "node[kind = 'current']", style: { "background-color": "#ffb000", width: 20, height: 20 } },
            { selector: "node[kind = 'nested']", style: { "background-color": "#78c85a" } },
            { selector: "node[kind = 'telling']", style: { "background-color": "#1f5fbf" } },
            { selector: "edge", style: { width: 2, "line-color": "#9aa3b2", "target-arrow-color": "#9aa3b2", "target-arrow-shape": "triangle", "curve-style": "bezier" } },
            { selector: "edge[kind = 'same']", style: { "line-style": "dashed" } }
          ]
        });
        box.dataset.nodes = String(cy.nodes().length);
        box.classList.add("drawn");
      })
      .catch(function () { /* the tree above says the same */ });
  });
})();
