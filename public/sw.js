// Taiwa's service worker: the app keeps working offline, and a new version
// waits until the person using it says "reload".
//
// - install: stores EVERY file of the build (the list below is written by
//   scripts/build.mjs after Trunk has hashed the file names) in a cache
//   named after this deployment's scope and version. It does not skipWaiting:
//   a new version waits until the app, at the user's request, posts
//   "skip-waiting".
// - activate: removes this scope's caches of other versions, and takes control
//   of open pages (on the first install, so they work offline at once).
// - fetch: files come from the cache, else from the network. Page loads
//   (navigations) get the cached index.html, so deep links work offline and
//   the running version stays the cached one, even when the host has no
//   rewrite rule. An address that is one of the app's own pages (APP_PAGES)
//   gets it at once, without asking the network: the app starts as fast on a
//   train's failing connection as at home. Any other address is asked of the
//   network first (for at most NAVIGATION_WAIT_MS), and only when the server
//   answers it with a page that is not this app (another app under a sub-path
//   of the same site) is that page shown as it is.
//
// Everything here stays on the app's own origin.

// Written by scripts/build.mjs; "dev" and [] in the source. APP_PAGES are the
// app's pages from the one route table (crates/taiwa-domain/src/edges/routes.rs):
// patterns whose `:name` segments stand for any one segment.
const VERSION = 'dev';
const FILES = [];
const APP_PAGES = [];

const SCOPE = new URL('./', self.location.href).href;
const SCOPE_PATH = new URL(SCOPE).pathname;
const PREFIX = `taiwa ${SCOPE} `;
const CACHE = PREFIX + VERSION;
const INDEX = new URL('index.html', SCOPE).href;
/** Whether a path below SCOPE is one of the app's pages (pwa.test.mjs opens
 * every page of the app and checks that none of them asks the network). */
function isAppPage(path) {
  const got = path.split('/').filter((s) => s !== '');
  return APP_PAGES.some((pattern) => {
    const want = pattern.split('/').filter((s) => s !== '');
    return want.length === got.length && want.every((w, i) => w.startsWith(':') || w === got[i]);
  });
}
// How long a load of any other address waits for the network before using
// the cached app.
const NAVIGATION_WAIT_MS = 3000;

// Files whose names carry a hash of their content never change: the browser's
// HTTP cache may supply them. Everything else is asked of the server afresh.
const HASHED = /-[0-9a-f]{12,}(_bg)?\.[a-z]+$/;

self.addEventListener('install', (event) => {
  event.waitUntil(
    caches.open(CACHE).then((cache) =>
      cache.addAll(
        FILES.map((f) => new Request(new URL(f, SCOPE).href, { cache: HASHED.test(f) ? 'default' : 'no-cache' })),
      ),
    ),
  );
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    (async () => {
      for (const key of await caches.keys()) {
        if (key.startsWith(PREFIX) && key !== CACHE) await caches.delete(key);
      }
      await self.clients.claim();
    })(),
  );
});

self.addEventListener('message', (event) => {
  if (event.data === 'skip-waiting') self.skipWaiting();
});

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET' || !request.url.startsWith(SCOPE)) return;
  event.respondWith(request.mode === 'navigate' ? navigate(request) : file(request));
});

async function file(request) {
  const cache = await caches.open(CACHE);
  // An exact match is one lookup; ignoring the query string makes the cache
  // compare every entry, so it is only done for an address that has one.
  const hit = (await cache.match(request)) ||
    (new URL(request.url).search ? await cache.match(request, { ignoreSearch: true }) : undefined);
  return hit || fetch(request);
}

async function navigate(request) {
  const cache = await caches.open(CACHE);
  const app = await cache.match(INDEX);
  if (app && isAppPage(new URL(request.url).pathname.slice(SCOPE_PATH.length))) return app;
  const same = await cache.match(request, { ignoreSearch: true });
  if (same) return same; // one of the app's own files, opened as a page
  if (!app) return fetch(request);
  let answer;
  try {
    answer = await Promise.race([
      fetch(request),
      new Promise((_, fail) => setTimeout(() => fail(new Error('slow network')), NAVIGATION_WAIT_MS)),
    ]);
  } catch {
    return app; // offline, or too slow: the cached app
  }
  // A redirect: followed. The host does not know this address (the app
  // routes on the client) or fails: the cached app. It answers with this app:
  // the cached version, so that a new version on the server waits for the
  // user. Another page: as it is.
  if (answer.type === 'opaqueredirect') return answer;
  if (!answer.ok) return app;
  return (await isThisApp(answer.clone())) ? app : answer;
}

/** Whether the server's answer is this app (any version): its <base href> is our scope. */
async function isThisApp(response) {
  if (!(response.headers.get('content-type') || '').includes('text/html')) return false;
  try {
    const text = await response.text();
    // (A release build's index.html is minified: the value may be unquoted.)
    const base = /<base\s+href=(?:"([^"]*)"|'([^']*)'|([^\s>"']+))/i.exec(text);
    if (base === null) return false;
    const href = base[1] ?? base[2] ?? base[3];
    return new URL(href, response.url || SCOPE).href === SCOPE;
  } catch {
    return false;
  }
}
