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
  return {
    get(key, version) {
      const hit = lru.get(key);
      if (!hit) return undefined;
      if (hit.version !== version) {
        lru.delete(key);
        return undefined;
      }
      return hit.value;
    },
    set: (key, value, version) => void lru.set(key, { value, version }),
    delete: (key) => void lru.delete(key),
    clear: () => lru.clear(),
    get size() {
      return lru.size;
    },
  };
}

const noCache = <K, V>(): TtlCache<K, V> => ({
  get: () => undefined,
  set: () => undefined,
  delete: () => undefined,
  clear: () => undefined,
  size: 0,
});
