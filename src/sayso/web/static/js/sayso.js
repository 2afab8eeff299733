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
})();
