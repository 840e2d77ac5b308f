// Turning several holds into an order's allocation at once (checkout): one conditional UPDATE for
// all of them, so a checkout of N lines pays one round trip, and a hold that is no longer held (or,
// when asked, not wholly at the given location) is left alone and reported, never allocated twice.

import { sql } from 'drizzle-orm';
import type { Ctx } from '../../platform/context.js';
import { appendEvents } from '../../platform/events/event-log.js';
import type { StatementPart } from '../../platform/events/one-statement.js';
import { INVENTORY_EVENTS } from './inventory.events.js';
import type { Reservation } from './inventory.types.js';
import { allocateHeldRows, allocateHeldStatement, reservationJson } from './reservations.repository.js';

export interface AllocateManyOutcome {
  /** The holds this call allocated. */
  allocated: Reservation[];
  /** Ids it left alone: no longer held (expired, released, already allocated) or elsewhere. */
  skipped: string[];
}

/** Allocates the given holds (all, or those wholly at `atLocation`) for `reference` (an order id). */
export async function allocateMany(
  ctx: Ctx,
  ids: string[],
  opts: { reference?: string; atLocation?: string } = {},
): Promise<AllocateManyOutcome> {
  if (ids.length === 0) return { allocated: [], skipped: [] };
  const moved = await allocateHeldRows(ctx.db, ids, { at: ctx.clock.now(), ...opts });
  await appendEvents(
    ctx,
    moved.map((r) => ({
      type: INVENTORY_EVENTS.reservationAllocated,
      subject: r.id,
      channelId: r.channelId,
      payload: { reservation: r },
    })),
  );
  const done = new Set(moved.map((r) => r.id));
  return { allocated: moved, skipped: ids.filter((id) => !done.has(id)) };
}

/**
 * allocateMany as a part (CTE `name`) of a caller's one-statement write: it must allocate every one
 * of `ids` (else the whole statement is refused); the events are built from the moved rows.
 */
export function allocateAllPart(
  ctx: Ctx,
  name: string,
  ids: string[],
  opts: { reference?: string; atLocation?: string } = {},
): StatementPart {
  return {
    name,
    statement: allocateHeldStatement(ids, { at: ctx.clock.now(), ...opts }),
    expectRows: ids.length,
    sqlEvents: {
      count: ids.length,
      select: sql`select ${INVENTORY_EVENTS.reservationAllocated}::text as type, r.id as subject, r.channel_id,
                         jsonb_build_object('reservation', ${reservationJson()}) as payload
                  from ${sql.identifier(name)} r`,
    },
  };
}
