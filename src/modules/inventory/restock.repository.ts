// SQL of a restock: lock the SKU's levels and its waiting order allocations (in one transaction,
// levels first in location order, as every writer of levels does), then write the decision in ONE
// statement: the reserved counts, the allocations' lines, the ledger rows and the events.
import { sql } from 'drizzle-orm';
import type { Ctx } from '../../platform/context.js';
import { rows } from '../../platform/db/database.js';
import { writeWithEvents } from '../../platform/events/event-log.js';
import { reserveMovementsInsert } from './reservation-write.repository.js';
import { type ReservationSqlRow, toReservation } from './reservations.repository.js';
import type { RestockDecision, RestockState } from './restock-decision.js';

/** A reservation `r` allocated for an order with units held nowhere yet (quantity > Σ lines). */
const WAITING = sql.raw(
  `r.status = 'allocated' and r.quantity > (select coalesce(sum((x->>'quantity')::int), 0) from jsonb_array_elements(r.lines) x)`,
);

/** Reads and locks what a restock of `sku` decides on (call inside a transaction). */
export async function lockRestockState(tx: Ctx, sku: string): Promise<RestockState> {
  const levels = await rows<{ location_id: string; on_hand: number; reserved: number }>(
    tx.db,
    sql`select location_id, on_hand, reserved from inventory_levels where sku = ${sku}
        order by location_id for update`,
  );
  // The waiting allocations, oldest first.
  const waiting = await rows<ReservationSqlRow>(
    tx.db,
    sql`select * from inventory_reservations r
        where r.sku = ${sku} and ${WAITING}
        order by r.created_at, r.id
        for update`,
  );
  const sourcing = await rows<{ channel_id: string; location_id: string; safety_buffer: number }>(
    tx.db,
    sql`select cl.channel_id, cl.location_id, c.safety_buffer
        from inventory_channel_locations cl
        join inventory_channels c on c.channel_id = cl.channel_id
        join inventory_locations loc on loc.id = cl.location_id and loc.status = 'active'
        order by cl.channel_id, cl.priority`,
  );
  return {
    levels: levels.map((l) => ({
      locationId: l.location_id,
      onHand: Number(l.on_hand),
      reserved: Number(l.reserved),
    })),
    waiting: waiting.map(toReservation),
    sourcing: sourcing.map((s) => ({
      channelId: s.channel_id,
      locationId: s.location_id,
      safetyBuffer: Number(s.safety_buffer),
    })),
  };
}

/** Writes a restock decided on locked numbers; throws (rolling back) unless every level took it. */
export async function writeRestock(tx: Ctx, sku: string, d: RestockDecision): Promise<void> {
  const at = tx.clock.now().toISOString();
  const locs = [...d.reservedByLocation.keys()];
  const r = d.allocated.map((a) => a.reservation);
  const [row] = await writeWithEvents<{ updated: number }>(
    tx,
    d.events,
    'res',
    (ev) => sql`with upd as (
          update inventory_levels l set reserved = l.reserved + d.delta, updated_at = ${at}
          from unnest(${sql.param(locs)}::text[], ${sql.param(locs.map((l) => d.reservedByLocation.get(l)!))}::int[])
            as d(location_id, delta)
          where l.sku = ${sku} and l.location_id = d.location_id and l.on_hand - l.reserved >= d.delta
          returning 1
        ),
        res as (
          update inventory_reservations r set lines = u.lines::jsonb, updated_at = ${at}
          from unnest(${sql.param(r.map((x) => x.id))}::text[], ${sql.param(r.map((x) => JSON.stringify(x.lines)))}::text[])
            as u(id, lines)
          where r.id = u.id and r.status = 'allocated'
          returning 1
        ),
        mov as (${reserveMovementsInsert(d.movements, at)}), ${ev}
        select (select count(*) from upd)::int as updated`,
  );
  if (Number(row?.updated ?? 0) !== locs.length)
    throw new Error(`inventory restock of ${sku}: the locked levels did not take the allocation`);
}

/** Of these SKUs, those with order allocations waiting for units (the partial index on allocated ones). */
export async function selectWaitingAmong(tx: Ctx, skus: string[]): Promise<string[]> {
  const found = await rows<{ sku: string }>(
    tx.db,
    sql`select distinct r.sku from inventory_reservations r
        where r.sku = any(${sql.param(skus)}::text[]) and ${WAITING}`,
  );
  return found.map((r) => r.sku);
}

/** SKUs with order allocations still waiting for units (held nowhere yet), at most `limit`. */
export async function selectWaitingSkus(tx: Ctx, limit: number): Promise<string[]> {
  const found = await rows<{ sku: string }>(
    tx.db,
    sql`select distinct r.sku from inventory_reservations r
        where ${WAITING}
        order by r.sku limit ${limit}`,
  );
  return found.map((r) => r.sku);
}
