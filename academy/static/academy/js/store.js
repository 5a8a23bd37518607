/* What the phone keeps, shared by the pages and the service worker: IndexedDB stores "meta" (who
   is signed in, with the page's CSRF token), "queue" (progress and quiz answers made offline,
   with their ids) and "saved" (courses and lessons kept for offline), each row tagged with its
   learner; caches "saved-<learner>" and "recent-<learner>". Sending the queue is harmless to
   repeat: every event has its id, and the server takes a learner's queue only from her. */
self.academyStore = (() => {
  "use strict";
  let opened = null;
  const open = () => opened || (opened = new Promise((ok, fail) => {
    const request = indexedDB.open("taawounia", 1);
    request.onupgradeneeded = () => {
      const db = request.result;
      db.createObjectStore("meta", { keyPath: "name" });
      db.createObjectStore("queue", { keyPath: "id" }).createIndex("learner", "learner");
      db.createObjectStore("saved", { keyPath: "id" }).createIndex("learner", "learner");
    };
    request.onsuccess = () => ok(request.result);
    request.onerror = () => { opened = null; fail(request.error); };
  }));
  const run = (store, mode, act) => open().then((db) => new Promise((ok, fail) => {
    const tx = db.transaction(store, mode);
    const request = act(tx.objectStore(store));
    tx.oncomplete = () => ok(request && request.result);
    tx.onerror = tx.onabort = () => fail(tx.error);
  }));
  const get = (store, key) => run(store, "readonly", (s) => s.get(key));
  const put = (store, value) => run(store, "readwrite", (s) => s.put(value));
  const remove = (store, key) => run(store, "readwrite", (s) => s.delete(key));
  const mine = (store, learner) => run(store, "readonly", (s) => s.index("learner").getAll(learner));
  const who = () => get("meta", "who").then((row) => row || { learner: "", csrf: "" }, () => ({ learner: "", csrf: "" }));
  const cacheName = (kind, learner) => `${kind}-${learner || "anyone"}`;
  const newId = () => (crypto.randomUUID ? crypto.randomUUID()
    : "10000000-1000-4000-8000-100000000000".replace(/[018]/g, (c) => (c ^ (crypto.getRandomValues(new Uint8Array(1))[0] & (15 >> (c / 4)))).toString(16)));

  const post = (url, body, csrf) => fetch(url, {
    method: "POST", body, credentials: "same-origin", redirect: "manual",
    headers: { "X-CSRFToken": csrf, "X-Offline-Replay": "1" },
  });

  /* Answered: sent, or refused for good (400, 404: it could never be taken). Anything else
     (not signed in, another learner, no connection) waits for the next try. */
  const settled = (response) => [200, 204, 400, 404].includes(response.status);

  /* Send her queue: events in one batch, then each quiz answer in order; one sender at a time
     (a page and the worker may both try when the connection returns). */
  const flush = (learner, csrf) => (navigator.locks
    ? navigator.locks.request("academy-queue", () => send(learner, csrf))
    : send(learner, csrf));
  const send = async (learner, csrf) => {
    if (!learner) return 0;
    const rows = await mine("queue", learner);
    const events = rows.filter((row) => row.event);
    let sent = 0;
    if (events.length) {
      const body = new URLSearchParams({ learner, events: JSON.stringify(events.map((row) => row.event)) });
      if (!settled(await post("/api/progress/", body, csrf))) return sent;
      for (const row of events) await remove("queue", row.id);
      sent += events.length;
    }
    for (const row of rows.filter((item) => item.form)) {
      const body = new URLSearchParams(row.form);
      body.set("learner", learner);
      body.set("event", row.id);
      body.set("csrfmiddlewaretoken", csrf);
      if (!settled(await post(row.action, body, csrf))) break;
      await remove("queue", row.id);
      sent += 1;
    }
    return sent;
  };

  return { get, put, remove, mine, who, cacheName, newId, flush };
})();
