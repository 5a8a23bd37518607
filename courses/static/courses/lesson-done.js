/* The lesson just done: a short chime, once (the tick is shown without scripts too). */
(function () {
  "use strict";
  var box = document.querySelector("[data-lesson-done]");
  var chime = box && box.querySelector("[data-chime]");
  if (!chime) return;
  box.scrollIntoView({ block: "center" });
  chime.play().catch(function () { /* the phone refused sound without a tap: the tick stays */ });
})();
