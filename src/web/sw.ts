/**
 * The console's service worker (hand-written; built to /sw.js by vite.config.ts, registered in production builds
 * only — src/web/main.tsx). It makes the inspection visit page reload without a connection:
 *
 * - install: precaches the app shell (index.html) and the chunks the visit route loads (the list is written into
 *   this file at build time: `__PRECACHE__`);
 * - navigations of the console: network first, the cached shell when offline (the page then renders from
 *   IndexedDB, src/web/offline/visit-store.ts);
 * - hashed assets (/assets/…): cache first (they are immutable), kept as they are fetched;
 * - GET /api/auth/me: network first with the last answer kept, so the signed-in shell opens offline; dropped on a
 *   401 and on logout. No other API call is cached: the visit data lives in IndexedDB, changes in its queue.
 *
 * No imports: it compiles to one classic script. Types are declared locally (the DOM and WebWorker libraries
 * cannot be loaded together in src/web's tsconfig).
 */
interface ExtendableEvt extends Event { waitUntil(p: Promise<unknown>): void }
interface FetchEvt extends ExtendableEvt { request: Request; respondWith(r: Promise<Response> | Response): void }
interface SwScope {
  addEventListener(type: 'install' | 'activate', fn: (e: ExtendableEvt) => void): void;
  addEventListener(type: 'fetch', fn: (e: FetchEvt) => void): void;
  skipWaiting(): Promise<void>;
  clients: { claim(): Promise<void> };
  location: Location;
}
const sw = self as unknown as SwScope;

declare const __PRECACHE__: string[];
const PRECACHE: string[] = typeof __PRECACHE__ === 'undefined' ? ['/'] : __PRECACHE__;
// A new build (new chunk names) gets a new shell cache; the old one is dropped on activate.
const VERSION = [...PRECACHE.join('|')].reduce((h, ch) => (Math.imul(h, 31) + ch.charCodeAt(0)) | 0, 7).toString(36);
const SHELL = `motcua-shell-${VERSION}`;
const ASSETS = 'motcua-assets';
const SESSION = 'motcua-session';
const ME = '/api/auth/me';

sw.addEventListener('install', (e) => {
  e.waitUntil(
    (async () => {
      const c = await caches.open(SHELL);
      await c.addAll(['/', ...PRECACHE.filter((p) => p !== '/')]);
      await sw.skipWaiting();
    })(),
  );
});

sw.addEventListener('activate', (e) => {
  e.waitUntil(
    (async () => {
      for (const k of await caches.keys()) if (k.startsWith('motcua-shell-') && k !== SHELL) await caches.delete(k);
      await sw.clients.claim();
    })(),
  );
});

async function shell(): Promise<Response> {
  const c = await caches.open(SHELL);
  return (await c.match('/')) ?? new Response('Offline', { status: 503, headers: { 'content-type': 'text/plain; charset=utf-8' } });
}

sw.addEventListener('fetch', (e) => {
  const req = e.request;
  const url = new URL(req.url);
  if (url.origin !== sw.location.origin) return;
  if (req.method === 'POST' && url.pathname === '/api/auth/logout') {
    e.respondWith(caches.delete(SESSION).then(() => fetch(req)));
    return;
  }
  if (req.method !== 'GET') return;
  if (req.mode === 'navigate') {
    // The citizen portal has its own shell and no offline mode.
    if (url.pathname.startsWith('/dich-vu-cong') || url.pathname.startsWith('/api/')) return;
    e.respondWith(fetch(req).catch(() => shell()));
    return;
  }
  if (url.pathname.startsWith('/assets/')) {
    e.respondWith(
      (async () => {
        const hit = (await caches.match(req)) ?? null;
        if (hit) return hit;
        const res = await fetch(req);
        if (res.ok) await (await caches.open(ASSETS)).put(req, res.clone());
        return res;
      })(),
    );
    return;
  }
  if (url.pathname === ME) {
    e.respondWith(
      (async () => {
        const c = await caches.open(SESSION);
        try {
          const res = await fetch(req);
          if (res.ok) await c.put(ME, res.clone());
          else if (res.status === 401) await c.delete(ME);
          return res;
        } catch (err) {
          const hit = await c.match(ME);
          if (hit) return hit;
          throw err;
        }
      })(),
    );
  }
});
