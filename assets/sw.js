// SOTP service worker. scripts/precache.mjs writes the real sw.js from this
// template after each build: VERSION is a hash of every file in the build,
// PRECACHE the list of every file (never kept by hand).
const VERSION = "__VERSION__";
const PRECACHE = __PRECACHE__;
const CACHE = `sotp-${VERSION}`;

self.addEventListener("install", (event) => {
  // Every file or none: addAll fails the install if one request fails, so
  // a version is never half cached. No size limit applies to the wasm.
  event.waitUntil(
    caches.open(CACHE).then((cache) => cache.addAll(PRECACHE.map((url) => new Request(url, { cache: "reload" })))),
  );
  // No skipWaiting: a new version waits until the page's user clicks Reload.
});

self.addEventListener("activate", (event) => {
  event.waitUntil(
    (async () => {
      const keys = await caches.keys();
      await Promise.all(keys.filter((k) => k.startsWith("sotp-") && k !== CACHE).map((k) => caches.delete(k)));
      await self.clients.claim();
    })(),
  );
});

self.addEventListener("message", (event) => {
  if (event.data === "skip-waiting") self.skipWaiting();
});

self.addEventListener("fetch", (event) => {
  const request = event.request;
  if (request.method !== "GET" || new URL(request.url).origin !== self.location.origin) return;
  if (request.mode === "navigate") {
    // Any page of the app, with any query or fragment, is the one page.
    const page = new URL("./index.html", self.registration.scope).href;
    event.respondWith(caches.open(CACHE).then((c) => c.match(page)).then((hit) => hit || fetch(request)));
    return;
  }
  event.respondWith(
    caches.open(CACHE).then((c) => c.match(request, { ignoreSearch: true })).then((hit) => hit || fetch(request)),
  );
});
