// The event log: every state change appends its domain events in the same transaction, so nothing
// is published that did not commit and nothing committed is lost.
//
// Ordering: positions come from a sequence, allocated before commit, so position 11 can commit
// before position 10. Readers therefore order by (tx_id, position) and read only events whose
// transaction id is below the oldest transaction still running (pg_snapshot_xmin): everything below
// that horizon is final, and anything written later sorts after it. No event is ever skipped.
// Transaction ids are cluster-wide, so the horizon ignores transactions known to run in OTHER
// databases of the same server (a long report elsewhere must not stall our real-time sync);
// a transaction whose database can't be told (ended meanwhile, hidden by permissions, prepared)
// still counts, which only delays a read and never skips an event.
import { type SQL, sql } from 'drizzle-orm';
import { newId } from '../../kernel/index.js';
import type { Ctx } from '../context.js';
import { type Executor, firstRow, rows } from '../db/database.js';
import type { SqlRow } from '../db/rows.js';
import { checkEventContracts, eventValidation } from './event-schemas.js';
import type { events } from './events.schema.js';

export interface NewEvent {
  type: string;
  subject: string;
  payload: Record<string, unknown>;
  /** Left out: the caller's channel (ctx.channelId). null: a global event every channel sees. */
  channelId?: string | null;
  occurredAt?: Date;
}

export interface StoredEvent {
  id: string;
  position: number;
  txId: number;
  type: string;
  subject: string;
  channelId: string | null;
  payload: Record<string, unknown>;
  actor: string | null;
  requestId: string | null;
  occurredAt: Date;
  recordedAt: Date;
}

/** A place in the log: the last event read. The beginning is {txId: 0, position: 0}. */
export interface Cursor {
  txId: number;
  position: number;
}

export const LOG_START: Cursor = { txId: 0, position: 0 };

export const encodeCursor = (c: Cursor): string => `${c.txId}-${c.position}`;

export function decodeCursor(s: string): Cursor | null {
  const m = /^(\d{1,18})-(\d{1,18})$/.exec(s);
  return m ? { txId: Number(m[1]), position: Number(m[2]) } : null;
}

export const cursorOf = (e: Pick<StoredEvent, 'txId' | 'position'>): Cursor => ({
  txId: e.txId,
  position: e.position,
});

/**
 * The events insert as a statement fragment, for hot paths that fold it into their own write as a
 * CTE (`with ev as (${fragment}) update …`) to save a round trip. The caller must execute it in
 * ctx's transaction; consumers are woken after that transaction commits.
 */
export function eventsInsertFragment(ctx: Ctx, list: NewEvent[]): { query: SQL; ids: string[] } {
  if (!ctx.inTx) throw new Error('events must be appended inside a transaction with the state change');
  if (eventValidation())
    checkEventContracts(list.map((e) => ({ type: e.type, payload: JSON.stringify(e.payload) })));
  const now = ctx.clock.now();
  const ids = list.map(() => newId('evt'));
  const query = sql`insert into events (id, type, subject, channel_id, payload, actor, request_id, occurred_at)
        select u.id, u.type, u.subject, u.channel_id, u.payload::jsonb, ${ctx.actor.id}, ${ctx.requestId}, u.occurred_at
        from unnest(${sql.param(ids)}::text[], ${sql.param(list.map((e) => e.type))}::text[],
                    ${sql.param(list.map((e) => e.subject))}::text[],
                    ${sql.param(list.map((e) => (e.channelId === undefined ? ctx.channelId : e.channelId)))}::text[],
                    ${sql.param(list.map((e) => JSON.stringify(e.payload)))}::text[],
                    ${sql.param(list.map((e) => (e.occurredAt ?? now).toISOString()))}::timestamptz[])
             as u(id, type, subject, channel_id, payload, occurred_at)
        returning ${RETURNING}`;
  const notifier = ctx.database.notifier;
  ctx.afterCommit(() => notifier.notify());
  return { query, ids };
}

