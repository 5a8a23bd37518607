/* The lesson player: native HLS, else hls.js (loaded only then), else the low MP4 already in
   <source>. A remembered "save data" switch plays the sound only. Every ~15 s of playback, on
   pause and on end, the root element dispatches a bubbling CustomEvent "academy:media-progress"
   with detail {position, duration} in seconds. */
(function () {
  "use strict";
  var SAVE_DATA = "academy-media-save-data";
  var INTERVAL = 15000;
  var hlsScript = null;

  function loadHls(src) {
    if (!hlsScript) {
      hlsScript = new Promise(function (ok, fail) {
        var script = document.createElement("script");
        script.src = src; script.onload = function () { ok(window.Hls); }; script.onerror = fail;
        document.head.appendChild(script);
      });
    }
    return hlsScript;
  }

  /* Set the position now if the media knows its duration, else as soon as it does. */
  function seek(media, at) {
    if (!at) return;
    if (media.readyState >= 1) { media.currentTime = at; return; }
    media.addEventListener("loadedmetadata", function () { media.currentTime = at; }, {once: true});
  }

  function attach(root, video, url, resume) {
    if (video._hls) { video._hls.destroy(); video._hls = null; }
    if (video.canPlayType("application/vnd.apple.mpegurl")) {
      video.src = url; if (resume) video.play(); return;
    }
    if (!window.MediaSource) return; /* keep the progressive MP4 */
    loadHls(root.dataset.hlsScript).then(function (Hls) {
      if (!Hls || !Hls.isSupported()) return;
      var hls = new Hls({startLevel: 0, capLevelToPlayerSize: true});
      hls.loadSource(url); hls.attachMedia(video); video._hls = hls;
      if (resume) video.play(); /* a new source pauses the element */
    });
  }

  function report(root, media) {
    if (!isFinite(media.duration)) return;
    root.dispatchEvent(new CustomEvent("academy:media-progress", {
      bubbles: true, detail: {position: media.currentTime, duration: media.duration}
    }));
  }

  function track(root, media) {
    var timer = null;
    media.addEventListener("playing", function () {
      clearInterval(timer);
      timer = setInterval(function () { report(root, media); }, INTERVAL);
    });
    ["pause", "ended"].forEach(function (name) {
      media.addEventListener(name, function () { clearInterval(timer); report(root, media); });
    });
  }

  function showCaptions(root, audio) {
    var box = root.querySelector(".media-player__caption");
    Array.prototype.forEach.call(audio.textTracks, function (t) {
      if (t.mode === "showing" || t.language && audio.querySelector("track[default][srclang='" + t.language + "']")) {
        t.mode = "hidden";
        t.addEventListener("cuechange", function () {
          var cue = t.activeCues && t.activeCues[0];
          box.textContent = cue ? cue.text : "";
          box.lang = t.language; box.dir = "auto";
          box.hidden = !cue;
        });
      }
    });
  }

  function setup(root) {
    var video = root.querySelector("video");
    var audio = root.querySelector("audio");
    var options = root.querySelector(".media-player__options");
    var saveData = root.querySelector("[data-save-data]");
    var quality = root.querySelector("[data-quality]");
    var voice = root.querySelector("[data-voice]");
    options.hidden = false;
    track(root, audio); showCaptions(root, audio);
    if (voice) voice.addEventListener("change", function () {
      var at = audio.currentTime; audio.src = voice.value; seek(audio, at);
    });
    if (!video) return;
    track(root, video);
    var started = false;
    function load() { if (!started) { started = true; attach(root, video, quality.value, true); } }
    video.addEventListener("play", load, {once: true});
    quality.addEventListener("change", function () {
      var at = video.currentTime, playing = !video.paused;
      /* the new source (native or hls.js, attached later) announces itself with loadedmetadata */
      video.addEventListener("loadedmetadata", function () { video.currentTime = at; }, {once: true});
      attach(root, video, quality.value, playing); started = true;
    });
    function mode(audioOnly) {
      var from = audioOnly ? video : audio, to = audioOnly ? audio : video;
      var playing = !from.paused;
      from.pause(); video.hidden = audioOnly; audio.hidden = !audioOnly;
      seek(to, from.currentTime);
      if (playing) to.play();
    }
    var remembered = localStorage.getItem(SAVE_DATA) === "1" ||
      (navigator.connection && navigator.connection.saveData);
    saveData.checked = !!remembered; mode(saveData.checked);
    saveData.addEventListener("change", function () {
      localStorage.setItem(SAVE_DATA, saveData.checked ? "1" : "0"); mode(saveData.checked);
    });
  }

  Array.prototype.forEach.call(document.querySelectorAll("[data-media-player]"), function (root) {
    if (!root._player) { root._player = true; setup(root); }
  });
})();
