/* Resumable upload (docs/decisions/0007): create → PATCH chunks at offsets → finish.
   The upload id is remembered per file (name, size, date), so choosing the same file again
   after a dropped connection or a closed tab resumes at the server's offset. */
(function () {
  "use strict";
  var form = document.getElementById("media-upload");
  if (!form) return;
  var csrf = form.querySelector("[name=csrfmiddlewaretoken]").value;
  var status = document.getElementById("media-upload-status");
  var bar = document.getElementById("media-upload-progress");

  function key(file) { return "media-upload:" + file.name + ":" + file.size + ":" + file.lastModified; }
  function api(method, url, body, headers) {
    headers = Object.assign({"X-CSRFToken": csrf}, headers || {});
    return fetch(url, {method: method, body: body, headers: headers, credentials: "same-origin"})
      .then(function (r) { return r.json().then(function (j) { j.httpStatus = r.status; return j; }); });
  }
  function wait(ms) { return new Promise(function (ok) { setTimeout(ok, ms); }); }

  function start(file) {
    var saved = localStorage.getItem(key(file));
    if (saved) {
      return api("GET", saved).then(function (s) { return s.httpStatus === 200 ? s : create(file); });
    }
    return create(file);
  }
  function create(file) {
    var body = JSON.stringify({
      filename: file.name, size: file.size,
      title: document.getElementById("media-upload-title").value,
      language: document.getElementById("media-upload-language").value
    });
    return api("POST", form.dataset.createUrl, body, {"Content-Type": "application/json"})
      .then(function (s) {
        if (s.httpStatus !== 201) throw new Error(s.message);
        localStorage.setItem(key(file), s.url);
        return s;
      });
  }
  function send(file, state, failures) {
    bar.value = Math.floor(100 * state.offset / file.size);
    if (state.offset >= file.size) return api("POST", state.url + "finish/");
    var chunk = file.slice(state.offset, state.offset + state.chunk_size);
    return api("PATCH", state.url, chunk, {"Upload-Offset": String(state.offset)})
      .then(function (next) {
        if (next.httpStatus === 409 || next.httpStatus === 200) {
          next.url = state.url; next.chunk_size = state.chunk_size;
          return send(file, next, 0);
        }
        throw new Error(next.message);
      }, function () {
        status.textContent = form.dataset.msgResume;
        return wait(Math.min(30000, 1000 * Math.pow(2, failures))).then(function () {
          return api("GET", state.url).then(function (s) {
            s.url = state.url; return send(file, s, failures + 1);
          }, function () { return send(file, state, failures + 1); });
        });
      });
  }
  form.addEventListener("submit", function (event) {
    event.preventDefault();
    var file = document.getElementById("media-upload-file").files[0];
    if (!file) return;
    bar.hidden = false;
    start(file).then(function (state) { return send(file, state, 0); }).then(function (done) {
      if (done.httpStatus !== 201) throw new Error(done.message);
      localStorage.removeItem(key(file));
      bar.value = 100;
      status.textContent = form.dataset.msgDone;
      if (done.manage_url) window.location.href = done.manage_url;
    }).catch(function (error) {
      status.textContent = form.dataset.msgError + " " + error.message;
    });
  });
})();
