// SQL for stock levels and the movement ledger. Multi-row changes lock their level rows in one
// order (sku, location) so concurrent writers cannot deadlock, and every update is conditional, so
// even a bug above cannot take stock below zero or reserve more than is on hand.
import { sql } from 'drizzle-orm';
import { type Executor, rows } from '../../platform/db/database.js';
import type { SqlRow } from '../../platform/db/rows.js';
import type { inventoryLevels, inventoryMovements } from './inventory.schema.js';
import type { Level, Movement, MovementKind } from './inventory.types.js';

export interface LevelKey {
  sku: string;
  locationId: string;
}

export interface LevelDelta extends LevelKey {
  onHandDelta: number;
  reservedDelta: number;
}

export interface NewMovement extends LevelDelta {
  kind: MovementKind;
  reason: string | null;
  actor: string;
  reservationId: string | null;
  adjustmentId: string | null;
}

type LevelSqlRow = Pick<SqlRow<typeof inventoryLevels>, 'sku' | 'location_id' | 'on_hand' | 'reserved'>;

const toLevel = (r: LevelSqlRow): Level => {
  const onHand = Number(r.on_hand);
  const reserved = Number(r.reserved);
  return { sku: r.sku, locationId: r.location_id, onHand, reserved, available: onHand - reserved };
};

export const levelKey = (k: LevelKey): string => `${k.locationId}\u0000${k.sku}`;

/** Creates missing level rows (at zero) so they can be locked and counted. */
export async function ensureLevels(exec: Executor, keys: LevelKey[], now: Date): Promise<void> {
  if (keys.length === 0) return;
  await exec.execute(
    sql`insert into inventory_levels (sku, location_id, on_hand, reserved, updated_at)
        select u.sku, u.location_id, 0, 0, ${now.toISOString()}
        from unnest(${sql.param(keys.map((k) => k.sku))}::text[], ${sql.param(keys.map((k) => k.locationId))}::text[])
          as u(sku, location_id)
        on conflict do nothing`,
  );
}

/** Locks existing level rows (in sku, location order) and returns them. */
export async function lockLevels(exec: Executor, keys: LevelKey[]): Promise<Map<string, Level>> {
  const out = new Map<string, Level>();
  if (keys.length === 0) return out;
  const found = await rows<LevelSqlRow>(
    exec,
    sql`select l.sku, l.location_id, l.on_hand, l.reserved
        from inventory_levels l
        join unnest(${sql.param(keys.map((k) => k.sku))}::text[], ${sql.param(keys.map((k) => k.locationId))}::text[])
          as u(sku, location_id) on l.sku = u.sku and l.location_id = u.location_id
        order by l.sku, l.location_id
        for update of l`,
  );
  for (const r of found) {
    const level = toLevel(r);
    out.set(levelKey(level), level);
  }
  return out;
}

/** Sums deltas per level: an UPDATE … FROM applies only one source row per target row. */
export function sumDeltas(deltas: LevelDelta[]): LevelDelta[] {
  const byKey = new Map<string, LevelDelta>();
  for (const d of deltas) {
    const k = levelKey(d);
    const prev = byKey.get(k);
    if (prev) {
      prev.onHandDelta += d.onHandDelta;
      prev.reservedDelta += d.reservedDelta;
    } else byKey.set(k, { ...d });
  }
  return [...byKey.values()].filter((d) => d.onHandDelta !== 0 || d.reservedDelta !== 0);
}

/**
 * Applies summed deltas with one conditional UPDATE. Returns the new levels; a level whose change
 * would break an invariant is not updated and not returned (callers treat that as a conflict).
 */
