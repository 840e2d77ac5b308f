// Windows of the log shared by a process's consumers and followers. Every read extends a window
// from its newest event (or from where it was last read to), so each committed event is read from
// the database and parsed about once per process, however many consumers need it. Before, each
// wake-up read from the reader's own cursor to the horizon: at checkout load every event row was
// read about five times (~100 rows of ~750 bytes per order). Readers far apart (a catch-up, where
// fast consumers run ahead of slow ones) each keep a window of their own, at most MAX_WINDOWS:
// with one window, the slow reader's read replaced it and the fast one read its way back from
// there, so a 100,000-event catch-up read 2.2 million rows. A reader filtering by subject or
// channel reads on its own.
import type { Database } from '../db/database.js';
import { type Cursor, type ReadOptions, readEvents, type StoredEvent } from './event-log.js';

/** Rows one read takes at most, and events a window keeps (older ones are dropped from its start). */
export interface WindowSizes {
  page: number;
  keep: number;
}
const SIZES: WindowSizes = { page: 1000, keep: 4000 };
/** Windows kept at once; more are dropped least recently used first, and any unused for IDLE_MS. */
const MAX_WINDOWS = 4;
const IDLE_MS = 10_000;

interface LogWindow {
  /** Every committed event after `from`, below the horizon of the newest read, is in `events`. */
  from: Cursor;
  /** The newest event read (`from` until the first read is back): readers from `from` to here use it. */
  end: Cursor;
  settled: boolean;
  /** The notifier's version when the newest read began: it holds everything committed before that. */
  version: number;
  startedAt: number;
  usedAt: number;
  /** In log order; `full`: the newest read stopped at the page size (there may be more). */
  events: Promise<{ list: StoredEvent[]; full: boolean }>;
}
const windowsOf = new WeakMap<Database, LogWindow[]>();

const after = (a: Cursor, b: Cursor) => a.txId > b.txId || (a.txId === b.txId && a.position > b.position);
const holds = (w: LogWindow, c: Cursor) => !after(w.from, c) && !after(c, w.end);

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

/** Puts `next` where `old` was (or adds it, dropping the least recently used past MAX_WINDOWS). */
function replaceWindow(database: Database, old: LogWindow | undefined, next: LogWindow | undefined): void {
  const list = windowsOf.get(database) ?? [];
  const i = old ? list.indexOf(old) : -1;
  if (i >= 0) {
    if (next) list[i] = next;
    else list.splice(i, 1);
  } else if (next && !old) {
    list.push(next);
    if (list.length > MAX_WINDOWS) list.splice(list.indexOf(leastRecentlyUsed(list)), 1);
  }
  windowsOf.set(database, list);
}

const leastRecentlyUsed = (list: LogWindow[]) => list.reduce((a, b) => (b.usedAt < a.usedAt ? b : a));

/** A window read afresh from `from`, or `base` extended by what was committed since. */
function readWindow(
  database: Database,
  from: Cursor,
  base: LogWindow | undefined,
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
      const fresh = await readEvents(database.db, { after: newest, limit: sizes.page, serialized });
      return { list: fresh.length === 0 ? kept : kept.concat(fresh), full: fresh.length === sizes.page };
    })(),
  };
  replaceWindow(database, base, w);
  w.events.then(
    ({ list, full }) => {
      w.settled = true;
      if (list.length) w.end = list[list.length - 1]!;
      // Trimmed once read: readers that are further behind read a window of their own.
      if (list.length > sizes.keep && (windowsOf.get(database) ?? []).includes(w)) {
        const dropped = list.length - sizes.keep;
        const trimmed = list.slice(dropped);
        replaceWindow(database, w, {
          ...w,
          from: list[dropped - 1]!,
          events: Promise.resolve({ list: trimmed, full }),
        });
      }
    },
    () => replaceWindow(database, w, undefined),
  );
  return w;
}

/**
 * The window holding `from` (the one reaching furthest), extended when read before `seen` or longer
 * ago than maxAgeMs; a new one from `from` when none holds it, once the reads under way have ended.
 */
async function windowFor(
  database: Database,
  from: Cursor,
  seen: number,
  maxAgeMs: number,
  sizes: WindowSizes,
): Promise<LogWindow> {
  for (let waited = false; ; waited = true) {
    const now = Date.now();
    const list = (windowsOf.get(database) ?? []).filter((w) => now - w.usedAt < IDLE_MS || !w.settled);
    windowsOf.set(database, list);
    const holding = list.filter((w) => holds(w, from)).sort((a, b) => (after(a.end, b.end) ? -1 : 1))[0];
    if (holding) {
      holding.usedAt = now;
      if (holding.version < seen || now - holding.startedAt >= maxAgeMs)
        return readWindow(database, holding.from, holding, sizes);
      return holding;
    }
    // A read under way may end past `from`: wait for it rather than read the same rows again.
    const underWay = waited ? undefined : list.find((w) => !w.settled && !after(w.from, from));
    if (!underWay) return readWindow(database, from, undefined, sizes);
    await underWay.events.catch(() => {});
  }
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
  let { list, full } = await (await windowFor(database, from, seen, maxAgeMs, sizes)).events;
  let start = firstAfter(list, from);
  // At the end of a read that stopped at the page size: read on from there.
  if (start === list.length && full) {
    ({ list } = await (await windowFor(database, from, Number.POSITIVE_INFINITY, maxAgeMs, sizes)).events);
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
