// A till sale, a receipt or a write-off in ONE statement (its own transaction when the caller has
// none): the conditional level update, the ledger row and both events, whose payloads (the new
// level, each affected channel's available-to-sell) the statement computes from the row it updated.
// This is the hot path of every till; the locking transaction in stock.service.ts stays for counts,
// batches, new levels and refusals, which this statement leaves to it by writing nothing.
import { sql } from 'drizzle-orm';
import type { Ctx } from '../../platform/context.js';
import { writeWithEvents } from '../../platform/events/event-log.js';
import { INVENTORY_EVENTS, skuSubject } from './inventory.events.js';
import type { Level, Movement } from './inventory.types.js';
import { type RawMovement, toMovement } from './levels.repository.js';

export interface QuickAdjustment {
  kind: 'receive' | 'damage' | 'sale';
  sku: string;
  /** A location id or code. */
  location: string;
  quantity: number;
  reason: string | null;
}

/**
 * Writes the adjustment if its level exists and stays within its invariants; undefined (nothing
 * written) otherwise, e.g. an unknown location or SKU, or a sale of more than is available.
 */
export async function writeQuickAdjustment(
  ctx: Ctx,
  a: QuickAdjustment,
  adjustmentId: string,
): Promise<{ movement: Movement; level: Level } | undefined> {
  const at = ctx.clock.now().toISOString();
  const delta = a.kind === 'receive' ? a.quantity : -a.quantity;
  // The same fields, in the same order, as the locking path's events.
  const movementJson = sql`jsonb_build_object('sku', u.sku, 'locationId', u.location_id, 'kind', ${a.kind}::text,
      'onHandDelta', ${delta}::int, 'reservedDelta', 0, 'reason', ${a.reason}::text, 'reservationId', null,
      'adjustmentId', ${adjustmentId}::text)`;
  const levelJson = sql`jsonb_build_object('sku', u.sku, 'locationId', u.location_id, 'onHand', u.on_hand,
      'reserved', u.reserved, 'available', u.on_hand - u.reserved)`;
  const found = await writeWithEvents<RawMovement & { level_on_hand: number; level_reserved: number }>(
    ctx,
    [
      {
        type: INVENTORY_EVENTS.adjusted,
        subject: skuSubject(a.sku),
        channelId: null,
        payload: {},
        payloadSql: sql`select jsonb_build_object('adjustmentId', ${adjustmentId}::text,
            'movements', jsonb_build_array(${movementJson})) from upd u`,
      },
      {
        type: INVENTORY_EVENTS.stockChanged,
        subject: skuSubject(a.sku),
        channelId: null,
        payload: {},
        payloadSql: sql`select jsonb_build_object('sku', u.sku, 'cause', ${a.kind}::text,
            'levels', jsonb_build_array(${levelJson}), 'channels', (select list from ats)) from upd u`,
      },
    ],
    'upd',
    (ev) => sql`with loc as (
          select id from inventory_locations where id = ${a.location} or code = ${a.location}
          order by (id = ${a.location}) desc limit 1
        ),
        upd as (
          update inventory_levels l set on_hand = l.on_hand + ${delta}::int, updated_at = ${at}
          from loc
          where l.sku = ${a.sku} and l.location_id = loc.id
            and l.on_hand + ${delta}::int >= 0 and l.on_hand + ${delta}::int - l.reserved >= 0
          returning l.sku, l.location_id, l.on_hand, l.reserved
        ),
        mov as (
          insert into inventory_movements (sku, location_id, kind, on_hand_delta, reserved_delta, reason, actor,
                                           reservation_id, adjustment_id, occurred_at)
          select u.sku, u.location_id, ${a.kind}, ${delta}::int, 0, ${a.reason}::text, ${ctx.actor.id},
                 null, ${adjustmentId}, ${at}
          from upd u
          returning *
        ),
        -- Available-to-sell of each channel fed by the location: the statement's snapshot of the
        -- other levels, the updated row's new numbers.
        per_channel as (
          select c.channel_id,
                 greatest(coalesce(sum(coalesce(u.on_hand - u.reserved, l.on_hand - l.reserved)), 0)
                          - c.safety_buffer, 0)::int as ats
          from inventory_channels c
          join inventory_channel_locations cl on cl.channel_id = c.channel_id
          join inventory_locations il on il.id = cl.location_id and il.status = 'active'
          left join inventory_levels l on l.sku = ${a.sku} and l.location_id = cl.location_id
          left join upd u on u.location_id = cl.location_id
          where c.channel_id in (select channel_id from inventory_channel_locations
                                 where location_id = (select location_id from upd))
          group by c.channel_id, c.safety_buffer
        ),
        ats as (
          select coalesce(jsonb_agg(jsonb_build_object('channelId', channel_id, 'availableToSell', ats)
                                    order by channel_id), '[]'::jsonb) as list
          from per_channel
        ),
        ${ev}
        select m.*, u.on_hand as level_on_hand, u.reserved as level_reserved from mov m, upd u`,
  );
  const r = found[0];
  if (!r) return undefined;
  const onHand = Number(r.level_on_hand);
  const reserved = Number(r.level_reserved);
  return {
    movement: toMovement(r),
    level: { sku: r.sku, locationId: r.location_id, onHand, reserved, available: onHand - reserved },
  };
}
