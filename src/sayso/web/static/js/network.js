// sayso source network: who an entity cites and who cites it, drawn with cytoscape.js
// from the network API. Citers on the left, the entity in the middle, the speakers it
// cites on the right; edges as thick as the number of claims passed on. The lists beside
// the graph say the same in words. Labels are data on a canvas: no HTML is built here.
"use strict";
(function () {
  var ROW = 46, PAD = 24, FONT = 13;

  function draw(box, network) {
    var width = box.clientWidth || 700;
    var left = network.cited_by, right = network.cites;
    var rows = Math.max(left.length, right.length, 1);
    var height = rows * ROW + 2 * PAD;
    box.style.height = height + "px";
    var column = Math.max(90, width / 3 - 24);
    var xs = { left: width / 3, centre: width / 2, right: (2 * width) / 3 };
    var most = 1;
    left.concat(right).forEach(function (link) { most = Math.max(most, link.claims); });
    var elements = [{ data: { id: "entity", label: network.name, kind: "entity", wrap: column }, position: { x: xs.centre, y: height / 2 - PAD } }];
    function place(links, side) {
      var top = (height - 2 * PAD - links.length * ROW) / 2;
      links.forEach(function (link, i) {
        var id = side + ":" + i;
        elements.push({ data: { id: id, label: link.name + " (" + link.claims + ")", kind: link.kind, side: side, wrap: column }, position: { x: xs[side], y: top + i * ROW + ROW / 2 } });
        var edge = side === "left" ? { source: id, target: "entity" } : { source: "entity", target: id };
        edge.id = id + ":edge";
        edge.weight = 1 + (5 * link.claims) / most;
        elements.push({ data: edge });
      });
    }
    place(left, "left");
    place(right, "right");
    var cy = cytoscape({
      container: box,
      elements: elements,
      layout: { name: "preset" },
      userZoomingEnabled: false,
      userPanningEnabled: false,
      boxSelectionEnabled: false,
      autoungrabify: true,
      style: [
        { selector: "node", style: { label: "data(label)", "font-size": FONT, "text-wrap": "wrap", "text-max-width": function (node) { return node.data("wrap") + "px"; }, "text-valign": "center", color: "#1d2330", "text-background-color": "#ffffff", "text-background-opacity": 0.85, "text-background-padding": 2, "background-color": "#174a99", width: 14, height: 14 } },
        { selector: "node[side = 'left']", style: { "text-halign": "left", "text-margin-x": -8 } },
        { selector: "node[side = 'right']", style: { "text-halign": "right", "text-margin-x": 8 } },
        { selector: "node[kind = 'publisher']", style: { "background-color": "#1d2330", shape: "round-rectangle" } },
        { selector: "node[kind = 'entity']", style: { "background-color": "#b34d00", width: 24, height: 24, "font-weight": "bold", "text-valign": "bottom", "text-margin-y": 6 } },
        { selector: "edge", style: { width: "data(weight)", "line-color": "#8a93a3", "target-arrow-color": "#8a93a3", "target-arrow-shape": "triangle", "curve-style": "bezier" } }
      ]
    });
    cy.resize();
    cy.zoom(1);
    cy.pan({ x: 0, y: PAD });
    box.dataset.nodes = String(cy.nodes().length);
    box.dataset.fontPx = String(FONT * cy.zoom());
    box.classList.add("drawn");
  }

  document.addEventListener("DOMContentLoaded", function () {
    var box = document.getElementById("network-graph");
    if (!box || typeof cytoscape !== "function") return;
    fetch(box.dataset.networkUrl, { headers: { Accept: "application/json" } })
      .then(function (response) { return response.ok ? response.json() : null; })
      .then(function (network) { if (network) draw(box, network); })
      .catch(function () { /* the lists say the same */ });
  });
})();
