// A timed test: show the time left, say it at 5 and 1 minutes, send the answers at zero.
// The deadline comes from the server; the phone's clock is only used to count seconds.
(function () {
  "use strict";
  var box = document.querySelector("[data-countdown]");
  var form = document.querySelector("form[data-attempt-form]");
  if (!box || !form) return;
  var text = box.dataset;
  var skew = Number(text.now) * 1000 - Date.now();
  var end = Number(text.end) * 1000;
  var left = box.querySelector("[data-countdown-left]");
  var say = box.querySelector("[data-countdown-announce]");
  var told = {};
  var timer;
  left.hidden = false;

  function tick() {
    var seconds = Math.max(0, Math.round((end - Date.now() - skew) / 1000));
    var rest = seconds % 60;
    left.textContent = text.label.replace("%(time)s", Math.floor(seconds / 60) + ":" + (rest < 10 ? "0" : "") + rest);
    [[300, text.five], [60, text.one]].forEach(function (mark) {
      if (seconds <= mark[0] && !told[mark[0]]) {
        told[mark[0]] = true;
        if (seconds > 0) say.textContent = mark[1];
      }
    });
    if (seconds === 0) {
      clearInterval(timer);
      say.textContent = text.over;
      form.submit();
    }
  }
  timer = setInterval(tick, 1000);
  tick();
})();
