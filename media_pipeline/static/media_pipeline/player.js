/* The lesson player: native HLS, else hls.js (loaded only then), else the low MP4 already in
   <source> (also when that file is saved on the phone; with only the sound saved, the sound). A remembered "save data" switch plays the sound only. A remembered "language of the
   voice" choice plays a voice-over instead of the original sound: in sound-only mode the audio
   element plays it; with the video, the video is muted and a hidden <audio> plays it in step
   (play, pause, seeking and rate followed; set back when it drifts more than 0.3 s). Every ~15 s of playback, on
   pause and on end, the root element dispatches a bubbling CustomEvent "academy:media-progress"
   with detail {position, duration} in seconds. The sound-only file is the lighter Opus one
   where the browser plays Opus in MP4, else AAC. */
(function () {
  "use strict";
  var SAVE_DATA = "academy-media-save-data";
  var VOICE = "academy-media-voice";
  var DRIFT = 0.3;
  var INTERVAL = 15000;
  var OPUS = 'audio/mp4; codecs="opus"';
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
      /* No Web Worker: hls.js would build one from a blob: URL, which the Content-Security-Policy
         refuses (worker-src 'self'); the small renditions transmux well enough on the page. */
      var hls = new Hls({startLevel: 0, capLevelToPlayerSize: true, enableWorker: false});
      hls.loadSource(url); hls.attachMedia(video); video._hls = hls;
      if (resume) video.play(); /* a new source pauses the element */
    });
  }

  function kept(url) {
    if (!url || !window.caches) return Promise.resolve(false);
    return caches.match(url).then(Boolean, function () { return false; });
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

  /* Play the voice chosen in `select` (value "" is the original sound). In sound-only mode the
     audio element plays it; with the video, the video is muted and `dub` follows the video. */
  function voices(select, audio, video, dub) {
    function src() { return select.options[select.selectedIndex].dataset.src; }
    function dubbing() { return !!(dub && select.value); }
    function align(force) {
      if (!dubbing()) return;
      if (dub.readyState < 1) {
        if (force) dub.addEventListener("loadedmetadata", function () { align(true); }, {once: true});
      } else if (force || Math.abs(dub.currentTime - video.currentTime) > DRIFT) {
        dub.currentTime = video.currentTime;
      }
    }
    function follow() {
      if (!dubbing() || video.paused) return;
      dub.playbackRate = video.playbackRate; align(true);
      var playing = dub.play(); if (playing) playing.catch(function () {});
    }
    function choose() {
      var url = src();
      if (audio._voice !== url) {
        var at = audio.currentTime, playing = !audio.paused;
        audio.src = url; audio._voice = url; seek(audio, at);
        if (playing) audio.play();
      }
      if (!dub) return;
      if (!select.value) { dub.pause(); video.muted = false; return; }
      if (dub._voice !== url) { dub.pause(); dub.src = url; dub._voice = url; }
      video.muted = true; follow();
    }
    audio._voice = select.options[0].dataset.src; /* the original, already in <source> */
    var remembered = localStorage.getItem(VOICE);
    Array.prototype.forEach.call(select.options, function (option) {
      if (option.value === remembered) select.value = remembered;
    });
    choose();
    select.addEventListener("change", function () {
      localStorage.setItem(VOICE, select.value); choose();
    });
    if (!dub) return;
    video.addEventListener("playing", follow);
    ["pause", "waiting", "ended", "emptied"].forEach(function (name) {
      video.addEventListener(name, function () { dub.pause(); });
    });
    video.addEventListener("seeking", function () { align(true); });
    video.addEventListener("timeupdate", function () { if (!dub.paused) align(false); });
    dub.addEventListener("playing", function () { align(false); });
    video.addEventListener("ratechange", function () { dub.playbackRate = video.playbackRate; });
    video.addEventListener("volumechange", function () { dub.volume = video.volume; });
  }

  /* The lighter sound-only file (Opus in MP4, the first <source>) where this browser plays it,
     as MediaSource and the element both say (Chrome on Android does), the AAC one otherwise:
     the offline save asks the same question, so a sound saved on the phone is the one played.
     The element chose its source when the page was read (by canPlayType, fetching nothing:
     preload="none"); it is made to choose again only where MediaSource says no to what it
     chose. Returns the sound's URL. */
  function lighterSound(root, audio) {
    var opus = audio.querySelector("source[data-lighter]");
    var aac = audio.querySelector("source:not([data-lighter])");
    if (!opus) return aac && aac.src;
    var chosen = audio.canPlayType(OPUS) !== "";
    var plays = chosen && !!window.MediaSource && MediaSource.isTypeSupported(OPUS);
    if (!plays) opus.remove();
    if (chosen && !plays) audio.load();
    var sizes = [root.querySelector("[data-sound-size]"), root.querySelector("[data-sound-size-opus]")];
    if (sizes[0] && sizes[1]) { sizes[0].hidden = plays; sizes[1].hidden = !plays; }
    var sound = plays ? opus.src : aac.src;
    var original = root.querySelector("[data-voice] option[value='']");
    if (original) original.dataset.src = sound;
    return sound;
  }

  function setup(root) {
    var video = root.querySelector("video");
    var audio = root.querySelector(".media-player__audio");
    var options = root.querySelector(".media-player__options");
    var sound = lighterSound(root, audio);
    var saveData = root.querySelector("[data-save-data]");
    var quality = root.querySelector("[data-quality]");
    var voice = root.querySelector("[data-voice]");
    options.hidden = false;
    track(root, audio); showCaptions(root, audio);
    if (voice) voices(voice, audio, video, root.querySelector("[data-voice-audio]"));
    if (!video) return;
    track(root, video);
    var started = false;
    var file = video.querySelector("source") && video.querySelector("source").src;
    /* A video saved on the phone plays from its file there, never from the stream. */
    function load() {
      if (started) return;
      started = true;
      kept(file).then(function (saved) { if (!saved) attach(root, video, quality.value, true); });
    }
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
    /* the site's "save data" setting: on when chosen, or by default on a slow link */
    var stored = localStorage.getItem(SAVE_DATA), link = navigator.connection;
    var remembered = stored === "1" ||
      (stored === null && !!link && (link.saveData || /2g|3g/.test(link.effectiveType || "")));
    saveData.checked = !!remembered; mode(saveData.checked);
    if (!remembered) { /* saved on the phone as sound only: play that, online or not */
      Promise.all([kept(sound), kept(file)]).then(function (saved) {
        if (saved[0] && !saved[1]) { saveData.checked = true; mode(true); }
      });
    }
    saveData.addEventListener("change", function () {
      localStorage.setItem(SAVE_DATA, saveData.checked ? "1" : "0"); mode(saveData.checked);
    });
  }

  Array.prototype.forEach.call(document.querySelectorAll("[data-media-player]"), function (root) {
    if (!root._player) { root._player = true; setup(root); }
  });
})();
