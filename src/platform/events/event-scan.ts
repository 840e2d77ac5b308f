// Filtered reads of the log that may start far behind its head. The log has no index on type (it
// would cost every append an index entry for the few readers that filter by type), so a read by
// type or channel walks the log in order from its cursor: scanEvents walks at most a bounded
// number of events per call and says how far it got, so a filter that matches seldom costs each
// call a bounded walk instead of one over the whole log, and the next call starts past it.
import { sql } from 'drizzle-orm';
import { type Executor, rows } from '../db/database.js';
import {
  type Cursor,
  cursorOf,
  type EventSqlRow,
  eventFilters,
  HORIZON,
  HORIZON_HOLDER,
  headCursor,
  LOG_START,
  RETURNING,
  type ReadOptions,
  readEvents,
  readHorizon,
  runningHere,
  type StoredEvent,
  toStoredEvent,
  XMAX_NOW,
} from './event-log.js';

/** Events one call walks at most: a few milliseconds of index and heap reads. */
export const SCAN_ROWS = 10_000;

export interface ScannedEvents {
  /** The matching events, in log order (at most the limit). */
  events: StoredEvent[];
  /** Where the next read continues: every matching event up to here was returned. */
  scannedTo: Cursor;
  /** The walk stopped at the limit or its bound: there may be more before the head. */
  more: boolean;
}

/** The matching committed events after a cursor, walking at most `scanRows` events of the log. */
export async function scanEvents(
  exec: Executor,
  opts: ReadOptions & { scanRows?: number },
): Promise<ScannedEvents> {
  const after = opts.after ?? LOG_START;
  const limit = Math.min(Math.max(opts.limit ?? 100, 1), 1000);
  const filter = eventFilters(opts);
  // A subject is read by its index; without a filter every event walked is returned.
  if (opts.subject || !filter) {
    const events = await readEvents(exec, { ...opts, after, limit });
    const last = events.at(-1);
    return { events, scannedTo: last ? cursorOf(last) : after, more: events.length === limit };
  }
  const scanRows = Math.max(opts.scanRows ?? SCAN_ROWS, limit);
  // The walk reads the order index and each event's type and channel; only the matches are then
  // read whole (by the same index), in log order.
  const raw = await rows<
    EventSqlRow & { walked: string | number; end_tx: number | null; end_pos: number | null }
  >(
    exec,
    sql`with walked as materialized (
          select tx_id, position, ${filter} as hit from events
          where (tx_id, position) > (${after.txId}::bigint, ${after.position}::bigint)
            ${opts.serialized ? sql`` : sql`and tx_id < ${readHorizon(opts.endedBelow)}`}
          order by tx_id, position limit ${scanRows}),
        last as (select tx_id, position from walked order by tx_id desc, position desc limit 1)
        select e.*, (select count(*) from walked) as walked, last.tx_id as end_tx, last.position as end_pos
        from (select 1) one
        left join last on true
        left join lateral (
          select x.* from (select tx_id, position from walked where hit order by tx_id, position limit ${limit}) w
          cross join lateral (select ${RETURNING} from events
                              where events.tx_id = w.tx_id and events.position = w.position) x
          order by x.tx_id, x.position) e on true
        order by e.tx_id, e.position`,
  );
  const first = raw[0];
  const events = raw.filter((r) => r.id != null).map(toStoredEvent);
  if (events.length === limit) return { events, scannedTo: cursorOf(events.at(-1)!), more: true };
  const end: Cursor =
    first?.end_tx != null ? { txId: Number(first.end_tx), position: Number(first.end_pos) } : after;
  return { events, scannedTo: end, more: Number(first?.walked ?? 0) === scanRows };
}

/**
 * Up to `limit` matching events, walking on in bounded steps until the page is full or the walk is
 * at the head, so fewer than `limit` still means "at the head" (what API clients rely on). A reader
 * far behind with a filter that matches seldom pays one walk to the head, once: `scannedTo` is past
 * every event walked, matching or not, and the next page starts there.
 */