/** An event with who, when and where resolved at the moment it was appended. */
interface ResolvedEvent {
  id: string;
  type: string;
  subject: string;
  channelId: string | null;
  payload: string;
  actor: string;
  requestId: string;
  occurredAt: string;
}

/** An appended event: its id is final; its position is given when the transaction writes it. */
export interface AppendedEvent {
  id: string;
  type: string;
  subject: string;
}

const PENDING = Symbol('events waiting for commit');

/**
 * The events as one JSON array for one parameter: each payload is JSON already (checked as stored),
 * so it is spliced in as it is instead of being escaped again as an element of a text array.
 * `part`: a number per event for the statement's own use (which write an event belongs to).
 */
function eventsJson(list: readonly ResolvedEvent[], part?: readonly number[]): string {
  const str = JSON.stringify;
  return `[${list
    .map(
      (e, i) =>
        `{"id":${str(e.id)},"type":${str(e.type)},"subject":${str(e.subject)},"channel_id":${str(e.channelId)},` +
        `"payload":${e.payload},"actor":${str(e.actor)},"request_id":${str(e.requestId)},"occurred_at":${str(e.occurredAt)}` +
        `${part ? `,"part":${part[i]}` : ''}}`,
    )
    .join(',')}]`;
}

async function insertResolved(exec: Executor, list: ResolvedEvent[]): Promise<void> {
  await exec.execute(
    sql`insert into events (id, type, subject, channel_id, payload, actor, request_id, occurred_at)
        select u.id, u.type, u.subject, u.channel_id, u.payload, u.actor, u.request_id, u.occurred_at
        from jsonb_to_recordset(${eventsJson(list)}::jsonb)
             as u(id text, type text, subject text, channel_id text, payload jsonb, actor text, request_id text,
                  occurred_at timestamptz)`,
  );
}

function resolveEvents(ctx: Ctx, list: NewEvent[]): ResolvedEvent[] {
  const now = ctx.clock.now();
  const resolved = list.map((e) => ({
    id: newId('evt'),
    type: e.type,
    subject: e.subject,
    channelId: e.channelId === undefined ? ctx.channelId : e.channelId,
    payload: JSON.stringify(e.payload),
    actor: ctx.actor.id,
    requestId: ctx.requestId,
    occurredAt: (e.occurredAt ?? now).toISOString(),
  }));
  // The stored JSON is what consumers read, so that is what is checked (Dates become strings).
  checkEventContracts(resolved);
  return resolved;
}

/**
 * Appends events inside the caller's transaction (ctx.inTx). They are written with ONE statement
 * for the whole transaction just before it commits (every module of a request appends its own;
 * the request pays one round trip), so they commit with the state change or not at all.
 */
export async function appendEvents(ctx: Ctx, list: NewEvent[]): Promise<AppendedEvent[]> {
  if (!ctx.inTx) throw new Error('events must be appended inside a transaction with the state change');
  if (list.length === 0) return [];
  const resolved = resolveEvents(ctx, list);
  const notifier = ctx.database.notifier;
  if (ctx.beforeCommit && ctx.txState) {
    let pending = ctx.txState.get(PENDING) as ResolvedEvent[] | undefined;
    if (!pending) {
      pending = [];
      ctx.txState.set(PENDING, pending);
      const mine = pending;
      ctx.beforeCommit(PENDING, async (tx) => {
        if (mine.length) await insertResolved(tx.db, mine.splice(0));
      });
      ctx.afterCommit(() => notifier.notify());
    }
    pending.push(...resolved);
  } else {
    // A transaction made without inTransaction: write now.
    await insertResolved(ctx.db, resolved);
    ctx.afterCommit(() => notifier.notify());
  }
  return resolved.map((e) => ({ id: e.id, type: e.type, subject: e.subject }));
}

/**
 * One write statement that carries its events (and any events its transaction has waiting) as a
 * CTE named `ev`: build(ev) returns the statement, e.g. sql`with upd as (update … returning *), ${ev}
 * select * from upd`. The events are written only if the CTE named `guard` returned rows, so a
 * write that changed nothing (a version check failed) records nothing. Outside a transaction the
 * statement is its own transaction: a single-write request needs no BEGIN/COMMIT.
 */
