// Record a voice note with the microphone when the browser can (MediaRecorder), and put the
// recording in the form's file input; without it, the file input alone still works.
(function () {
  "use strict";
  var box = document.querySelector("[data-voice-note]");
  if (!box || !window.MediaRecorder || !window.DataTransfer || !navigator.mediaDevices) return;
  var input = box.querySelector("input[type=file]");
  var text = box.dataset;
  var player = new Audio();
  var recorder;
  var chunks = [];
  var status = document.createElement("p");
  status.setAttribute("role", "status");
  function button(label, name) {
    var element = document.createElement("button");
    element.type = "button";
    element.className = "button";
    element.textContent = label;
    element.setAttribute("data-voice-" + name, "");
    box.insertBefore(element, input);
    return element;
  }
  var record = button(text.record, "record");
  var stop = button(text.stop, "stop");
  var play = button(text.play, "play");
  stop.hidden = play.hidden = true;
  box.appendChild(status);

  function kept() {
    var type = (recorder.mimeType || "audio/webm").split(";")[0];
    var file = new File(chunks, "voice-note." + (type.split("/")[1] || "webm"), { type: type });
    var list = new DataTransfer();
    list.items.add(file);
    input.files = list.files;
    player.src = URL.createObjectURL(file);
    play.hidden = false;
    status.textContent = text.recorded;
  }

  record.addEventListener("click", function () {
    navigator.mediaDevices.getUserMedia({ audio: true }).then(function (stream) {
      chunks = [];
      recorder = new MediaRecorder(stream);
      recorder.addEventListener("dataavailable", function (event) { chunks.push(event.data); });
      recorder.addEventListener("stop", function () {
        stream.getTracks().forEach(function (track) { track.stop(); });
        kept();
      });
      recorder.start();
      record.hidden = play.hidden = true;
      stop.hidden = false;
      status.textContent = text.recording;
    }, function () { status.textContent = text.denied; });
  });
  stop.addEventListener("click", function () {
    recorder.stop();
    stop.hidden = true;
    record.hidden = false;
  });
  play.addEventListener("click", function () { player.play(); });
})();