export async function scanPage(
  exec: Executor,
  opts: ReadOptions & { scanRows?: number },
): Promise<{ events: StoredEvent[]; scannedTo: Cursor }> {
  const limit = Math.min(Math.max(opts.limit ?? 100, 1), 1000);
  const events: StoredEvent[] = [];
  let after = opts.after ?? LOG_START;
  for (;;) {
    const step = await scanEvents(exec, { ...opts, after, limit: limit - events.length });
    events.push(...step.events);
    after = step.scannedTo;
    if (!step.more || events.length === limit) return { events, scannedTo: after };
  }
}

type TailStepRow = EventSqlRow & {
  walked: string | number;
  low_tx: number | null;
  low_pos: number | null;
  high_tx: number | null;
  high_pos: number | null;
};

/** Events a tail read walks back at most, in steps of SCAN_ROWS. */
export const TAIL_WALK_ROWS = 100_000;

/**
 * The newest `limit` matching committed events, in log order, and the head of the log they were
 * read at, for a reader that starts at its end (a console's tail) and follows from the head on:
 * it walks back from the head in bounded steps (at most `walkRows` events, one statement each)
 * instead of paging the log from its start. A filter that matches seldom may find fewer.
 */
export async function readTail(
  exec: Executor,
  opts: Omit<ReadOptions, 'after' | 'serialized'> & { limit: number; walkRows?: number; scanRows?: number },
): Promise<{ events: StoredEvent[]; head: Cursor }> {
  const limit = Math.min(Math.max(opts.limit, 1), 1000);
  const scanRows = Math.max(opts.scanRows ?? SCAN_ROWS, limit);
  const filter = eventFilters(opts) ?? sql`true`;
  const found: StoredEvent[][] = [];
  let matched = 0;
  let head: Cursor | null = null;
  let before: Cursor | null = null;
  for (let walked = 0; matched < limit && walked < (opts.walkRows ?? TAIL_WALK_ROWS); walked += scanRows) {
    const raw: TailStepRow[] = await rows<TailStepRow>(
      exec,
      sql`with walked as materialized (
            select tx_id, position, ${filter} as hit from events
            where tx_id < ${readHorizon(opts.endedBelow)}
              ${before ? sql`and (tx_id, position) < (${before.txId}::bigint, ${before.position}::bigint)` : sql``}
            order by tx_id desc, position desc limit ${scanRows}),
          low as (select tx_id, position from walked order by tx_id, position limit 1),
          high as (select tx_id, position from walked order by tx_id desc, position desc limit 1)
          select e.*, (select count(*) from walked) as walked, low.tx_id as low_tx, low.position as low_pos,
                 high.tx_id as high_tx, high.position as high_pos
          from (select 1) one
          left join low on true
          left join high on true
          left join lateral (
            select x.* from (select tx_id, position from walked where hit
                             order by tx_id desc, position desc limit ${limit - matched}) w
            cross join lateral (select ${RETURNING} from events
                                where events.tx_id = w.tx_id and events.position = w.position) x) e on true
          order by e.tx_id, e.position`,
    );
    const first = raw[0];
    if (first?.high_tx != null && !head)
      head = { txId: Number(first.high_tx), position: Number(first.high_pos) };
    const events = raw.filter((r) => r.id != null).map(toStoredEvent);
    found.unshift(events);
    matched += events.length;
    if (first?.low_tx == null || Number(first.walked) < scanRows) break;
    before = { txId: Number(first.low_tx), position: Number(first.low_pos) };
  }
  return { events: found.flat(), head: head ?? LOG_START };
}

/**
 * Waits until every transaction of this database that was running when it was called has ended, or
 * about `maxWaitMs` have passed. Readers never read past a running transaction (it may still commit
 * events below them), so without the wait a client that reads the log right after a write could
 * miss it while some unrelated transaction is still open. Few milliseconds when anything waits.
 * Returns, once they have ended, the id below which they all have (a read's `endedBelow`), so that
 * another database's transaction ending at the wrong moment cannot hold the next read back; undefined
 * when the wait gave up.
 */
export async function awaitEarlierTransactions(
  exec: Executor,
  maxWaitMs = 1_000,
): Promise<number | undefined> {
  const [now] = await rows<{ x: string | number; h: string | number }>(
    exec,
    sql`select ${XMAX_NOW} as x, ${HORIZON} as h`,
  );
  if (!now) return undefined;
  const next = Number(now.x);
  if (Number(now.h) >= next) return next;
  for (let waited = 0; waited < maxWaitMs; waited += 10) {
    await new Promise((r) => setTimeout(r, 10));
    const [r] = await rows<{ h: string | number }>(exec, sql`select ${HORIZON} as h`);
    if (r && Number(r.h) >= next) return next;
  }
  return undefined;
}

