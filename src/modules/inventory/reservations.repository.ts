// SQL for reservations: batch inserts for the group commit, status transitions that happen once.
import { type SQL, sql } from 'drizzle-orm';
import { type Executor, firstRow, rows } from '../../platform/db/database.js';
import type { SqlRow } from '../../platform/db/rows.js';
import type { inventoryReservations } from './inventory.schema.js';
import type { Reservation, ReservationStatus } from './inventory.types.js';

export type ReservationSqlRow = SqlRow<typeof inventoryReservations>;

export const toReservation = (r: ReservationSqlRow): Reservation => ({
  id: r.id,
  kind: r.kind,
  status: r.status,
  channelId: r.channel_id,
  sku: r.sku,
  quantity: Number(r.quantity),
  lines: typeof r.lines === 'string' ? JSON.parse(r.lines) : r.lines,
  idempotencyKey: r.idempotency_key,
  reference: r.reference,
  expiresAt: r.expires_at === null ? null : new Date(r.expires_at),
  createdBy: r.created_by,
  createdAt: new Date(r.created_at),
  updatedAt: new Date(r.updated_at),
});

export async function selectReservation(exec: Executor, id: string): Promise<Reservation | undefined> {
  const r = await firstRow<ReservationSqlRow>(
    exec,
    sql`select * from inventory_reservations where id = ${id}`,
  );
  return r ? toReservation(r) : undefined;
}

/**
 * Moves a reservation from one of `from` to `to`; returns it only if this call made the move, so
 * a transition applied twice takes effect once.
 */
export async function transitionReservation(
  exec: Executor,
  id: string,
  from: ReservationStatus[],
  to: ReservationStatus,
  now: Date,
  patch: { clearExpiry?: boolean; reference?: string | undefined } = {},
): Promise<Reservation | undefined> {
  const r = await firstRow<ReservationSqlRow>(
    exec,
    sql`update inventory_reservations
        set status = ${to}, updated_at = ${now.toISOString()}
            ${patch.clearExpiry ? sql`, expires_at = null` : sql``}
            ${patch.reference !== undefined ? sql`, reference = ${patch.reference}` : sql``}
        where id = ${id} and status = any(${sql.param(from)}::text[])
        returning *`,
  );
  return r ? toReservation(r) : undefined;
}

/** Marks up to `limit` due holds expired (skipping ones another sweeper holds) and returns them. */
export async function expireDueHolds(exec: Executor, cutoff: Date, limit: number): Promise<Reservation[]> {
  const r = await rows<ReservationSqlRow>(
    exec,
    sql`update inventory_reservations set status = 'expired', updated_at = ${cutoff.toISOString()}
        where id in (select id from inventory_reservations
                     where status = 'held' and expires_at is not null and expires_at <= ${cutoff.toISOString()}
                     order by expires_at limit ${limit}
                     for update skip locked)
          and status = 'held'
        returning *`,
  );
  return r.map(toReservation);
}

export async function selectReservations(
  exec: Executor,
  filter: {
    sku?: string | undefined;
    channelId?: string | undefined;
    status?: ReservationStatus | undefined;
    reference?: string | undefined;
    after?: string | undefined;
    limit: number;
  },
): Promise<Reservation[]> {
  const conds = [sql`true`];
  if (filter.sku) conds.push(sql`sku = ${filter.sku}`);
  if (filter.channelId) conds.push(sql`channel_id = ${filter.channelId}`);
  if (filter.status) conds.push(sql`status = ${filter.status}`);
  if (filter.reference) conds.push(sql`reference = ${filter.reference}`);
  if (filter.after) conds.push(sql`id > ${filter.after}`);
  const r = await rows<ReservationSqlRow>(
    exec,
    sql`select * from inventory_reservations where ${sql.join(conds, sql` and `)} order by id limit ${filter.limit}`,
  );
  return r.map(toReservation);
}

/**
 * Allocates the holds still held (all, or those wholly at `atLocation`) in one conditional UPDATE,
 * so a checkout of N lines pays one round trip; returns those it allocated.
 */
export async function allocateHeldRows(
  exec: Executor,
  ids: string[],
  o: { at: Date; reference?: string; atLocation?: string },
): Promise<Reservation[]> {
  const r = await rows<ReservationSqlRow>(exec, allocateHeldStatement(ids, o));
  return r.map(toReservation);
}

const isoTime = (col: SQL) => sql`to_char(${col} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;

/** A reservation row (alias `r`) as the JSON toReservation's result serializes to, built in SQL. */
export const reservationJson = (): SQL =>
  sql`jsonb_build_object('id', r.id, 'kind', r.kind, 'status', r.status, 'channelId', r.channel_id, 'sku', r.sku,
        'quantity', r.quantity, 'lines', r.lines, 'idempotencyKey', r.idempotency_key, 'reference', r.reference,
        'expiresAt', ${isoTime(sql`r.expires_at`)}, 'createdBy', r.created_by,
        'createdAt', ${isoTime(sql`r.created_at`)}, 'updatedAt', ${isoTime(sql`r.updated_at`)})`;

/** The update behind allocateHeldRows (returning the moved rows). */
export function allocateHeldStatement(
  ids: string[],
  o: { at: Date; reference?: string; atLocation?: string },
): SQL {
  return sql`update inventory_reservations
        set status = 'allocated', expires_at = null, updated_at = ${o.at.toISOString()}
            ${o.reference !== undefined ? sql`, reference = ${o.reference}` : sql``}
        where id = any(${sql.param(ids)}::text[]) and status = 'held'
          ${
            o.atLocation !== undefined
              ? sql`and not exists (select 1 from jsonb_array_elements(lines) l
                                    where l->>'locationId' <> ${o.atLocation})`
              : sql``
          }
        returning *`;
}
