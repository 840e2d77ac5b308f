// The storefront as an installable app: registers the service worker (sw.ts) and tells it what the
// page loaded before the worker ran and which products a shopper may open next, so those open
// offline too. Add-to-cart while offline is queued here, per channel, until the network is back.

import { useSyncExternalStore } from 'react';

// Whether the shop is offline: the browser says so, or the worker answered from its cache, or a
// request failed on the network (browsers often report "online" on a network that answers nothing).
let offline = typeof navigator !== 'undefined' && !navigator.onLine;
const listeners = new Set<() => void>();

export function setOffline(value: boolean): void {
  if (offline === value) return;
  offline = value;
  for (const listener of listeners) listener();
}

export function useOffline(): boolean {
  return useSyncExternalStore(
    (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    () => offline,
  );
}

/** Registers /store/sw.js for every storefront of this hub; a browser without workers goes on. */
export function registerServiceWorker(): void {
  window.addEventListener('online', () => setOffline(false));
  window.addEventListener('offline', () => setOffline(true));
  if (!('serviceWorker' in navigator)) return;
  navigator.serviceWorker.addEventListener('message', (e: MessageEvent) => {
    const data = e.data as { type?: string; online?: boolean } | null;
    if (data?.type === 'network' && typeof data.online === 'boolean') setOffline(!data.online);
  });
  // Listening with addEventListener does not start the queue (only onmessage does): start it.
  navigator.serviceWorker.startMessages();
  navigator.serviceWorker.register('/store/sw.js', { scope: '/store/' }).then(
    async () => {
      const container = navigator.serviceWorker;
      if (!container.controller)
        await new Promise((resolve) =>
          container.addEventListener('controllerchange', resolve, { once: true }),
        );
      // The first visit ran before the worker: keep its page, scripts, styles, pictures and answers
      // now. What was still loading when the worker took over never passed through it either (no
      // workerStart): it is kept as it finishes, or the product list loading then would be missing.
      const unseen = (list: PerformanceEntryList) =>
        (list as PerformanceResourceTiming[])
          .filter((e) => !e.workerStart && new URL(e.name).origin === location.origin)
          .map((e) => e.name);
      new PerformanceObserver((list) => warmOfflineCache(unseen(list.getEntries()))).observe({
        type: 'resource',
      });
      warmOfflineCache([location.pathname, ...unseen(performance.getEntriesByType('resource'))]);
    },
    () => undefined, // no worker (private mode, unsupported): the shop works online as before
  );
}

/**
 * Asks the worker to keep these URLs (catalog answers with the channel's publishable key). On the
 * first visit the page usually lists products before the worker has taken it over: the request then
 * waits for the worker instead of being dropped.
 */
export function warmOfflineCache(urls: string[], key?: string): void {
  const container = typeof navigator !== 'undefined' ? navigator.serviceWorker : undefined;
  if (!container || offline || urls.length === 0) return;
  const stored =
    key ?? document.querySelector<HTMLMetaElement>('meta[name="omnihub-publishable-key"]')?.content;
  const message = { type: 'warm', urls, ...(stored ? { authorization: `Bearer ${stored}` } : {}) };
  if (container.controller) container.controller.postMessage(message);
  else
    container.addEventListener('controllerchange', () => container.controller?.postMessage(message), {
      once: true,
    });
}

export interface QueuedLine {
  sku: string;
  quantity: number;
}

const queueKey = (channelCode: string) => `omnihub.offlineCart.${channelCode}`;

/** Lines the shopper added while offline, oldest first. */
export function queuedLines(channelCode: string): QueuedLine[] {
  try {
    const lines = JSON.parse(localStorage.getItem(queueKey(channelCode)) ?? '[]') as unknown;
    return Array.isArray(lines)
      ? lines.filter(
          (l): l is QueuedLine =>
            typeof l?.sku === 'string' && Number.isInteger(l?.quantity) && l.quantity > 0,
        )
      : [];
  } catch {
    return [];
  }
}

export function saveQueuedLines(channelCode: string, lines: QueuedLine[]): void {
  if (lines.length) localStorage.setItem(queueKey(channelCode), JSON.stringify(lines));
  else localStorage.removeItem(queueKey(channelCode));
}

/** A request that never reached the hub (offline, network down), not an answer from it. */
export function isNetworkFailure(err: unknown): boolean {
  const failed = err instanceof TypeError || !navigator.onLine;
  if (failed) setOffline(true);
  return failed;
}
