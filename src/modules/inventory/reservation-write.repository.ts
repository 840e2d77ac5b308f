// The write of a reservation batch: the conditional UPDATE of the SKU's reserved counts, the
// reservations, the ledger rows and the events, all in ONE statement. Two forms:
// - inside a transaction that locked and read the numbers first (writeLockedBatch; it may carry
//   the batches of several SKUs);
// - on its own, as a compare-and-set (writeBatchIfUnchanged): the statement locks the levels
//   itself and writes only if every number the decision used is still the database's; otherwise
//   it fails whole with STALE_BATCH and the caller decides again on fresh numbers. One round trip
//   per batch, and the statement is its own transaction.
import { type SQL, sql } from 'drizzle-orm';
import type { Ctx } from '../../platform/context.js';
import { planEachTimeFor } from '../../platform/db/database.js';
import { type AlongsideWrite, writeWithEvents } from '../../platform/events/event-log.js';
import type { NewMovement } from './levels.repository.js';
import { batchLevelsCtes, reservationsWithKeys } from './reservation-batch.repository.js';
import type { BatchDecision, BatchState, LevelNumbers } from './reservation-decision.js';

/** The text of the error a compare-and-set write fails with when the numbers changed. */
const STALE_BATCH = 'inventory reservation batch: the numbers changed';

/** The database's own error under the driver's wrapper (Drizzle puts it in `cause`). */
export function databaseError(err: unknown): { code: string; message: string } {
  let e = err as { code?: unknown; message?: unknown; cause?: unknown } | undefined;
  for (let depth = 0; e && depth < 3; depth++) {
    if (typeof e.code === 'string') return { code: e.code, message: String(e.message ?? '') };
    e = e.cause as typeof e;
  }
  return { code: '', message: '' };
}

/** True for the error of a compare-and-set write whose numbers were no longer the database's. */
export function isStaleBatch(err: unknown): boolean {
  const e = databaseError(err);
  return e.code === '22P02' && e.message.includes(STALE_BATCH);
}

/** One SKU's decision in a write (a batch statement may carry several SKUs' decisions). */
export interface SkuDecision {
  sku: string;
  d: BatchDecision;
}

/** update + inserts as CTEs `upd`, `res`, `mov`, each writing only when `guard` holds. */
function writeCtes(parts: readonly SkuDecision[], at: string, guard: SQL): SQL {
  const levels = parts.flatMap(({ sku, d }) =>
    [...d.reservedByLocation].map(([locationId, delta]) => ({ sku, locationId, delta })),
  );
  const r = parts.flatMap(({ sku, d }) => d.created.map((x) => ({ ...x, sku })));
  return sql`upd as (
          update inventory_levels l set reserved = l.reserved + d.delta, updated_at = ${at}
          from unnest(${sql.param(levels.map((x) => x.sku))}::text[], ${sql.param(levels.map((x) => x.locationId))}::text[],
                      ${sql.param(levels.map((x) => x.delta))}::int[])
            as d(sku, location_id, delta)
          where ${guard} and l.sku = d.sku and l.location_id = d.location_id and l.on_hand - l.reserved >= d.delta
          returning 1
        ),
        res as (
          insert into inventory_reservations (id, kind, status, channel_id, sku, quantity, lines, idempotency_key,
                                              reference, expires_at, created_by, created_at, updated_at)
          select u.id, u.kind, u.status, u.channel_id, u.sku, u.quantity, u.lines::jsonb, u.idempotency_key,
                 u.reference, u.expires_at, u.created_by, ${at}, ${at}
          from unnest(${sql.param(r.map((x) => x.id))}::text[], ${sql.param(r.map((x) => x.kind))}::text[],
                      ${sql.param(r.map((x) => x.status))}::text[],
                      ${sql.param(r.map((x) => x.channelId))}::text[],
                      ${sql.param(r.map((x) => x.sku))}::text[],
                      ${sql.param(r.map((x) => x.quantity))}::int[],
                      ${sql.param(r.map((x) => JSON.stringify(x.lines)))}::text[],
                      ${sql.param(r.map((x) => x.idempotencyKey))}::text[],
                      ${sql.param(r.map((x) => x.reference))}::text[],
                      ${sql.param(r.map((x) => x.expiresAt?.toISOString() ?? null))}::timestamptz[],
                      ${sql.param(r.map((x) => x.createdBy))}::text[])
            as u(id, kind, status, channel_id, sku, quantity, lines, idempotency_key, reference, expires_at, created_by)
          where ${guard}
          returning 1
        ),
        mov as (${reserveMovementsInsert(
          parts.flatMap(({ d }) => d.movements),
          at,
          guard,
        )})`;
}

/** The ledger rows of a reservation write: one `reserve` movement per SKU and location, in one insert. */
export function reserveMovementsInsert(m: readonly NewMovement[], at: string, guard = sql`true`): SQL {
  return sql`insert into inventory_movements (sku, location_id, kind, on_hand_delta, reserved_delta, reason, actor,
                                           reservation_id, occurred_at)
          select u.sku, u.location_id, 'reserve', 0, u.reserved_delta, u.reason, u.actor, u.reservation_id, ${at}
          from unnest(${sql.param(m.map((x) => x.sku))}::text[],
                      ${sql.param(m.map((x) => x.locationId))}::text[],
                      ${sql.param(m.map((x) => x.reservedDelta))}::int[],
                      ${sql.param(m.map((x) => x.reason))}::text[],
                      ${sql.param(m.map((x) => x.actor))}::text[],
                      ${sql.param(m.map((x) => x.reservationId))}::text[])
            as u(sku, location_id, reserved_delta, reason, actor, reservation_id)
          where ${guard}`;
}

