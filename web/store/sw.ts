// The storefronts' service worker (served at /store/sw.js, scope /store/): the shop opens and its
// catalog stays browsable offline. Pages and built assets come from the network when it answers and
// from the cache when it does not; pictures (immutable URLs) from the cache first; the catalog's API
// answers (products, search, availability) network first, so a shopper online never sees stale
// prices. Carts, orders and the shopper's own data are never cached: they pass straight through.
// Add-to-cart while offline is queued by the page (offline-cart.ts), which also works where no
// service worker runs.

// The worker's own types (lib.webworker clashes with lib.dom in one project): what it uses.
interface ExtendableEvent extends Event {
  waitUntil(p: Promise<unknown>): void;
}
interface FetchEvent extends ExtendableEvent {
  readonly request: Request;
  respondWith(r: Response | Promise<Response>): void;
}
interface ExtendableMessageEvent extends ExtendableEvent {
  readonly data: unknown;
}
interface PushEvent extends ExtendableEvent {
  readonly data: { json(): unknown } | null;
}
interface NotificationEvent extends ExtendableEvent {
  readonly notification: { data: unknown; close(): void };
}
interface WorkerScope {
  readonly location: Location;
  readonly registration: {
    scope: string;
    showNotification(title: string, options: { body: string; data: unknown; tag?: string }): Promise<void>;
  };
  readonly clients: {
    claim(): Promise<void>;
    matchAll(): Promise<Array<{ postMessage(m: unknown): void }>>;
    openWindow(url: string): Promise<unknown>;
  };
  skipWaiting(): Promise<void>;
  addEventListener(type: 'install' | 'activate', fn: (e: ExtendableEvent) => void): void;
  addEventListener(type: 'fetch', fn: (e: FetchEvent) => void): void;
  addEventListener(type: 'message', fn: (e: ExtendableMessageEvent) => void): void;
  addEventListener(type: 'push', fn: (e: PushEvent) => void): void;
  addEventListener(type: 'notificationclick', fn: (e: NotificationEvent) => void): void;
}
const worker = self as unknown as WorkerScope;

/** Bump when what is cached changes shape: older caches are dropped at activation. */
const VERSION = 1;
const SHELL = `omnihub-shell-${VERSION}`;
const DATA = `omnihub-data-${VERSION}`;
/** Catalog answers and pictures kept at most (oldest dropped first). */
const DATA_MAX = 400;

type Kind = 'page' | 'asset' | 'picture' | 'catalog' | 'identity';

/** What a same-origin GET is to the offline shop; null: not ours to keep (carts, orders, streams). */
function kindOf(url: URL, navigate: boolean): Kind | null {
  const path = url.pathname;
  if (navigate) return path.startsWith('/store/') ? 'page' : null;
  if (path.startsWith('/web/assets/')) return 'asset';
  if (/^\/store\/[^/]+\/(manifest\.webmanifest|icons\/)/.test(path)) return 'asset';
  if (path.startsWith('/media/')) return 'picture';
  if (path.endsWith('/stream')) return null;
  // Who the page's key is (the app opens only once it knows): kept per key, see cacheKeyOf.
  if (path === '/api/me') return 'identity';
  if (/^\/api\/channels\/[^/]+(\/(products(\/[^/]+)?|search|suggest))?$/.test(path)) return 'catalog';
  if (path === '/api/inventory/locations' || path.startsWith('/api/inventory/skus/')) return 'catalog';
  return null;
}

/** Every page of a storefront is the same app: offline, any of its pages opens from this one. */
function shellOf(url: URL): string {
  const code = url.pathname.split('/')[2] ?? '';
  return `/store/${code}`;
}

async function put(cacheName: string, key: Request | string, response: Response): Promise<void> {
  if (response.status !== 200 || response.type !== 'basic') return;
  const cache = await caches.open(cacheName);
  await cache.put(key, response);
  if (cacheName === DATA) {
    const keys = await cache.keys();
    await Promise.all(keys.slice(0, Math.max(0, keys.length - DATA_MAX)).map((k) => cache.delete(k)));
  }
}

async function cached(cacheName: string, key: Request | string): Promise<Response | undefined> {
  return (await caches.open(cacheName)).match(key, { ignoreVary: true, ignoreSearch: false });
}

/**
 * The cache key of a request: its URL, except /api/me, whose answer depends on the key sent (two
 * storefronts in one browser must not see each other's): the URL plus a digest of that key.
 */
async function cacheKeyOf(url: string, kind: Kind, authorization: string | null): Promise<string> {
  if (kind !== 'identity') return url;
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(authorization ?? ''));
  const hex = [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('');
  return `${url}?as=${hex.slice(0, 32)}`;
}

/** The network state the pages are told: answers from the cache mean the shop is offline. */
let reported: boolean | null = null;
async function report(online: boolean): Promise<void> {
  // Offline is said every time (a page opened offline must hear it); online once per change.
  if (online && reported === online) return;
  reported = online;
  for (const client of await worker.clients.matchAll()) client.postMessage({ type: 'network', online });
}

async function networkFirst(request: Request, cacheName: string, key: string, fallback?: string) {
  try {
    const response = await fetch(request);
    void report(true);
    await put(cacheName, key, response.clone());
    if (fallback) await put(cacheName, fallback, response.clone());
    return response;
  } catch (offline) {
    void report(false);
    const hit = (await cached(cacheName, key)) ?? (fallback ? await cached(cacheName, fallback) : undefined);
    if (hit) return hit;
    throw offline;
  }
}

