/* What the phone keeps, shared by the pages and the service worker: IndexedDB stores "meta" (who
   is signed in, with the page's CSRF token), "queue" (progress and quiz answers made offline,
   with their ids) and "saved" (courses and lessons kept for offline), each row tagged with its
   learner; caches "saved-<learner>" and "recent-<learner>". Sending the queue is harmless to
   repeat: every event has its id, and the server takes a learner's queue only from her. A row
   leaves the queue only once the server has answered for it. */
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
    method: "POST", body, credentials: "same-origin", redirect: "manual", keepalive: true,
    headers: { "X-CSRFToken": csrf, "X-Offline-Replay": "1" },
  });

  /* Answered: sent, or refused for good (400, 404: it could never be taken). Anything else
     (not signed in, another learner, no connection) waits for the next try. */
  const settled = (response) => [200, 204, 400, 404].includes(response.status);

  /* Progress events go in batches of at most the server's limit (it answers 413 with its own).
     A batch is answered event by event (kept, already kept, refused for good): `done` gets those
     ids. A batch not answered (signed out, server busy or failing) stops the sending; resolves
     to the events not answered, to keep for the next try. */
  const LIMIT = 50;
  const deliver = async (events, learner, csrf, done = () => {}) => {
    const left = [];
    for (let i = 0, limit = LIMIT; i < events.length;) {
      const batch = events.slice(i, i + limit);
      const response = await post("/api/progress/", new URLSearchParams({ learner, events: JSON.stringify(batch) }), csrf);
      const answer = await response.json().catch(() => ({}));
      if (response.status === 413 && answer.limit > 0 && answer.limit < limit) { limit = answer.limit; continue; }
      if (response.status !== 200) return left.concat(events.slice(i));
      const ids = [].concat(answer.accepted || [], answer.duplicates || [], (answer.refused || []).map((row) => row.id));
      await done(ids);
      left.push(...batch.filter((event) => !ids.includes(event.id)));
      i += batch.length;
    }
    return left;
  };

  /* Send her queue, oldest first: progress events, then each quiz answer in order; one sender
     at a time (a page and the worker may both try when the connection returns). */
  const flush = (learner, csrf) => (navigator.locks
    ? navigator.locks.request("academy-queue", () => send(learner, csrf))
    : send(learner, csrf));
  const drop = (keys) => run("queue", "readwrite", (s) => { keys.forEach((key) => s.delete(key)); });
  const send = async (learner, csrf) => {
    if (!learner) return 0;
    const rows = (await mine("queue", learner)).sort((a, b) => (a.at > b.at) - (a.at < b.at));
    let sent = 0;
    const events = rows.filter((row) => row.event).map((row) => row.event);
    const left = await deliver(events, learner, csrf, (ids) => drop(ids).then(() => { sent += ids.length; }));
    if (left.length) return sent;
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

  return { get, put, remove, mine, who, cacheName, newId, flush, deliver, LIMIT };
})();
