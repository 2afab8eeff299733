// sayso source network: who an entity cites and who cites it, from the network API
// (sayso.js draws it). Citers on the left, the entity in the middle, the speakers it
// cites on the right; edges as thick as the number of claims passed on. The lists beside
// the graph say the same in words.
"use strict";
(function () {
  var ROW = 46, PAD = 24, FONT = 13;

  window.saysoGraph("network-graph", "networkUrl", function (box, network) {
    var width = box.clientWidth || 700;
    var left = network.cited_by, right = network.cites;
    var height = Math.max(left.length, right.length, 1) * ROW + 2 * PAD;
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
    return {
      elements: elements,
      height: height,
      font: FONT,
      pan: { x: 0, y: PAD },
      style: [
        { selector: "node", style: { "background-color": "#174a99", width: 14, height: 14 } },
        { selector: "node[side = 'left']", style: { "text-halign": "left", "text-margin-x": -8 } },
        { selector: "node[side = 'right']", style: { "text-halign": "right", "text-margin-x": 8 } },
        { selector: "node[kind = 'publisher']", style: { "background-color": "#1d2330", shape: "round-rectangle" } },
        { selector: "node[kind = 'entity']", style: { "background-color": "#b34d00", width: 24, height: 24, "font-weight": "bold", "text-valign": "bottom", "text-margin-y": 6 } },
        { selector: "edge", style: { width: "data(weight)", "line-color": "#8a93a3", "target-arrow-color": "#8a93a3", "target-arrow-shape": "triangle", "curve-style": "bezier" } }
      ]
    };
  });
})();