export async function writeWithEvents<T>(
  ctx: Ctx,
  list: NewEvent[],
  guard: string,
  build: (ev: SQL) => SQL,
  /** Other writers' events carried by the same statement, each written only if its own CTE returned rows. */
  alongside: ReadonlyArray<{ guard: string; events: PreparedEvents }> = [],
): Promise<T[]> {
  const pending = ctx.inTx ? (ctx.txState?.get(PENDING) as ResolvedEvent[] | undefined) : undefined;
  const carried = pending ? pending.splice(0) : [];
  const all = [...carried, ...resolveEvents(ctx, list)];
  const part = all.map(() => 0);
  for (const [i, a] of alongside.entries()) {
    all.push(...a.events.list);
    part.push(...a.events.list.map(() => i + 1));
  }
  const exists = (name: string) => sql`exists (select 1 from ${sql.identifier(name)})`;
  const where =
    alongside.length === 0
      ? exists(guard)
      : sql`case u.part when 0 then ${exists(guard)} ${sql.join(
          alongside.map((a, i) => sql`when ${sql.raw(String(i + 1))} then ${exists(a.guard)}`),
          sql` `,
        )} end`;
  // In array order: the events take their log positions in it.
  const ev = sql`ev as (insert into events (id, type, subject, channel_id, payload, actor, request_id, occurred_at)
        select u.id, u.type, u.subject, u.channel_id, u.payload, u.actor, u.request_id, u.occurred_at
        from jsonb_to_recordset(${eventsJson(all, part)}::jsonb)
             as u(id text, type text, subject text, channel_id text, payload jsonb, actor text, request_id text,
                  occurred_at timestamptz, part int)
        where ${where})`;
  let result: T[];
  try {
    result = await rows<T>(ctx.db, build(ev));
  } catch (err) {
    pending?.unshift(...carried);
    throw err;
  }
  // Nothing written: the waiting events stay for the transaction's next write or its commit.
  if (result.length === 0) pending?.unshift(...carried);
  const notifier = ctx.database.notifier;
  if (ctx.inTx) ctx.afterCommit(() => notifier.notify());
  else if (result.length > 0 && all.length > 0) notifier.notify();
  return result;
}

/** Events resolved now (who, when, which request), for another caller's statement to write. */
export interface PreparedEvents {
  readonly list: readonly ResolvedEvent[];
}

export const prepareEvents = (ctx: Ctx, list: NewEvent[]): PreparedEvents => ({
  list: resolveEvents(ctx, list),
});

/**
 * A write one module hands to another module's statement, to commit with it in one round trip
 * (e.g. a cart's new line with the stock hold it records): a data-modifying statement, used as a
 * CTE, that returns a row when it wrote; its events are written only then.
 */
export interface AlongsideWrite {
  statement: SQL;
  events: PreparedEvents;
}

/**
 * Group commit: the CTE `ev` writing the events of several callers' changes with the statement that
 * makes them. `source` yields one row per event: (id, type, subject, channel_id, payload jsonb, actor,
 * request_id, occurred_at, ord), and may read the statement's other CTEs, so only changes that were
 * written get events. Events take their log positions in `ord` order. The statement must be its own
 * transaction (ctx outside one); consumers are woken once it returns.
 */
export function groupEventsCte(ctx: Ctx, source: SQL): SQL {
  if (ctx.inTx) throw new Error('a group-commit statement is its own transaction');
  return sql`ev as (insert into events (id, type, subject, channel_id, payload, actor, request_id, occurred_at)
        select s.id, s.type, s.subject, s.channel_id, s.payload, s.actor, s.request_id, s.occurred_at
        from (${source}) s order by s.ord${eventValidation() ? sql` returning type, payload` : sql``})`;
}

/** An id for an event a group-commit statement will write. */
export const newEventId = (): string => newId('evt');

