// What channels show (channel records, listing pages, product pages, serialized), kept in process and
// dropped by the events that change it: an entry carries tags (its channel, products and SKUs) and
// the follower (view-cache-follower.ts) reads every committed catalog, inventory, media and channel
// event from the log, on this node or any other, and drops the entries its tags name
// (cache-invalidation.ts). A read is served from memory only once the follower has read the log past
// every commit this process has been told of (the notifier's version), so a change made through this
// node shows on its next read, and one made elsewhere as soon as the wake-up (NATS, the cluster
// primary) or the follower's poll arrives. Memory is bounded by size (lru-cache, least recently used
// first); ttlMs is a backstop against a write that emitted no event. Without a follower on the
// reading database, or inside a transaction, every read goes to the database.
import { LRUCache } from 'lru-cache';
import type { Ctx } from '../../platform/context.js';
import type { Database } from '../../platform/db/database.js';

export interface ViewCacheOptions {
  /** Most characters (bytes of kept JSON) of entries kept (0 disables the cache). */
  maxSize: number;
  /** How long an entry may live without an event dropping it. */
  ttlMs: number;
  /**
   * How long a read waits for the follower to catch up before reading the database instead; 0: it
   * reads the database at once (a follower far behind, after a large import or under steady
   * writes, would otherwise hold every read for this long).
   */
  waitMs: number;
}

interface Entry {
  value: unknown;
  tags: string[];
  size: number;
}

interface Waiter {
  version: number;
  resolve: (caughtUp: boolean) => void;
}

/** Roughly what an object costs per thing it shows (its channel, each product and variant), in characters. */
const OBJECT_SIZE_PER_TAG = 400;

/** Characters of a string, what a sized value says it holds (kept JSON), else an estimate per tag. */
function sizeOf(value: unknown, tags: number): number {
  if (typeof value === 'string') return value.length;
  const declared = (value as { cacheSize?: unknown } | null)?.cacheSize;
  return typeof declared === 'number' ? declared : OBJECT_SIZE_PER_TAG * tags;
}

export class ViewCache {
  private readonly lru: LRUCache<string, Entry> | null;
  private readonly byTag = new Map<string, Set<string>>();
  /** Reads in progress, shared by concurrent misses of one key until the next invalidation. */
  private loading = new Map<string, Promise<unknown>>();
  /** Invalidations while reads are in progress: a read that overlapped one of its tags is not kept. */
  private recent: Array<{ seq: number; tags: Set<string> | 'all' }> = [];
  private readonly readsStartedAt = new Map<symbol, number>();
  private seq = 0;
  private database: Database | null = null;
  /** The notifier version before the follower's last complete read of the log (-1: none yet). */
  private appliedVersion = -1;
  private waiters: Waiter[] = [];
  /** A read found the follower behind and went to the database (waitMs 0): the follower should read. */
  private behind = false;
  /** Wakes the follower: a read is waiting for it. */
  private wakeFollower: () => void = () => {};
  readonly stats = { hits: 0, misses: 0, uncached: 0, dropped: 0, cleared: 0 };

  constructor(private readonly opts: ViewCacheOptions) {
    this.lru =
      opts.maxSize > 0
        ? new LRUCache<string, Entry>({
            maxSize: opts.maxSize,
            sizeCalculation: (e) => e.size,
            ttl: opts.ttlMs,
            dispose: (e, key) => this.unindex(key, e.tags),
          })
        : null;
  }

  get size(): number {
    return this.lru?.size ?? 0;
  }

  /**
   * The value for key, from memory when it is current, else read (and kept, tagged by tagsOf,
   * unless an event for one of its tags arrived while it was being read; tagsOf null: not kept).
   */
  async get<T>(
    ctx: Ctx,
    key: string,
    read: () => Promise<T>,
    tagsOf: (value: T) => string[] | null,
  ): Promise<T> {
    if (!this.lru || !(await this.current(ctx))) {
      this.stats.uncached++;
      return read();
    }
    const hit = this.lru.get(key);
    if (hit) {
      this.stats.hits++;
      return hit.value as T;
    }
    const pending = this.loading.get(key);
    if (pending) {
      this.stats.hits++;
      return pending as Promise<T>;
    }
    this.stats.misses++;
    const token = Symbol(key);
    const startedAt = this.seq;
    this.readsStartedAt.set(token, startedAt);
    const value = read();
    this.loading.set(key, value);
    try {
      const v = await value;
      const tags = tagsOf(v);
      if (tags && !this.droppedSince(startedAt, tags)) {
        const size = sizeOf(v, tags.length);
        this.lru.set(key, { value: v, tags, size: Math.max(1, size) });
        // an entry larger than the whole cache is not kept
        if (this.lru.has(key))
          for (const tag of tags) {
            const keys = this.byTag.get(tag);
            if (keys) keys.add(key);
            else this.byTag.set(tag, new Set([key]));
          }
      }
      return v;
    } finally {
      if (this.loading.get(key) === value) this.loading.delete(key);
      this.readsStartedAt.delete(token);
      this.pruneRecent();
    }
  }

