// A small read-through cache for what channels show (channel records and catalog pages, never
// availability, which is read live on every request). An entry is valid while its version has not
// moved since it was read (for pages: the catalog's own commit counter, so stock or customer
// traffic does not flush it; for channels: any commit with events) and it is younger than ttlMs,
// which bounds how late a change made by another hub process shows here. Concurrent misses share
// one read.
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

  /** `version` says what invalidates the entry; by default any commit with events. */
  async get<T>(
    ctx: Ctx,
    key: string,
    read: () => Promise<T>,
    version: (ctx: Ctx) => number = (c) => c.database.notifier.version,
  ): Promise<T> {
    if (this.opts.ttlMs <= 0 || ctx.inTx) return read();
    let entries = this.byDatabase.get(ctx.database);
    if (!entries) {
      entries = new Map();
      this.byDatabase.set(ctx.database, entries);
    }
    const current = version(ctx);
    const now = ctx.clock.now().getTime();
    const hit = entries.get(key) as Entry<T> | undefined;
    if (hit && hit.version === current && now - hit.at < this.opts.ttlMs) {
      this.hits++;
      return hit.value;
    }
    this.misses++;
    // The version is taken before reading: a commit during the read makes this entry stale at once.
    const value = read();
    const entry: Entry<T> = { version: current, at: now, value };
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
