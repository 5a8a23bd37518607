/* The lesson's "Listen" button: plays and pauses its narration (the audio element below it
   works alone when scripts do not run). */
(function () {
  "use strict";
  document.querySelectorAll("[data-listen]").forEach(function (section) {
    var button = section.querySelector("[data-listen-button]");
    var audio = section.querySelector("[data-listen-audio]");
    if (!button || !audio) return;
    var label = button.querySelector("[data-listen-label]");
    function show() {
      label.textContent = audio.paused ? button.dataset.play : button.dataset.pause;
      button.setAttribute("aria-pressed", audio.paused ? "false" : "true");
    }
    button.addEventListener("click", function () {
      if (audio.paused) {
        audio.play().catch(function () { show(); });
      } else {
        audio.pause();
      }
    });
    audio.addEventListener("play", show);
    audio.addEventListener("pause", show);
    audio.addEventListener("ended", show);
    button.hidden = false;
    show();
  });
})();
