// The founding steps read aloud: a recorded explanation when one exists (data-audio), else the
// browser's own voice for the page's language, if it has one. Without either, no button shows.
(function () {
  "use strict";
  var lang = document.documentElement.lang || "ar";
  var speechLang = { ary: "ar", ar: "ar", fr: "fr", zgh: "", shi: "", tzm: "", rif: "" }[lang];
  var synth = window.speechSynthesis;
  var playing = null;

  function voiceFor(code) {
    if (!synth || !code) return null;
    var voices = synth.getVoices();
    for (var i = 0; i < voices.length; i += 1) {
      if (voices[i].lang && voices[i].lang.toLowerCase().indexOf(code) === 0) return voices[i];
    }
    return null;
  }

  function speak(button) {
    var step = button.closest("[data-step]");
    var text = step ? step.querySelector("[data-speak]").textContent : "";
    if (button.dataset.audio) {
      if (playing) playing.pause();
      playing = new Audio(button.dataset.audio);
      playing.play();
      return;
    }
    var voice = voiceFor(speechLang);
    if (!voice) return;
    synth.cancel();
    var utterance = new SpeechSynthesisUtterance(text);
    utterance.voice = voice;
    utterance.lang = voice.lang;
    utterance.rate = 0.9;
    synth.speak(utterance);
  }

  function show() {
    var canSpeak = Boolean(voiceFor(speechLang));
    document.querySelectorAll("[data-listen]").forEach(function (button) {
      if (button.dataset.audio || canSpeak) button.hidden = false;
    });
  }

  document.addEventListener("click", function (event) {
    var button = event.target.closest("[data-listen]");
    if (button) speak(button);
  });
  show();
  if (synth && "onvoiceschanged" in synth) synth.addEventListener("voiceschanged", show);
})();
