// The service worker: precaches the app shell, the engine and the model under a versioned cache, serves
// them cache-first (so the app works offline, reload included), deletes only its own stale caches, and
// waits for the page's "skip-waiting" before a new version takes over.
// scripts/make_sw.mjs fills in VERSION (a hash of the site's files) and PRECACHE (every file) at build time.
const VERSION = '__KIMI_VERSION__';
const PRECACHE = __KIMI_PRECACHE__;
const PREFIX = 'kimi-';
const CACHE = `${PREFIX}${VERSION}`;

self.addEventListener('install', (event) => {
  event.waitUntil(caches.open(CACHE).then((cache) => cache.addAll(PRECACHE.map((p) => new Request(p, { cache: 'reload' })))));
});

self.addEventListener('activate', (event) => {
  event.waitUntil((async () => {
    for (const name of await caches.keys()) {
      if (name.startsWith(PREFIX) && name !== CACHE) await caches.delete(name);
    }
    await self.clients.claim();
  })());
});

self.addEventListener('message', (event) => {
  if (event.data?.type === 'skip-waiting') self.skipWaiting();
  if (event.data?.type === 'version') event.source?.postMessage({ type: 'version', version: VERSION });
});

self.addEventListener('fetch', (event) => {
  const { request } = event;
  if (request.method !== 'GET' || new URL(request.url).origin !== self.location.origin) return;
  event.respondWith((async () => {
    const cache = await caches.open(CACHE);
    // ignoreSearch: embed.html?theme=dark&origins=... is the precached embed.html.
    const hit = await cache.match(request, { ignoreSearch: true });
    return hit ?? fetch(request);
  })());
});