/** Other modules' writes carried by a batch statement: CTEs `a0`, `a1`… and their events. */
function alongsideParts(writes: readonly AlongsideWrite[]) {
  const name = (i: number) => `a${i}`;
  return {
    ctes: sql.join(
      writes.map((w, i) => sql`, ${sql.identifier(name(i))} as (${w.statement})`),
      sql``,
    ),
    counts: sql.join(
      writes.map(
        (_, i) => sql`, (select count(*) from ${sql.identifier(name(i))})::int as ${sql.identifier(name(i))}`,
      ),
      sql``,
    ),
    events: writes.map((w, i) => ({ guard: name(i), events: w.events })),
    written: (r: Record<string, unknown> | undefined) => writes.map((_, i) => Number(r?.[name(i)] ?? 0) > 0),
  };
}

/**
 * Writes batches (one per SKU) decided on numbers locked in tx, in one statement. Returns how many
 * levels were updated (the caller rolls back unless all were) and which alongside writes wrote. A
 * taken idempotency key fails the statement (unique violation).
 */
export async function writeLockedBatch(
  tx: Ctx,
  parts: readonly SkuDecision[],
  alongside: readonly AlongsideWrite[] = [],
): Promise<{ updated: number; written: boolean[] }> {
  const at = tx.clock.now().toISOString();
  const a = alongsideParts(alongside);
  // The events (with any the transaction has waiting, in order) are written with the update.
  const [r] = await writeWithEvents<{ updated: number } & Record<string, unknown>>(
    tx,
    parts.flatMap(({ d }) => d.events),
    // On the reservations, not the levels: a wholly backordered reservation updates no level.
    'res',
    (ev) => sql`with ${writeCtes(parts, at, sql`true`)}${a.ctes}, ${ev}
        select (select count(*) from upd)::int as updated${a.counts}`,
    a.events,
  );
  return { updated: Number(r?.updated ?? 0), written: a.written(r) };
}

const numbersTable = (list: LevelNumbers[]) =>
  sql`unnest(${sql.param(list.map((l) => l.locationId))}::text[], ${sql.param(list.map((l) => l.onHand))}::int[],
             ${sql.param(list.map((l) => l.reserved))}::int[])`;

/**
 * Writes a batch decided on `decidedOn` (the SKU's numbers at `channelIds`) in one statement, if
 * the locked levels, the other levels, the sourcing and the absence of the requests' idempotency keys
 * are still exactly what the decision saw; otherwise nothing is written and it throws (isStaleBatch).
 * A key taken meanwhile by a concurrent transaction fails it with a unique violation.
 */
export async function writeBatchIfUnchanged(
  ctx: Ctx,
  sku: string,
  channelIds: string[],
  decidedOn: BatchState,
  /** The idempotency keys of every request in the batch, granted or not. */
  keys: Array<{ channelId: string; key: string }>,
  d: BatchDecision,
  alongside: readonly AlongsideWrite[] = [],
): Promise<boolean[]> {
  if (ctx.inTx) throw new Error('a compare-and-set batch is its own transaction');
  const at = ctx.clock.now().toISOString();
  const src = decidedOn.sourcing;
  const fresh = sql`(select ok from fresh)`;
  const a = alongsideParts(alongside);
  // A stale statement fails whole, the alongside writes with it.
  const [r] = await writeWithEvents<Record<string, unknown>>(
    ctx,
    d.events,
    // On the reservations, not the levels: a wholly backordered reservation updates no level.
    'res',
    (ev) => sql`${planEachTimeFor(keys.length)}with ${batchLevelsCtes(sku, channelIds)},
        fresh as (
          select (select count(*) from locked) = ${decidedOn.locked.length}
             and not exists (select location_id, on_hand, reserved from locked
                             except select * from ${numbersTable(decidedOn.locked)})
             and (select count(*) from others) = ${decidedOn.others.length}
             and not exists (select location_id, on_hand, reserved from others
                             except select * from ${numbersTable(decidedOn.others)})
             and (select count(*) from affected) = ${src.length}
             and not exists (select channel_id, location_id, code, priority, safety_buffer from affected
                             except select * from unnest(${sql.param(src.map((s) => s.channelId))}::text[],
                               ${sql.param(src.map((s) => s.locationId))}::text[], ${sql.param(src.map((s) => s.code))}::text[],
                               ${sql.param(src.map((s) => s.priority))}::int[], ${sql.param(src.map((s) => s.safetyBuffer))}::int[]))
             and not exists (${reservationsWithKeys(keys)})
             as ok
        ),
        ${writeCtes([{ sku, d }], at, fresh)}${a.ctes}, ${ev}
        select (case when ${fresh} and (select count(*) from upd) = ${d.reservedByLocation.size}
                     then '1' else ${STALE_BATCH} end)::int as ok${a.counts}`,
    a.events,
  );
  return a.written(r);
}