/** Wakes this process's consumers after a group-commit statement wrote events. */
export const notifyEventsWritten = (ctx: Ctx): void => ctx.database.notifier.notify();

/**
 * A select-list entry for a group-commit statement (after its last column): when checking is on
 * (tests, development) it returns the events `ev` wrote, so checkGroupEvents can check the payloads
 * built in SQL without another statement; nothing otherwise.
 */
export const groupEventsWritten = (): SQL =>
  eventValidation()
    ? sql`, (select jsonb_agg(jsonb_build_object('type', type, 'payload', payload)) from ev) as written_events`
    : sql``;

/** Checks the events a group-commit statement returned with groupEventsWritten (checking on). */
export function checkGroupEvents(result: ReadonlyArray<{ written_events?: unknown }>): void {
  const written = result[0]?.written_events;
  if (!eventValidation() || written == null) return;
  checkEventContracts(
    (typeof written === 'string' ? JSON.parse(written) : written) as Array<{
      type: string;
      payload: unknown;
    }>,
  );
}

export const appendEvent = async (ctx: Ctx, e: NewEvent): Promise<AppendedEvent> =>
  (await appendEvents(ctx, [e]))[0]!;

export interface ReadOptions {
  after?: Cursor;
  limit?: number;
  /** Exact types, or prefixes ending in '.*' (e.g. 'inventory.*'). */
  types?: string[];
  subject?: string;
  channelId?: string;
  /**
   * The caller reads outside any transaction on a database that runs one transaction at a time
   * (PGlite: a query waits for an open transaction to end), so every row it sees is committed and
   * no position can still appear below it: the horizon check is skipped.
   */
  serialized?: boolean;
  /**
   * A transaction id below which every transaction of this database has ended (what
   * awaitEarlierTransactions returns): running ones below it are other databases', so they hold
   * no read back, even when they end before the horizon can tell whose they were.
   */
  endedBelow?: number;
}

/** The filter of a read on type, subject and channel, or undefined when it has none. */
export function eventFilters(opts: Pick<ReadOptions, 'types' | 'subject' | 'channelId'>): SQL | undefined {
  const filters: SQL[] = [];
  if (opts.types?.length) {
    const exact = opts.types.filter((t) => !t.endsWith('*'));
    const prefixes = opts.types.filter((t) => t.endsWith('*')).map((t) => `${t.slice(0, -1)}%`);
    const parts: SQL[] = [];
    if (exact.length) parts.push(sql`type = any(${sql.param(exact)}::text[])`);
    if (prefixes.length) parts.push(sql`type like any(${sql.param(prefixes)}::text[])`);
    filters.push(sql`(${sql.join(parts, sql` or `)})`);
  }
  if (opts.subject) filters.push(sql`subject = ${opts.subject}`);
  if (opts.channelId) filters.push(sql`(channel_id = ${opts.channelId} or channel_id is null)`);
  return filters.length ? sql.join(filters, sql` and `) : undefined;
}

/**
 * Reads committed events after a cursor, in log order, never past the oldest running transaction.
 * A subject is read by its index; types and channels by walking the log from the cursor (the log
 * has no type index): a reader that may be far behind with a filter that matches seldom reads
 * with scanEvents, which bounds the walk.
 */
export async function readEvents(exec: Executor, opts: ReadOptions = {}): Promise<StoredEvent[]> {
  const after = opts.after ?? LOG_START;
  const limit = Math.min(Math.max(opts.limit ?? 100, 1), 1000);
  const filter = eventFilters(opts);
  const raw = await rows<EventSqlRow>(
    exec,
    sql`select ${RETURNING} from events
        where (tx_id, position) > (${after.txId}::bigint, ${after.position}::bigint)
          ${opts.serialized ? sql`` : sql`and tx_id < ${readHorizon(opts.endedBelow)}`}${filter ? sql` and ${filter}` : sql``}
        order by tx_id, position
        limit ${limit}`,
  );
  return raw.map(toStoredEvent);
}

