// sayso: progressive behaviour shared by every page. The pages work without it.
"use strict";
(function () {
  // Search-as-you-type on the claims filters: htmx sends the form on "submit" and
  // "change"; a text field also sends it after a pause in typing.
  document.addEventListener("DOMContentLoaded", function () {
    var form = document.getElementById("claim-filters");
    if (!form || !window.htmx) return;
    var timer = null;
    form.addEventListener("input", function (event) {
      if (!event.target || event.target.type !== "search") return;
      clearTimeout(timer);
      timer = setTimeout(function () { form.requestSubmit(); }, 400);
    });
  });

  // The graphs (claim provenance, source network): cytoscape.js on a box whose data-url
  // gives the JSON; each page's script places the nodes itself. Drawn at zoom 1, so that
  // labels keep their size, with the box as tall as the drawing; nothing moves or zooms.
  // Labels are data drawn on a canvas: nothing here builds HTML.
  function graph(boxId, urlKey, place) {
    document.addEventListener("DOMContentLoaded", function () {
      var box = document.getElementById(boxId);
      if (!box || typeof cytoscape !== "function") return;
      fetch(box.dataset[urlKey], { headers: { Accept: "application/json" } })
        .then(function (response) { return response.ok ? response.json() : null; })
        .then(function (data) { if (data) draw(box, place(box, data)); })
        .catch(function () { /* the lists beside the graph say the same */ });
    });
  }

  function draw(box, drawing) {
    box.style.height = drawing.height + "px";
    var label = {
      label: "data(label)", "font-size": drawing.font, "text-wrap": "wrap",
      "text-max-width": function (node) { return node.data("wrap") + "px"; },
      "text-valign": "center", color: "#1d2330", "text-background-color": "#ffffff",
      "text-background-opacity": 0.85, "text-background-padding": 2
    };
    var cy = cytoscape({
      container: box,
      elements: drawing.elements,
      layout: { name: "preset" },
      userZoomingEnabled: false,
      userPanningEnabled: false,
      boxSelectionEnabled: false,
      autoungrabify: true,
      style: [{ selector: "node", style: label }].concat(drawing.style)
    });
    cy.resize();
    cy.zoom(1);
    cy.pan(drawing.pan);
    box.dataset.nodes = String(cy.nodes().length);
    box.dataset.fontPx = String(drawing.font * cy.zoom());
    box.classList.add("drawn");
  }

  window.saysoGraph = graph;
})();
