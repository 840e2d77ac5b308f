// One window of the log per process, shared by its consumers and followers. Every read extends it
// from its newest event (or from where it was last read to), so each committed event is read from
// the database and parsed once per process, however many consumers need it and however far apart
// their cursors are. Before, each wake-up read from the reader's own cursor to the horizon: at
// checkout load every event row was read about five times (~100 rows of ~750 bytes per order).
// A reader a little behind the window's start (up to a page) reads it afresh from its cursor (the
// others then extend it). A reader further behind (a catch-up, where fast consumers run ahead of
// slow ones) reads through a catch-up window of its own instead: replacing the shared
// window sent the fast readers back to read their way forward again, and a 100,000-event catch-up
// read 2.2 million rows. A reader filtering by subject or channel reads on its own.
import type { Database } from '../db/database.js';
import { type Cursor, type ReadOptions, readEvents, type StoredEvent } from './event-log.js';
import { HELD_BACK_POLL_MS, readFollowing } from './event-scan.js';

/** Rows one read takes at most, and events a window keeps (older ones are dropped from its start). */
export interface WindowSizes {
  page: number;
  keep: number;
}
const SIZES: WindowSizes = { page: 1000, keep: 4000 };
/** Catch-up windows kept at once (the least recently used goes), and how long an unused one stays. */
const MAX_CATCH_UP = 3;
const IDLE_MS = 10_000;

interface LogWindow {
  /** Every committed event after `from`, below the horizon of the newest read, is in `events`. */
  from: Cursor;
  /** The newest event read (`from` until the first read is back). */
  end: Cursor;
  settled: boolean;
  /** The notifier's version when the newest read began: it holds everything committed before that. */
  version: number;
  startedAt: number;
  usedAt: number;
  /** In log order; `full`: the newest read stopped at the page size (there may be more). */
  events: Promise<{ list: StoredEvent[]; full: boolean }>;
}

/** Where a window is kept: the process's shared one, or its catch-up windows. */
interface WindowStore {
  /** Puts `next` in place of `old` (a new window when `old` is undefined); drops `old` without `next`. */
  put(old: LogWindow | undefined, next: LogWindow | undefined): void;
  has(w: LogWindow): boolean;
}

const sharedOf = new WeakMap<Database, LogWindow>();
const catchUpOf = new WeakMap<Database, LogWindow[]>();

const sharedStore = (database: Database): WindowStore => ({
  put: (old, next) => {
    if (next) sharedOf.set(database, next);
    else if (old && sharedOf.get(database) === old) sharedOf.delete(database);
  },
  has: (w) => sharedOf.get(database) === w,
});

const catchUpStore = (database: Database): WindowStore => ({
  put: (old, next) => {
    const list = catchUpOf.get(database) ?? [];
    const i = old ? list.indexOf(old) : -1;
    if (i >= 0 && next) list[i] = next;
    else if (i >= 0) list.splice(i, 1);
    else if (next && !old) {
      list.push(next);
      if (list.length > MAX_CATCH_UP) {
        const lru = list.reduce((a, b) => (b.usedAt < a.usedAt ? b : a));
        list.splice(list.indexOf(lru), 1);
      }
    }
    catchUpOf.set(database, list);
  },
  has: (w) => (catchUpOf.get(database) ?? []).includes(w),
});

const after = (a: Cursor, b: Cursor) => a.txId > b.txId || (a.txId === b.txId && a.position > b.position);

function typeMatcher(types: string[] | undefined): (e: StoredEvent) => boolean {
  if (!types?.length) return () => true;
  const exact = new Set(types.filter((t) => !t.endsWith('*')));
  const prefixes = types.filter((t) => t.endsWith('*')).map((t) => t.slice(0, -1));
  return (e) => exact.has(e.type) || prefixes.some((p) => e.type.startsWith(p));
}

