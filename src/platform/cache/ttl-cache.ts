// The one in-process cache: entries live ttlMs after they were set, at most `max` of them (the least
// recently used goes first), and, when stamped with a version, only while that version has not moved
// (a local commit bumps it, so this process never serves its own stale write). Backed by lru-cache.
import { LRUCache } from 'lru-cache';

export interface TtlCacheOptions {
  /** How long an entry is served after it was set (ms); 0 or less caches nothing. */
  ttlMs: number;
  /** The most entries kept. */
  max: number;
  /** Milliseconds now: Date.now unless given (a ctx clock's, so tests can move time). */
  now?: () => number;
}

export interface TtlCache<K, V> {
  /** The value set for the key, unless it expired or (given a version) was set under another. */
  get(key: K, version?: number): V | undefined;
  set(key: K, value: V, version?: number): void;
  /**
   * The cached value, else load() once for every caller that misses the key (under the same version)
   * while it runs: when an entry expires under load, the requests in flight then share one read
   * instead of each making its own (50 concurrent checkouts read the same channel ~25 times). A
   * waiter whose shared load failed loads on its own (the failure may be the first caller's, e.g.
   * its aborted transaction). Undefined results are not cached.
   */
  getOrLoad(key: K, load: () => Promise<V | undefined>, version?: number): Promise<V | undefined>;
  delete(key: K): void;
  clear(): void;
  readonly size: number;
}

interface Entry<V> {
  value: V;
  version: number | undefined;
}

export function createTtlCache<K extends {}, V>(opts: TtlCacheOptions): TtlCache<K, V> {
  if (opts.ttlMs <= 0) return noCache();
  const now = opts.now ?? Date.now;
  // ttlResolution 0: the clock is asked on every read, never a value remembered for a real
  // millisecond, so a test clock that jumps ahead expires entries at once.
  // A bound in entries through maxSize, not max: with max, lru-cache allocates its arrays for every
  // entry up front (~12 MB per process for the hub's caches, mostly empty); these grow as they fill.
  const lru = new LRUCache<K, Entry<V>>({
    maxSize: opts.max,
    sizeCalculation: () => 1,
    ttl: opts.ttlMs,
    ttlResolution: 0,
    perf: { now },
  });
  const loading = new Map<K, { version: number | undefined; value: Promise<V | undefined> }>();
  const get = (key: K, version: number | undefined) => {
    const hit = lru.get(key);
    if (!hit) return undefined;
    if (hit.version !== version) {
      lru.delete(key);
      return undefined;
    }
    return hit.value;
  };
  const set = (key: K, value: V, version: number | undefined) => void lru.set(key, { value, version });
  return {
    get,
    set,
    async getOrLoad(key, load, version) {
      const hit = get(key, version);
      if (hit !== undefined) return hit;
      const pending = loading.get(key);
      if (pending && pending.version === version) {
        try {
          return await pending.value;
        } catch {
          return load();
        }
      }
      const value = load();
      const entry = { version, value };
      loading.set(key, entry);
      try {
        const v = await value;
        if (v !== undefined) set(key, v, version);
        return v;
      } finally {
        if (loading.get(key) === entry) loading.delete(key);
      }
    },
    // A load in flight is not joined after the key was dropped (it may read what was just changed).
    delete: (key) => {
      lru.delete(key);
      loading.delete(key);
    },
    clear: () => {
      lru.clear();
      loading.clear();
    },
    get size() {
      return lru.size;
    },
  };
}

const noCache = <K, V>(): TtlCache<K, V> => ({
  get: () => undefined,
  set: () => undefined,
  getOrLoad: (_key, load) => load(),
  delete: () => undefined,
  clear: () => undefined,
  size: 0,
});
