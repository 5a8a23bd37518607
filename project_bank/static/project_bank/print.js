// The "Print" button of the one-page summary (a script file, not an onclick attribute: the
// Content-Security-Policy runs no inline code).
(function () {
  "use strict";
  document.querySelectorAll("[data-print]").forEach(function (button) {
    button.hidden = false;
    button.addEventListener("click", function () { window.print(); });
  });
})();
