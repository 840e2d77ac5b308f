// A small read-through cache for what channels show (channel records and catalog pages, never
// availability, which is read live on every request). An entry is valid only while no event has
// committed since it was read: ctx.database.notifier.version moves on every commit with events in
// this process (and on other nodes' commits when NATS is configured); without NATS, a change made
// by another hub process shows here after at most ttlMs. Concurrent misses share one read.
import type { Ctx } from '../../platform/context.js';

interface Entry<T> {
  version: number;
  at: number;
  value: Promise<T>;
}

export interface ViewCacheOptions {
  /** 0 disables the cache. */
  ttlMs: number;
  maxEntries: number;
}

export class ViewCache {
  // Per database: versions of different databases' notifiers are unrelated numbers.
  private byDatabase = new WeakMap<object, Map<string, Entry<unknown>>>();
  hits = 0;
  misses = 0;

  constructor(private readonly opts: ViewCacheOptions) {}

  async get<T>(ctx: Ctx, key: string, read: () => Promise<T>): Promise<T> {
    if (this.opts.ttlMs <= 0 || ctx.inTx) return read();
    let entries = this.byDatabase.get(ctx.database);
    if (!entries) {
      entries = new Map();
      this.byDatabase.set(ctx.database, entries);
    }
    const version = ctx.database.notifier.version;
    const now = ctx.clock.now().getTime();
    const hit = entries.get(key) as Entry<T> | undefined;
    if (hit && hit.version === version && now - hit.at < this.opts.ttlMs) {
      this.hits++;
      return hit.value;
    }
    this.misses++;
    // The version is taken before reading: a commit during the read makes this entry stale at once.
    const value = read();
    const entry: Entry<T> = { version, at: now, value };
    entries.delete(key);
    entries.set(key, entry);
    if (entries.size > this.opts.maxEntries) entries.delete(entries.keys().next().value!);
    const own = entries;
    value.catch(() => {
      if (own.get(key) === entry) own.delete(key);
    });
    return value;
  }
}
