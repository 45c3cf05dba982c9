// IKONE's only script of its own: progressive enhancement on top of htmx.
// Pages work without it; the CSP forbids inline scripts, so behaviour lives here.
(function () {
  "use strict";

  // Forms marked data-autosubmit submit (through htmx) as the person types.
  document.addEventListener("DOMContentLoaded", function () {
    document.querySelectorAll("[data-js-hidden]").forEach(function (element) {
      element.hidden = true;
    });
  });

  // Keep focus where it was after htmx swapped results in.
  document.addEventListener("htmx:afterSwap", function (event) {
    var target = event.detail.target;
    if (target && target.dataset && target.dataset.announce) {
      var status = document.getElementById(target.dataset.announce);
      if (status) {
        status.textContent = target.dataset.announceText || "";
      }
    }
  });
})();