export async function applyLevelDeltas(exec: Executor, deltas: LevelDelta[], now: Date): Promise<Level[]> {
  if (deltas.length === 0) return [];
  const updated = await rows<LevelSqlRow>(
    exec,
    sql`update inventory_levels l
        set on_hand = l.on_hand + d.on_hand_delta, reserved = l.reserved + d.reserved_delta, updated_at = ${now.toISOString()}
        from unnest(${sql.param(deltas.map((d) => d.sku))}::text[], ${sql.param(deltas.map((d) => d.locationId))}::text[],
                    ${sql.param(deltas.map((d) => d.onHandDelta))}::int[], ${sql.param(deltas.map((d) => d.reservedDelta))}::int[])
          as d(sku, location_id, on_hand_delta, reserved_delta)
        where l.sku = d.sku and l.location_id = d.location_id
          and l.on_hand + d.on_hand_delta >= 0
          and l.reserved + d.reserved_delta >= 0
          and l.on_hand + d.on_hand_delta - (l.reserved + d.reserved_delta) >= 0
        returning l.sku, l.location_id, l.on_hand, l.reserved`,
  );
  return updated.map(toLevel);
}

/** Inserts ledger rows with one statement; returns them only when asked (the hot path does not). */
export async function insertMovements(
  exec: Executor,
  list: NewMovement[],
  at: Date,
  returning = false,
): Promise<Movement[]> {
  if (list.length === 0) return [];
  const r = await rows<MovementSqlRow>(
    exec,
    sql`insert into inventory_movements (sku, location_id, kind, on_hand_delta, reserved_delta, reason, actor,
                                         reservation_id, adjustment_id, occurred_at)
        select u.sku, u.location_id, u.kind, u.on_hand_delta, u.reserved_delta, u.reason, u.actor,
               u.reservation_id, u.adjustment_id, ${at.toISOString()}
        from unnest(${sql.param(list.map((m) => m.sku))}::text[], ${sql.param(list.map((m) => m.locationId))}::text[],
                    ${sql.param(list.map((m) => m.kind))}::text[], ${sql.param(list.map((m) => m.onHandDelta))}::int[],
                    ${sql.param(list.map((m) => m.reservedDelta))}::int[], ${sql.param(list.map((m) => m.reason))}::text[],
                    ${sql.param(list.map((m) => m.actor))}::text[], ${sql.param(list.map((m) => m.reservationId))}::text[],
                    ${sql.param(list.map((m) => m.adjustmentId))}::text[])
          as u(sku, location_id, kind, on_hand_delta, reserved_delta, reason, actor, reservation_id, adjustment_id)
        ${returning ? sql`returning *` : sql``}`,
  );
  return r.map(toMovement);
}

/**
 * Available-to-sell of every channel fed by any of `locationIds`, for each SKU: what the
 * stock_changed event carries.
 */
export async function availabilityOfAffectedChannels(
  exec: Executor,
  skus: string[],
  locationIds: string[],
): Promise<Array<{ sku: string; channelId: string; availableToSell: number }>> {
  const r = await rows<{ sku: string; channel_id: string; ats: number }>(
    exec,
    sql`select s.sku, c.channel_id,
               greatest(coalesce(sum(l.on_hand - l.reserved), 0) - c.safety_buffer, 0)::int as ats
        from inventory_channels c
        cross join unnest(${sql.param(skus)}::text[]) as s(sku)
        join inventory_channel_locations cl on cl.channel_id = c.channel_id
        join inventory_locations loc on loc.id = cl.location_id and loc.status = 'active'
        left join inventory_levels l on l.sku = s.sku and l.location_id = cl.location_id
        where c.channel_id in (select channel_id from inventory_channel_locations
                               where location_id = any(${sql.param(locationIds)}::text[]))
        group by s.sku, c.channel_id, c.safety_buffer
        order by s.sku, c.channel_id`,
  );
  return r.map((x) => ({ sku: x.sku, channelId: x.channel_id, availableToSell: Number(x.ats) }));
}