/**
 * The head after every event committed before the call, as a client means "from now on": the
 * transactions running at the call are waited for (awaitEarlierTransactions), and no other
 * database's can hold the head back.
 */
export async function headNow(exec: Executor): Promise<Cursor> {
  return headCursor(exec, await awaitEarlierTransactions(exec));
}

/** How soon a reader held back (by a running or an ended transaction) looks again. */
export const HELD_BACK_POLL_MS = 20;

/**
 * The next committed events after a follower's cursor (readEvents without a filter), for readers of
 * the log's head that a commit wakes, and whether the read was held back by a transaction that
 * ended while the statement ran. One of another database that ends between the snapshot and the
 * look at pg_stat_activity can no longer be placed, so it holds the read back (HORIZON): the event
 * that woke the reader is missing, and no commit of ours will wake it again. `heldByEnded` tells the
 * caller to have its readers woken soon (EventNotifier.notifyUnlessSooner) rather than at their next
 * poll; a commit wakes them first when the ended transaction was one of ours.
 */
export async function readFollowing(
  exec: Executor,
  opts: { after: Cursor; limit: number; serialized?: boolean },
): Promise<{ events: StoredEvent[]; heldByEnded: boolean }> {
  if (opts.serialized) return { events: await readEvents(exec, opts), heldByEnded: false };
  const { after, limit } = opts;
  const raw = await rows<EventSqlRow & { held_by_ended: boolean }>(
    exec,
    sql`with h as materialized (select ${HORIZON_HOLDER} as x)
        select e.*, (h.x is not null and not ${runningHere(sql`h.x`)}) as held_by_ended
        from h left join lateral (
          select ${RETURNING} from events
          where (tx_id, position) > (${after.txId}::bigint, ${after.position}::bigint)
            and tx_id < coalesce(h.x, ${XMAX_NOW})
          order by tx_id, position limit ${limit}) e on true`,
  );
  // In log order without a sort of the rows in the statement (the join's order is not promised).
  const events = raw
    .filter((r) => r.id != null)
    .map(toStoredEvent)
    .sort((a, b) => a.txId - b.txId || a.position - b.position);
  return { events, heldByEnded: events.length < limit && !!raw[0]?.held_by_ended };
}

/** A committed event read past the horizon; `final` when no event can still commit before it. */
export type AheadEvent = StoredEvent & { final: boolean };

/**
 * For followers that must see every committed event at once but may see one twice (cache
 * invalidation): the matching events after a cursor, including those committed above the read
 * horizon (a later read may show them again), and the newest final event of any type, which the
 * caller may move its cursor to once it has read every page up to the end. One statement.
 */
export async function readEventsAhead(
  exec: Executor,
  opts: { after: Cursor; types: string[]; limit: number; serialized: boolean },
): Promise<{ events: AheadEvent[]; finalHead: Cursor | null }> {
  const horizon = opts.serialized ? sql`(select 9223372036854775807::bigint)` : HORIZON;
  const raw = await rows<
    EventSqlRow & { final: boolean | null; head_tx: number | null; head_pos: number | null }
  >(
    exec,
    sql`with h as (select ${horizon} as x),
        head as (select tx_id, position from events where tx_id < (select x from h)
                 order by tx_id desc, position desc limit 1)
        select e.*, e.tx_id < (select x from h) as final, head.tx_id as head_tx, head.position as head_pos
        from (select 1) one
        left join head on true
        left join lateral (
          select ${RETURNING} from events
          where (tx_id, position) > (${opts.after.txId}::bigint, ${opts.after.position}::bigint)
            and ${eventFilters({ types: opts.types }) ?? sql`false`}
          order by tx_id, position limit ${Math.min(Math.max(opts.limit, 1), 1000)}) e on true`,
  );
  const first = raw[0];
  const finalHead =
    first?.head_tx != null ? { txId: Number(first.head_tx), position: Number(first.head_pos) } : null;
  const events = raw.filter((r) => r.id != null).map((r) => ({ ...toStoredEvent(r), final: !!r.final }));
  return { events, finalHead };
}
