// sayso article view: hovering a claim lights up its source, cue and content in the
// text, the content it is told inside, and its entry in the side list. Without this
// file the same links work by clicking (anchors and :target).
"use strict";
(function () {
  function sameClaim(id) {
    var found = [];
    document.querySelectorAll("[data-claim]").forEach(function (el) {
      if (el.dataset.claim === id) found.push(el);
    });
    return found;
  }

  function clear() {
    document.querySelectorAll(".linked, .parent-linked").forEach(function (el) {
      el.classList.remove("linked", "parent-linked");
    });
  }

  function light(id) {
    clear();
    var parent = null;
    sameClaim(id).forEach(function (el) {
      if (el.classList.contains("marker")) return;
      el.classList.add("linked");
      if (el.dataset.parent) parent = el.dataset.parent;
    });
    if (parent) {
      sameClaim(parent).forEach(function (el) {
        if (el.classList.contains("hl-content")) el.classList.add("parent-linked");
      });
    }
  }

  document.addEventListener("DOMContentLoaded", function () {
    var view = document.querySelector(".article-view");
    if (!view) return;
    view.addEventListener("mouseover", function (event) {
      var el = event.target.closest("[data-claim]");
      if (el) light(el.dataset.claim);
    });
    view.addEventListener("mouseleave", clear);
  });
})();
