// Offline: the page and the module are kept on first visit and served from the cache when the
// network is not there; when it is, the network answers and the cache is refreshed. The data itself
// is in localStorage or IndexedDB (storage.js), not here.
/** @type {ServiceWorkerGlobalScope} */
const sw = /** @type {any} */ (self);
const CACHE = "overdue-v1";
const SHELL = [
  "./", "./index.html", "./app.js", "./store.js", "./storage.js", "./merge.js", "./demo.js", "./style.css", "./favicon.svg",
  "./views/format.js", "./views/worklist.js", "./views/aging.js", "./views/cash.js", "./views/invoices.js", "./views/importcsv.js",
  "./views/customers.js", "./views/notices.js", "./views/charges.js", "./views/plan.js", "./views/settings.js", "./views/ladder.js", "./views/compute.js", "./worker.js", "./questions.js",
  "./pkg/overdue.js", "./pkg/overdue_bg.wasm",
];

sw.addEventListener("install", (e) => {
  e.waitUntil(caches.open(CACHE).then((c) => c.addAll(SHELL)).then(() => sw.skipWaiting()));
});

sw.addEventListener("activate", (e) => {
  e.waitUntil(caches.keys().then((keys) => Promise.all(keys.filter((k) => k !== CACHE).map((k) => caches.delete(k)))).then(() => sw.clients.claim()));
});

sw.addEventListener("fetch", (e) => {
  if (e.request.method !== "GET" || new URL(e.request.url).origin !== sw.location.origin) return;
  e.respondWith(
    fetch(e.request)
      .then((res) => {
        if (res.ok) {
          const copy = res.clone();
          caches.open(CACHE).then((c) => c.put(e.request, copy));
        }
        return res;
      })
      .catch(() => caches.match(e.request, { ignoreSearch: true }).then((hit) => hit ?? caches.match("./index.html"))),
  );
});
