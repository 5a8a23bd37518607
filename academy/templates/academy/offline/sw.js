{% autoescape off %}/* Taawounia Academy's service worker, version {{ version }}. Pages: from the network, else
   from what the signed-in learner saved or recently read, else the offline page of the page's
   language. Files (pictures, sound, video, subtitles): from her saved copy, byte ranges included;
   static files: from the cache, refreshed behind. Her queue goes out on Background Sync. */
importScripts({{ store }});
const S = self.academyStore;
const SHELL = "shell-{{ version }}", STATIC = "static", RECENT_LIMIT = 40, SLOW_PAGE_MS = 6000;
const FILES = {{ shell }};
const MEDIA_ORIGIN = {{ media_origin }}; /* files of an object store are kept and served too */

addEventListener("install", (event) => {
  event.waitUntil(caches.open(SHELL).then((cache) => cache.addAll(FILES)).then(() => skipWaiting()));
});

addEventListener("activate", (event) => {
  event.waitUntil(caches.keys()
    .then((names) => Promise.all(names.filter((n) => n.startsWith("shell-") && n !== SHELL).map((n) => caches.delete(n))))
    .then(() => clients.claim()));
});

/* A page says which language it is in: keep that language's offline pages. */
addEventListener("message", (event) => {
  const lang = event.data && event.data.lang;
  if (!/^[a-z]{2,3}$/.test(lang || "")) return;
  event.waitUntil(caches.open(SHELL).then(async (cache) => {
    for (const path of [`/${lang}/offline/`, `/${lang}/me/offline/`]) {
      if (!(await cache.match(path))) await cache.add(path).catch(() => {});
    }
  }));
});

addEventListener("sync", (event) => {
  if (event.tag === "academy-queue") event.waitUntil(S.who().then((w) => S.flush(w.learner, w.csrf)));
});

const mineFirst = async (request) => {
  const { learner } = await S.who();
  for (const kind of ["saved", "recent"]) {
    const found = await (await caches.open(S.cacheName(kind, learner))).match(request, { ignoreSearch: true });
    if (found) return found;
  }
  return null;
};

const offlinePage = async (url) => {
  const lang = url.pathname.split("/")[1];
  return (await caches.match(`/${lang}/offline/`)) || (await caches.match("/ar/offline/")) ||
    new Response('<p style="font-size:5rem;text-align:center">📵</p>', /* no words: no language known yet */
      { status: 503, headers: { "Content-Type": "text/html; charset=utf-8" } });
};

/* Keep a copy among her recent pages and pictures; refresh it where she saved it. */
const remember = async (url, copy) => {
  const { learner } = await S.who();
  const recent = await caches.open(S.cacheName("recent", learner));
  await recent.delete(url); /* back to the end of the line */
  await recent.put(url, copy.clone());
  const keys = await recent.keys();
  for (const old of keys.slice(0, Math.max(0, keys.length - RECENT_LIMIT))) await recent.delete(old);
  const saved = await caches.open(S.cacheName("saved", learner));
  if (await saved.match(url)) await saved.put(url, copy);
};

const keeping = (event, test) => (response) => {
  if (response.ok && test(response)) event.waitUntil(remember(response.url || event.request.url, response.clone()));
  return response;
};

const page = async (event) => {
  const { request } = event;
  const kept = request.method === "GET" ? mineFirst(request) : Promise.resolve(null);
  const network = fetch(request).then(keeping(event, (r) => r.headers.get("X-Offline") === "page"));
  /* On a very slow link a saved page is shown from the phone; the network copy still refreshes it. */
  const slow = new Promise((ok) => setTimeout(ok, SLOW_PAGE_MS)).then(() => kept);
  try {
    return await Promise.race([network, slow.then((copy) => copy || network)]);
  } catch (error) {
    return (await kept) || offlinePage(new URL(request.url));
  }
};

/* A saved recording answers byte ranges itself: the player asks for them. */
const ranged = async (request, response) => {
  const match = /bytes=(\d+)-(\d*)/.exec(request.headers.get("Range") || "");
  if (!match) return response;
  const blob = await response.blob();
  const start = Number(match[1]), end = match[2] ? Math.min(Number(match[2]), blob.size - 1) : blob.size - 1;
  return new Response(blob.slice(start, end + 1), { status: 206, headers: {
    "Content-Type": response.headers.get("Content-Type") || "", "Content-Range": `bytes ${start}-${end}/${blob.size}`,
    "Content-Length": String(end - start + 1), "Accept-Ranges": "bytes" } });
};

/* Another size of a saved picture will do: "photo.width-720…" is served by "photo.width-360…". */
const SIZE = /\.(?:width|height|fill|max|min|scale)-[^/]*$/;
const samePicture = async (url) => {
  if (!SIZE.test(url.pathname)) return null;
  const stem = url.pathname.replace(SIZE, "");
  const { learner } = await S.who();
  for (const kind of ["saved", "recent"]) {
    const cache = await caches.open(S.cacheName(kind, learner));
    const twin = (await cache.keys()).find((key) => new URL(key.url).pathname.replace(SIZE, "") === stem);
    if (twin) return cache.match(twin);
  }
  return null;
};

const file = async (event) => {
  const { request } = event;
  const url = new URL(request.url);
  const kept = (await mineFirst(request)) || (await samePicture(url));
  if (kept) return ranged(request, kept);
  return fetch(request).then(keeping(event, () => url.pathname.startsWith("{{ media_url }}images/")));
};

const staticFile = async (event) => {
  const cache = await caches.open(STATIC);
  const kept = (await caches.match(event.request)) || null;
  const network = fetch(event.request).then((response) => {
    if (response.ok) event.waitUntil(cache.put(event.request, response.clone()));
    return response;
  });
  if (kept) { network.catch(() => {}); return kept; }
  return network;
};

addEventListener("fetch", (event) => {
  const { request } = event;
  const url = new URL(request.url);
  if (url.origin !== location.origin && url.origin !== MEDIA_ORIGIN) return;
  if (url.origin === location.origin && /^\/(admin|api|sw\.js)/.test(url.pathname)) return;
  if (request.mode === "navigate") return event.respondWith(page(event));
  if (request.method !== "GET" || request.headers.has("X-Offline-Save")) return; /* saving: the network */
  if (url.pathname.startsWith("{{ static_url }}")) return event.respondWith(staticFile(event));
  event.respondWith(file(event).catch(() => Response.error()));
});
{% endautoescape %}
