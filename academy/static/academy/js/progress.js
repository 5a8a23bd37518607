// Lesson progress: "open" now, then media positions, sent with sendBeacon (safe to replay:
// each event has its own id). Also starts media where the learner stopped (?t=seconds).
(() => {
  const { lesson, endpoint, csrf } = document.currentScript.dataset;
  const queue = [];
  const newId = () => window.academyStore.newId();
  const push = (kind, detail = {}) => queue.push({
    id: newId(), lesson, kind, at: new Date().toISOString(), position: detail.position, duration: detail.duration,
  });
  const flush = (beacon = true) => {
    if (!queue.length) return;
    const events = queue.splice(0);
    if (window.academyOffline) { window.academyOffline.send(events, { beacon }); return; } /* queued offline */
    const body = new URLSearchParams({ csrfmiddlewaretoken: csrf, events: JSON.stringify(events) });
    if (!navigator.sendBeacon(endpoint, body)) fetch(endpoint, { method: "POST", body, keepalive: true, credentials: "same-origin" });
  };
  const report = (media) => push("position", { position: media.currentTime, duration: media.duration || undefined });
  push("open");
  flush(false);
  document.addEventListener("academy:media-progress", (event) => push("position", event.detail));
  const start = Number(new URLSearchParams(location.search).get("t")) || 0;
  document.querySelectorAll("audio, video").forEach((media) => {
    let last = 0;
    media.addEventListener("timeupdate", () => { if (media.currentTime - last >= 15) { last = media.currentTime; report(media); } });
    ["pause", "ended"].forEach((name) => media.addEventListener(name, () => { report(media); flush(false); }));
    if (start) media.addEventListener("loadedmetadata", () => { media.currentTime = start; }, { once: true });
  });
  setInterval(() => flush(false), 15000);
  addEventListener("pagehide", () => flush());
  document.addEventListener("visibilitychange", () => { if (document.visibilityState === "hidden") flush(); });
})();