/** The index of the first event after `c` (binary search; the list is in log order). */
function firstAfter(list: StoredEvent[], c: Cursor): number {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (after(list[mid]!, c)) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

/** A window read afresh from `from`, or `base` extended by what was committed since. */
function readWindow(
  database: Database,
  from: Cursor,
  base: LogWindow | undefined,
  store: WindowStore,
  sizes: WindowSizes,
): LogWindow {
  const serialized = database.kind === 'pglite';
  const now = Date.now();
  const w: LogWindow = {
    from,
    end: base?.end ?? from,
    settled: false,
    version: database.notifier.version,
    startedAt: now,
    usedAt: now,
    events: (async () => {
      const kept = base ? (await base.events).list : [];
      const newest = kept.length ? kept[kept.length - 1]! : from;
      const read = await readFollowing(database.db, { after: newest, limit: sizes.page, serialized });
      // Held back by a transaction that ended as it ran: its readers look again soon, unless a commit
      // wakes them first (as one of ours does; another database's does not).
      if (read.heldByEnded) database.notifier.notifyUnlessSooner(HELD_BACK_POLL_MS);
      const fresh = read.events;
      return { list: fresh.length === 0 ? kept : kept.concat(fresh), full: fresh.length === sizes.page };
    })(),
  };
  store.put(base, w);
  w.events.then(
    ({ list, full }) => {
      w.settled = true;
      if (list.length) w.end = list[list.length - 1]!;
      // Trimmed once read: readers that are further behind read it afresh, or a window of their own.
      if (list.length > sizes.keep && store.has(w)) {
        const dropped = list.length - sizes.keep;
        store.put(w, {
          ...w,
          from: list[dropped - 1]!,
          events: Promise.resolve({ list: list.slice(dropped), full }),
        });
      }
    },
    () => store.has(w) && store.put(w, undefined),
  );
  return w;
}

const stale = (w: LogWindow, seen: number, maxAgeMs: number) =>
  w.version < seen || Date.now() - w.startedAt >= maxAgeMs;

/** What a reader asks a window for: events after `from`, read after `seen` and within maxAgeMs. */
interface WindowAsk {
  from: Cursor;
  seen: number;
  maxAgeMs: number;
  sizes: WindowSizes;
}

/** The shared window holding `from`, extended when read before `seen` or longer ago than maxAgeMs. */
function windowFor(database: Database, ask: WindowAsk): LogWindow {
  const { from, seen, maxAgeMs, sizes } = ask;
  const w = sharedOf.get(database);
  if (w && after(w.from, from) && w.from.position - from.position > sizes.page)
    return catchUpWindowFor(database, ask);
  if (!w || after(w.from, from)) return readWindow(database, from, undefined, sharedStore(database), sizes);
  if (stale(w, seen, maxAgeMs)) return readWindow(database, w.from, w, sharedStore(database), sizes);
  return w;
}

/**
 * The catch-up window serving a reader far behind the shared one: one that starts at or before it
 * and ends at most a page before it (positions are one sequence, so their difference counts the
 * events between), else a new one from its cursor.
 */
function catchUpWindowFor(database: Database, { from, seen, maxAgeMs, sizes }: WindowAsk): LogWindow {
  const now = Date.now();
  const list = (catchUpOf.get(database) ?? []).filter((w) => !w.settled || now - w.usedAt < IDLE_MS);
  catchUpOf.set(database, list);
  const store = catchUpStore(database);
  const serving = list
    .filter(
      (w) => !after(w.from, from) && (!after(from, w.end) || from.position - w.end.position <= sizes.page),
    )
    .sort((a, b) => (after(a.end, b.end) ? -1 : 1))[0];
  if (!serving) return readWindow(database, from, undefined, store, sizes);
  serving.usedAt = now;
  return stale(serving, seen, maxAgeMs) ? readWindow(database, serving.from, serving, store, sizes) : serving;
}

/**
 * The consumer's next events after `from` (matching its type filter) and how far the log was
 * scanned: a consumer whose filter matched nothing can move its cursor past what it skipped.
 * `seen`: the notifier's version the caller has seen (a window read before it is extended first).
 * Also for followers of the log that are not consumers (no cursor of their own in the database).
 */
export async function readShared(
  database: Database,
  from: Cursor,
  filter: Omit<ReadOptions, 'after' | 'limit'> | undefined,
  limit: number,
  seen: number,
  /**
   * How old a window may be: the caller's poll interval. Other nodes' commits arrive without a local
   * notification, found by polling; the consumers' polls, each on its own timer, then share one read
   * per interval instead of one each.
   */
  maxAgeMs: number,
  sizes: WindowSizes = SIZES,
): Promise<{ events: StoredEvent[]; scannedTo: Cursor }> {
  const serialized = database.kind === 'pglite';
  if (filter?.subject || filter?.channelId) {
    const events = await readEvents(database.db, { ...filter, after: from, limit, serialized });
    return { events, scannedTo: events.length ? events[events.length - 1]! : from };
  }
  let { list, full } = await windowFor(database, { from, seen, maxAgeMs, sizes }).events;
  let start = firstAfter(list, from);
  // At the end of a read that stopped at the page size: read on from there.
  if (start === list.length && full) {
    ({ list } = await windowFor(database, { from, seen: Number.POSITIVE_INFINITY, maxAgeMs, sizes }).events);
    start = firstAfter(list, from);
  }
  const matches = typeMatcher(filter?.types);
  const events: StoredEvent[] = [];
  for (let i = start; i < list.length; i++) {
    const e = list[i]!;
    if (!matches(e)) continue;
    events.push(e);
    if (events.length === limit) return { events, scannedTo: e };
  }
  const last = list[list.length - 1];
  return { events, scannedTo: last && after(last, from) ? last : from };
}
