// Section editor: shows "Nicht gespeichert" as soon as the text changes; the
// save itself is htmx (`hx-trigger="keyup changed delay:3s"` on the textarea),
// whose response replaces the save state. Warns before leaving unsaved text.
(function () {
  "use strict";

  function markDirty(event) {
    var area = event.target;
    if (!area.matches || !area.matches("textarea[data-autosave]")) {
      return;
    }
    var state = document.getElementById("save-state-text");
    if (state && state.dataset.dirtyText) {
      state.textContent = state.dataset.dirtyText;
      state.parentElement.classList.add("ikone-save-state--dirty");
    }
    area.dataset.dirty = "1";
  }

  document.addEventListener("input", markDirty);

  document.addEventListener("htmx:afterRequest", function (event) {
    var area = event.detail.elt;
    if (area && area.matches && area.matches("textarea[data-autosave]") && event.detail.successful) {
      delete area.dataset.dirty;
    }
  });

  document.addEventListener("submit", function (event) {
    var area = event.target.querySelector && event.target.querySelector("textarea[data-autosave]");
    if (area) {
      delete area.dataset.dirty;
    }
  });

  window.addEventListener("beforeunload", function (event) {
    if (document.querySelector("textarea[data-autosave][data-dirty]")) {
      event.preventDefault();
      event.returnValue = "";
    }
  });
})();
