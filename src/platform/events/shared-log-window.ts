// One window of the log per process, shared by its consumers and followers. Every read extends it
// from its newest event (or from where it was last read to), so each committed event is read from
// the database and parsed once per process, however many consumers need it and however far apart
// their cursors are. Before, each wake-up read from the reader's own cursor to the horizon: at
// checkout load every event row was read about five times (~100 rows of ~750 bytes per order).
// A reader behind the window's start, or filtering by subject or channel, reads on its own.
import type { Database } from '../db/database.js';
import { type Cursor, type ReadOptions, readEvents, type StoredEvent } from './event-log.js';

/** Rows one read takes at most; a read that got this many is continued by the next. */
const PAGE = 1000;
/** Events the window keeps; older ones are dropped from its start (readers behind read alone). */
const KEEP = 4000;

interface LogWindow {
  /** Every committed event after `from`, below the horizon of the newest read, is in `events`. */
  from: Cursor;
  /** The notifier's version when the newest read began: it holds everything committed before that. */
  version: number;
  startedAt: number;
  /** In log order; `full`: the newest read stopped at the page size (there may be more). */
  events: Promise<{ list: StoredEvent[]; full: boolean }>;
}
const windows = new WeakMap<Database, LogWindow>();

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

/** A window read afresh from `from`, or the current one extended by what was committed since. */
function readWindow(database: Database, from: Cursor, base: LogWindow | undefined): LogWindow {
  const serialized = database.kind === 'pglite';
  const version = database.notifier.version;
  const events = (async () => {
    const kept = base ? (await base.events).list : [];
    const end = kept.length ? kept[kept.length - 1]! : from;
    const fresh = await readEvents(database.db, { after: end, limit: PAGE, serialized });
    return { list: fresh.length === 0 ? kept : kept.concat(fresh), full: fresh.length === PAGE };
  })();
  const w: LogWindow = { from, version, startedAt: Date.now(), events };
  windows.set(database, w);
  events.then(
    ({ list, full }) => {
      // Trimmed once read: readers that are further behind read on their own.
      if (list.length > KEEP && windows.get(database) === w) {
        const dropped = list.length - KEEP;
        windows.set(database, {
          ...w,
          from: list[dropped - 1]!,
          events: Promise.resolve({ list: list.slice(dropped), full }),
        });
      }
    },
    () => windows.get(database) === w && windows.delete(database),
  );
  return w;
}

/** The window holding `from`, extended when read before `seen` or longer ago than maxAgeMs. */
function windowFor(database: Database, from: Cursor, seen: number, maxAgeMs: number): LogWindow {
  const w = windows.get(database);
  if (!w || after(w.from, from)) return readWindow(database, from, undefined);
  if (w.version < seen || Date.now() - w.startedAt >= maxAgeMs) return readWindow(database, w.from, w);
  return w;
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
): Promise<{ events: StoredEvent[]; scannedTo: Cursor }> {
  const serialized = database.kind === 'pglite';
  if (filter?.subject || filter?.channelId) {
    const events = await readEvents(database.db, { ...filter, after: from, limit, serialized });
    return { events, scannedTo: events.length ? events[events.length - 1]! : from };
  }
  let { list, full } = await windowFor(database, from, seen, maxAgeMs).events;
  let start = firstAfter(list, from);
  // At the end of a read that stopped at the page size: read on from there.
  if (start === list.length && full) {
    ({ list } = await windowFor(database, from, Number.POSITIVE_INFINITY, maxAgeMs).events);
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
