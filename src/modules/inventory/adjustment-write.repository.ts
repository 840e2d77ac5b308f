// Till sales, receipts and write-offs of several callers in ONE statement (its own transaction):
// per adjustment the conditional level update, the ledger row and both events, whose payloads (the
// new level, each affected channel's available-to-sell) the statement computes from the rows it
// updated. An adjustment whose level is missing or would break an invariant is simply not written
// (nor are its events); the locking transaction in stock.service.ts then decides it.
import { sql } from 'drizzle-orm';
import type { Ctx } from '../../platform/context.js';
import { rows } from '../../platform/db/database.js';
import {
  checkGroupEvents,
  groupEventsCte,
  groupEventsWritten,
  newEventId,
  notifyEventsWritten,
} from '../../platform/events/event-log.js';
import { INVENTORY_EVENTS, skuSubject } from './inventory.events.js';
import type { Level, Movement } from './inventory.types.js';
import { type MovementSqlRow, toMovement } from './levels.repository.js';

export interface QuickAdjustment {
  kind: 'receive' | 'damage' | 'sale';
  sku: string;
  /** A location id or code. */
  location: string;
  quantity: number;
  reason: string | null;
  adjustmentId: string;
  /** Who and which request, for the ledger row and the events. */
  actor: string;
  requestId: string;
}

export interface QuickOutcome {
  movement: Movement;
  level: Level;
}

/**
 * Writes the adjustments (at most one per SKU) that find their level and keep its invariants;
 * returns the outcome of each written one by adjustment id.
 */
export async function writeQuickAdjustments(
  ctx: Ctx,
  list: QuickAdjustment[],
): Promise<Map<string, QuickOutcome>> {
  const at = ctx.clock.now().toISOString();
  const columns: Array<[name: string, type: string, values: unknown[]]> = [
    ['ord', 'int', list.map((_, i) => i)],
    ['adjustment_id', 'text', list.map((a) => a.adjustmentId)],
    ['kind', 'text', list.map((a) => a.kind)],
    ['sku', 'text', list.map((a) => a.sku)],
    ['ref', 'text', list.map((a) => a.location)],
    ['delta', 'int', list.map((a) => (a.kind === 'receive' ? a.quantity : -a.quantity))],
    ['reason', 'text', list.map((a) => a.reason)],
    ['actor', 'text', list.map((a) => a.actor)],
    ['request_id', 'text', list.map((a) => a.requestId)],
    ['subject', 'text', list.map((a) => skuSubject(a.sku))],
    ['adjusted_id', 'text', list.map(() => newEventId())],
    ['changed_id', 'text', list.map(() => newEventId())],
  ];
  const input = sql`unnest(${sql.join(
    columns.map(([, type, values]) => sql`${sql.param(values)}::${sql.raw(type)}[]`),
    sql`, `,
  )}) as i(${sql.raw(columns.map(([name]) => name).join(', '))})`;
  // The same fields, in the same order, as the locking path's events.
  const events = sql`select t.adjusted_id as id, ${INVENTORY_EVENTS.adjusted}::text as type, t.subject,
          null::text as channel_id,
          jsonb_build_object('adjustmentId', t.adjustment_id, 'movements', jsonb_build_array(jsonb_build_object(
            'sku', u.sku, 'locationId', u.location_id, 'kind', t.kind, 'onHandDelta', t.delta, 'reservedDelta', 0,
            'reason', t.reason, 'reservationId', null, 'adjustmentId', t.adjustment_id))) as payload,
          t.actor, t.request_id, ${at}::timestamptz as occurred_at, t.ord * 2 as ord
        from upd u join target t on t.sku = u.sku and t.location_id = u.location_id
        union all
        select t.changed_id, ${INVENTORY_EVENTS.stockChanged}::text, t.subject, null::text,
          jsonb_build_object('sku', u.sku, 'cause', t.kind, 'levels', jsonb_build_array(jsonb_build_object(
            'sku', u.sku, 'locationId', u.location_id, 'onHand', u.on_hand, 'reserved', u.reserved,
            'available', u.on_hand - u.reserved)), 'channels', coalesce(a.list, '[]'::jsonb)),
          t.actor, t.request_id, ${at}::timestamptz, t.ord * 2 + 1
        from upd u join target t on t.sku = u.sku and t.location_id = u.location_id
        left join ats a on a.sku = u.sku`;
  const found = await rows<
    MovementSqlRow & { level_on_hand: number; level_reserved: number; written_events?: unknown }
  >(
    ctx.db,
    sql`with input as (select * from ${input}),
        target as (
          select i.*, loc.id as location_id from input i
          join lateral (select id from inventory_locations where id = i.ref or code = i.ref
                        order by (id = i.ref) desc limit 1) loc on true
        ),
        -- Locked in (sku, location) order, as every multi-row writer does, so none can deadlock.
        locked as materialized (
          select l.sku, l.location_id from inventory_levels l
          join target t on l.sku = t.sku and l.location_id = t.location_id
          order by l.sku, l.location_id
          for update of l
        ),
        upd as (
          update inventory_levels l set on_hand = l.on_hand + t.delta, updated_at = ${at}
          from target t join locked k on k.sku = t.sku and k.location_id = t.location_id
          where l.sku = t.sku and l.location_id = t.location_id
            and l.on_hand + t.delta >= 0 and l.on_hand + t.delta - l.reserved >= 0
          returning l.sku, l.location_id, l.on_hand, l.reserved
        ),
        mov as (
          insert into inventory_movements (sku, location_id, kind, on_hand_delta, reserved_delta, reason, actor,
                                           reservation_id, adjustment_id, occurred_at)
          select u.sku, u.location_id, t.kind, t.delta, 0, t.reason, t.actor, null, t.adjustment_id, ${at}
          from upd u join target t on t.sku = u.sku and t.location_id = u.location_id
          order by t.ord
          returning *
        ),
        -- Available-to-sell of each channel fed by a changed location: the statement's snapshot of
        -- the other levels, the updated rows' new numbers.
        per_channel as (
          select u.sku, c.channel_id,
                 greatest(coalesce(sum(coalesce(n.on_hand - n.reserved, l.on_hand - l.reserved)), 0)
                          - c.safety_buffer, 0)::int as ats
          from upd u
          join inventory_channel_locations fed on fed.location_id = u.location_id
          join inventory_channels c on c.channel_id = fed.channel_id
          join inventory_channel_locations cl on cl.channel_id = c.channel_id
          join inventory_locations il on il.id = cl.location_id and il.status = 'active'
          left join inventory_levels l on l.sku = u.sku and l.location_id = cl.location_id
          left join upd n on n.sku = u.sku and n.location_id = cl.location_id
          group by u.sku, c.channel_id, c.safety_buffer
        ),
        ats as (
          select sku, jsonb_agg(jsonb_build_object('channelId', channel_id, 'availableToSell', ats)
                                order by channel_id) as list
          from per_channel group by sku
        ),
        ${groupEventsCte(ctx, events)}
        select m.*, u.on_hand as level_on_hand, u.reserved as level_reserved${groupEventsWritten()}
        from mov m join upd u on u.sku = m.sku and u.location_id = m.location_id`,
  );
  if (found.length > 0) {
    notifyEventsWritten(ctx);
    checkGroupEvents(found);
  }
  const out = new Map<string, QuickOutcome>();
  for (const r of found) {
    const onHand = Number(r.level_on_hand);
    const reserved = Number(r.level_reserved);
    out.set(r.adjustment_id!, {
      movement: toMovement(r),
      level: { sku: r.sku, locationId: r.location_id, onHand, reserved, available: onHand - reserved },
    });
  }
  return out;
}
