// Turning several holds into an order's allocation at once (checkout): one conditional UPDATE for
// all of them, so a checkout of N lines pays one round trip, and a hold that is no longer held (or,
// when asked, not wholly at the given location) is left alone and reported, never allocated twice.
import type { Ctx } from '../../platform/context.js';
import { appendEvents } from '../../platform/events/event-log.js';
import { INVENTORY_EVENTS } from './inventory.events.js';
import type { Reservation } from './inventory.types.js';
import { allocateHeldRows } from './reservations.repository.js';

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