export async function findEvent(exec: Executor, id: string): Promise<StoredEvent | undefined> {
  const r = await firstRow<EventSqlRow>(exec, sql`select ${RETURNING} from events where id = ${id}`);
  return r ? toStoredEvent(r) : undefined;
}

/**
 * The cursor just past the newest committed event under the read horizon (for "only new events from
 * now on"); `endedBelow` as in ReadOptions (headNow in event-scan.ts waits for it).
 */
export async function headCursor(exec: Executor, endedBelow?: number): Promise<Cursor> {
  const r = await firstRow<{ tx_id: number | null; position: number | null }>(
    exec,
    sql`select tx_id, position from events
        where tx_id < ${readHorizon(endedBelow)}
        order by tx_id desc, position desc limit 1`,
  );
  return r?.tx_id != null ? { txId: Number(r.tx_id), position: Number(r.position) } : LOG_START;
}

/** The transaction ids pg_stat_activity shows running in this database, or in the others. */
const runningXids = (here: boolean) =>
  sql.raw(`select backend_xid::text::bigint from pg_stat_activity
        where backend_xid is not null
          and datid ${here ? '=' : 'is distinct from'} (select oid from pg_database where datname = current_database())`);
// A running transaction id of the snapshot that pg_stat_activity does not place in another database.
// A transaction of another database that ends between the snapshot and that look can no longer be
// placed, so it counts as ours and holds a read back until the next one: ours must never be skipped
// (its events could commit below a reader that moved on).
const UNPLACED = sql`(x::text::bigint % 4294967296) not in (${runningXids(false)})`;
/**
 * Whether pg_stat_activity shows the transaction id `id` running in this database. Read in the same
 * statement as UNPLACED it is the same look (pg_stat_activity is read once per transaction), so an
 * id that holds the horizon but is not running here ended between the snapshot and that look.
 */
export const runningHere = (id: SQL) => sql`(${id} % 4294967296) in (${runningXids(true)})`;
const XIP = sql.raw('pg_snapshot_xip(pg_current_snapshot()) x');
/** The next transaction id to be given out, as of this statement's snapshot. */
export const XMAX_NOW = sql.raw('pg_snapshot_xmax(pg_current_snapshot())::text::bigint');

/** The oldest unplaced running id at or above `floor` (a condition ending in `and`), or null. */
const holderFrom = (floor: SQL) => sql`(select min(x::text::bigint) from ${XIP} where ${floor}${UNPLACED})`;
/** The oldest unplaced running id at or above `floor`, or the next id. */
const horizonFrom = (floor: SQL) => sql`(select coalesce(${holderFrom(floor)}, ${XMAX_NOW}))`;

/** The running transaction id that the read horizon stops at, or null when none holds it. */
export const HORIZON_HOLDER = holderFrom(sql``);
/** The read horizon: the oldest transaction id of this database still running (or the next id). */
export const HORIZON = horizonFrom(sql``);

/** The horizon, not held back by ids below `endedBelow` (ReadOptions.endedBelow). */
export function readHorizon(endedBelow: number | undefined): SQL {
  return endedBelow === undefined ? HORIZON : horizonFrom(sql`x::text::bigint >= ${endedBelow}::bigint and `);
}

export const RETURNING = sql.raw(
  'id, position, tx_id, type, subject, channel_id, payload, actor, request_id, occurred_at, recorded_at',
);

/** An event row as a raw statement returns it (RETURNING above names every column). */
export type EventSqlRow = SqlRow<typeof events>;

export function toStoredEvent(r: EventSqlRow): StoredEvent {
  return {
    id: r.id,
    position: Number(r.position),
    txId: Number(r.tx_id),
    type: r.type,
    subject: r.subject,
    channelId: r.channel_id,
    payload: typeof r.payload === 'string' ? JSON.parse(r.payload) : r.payload,
    actor: r.actor,
    requestId: r.request_id,
    occurredAt: new Date(r.occurred_at),
    recordedAt: new Date(r.recorded_at),
  };
}
