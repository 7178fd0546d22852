// The service worker of Kế hoạch toàn khóa (installable app, works with no signal).
// Built by vite.config.ts (serviceWorker plugin): __VERSION__ and __PRECACHE__ are filled in with
// the build's own files. Plain JavaScript: it runs in the worker, not in the app.
//
// - The app shell (index.html, the scripts and styles the first page load fetches, icons,
//   manifest) is cached when the worker installs, after the first visit has loaded: the first
//   visit downloads nothing more. The chunk of a page is kept the first time the page is opened
//   (its name changes with its content, so a kept one is never stale).
// - A page load goes to the network first and falls back to the cached shell: a reload with no
//   signal opens the app.
// - /config.json and the API's reads (GET /api/…) go to the network first; each answer is kept, so
//   the report forms a user opened come back with no signal. The kept answers belong to the user
//   logged in on this device: the app deletes them at logout (caches "kehoach-data").
// - Writes are never touched: a save with no signal fails in the app, which keeps it on the
//   device with its Idempotency-Key and sends it when the connection returns.
const VERSION = '__VERSION__';
const SHELL = `kehoach-shell-${VERSION}`;
const DATA = 'kehoach-data';
const PRECACHE = __PRECACHE__;

self.addEventListener('install', (event) => {
  event.waitUntil(
    caches
      .open(SHELL)
      .then((cache) => cache.addAll(PRECACHE))
      // where Keycloak is: read once at start, needed to open the app with no signal
      .then(() => caches.open(DATA))
      .then((cache) => cache.add('/config.json'))
      .then(() => self.skipWaiting()),
  );
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((keys) =>
        Promise.all(
          keys
            .filter((key) => key.startsWith('kehoach-shell-') && key !== SHELL)
            .map((key) => caches.delete(key)),
        ),
      )
      .then(() => self.clients.claim()),
  );
});

/** The network's answer, kept in the data cache; the kept one when there is no network. */
async function networkFirst(request) {
  const cache = await caches.open(DATA);
  try {
    const answer = await fetch(request);
    if (answer.ok) {
      await cache.put(request, answer.clone());
    }
    return answer;
  } catch (error) {
    const kept = await cache.match(request, { ignoreVary: true });
    if (kept) {
      const headers = new Headers(kept.headers);
      headers.set('Kehoach-Offline', 'true');
      return new Response(await kept.blob(), {
        status: kept.status,
        statusText: kept.statusText,
        headers,
      });
    }
    throw error;
  }
}

/** A page load: the network, else the cached shell (the app then routes by itself). */
async function page(request) {
  try {
    return await fetch(request);
  } catch (error) {
    const shell = await caches.open(SHELL);
    const index = await shell.match('/index.html');
    if (index) return index;
    throw error;
  }
}

/** A file of the build: from the cache, else from the network and kept. */
async function cacheFirst(request) {
  const kept = await caches.match(request);
  if (kept) return kept;
  const answer = await fetch(request);
  if (answer.ok) {
    const cache = await caches.open(SHELL);
    await cache.put(request, answer.clone());
  }
  return answer;
}

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET') return;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin) return; // Keycloak and anything else: untouched
  if (request.mode === 'navigate') {
    event.respondWith(page(request));
  } else if (url.pathname === '/config.json' || url.pathname.startsWith('/api/')) {
    // downloads (a workbook, a PDF) are not kept
    if (/\.(xlsx|pdf|docx|csv)$/.test(url.pathname) || url.pathname.includes('/export')) return;
    event.respondWith(networkFirst(request));
  } else if (PRECACHE.includes(url.pathname) || url.pathname.startsWith('/assets/')) {
    event.respondWith(cacheFirst(request));
  }
});