  /** Drops the entries tagged with any of tags, or every entry. */
  invalidate(tags: string[] | 'all'): void {
    if (tags !== 'all' && tags.length === 0) return;
    this.seq++;
    this.loading = new Map();
    if (this.readsStartedAt.size > 0)
      this.recent.push({ seq: this.seq, tags: tags === 'all' ? 'all' : new Set(tags) });
    if (tags === 'all') {
      this.stats.cleared++;
      this.lru?.clear();
      this.byTag.clear();
      return;
    }
    for (const tag of tags) {
      const keys = this.byTag.get(tag);
      if (!keys) continue;
      for (const key of [...keys]) {
        this.stats.dropped++;
        this.lru?.delete(key);
      }
    }
  }

  /** Whether reads are waiting for the follower, or went to the database because it was behind. */
  get waiting(): boolean {
    return this.waiters.length > 0 || this.behind;
  }

  /** The follower's wake-up, called when a read starts waiting for it. */
  onWait(wake: () => void): void {
    this.wakeFollower = wake;
  }

  /** The follower of `database` has read the log past everything notified before `version`. */
  caughtUp(database: Database, version: number): void {
    if (this.database !== database) {
      this.database = database;
      this.invalidate('all');
    }
    this.appliedVersion = Math.max(this.appliedVersion, version);
    this.behind = false;
    const ready = this.waiters.filter((w) => w.version <= this.appliedVersion);
    this.waiters = this.waiters.filter((w) => w.version > this.appliedVersion);
    for (const w of ready) w.resolve(true);
  }

  /** The follower stopped: nothing is served from memory any more. */
  detach(): void {
    this.database = null;
    this.appliedVersion = -1;
    this.behind = false;
    this.wakeFollower = () => {};
    this.invalidate('all');
    for (const w of this.waiters.splice(0)) w.resolve(false);
  }

  /** Whether memory holds every change this process has heard of, waiting briefly for the follower. */
  private current(ctx: Ctx): Promise<boolean> | boolean {
    if (ctx.inTx || this.database !== ctx.database) return false;
    const version = ctx.database.notifier.version;
    if (this.appliedVersion >= version) return true;
    if (this.opts.waitMs <= 0) {
      // Read the database now, and have the follower catch up for the reads after this one.
      this.behind = true;
      this.wakeFollower();
      return false;
    }
    return new Promise<boolean>((resolve) => {
      const timer = setTimeout(() => {
        this.waiters = this.waiters.filter((w) => w !== waiter);
        resolve(false);
      }, this.opts.waitMs);
      const waiter: Waiter = {
        version,
        resolve: (ok) => {
          clearTimeout(timer);
          resolve(ok);
        },
      };
      this.waiters.push(waiter);
      this.wakeFollower();
    });
  }

  private droppedSince(startedAt: number, tags: string[]): boolean {
    return this.recent.some(({ seq, tags: dropped }) => {
      if (seq <= startedAt) return false;
      return dropped === 'all' || tags.some((t) => dropped.has(t));
    });
  }

  private pruneRecent(): void {
    if (this.readsStartedAt.size === 0) {
      this.recent = [];
      return;
    }
    const oldest = Math.min(...this.readsStartedAt.values());
    if (this.recent.length && this.recent[0]!.seq <= oldest)
      this.recent = this.recent.filter((r) => r.seq > oldest);
  }

  private unindex(key: string, tags: string[]): void {
    for (const tag of tags) {
      const keys = this.byTag.get(tag);
      if (!keys) continue;
      keys.delete(key);
      if (keys.size === 0) this.byTag.delete(tag);
    }
  }
}