/** One query for a page of SKUs: Σ over the channel's active locations of (on hand − reserved) − buffer, ≥ 0. */
export async function selectAvailableToSell(
  exec: Executor,
  channelId: string,
  skus: string[],
): Promise<Map<string, number>> {
  const r = await rows<{ sku: string; ats: number }>(
    exec,
    sql`select s.sku,
               greatest(coalesce(sum(l.on_hand - l.reserved), 0)
                        - coalesce((select safety_buffer from inventory_channels where channel_id = ${channelId}), 0), 0)::int as ats
        from unnest(${sql.param(skus)}::text[]) as s(sku)
        left join inventory_channel_locations cl on cl.channel_id = ${channelId}
          and exists (select 1 from inventory_locations loc where loc.id = cl.location_id and loc.status = 'active')
        left join inventory_levels l on l.sku = s.sku and l.location_id = cl.location_id
        group by s.sku`,
  );
  const out = new Map<string, number>();
  for (const x of r) out.set(x.sku, Number(x.ats));
  for (const s of skus) if (!out.has(s)) out.set(s, 0);
  return out;
}

/** Every SKU stocked at a channel's active locations with its available-to-sell, by SKU after a cursor. */
export async function selectChannelAvailability(
  exec: Executor,
  channelId: string,
  opts: { after?: string | undefined; limit: number },
): Promise<Array<{ sku: string; availableToSell: number }>> {
  const after = opts.after ? sql`and l.sku > ${opts.after}` : sql``;
  const r = await rows<{ sku: string; ats: number }>(
    exec,
    sql`select l.sku, greatest(sum(l.on_hand - l.reserved) - coalesce(max(c.safety_buffer), 0), 0)::int as ats
        from inventory_channel_locations cl
        join inventory_locations loc on loc.id = cl.location_id and loc.status = 'active'
        join inventory_levels l on l.location_id = cl.location_id
        left join inventory_channels c on c.channel_id = cl.channel_id
        where cl.channel_id = ${channelId} ${after}
        group by l.sku order by l.sku limit ${opts.limit}`,
  );
  return r.map((x) => ({ sku: x.sku, availableToSell: Number(x.ats) }));
}

/** The levels of several SKUs at every location, in one read. */
export async function selectLevelsOfSkus(exec: Executor, skus: string[]): Promise<Level[]> {
  return (
    await rows<LevelSqlRow>(
      exec,
      sql`select sku, location_id, on_hand, reserved from inventory_levels
          where sku = any(${sql.param(skus)}::text[]) order by sku, location_id`,
    )
  ).map(toLevel);
}

/** Levels at a location, ordered by SKU, after a SKU cursor. */
export async function selectLevelsAtLocation(
  exec: Executor,
  locationId: string,
  opts: { after?: string | undefined; limit: number },
): Promise<Level[]> {
  const after = opts.after ? sql`and sku > ${opts.after}` : sql``;
  return (
    await rows<LevelSqlRow>(
      exec,
      sql`select sku, location_id, on_hand, reserved from inventory_levels
          where location_id = ${locationId} ${after} order by sku limit ${opts.limit}`,
    )
  ).map(toLevel);
}

export type MovementSqlRow = SqlRow<typeof inventoryMovements>;

export async function selectMovements(
  exec: Executor,
  filter: {
    sku?: string | undefined;
    locationId?: string | undefined;
    after?: number | undefined;
    limit: number;
  },
): Promise<Movement[]> {
  const conds = [sql`true`];
  if (filter.sku) conds.push(sql`sku = ${filter.sku}`);
  if (filter.locationId) conds.push(sql`location_id = ${filter.locationId}`);
  if (filter.after) conds.push(sql`id > ${filter.after}`);
  const r = await rows<MovementSqlRow>(
    exec,
    sql`select * from inventory_movements where ${sql.join(conds, sql` and `)} order by id limit ${filter.limit}`,
  );
  return r.map(toMovement);
}

export function toMovement(m: MovementSqlRow): Movement {
  return {
    id: Number(m.id),
    sku: m.sku,
    locationId: m.location_id,
    kind: m.kind,
    onHandDelta: Number(m.on_hand_delta),
    reservedDelta: Number(m.reserved_delta),
    reason: m.reason,
    actor: m.actor,
    reservationId: m.reservation_id,
    adjustmentId: m.adjustment_id,
    occurredAt: new Date(m.occurred_at),
  };
}