async function cacheFirst(request: Request, cacheName: string): Promise<Response> {
  const hit = await cached(cacheName, request);
  if (hit) return hit;
  try {
    const response = await fetch(request);
    void report(true);
    await put(cacheName, request, response.clone());
    return response;
  } catch (offline) {
    void report(false);
    const other = await otherRendition(cacheName, new URL(request.url));
    if (other) return other;
    throw offline;
  }
}

/** Offline, a picture in another size or format kept earlier (the card's for the product page). */
async function otherRendition(cacheName: string, url: URL): Promise<Response | undefined> {
  const media = /^\/media\/[^/]+\//.exec(url.pathname)?.[0];
  if (!media) return undefined;
  const cache = await caches.open(cacheName);
  const kept = (await cache.keys()).find((k) => new URL(k.url).pathname.startsWith(media));
  return kept ? cache.match(kept) : undefined;
}

worker.addEventListener('install', (e) => e.waitUntil(worker.skipWaiting()));

worker.addEventListener('activate', (e) =>
  e.waitUntil(
    (async () => {
      for (const name of await caches.keys())
        if (name.startsWith('omnihub-') && name !== SHELL && name !== DATA) await caches.delete(name);
      await worker.clients.claim();
    })(),
  ),
);

worker.addEventListener('fetch', (e) => {
  const request = e.request;
  if (request.method !== 'GET') return;
  const url = new URL(request.url);
  if (url.origin !== worker.location.origin) return;
  const kind = kindOf(url, request.mode === 'navigate');
  if (kind === 'page') e.respondWith(networkFirst(request, SHELL, request.url, shellOf(url)));
  else if (kind === 'asset') e.respondWith(networkFirst(request, SHELL, request.url));
  else if (kind === 'picture') e.respondWith(cacheFirst(request, DATA));
  else if (kind === 'catalog') e.respondWith(networkFirst(request, DATA, request.url));
  else if (kind === 'identity')
    e.respondWith(
      cacheKeyOf(request.url, kind, request.headers.get('authorization')).then((key) =>
        networkFirst(request, DATA, key),
      ),
    );
});

/** Keeps one URL for offline use, unless already kept. */
async function keep(url: URL, warmAuthorization: string | undefined): Promise<void> {
  if (url.origin !== worker.location.origin) return;
  const page = url.pathname.startsWith('/store/') && kindOf(url, false) === null;
  const kind = page ? 'page' : kindOf(url, false);
  if (!kind) return;
  const cacheName = kind === 'page' || kind === 'asset' ? SHELL : DATA;
  const authorization = kind === 'catalog' || kind === 'identity' ? warmAuthorization : undefined;
  const key = kind === 'page' ? shellOf(url) : await cacheKeyOf(url.href, kind, authorization ?? null);
  if (await cached(cacheName, key)) return;
  try {
    await put(cacheName, key, await fetch(url.href, { headers: authorization ? { authorization } : {} }));
  } catch {
    // Offline again: the next visit warms what is missing.
  }
}

interface Warm {
  type: 'warm';
  urls: string[];
  /** The storefront's publishable key, for the catalog answers among the URLs. */
  authorization?: string;
}

/**
 * The page asks for what it loaded before this worker ran (the first visit) and for what a shopper
 * may open next (the products listed), so they open offline too. Already kept: not fetched again.
 */
worker.addEventListener('message', (e) => {
  const data = e.data as Warm | null;
  if (data?.type !== 'warm' || !Array.isArray(data.urls)) return;
  // What opens the app (page, scripts, who the key is) before what it shows (catalog, pictures).
  const urls = data.urls.slice(0, 200).map((href) => new URL(href, worker.location.origin));
  const first = urls.filter((u) => u.pathname === '/api/me' || !u.pathname.startsWith('/api/'));
  const then = urls.filter((u) => !first.includes(u));
  e.waitUntil(
    (async () => {
      await Promise.all(first.map((url) => keep(url, data.authorization)));
      await Promise.all(then.map((url) => keep(url, data.authorization)));
    })(),
  );
});

// Web push: the hub sends a journey message's push variant as { title, body, url } (encrypted for
// this browser, flows/journeys/push-delivery.ts); it shows as a notification that opens its link.
worker.addEventListener('push', (e) => {
  let msg: { title?: unknown; body?: unknown; url?: unknown } = {};
  try {
    msg = (e.data?.json() ?? {}) as typeof msg;
  } catch {
    // Not JSON: shown with the shop's defaults rather than dropped (userVisibleOnly promises a notice).
  }
  const title = typeof msg.title === 'string' && msg.title ? msg.title : 'Omnihub';
  const body = typeof msg.body === 'string' ? msg.body : '';
  const url = typeof msg.url === 'string' ? msg.url : worker.registration.scope;
  e.waitUntil(worker.registration.showNotification(title, { body, data: { url } }));
});

worker.addEventListener('notificationclick', (e) => {
  e.notification.close();
  const url = (e.notification.data as { url?: unknown } | null)?.url;
  // Only http(s) links: a message's link is the shop's own page (a cart, an order).
  if (typeof url === 'string' && /^https?:\/\//.test(url)) e.waitUntil(worker.clients.openWindow(url));
});
