// A small read-through cache for what channels show (channel records and catalog pages, never
// availability, which is read live on every request). An entry is valid while its version has not
// moved since it was read (for pages: the catalog's own commit counter, so stock or customer
// traffic does not flush it; for channels: any commit with events) and it is younger than ttlMs,
// which bounds how late a change made by another hub process shows here. Concurrent misses share
// one read.
import type { Clock } from '../../kernel/index.js';
import { createTtlCache, type TtlCache } from '../../platform/cache/ttl-cache.js';
import type { Ctx } from '../../platform/context.js';

export interface ViewCacheOptions {
  /** 0 disables the cache. */
  ttlMs: number;
  maxEntries: number;
}

/** One database's entries, timed by the clock of the context that reads them now. */
interface DatabaseEntries {
  entries: TtlCache<string, Promise<unknown>>;
  clock: Clock;
}

export class ViewCache {
  // Per database: versions of different databases' notifiers are unrelated numbers.
  private byDatabase = new WeakMap<object, DatabaseEntries>();
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
    const db = this.entriesOf(ctx);
    db.clock = ctx.clock;
    const { entries } = db;
    const current = version(ctx);
    const hit = entries.get(key, current) as Promise<T> | undefined;
    if (hit) {
      this.hits++;
      return hit;
    }
    this.misses++;
    // The version is taken before reading: a commit during the read makes this entry stale at once.
    const value = read();
    entries.set(key, value, current);
    value.catch(() => {
      if (entries.get(key, current) === value) entries.delete(key);
    });
    return value;
  }

  private entriesOf(ctx: Ctx): DatabaseEntries {
    let db = this.byDatabase.get(ctx.database);
    if (!db) {
      const made: DatabaseEntries = {
        clock: ctx.clock,
        entries: createTtlCache({
          ttlMs: this.opts.ttlMs,
          max: this.opts.maxEntries,
          now: () => made.clock.now().getTime(),
        }),
      };
      db = made;
      this.byDatabase.set(ctx.database, db);
    }
    return db;
  }
}
