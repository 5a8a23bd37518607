/* Offline and data-light, on every page: registers the service worker, tells it who is signed
   in, keeps progress and quiz answers made offline in a queue (sent when the connection returns:
   Background Sync where there is one, else on the next page or "online" event), saves courses
   and lessons for offline use, lists them, and holds the "save data" setting. Texts come from
   the page (data-msg-* attributes), so every one of them is translated. */
(() => {
  "use strict";
  const S = window.academyStore;
  const body = document.body;
  const shell = "shell" in body.dataset; /* the offline pages: the same for everyone */
  let me = body.dataset.learner || "";
  let csrf = body.dataset.csrf || "";
  const SAVE_DATA = "academy-media-save-data";
  const CHECK_EVERY_MS = 30 * 60 * 1000; /* how often saved lessons are checked for changes */
  const $$ = (selector, root = document) => Array.from(root.querySelectorAll(selector));
  const say = (node, text) => { if (node) { node.textContent = text; node.hidden = !text; } };
  const fill = (text, values) => text.replace(/\{(\w+)\}/g, (all, name) => (name in values ? values[name] : all));
  const newId = () => S.newId();

  /* Save data: remembered on the phone; on by default where the browser says the link is slow. */
  const slowLink = () => {
    const c = navigator.connection;
    return !!c && (c.saveData || /2g|3g/.test(c.effectiveType || ""));
  };
  const savingData = () => (localStorage.getItem(SAVE_DATA) ?? (slowLink() ? "1" : "0")) === "1";
  const applySaveData = () => {
    const on = savingData();
    document.documentElement.classList.toggle("save-data", on);
    document.cookie = `academy_save_data=${on ? 1 : 0}; path=/; max-age=31536000; samesite=lax`;
    $$("[data-save-data-setting]").forEach((box) => { box.checked = on; });
  };
  $$("[data-save-data-setting]").forEach((box) => box.addEventListener("change", () => {
    localStorage.setItem(SAVE_DATA, box.checked ? "1" : "0");
    applySaveData();
  }));
  applySaveData();

  /* The language of the page read, for "/" to go straight back to it: a page the same for every
     visitor (cached by a CDN) sets no cookie itself (docs/decisions/0040). */
  const rememberLanguage = () => {
    const lang = body.dataset.lang;
    if (!lang || document.cookie.split("; ").includes(`academy_language=${lang}`)) return;
    const secure = location.protocol === "https:" ? "; secure" : "";
    document.cookie = `academy_language=${lang}; path=/; max-age=31536000; samesite=lax${secure}`;
  };
  rememberLanguage();

  /* Pictures left for later (save data): loaded once they come on screen. */
  const later = $$("img[data-src]");
  const show = (img) => { img.srcset = img.dataset.srcset || ""; img.src = img.dataset.src; img.removeAttribute("data-src"); };
  if (later.length && "IntersectionObserver" in window) {
    const seen = new IntersectionObserver((entries) => entries.forEach((entry) => {
      if (entry.isIntersecting) { show(entry.target); seen.unobserve(entry.target); }
    }));
    later.forEach((img) => seen.observe(img));
  } else later.forEach(show);

  if (!("serviceWorker" in navigator) || !window.indexedDB || !S) return;

  navigator.serviceWorker.register("/sw.js", { scope: "/" }).then(() => navigator.serviceWorker.ready)
    .then((registration) => registration.active && registration.active.postMessage({ lang: body.dataset.lang }))
    .catch(() => {});
  /* Who is signed in, for the worker; the offline pages learn it from the phone instead. */
  const whoIsHere = (shell ? S.who() : S.put("meta", { name: "who", learner: me, csrf }).then(() => ({ learner: me, csrf })))
    .then((who) => { me = who.learner; csrf = who.csrf; }, () => {});

  /* The queue. */
  const memory = []; /* progress the phone had no room for: kept here until it can be sent */
  const queued = (row) => S.put("queue", row).catch((error) => { if (row.event) memory.push(row); throw error; });
  const flush = async () => {
    if (!me || !navigator.onLine) return;
    await whoIsHere;
    const events = memory.splice(0).map((row) => row.event);
    if (events.length) window.academyOffline.send(events);
    return S.flush(me, csrf);
  };
  const flushSoon = () => flush().catch(() => {});
  const askForSync = () => navigator.serviceWorker.ready
    .then((registration) => registration.sync && registration.sync.register("academy-queue")).catch(() => {});

  const keep = (row) => queued({ id: newId(), learner: me, at: new Date().toISOString(), ...row })
    .then(askForSync, () => {
      say(document.querySelector("[data-phone-full]"), body.dataset.msgFull);
      if (!row.event) throw new Error("full"); /* a quiz answer that could not be kept: say so */
    });

  /* Lesson progress from progress.js: straight to the server when online, else queued. */
  window.academyOffline = {
    send(events, { beacon = false } = {}) {
      if (!events.length || !me) return;
      const later = (rest) => rest.forEach((event) => keep({ id: event.id, event }));
      if (!navigator.onLine) { later(events); return; }
      const form = new URLSearchParams({ learner: me, csrfmiddlewaretoken: csrf, events: JSON.stringify(events) });
      if (beacon && events.length <= S.LIMIT && navigator.sendBeacon("/api/progress/", form)) return;
      S.deliver(events, me, csrf).then(later, () => later(events));
    },
  };

  /* Offline, a lesson marked done or a quiz answer is kept on the phone instead of being lost. */
  document.addEventListener("submit", (submit) => {
    const form = submit.target;
    if (form.matches("[data-sign-out]")) { /* the next learner must not find this one's queue or pages */
      submit.preventDefault();
      S.put("meta", { name: "who", learner: "", csrf: "" }).finally(() => form.submit());
      return;
    }
    if (navigator.onLine || !me || !form.matches("[data-offline-queue]")) return;
    submit.preventDefault();
    const lesson = form.dataset.lesson;
    const row = lesson
      ? { event: { id: newId(), lesson, kind: "done", at: new Date().toISOString() } }
      : { action: form.action, form: new URLSearchParams(new FormData(form)).toString() };
    if (row.event) row.id = row.event.id;
    keep(row).then(() => {
      const note = form.querySelector("[data-offline-note]") || document.querySelector("[data-offline-note]");
      say(note, note && note.dataset.text);
      form.querySelectorAll("button").forEach((button) => { button.disabled = true; });
    }, () => {});
  });

  /* Saving a course or a lesson. */
  const cacheFor = () => caches.open(S.cacheName("saved", me));
  const fitsOnPhone = async (bytes) => {
    if (!navigator.storage || !navigator.storage.estimate) return true;
    const { usage = 0, quota = Infinity } = await navigator.storage.estimate();
    return quota - usage > bytes * 1.1;
  };
  const linkType = () => (navigator.connection && navigator.connection.type) || "unknown";
  const onWifi = () => !["cellular", "bluetooth", "wimax", "other"].includes(linkType());

  const download = async (plan, media, progress) => {
    const cache = await cacheFor();
    const urls = plan.choices[media].urls;
    const done = [];
    try {
      for (const url of urls) {
        const response = await fetch(url, { credentials: "same-origin", headers: { "X-Offline-Save": "1" } });
        if (!response.ok) throw new Error(`${response.status} ${url}`);
        await cache.put(url, response);
        done.push(url);
        progress(done.length, urls.length);
      }
    } catch (error) {
      await forget(done, plan.key);
      throw error;
    }
    const record = {
      id: `${me}:${plan.key}`, learner: me, key: plan.key, kind: plan.kind, title: plan.title, url: plan.url,
      media, urls, bytes: plan.choices[media].bytes, label: plan.choices[media].label, version: plan.version,
      lang: body.dataset.lang, savedAt: new Date().toISOString(),
    };
    await S.put("saved", record);
    return record;
  };

  /* Drop files no other of her saved courses or lessons uses. */
  const forget = async (urls, key) => {
    const others = (await S.mine("saved", me)).filter((row) => row.key !== key);
    const used = new Set(others.flatMap((row) => row.urls));
    const cache = await cacheFor();
    await Promise.all(urls.filter((url) => !used.has(url)).map((url) => cache.delete(url)));
  };
  const unsave = async (record) => {
    await S.remove("saved", record.id);
    await forget(record.urls, record.key);
  };

  /* The lighter Opus sound where this phone plays it (the player asks the same question). */
  const OPUS = 'audio/mp4; codecs="opus"';
  const playsOpus = () => document.createElement("audio").canPlayType(OPUS) !== ""
    && !!window.MediaSource && MediaSource.isTypeSupported(OPUS);
  const planFor = (key) => fetch(`/${body.dataset.lang}/offline/save/${key}/${playsOpus() ? "?opus=1" : ""}`, { credentials: "same-origin" })
    .then((response) => (response.ok ? response.json() : Promise.reject(new Error(response.status))));

  const save = async (widget, plan, media) => {
    const status = widget.querySelector("[data-status]");
    const msg = widget.dataset;
    if (!(await fitsOnPhone(plan.choices[media].bytes))) { say(status, msg.msgFull); return; }
    if (navigator.storage && navigator.storage.persist) navigator.storage.persist().catch(() => {});
    try {
      await download(plan, media, (done, total) => say(status, fill(msg.msgSaving, { done, total })));
      say(status, fill(msg.msgSaved, { size: plan.choices[media].label }));
      widget.dataset.saved = "1";
    } catch (error) {
      say(status, error && error.name === "QuotaExceededError" ? msg.msgFull : msg.msgFailed);
    }
  };

  const pending = () => `academy-pending-${me}`;
  const waiting = () => JSON.parse(localStorage.getItem(pending()) || "{}");
  const waitForWifi = (key, media) => localStorage.setItem(pending(), JSON.stringify({ ...waiting(), [key]: media }));

  const setUpWidget = async (widget) => {
    const key = widget.dataset.offlineSave;
    const status = widget.querySelector("[data-status]");
    const panel = widget.querySelector("[data-save-panel]");
    widget.hidden = false;
    widget.querySelector("[data-wifi-option]").hidden = linkType() === "unknown";
    const existing = await S.get("saved", `${me}:${key}`).catch(() => null);
    if (existing) { widget.dataset.saved = "1"; say(status, fill(widget.dataset.msgSaved, { size: existing.label })); }
    let plan = null;
    widget.querySelector("[data-save]").addEventListener("click", async () => {
      if (!navigator.onLine) { say(status, widget.dataset.msgOffline); return; }
      say(status, widget.dataset.msgCounting);
      plan = plan || (await planFor(key).catch(() => null));
      if (!plan) { say(status, widget.dataset.msgFailed); return; }
      $$("[data-size]", widget).forEach((node) => { node.textContent = plan.choices[node.dataset.size].label; });
      const media = savingData() ? "audio" : widget.querySelector("input[type=radio]:checked").value;
      widget.querySelector(`input[value=${media}]`).checked = true;
      panel.hidden = false;
      say(status, "");
    });
    widget.querySelector("[data-confirm]").addEventListener("click", () => {
      const media = widget.querySelector("input[type=radio]:checked").value;
      panel.hidden = true;
      if (widget.querySelector("[data-wifi]").checked && !onWifi()) {
        waitForWifi(key, media);
        say(status, widget.dataset.msgWifi);
        return;
      }
      save(widget, plan, media);
    });
  };

  /* Saves that waited for Wi-Fi; saved items that changed (saved again) or are gone (dropped). */
  const catchUp = async () => {
    if (!me || !navigator.onLine) return;
    const list = waiting();
    if (onWifi() && Object.keys(list).length) {
      localStorage.removeItem(pending());
      for (const [key, media] of Object.entries(list)) {
        const plan = await planFor(key).catch(() => null);
        if (plan) await download(plan, media, () => {}).catch(() => waitForWifi(key, media));
      }
    }
    const saved = await S.mine("saved", me);
    const checked = `academy-checked-${me}`;
    if (!saved.length || Date.now() - Number(localStorage.getItem(checked) || 0) < CHECK_EVERY_MS) return;
    localStorage.setItem(checked, String(Date.now()));
    const response = await fetch(`/api/offline/versions/?keys=${saved.map((row) => row.key).join(",")}`);
    if (!response.ok) return;
    const versions = await response.json();
    for (const row of saved) {
      if (versions[row.key] === null) await unsave(row);
      else if (versions[row.key] !== row.version) {
        const plan = await planFor(row.key).catch(() => null);
        if (plan) await download(plan, row.media, () => {}).catch(() => {});
      }
    }
    renderSaved();
  };

  /* The list of what she saved on this phone, with sizes and a delete button. */
  const renderSaved = async () => {
    const box = document.querySelector("[data-saved-list]");
    if (!box) return;
    const rows = me ? await S.mine("saved", me).catch(() => []) : [];
    const list = box.querySelector("ul");
    list.replaceChildren(...rows.map((row) => {
      const item = Object.assign(document.createElement("li"), { lang: row.lang || "", dir: "auto" }); /* as saved */
      const link = Object.assign(document.createElement("a"), { href: row.url, textContent: row.title });
      const size = Object.assign(document.createElement("span"), { className: "meta", textContent: ` ${row.label} ` });
      const remove = Object.assign(document.createElement("button"), {
        type: "button", className: "button danger", textContent: box.dataset.msgDelete,
      });
      remove.addEventListener("click", () => unsave(row).then(renderSaved));
      item.append(link, size, remove);
      return item;
    }));
    say(box.querySelector("[data-empty]"), rows.length ? "" : box.dataset.msgEmpty);
    if (navigator.storage && navigator.storage.estimate) {
      const { usage = 0 } = await navigator.storage.estimate();
      say(box.querySelector("[data-usage]"), fill(box.dataset.msgUsage, { size: (usage / 1e6).toFixed(1) }));
    }
  };

  const catchUpSoon = () => catchUp().catch(() => {});
  addEventListener("online", () => { flushSoon(); catchUpSoon(); });
  if (navigator.connection) navigator.connection.addEventListener("change", catchUpSoon);
  whoIsHere.then(() => {
    if (me) $$("[data-offline-save]").forEach(setUpWidget);
    renderSaved();
    flushSoon();
    catchUpSoon();
  });
})();
