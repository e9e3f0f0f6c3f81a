/* Kansli's staff pages work without this file; it only keeps keyboard focus in place when htmx
   replaces the agenda after an item is moved, so a keyboard user can press "Up" again. */
(function () {
  "use strict";
  var focusedId = null;
  document.addEventListener("htmx:beforeRequest", function () {
    var active = document.activeElement;
    focusedId = active && active.id ? active.id : null;
  });
  document.addEventListener("htmx:afterSettle", function () {
    if (!focusedId) { return; }
    var again = document.getElementById(focusedId);
    if (again && again !== document.activeElement && !again.closest("#item-form")) {
      again.focus();
    }
    focusedId = null;
  });
})();
