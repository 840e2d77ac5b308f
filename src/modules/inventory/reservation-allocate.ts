// Turning several holds into an order's allocation at once (checkout): one conditional UPDATE for
// all of them, so a checkout of N lines pays one round trip, and a hold that is no longer held (or,
// when asked, not wholly at the given location) is left alone and reported, never allocated twice.
import { sql } from 'drizzle-orm';
import type { Ctx } from '../../platform/context.js';
import { rows } from '../../platform/db/database.js';
import { appendEvents } from '../../platform/events/event-log.js';
import { INVENTORY_EVENTS } from './inventory.events.js';
import type { Reservation } from './inventory.types.js';
import { type ReservationSqlRow, toReservation } from './reservations.repository.js';

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
  const moved = (
    await rows<ReservationSqlRow>(
      ctx.db,
      sql`update inventory_reservations
          set status = 'allocated', expires_at = null, updated_at = ${ctx.clock.now().toISOString()}
              ${opts.reference !== undefined ? sql`, reference = ${opts.reference}` : sql``}
          where id = any(${sql.param(ids)}::text[]) and status = 'held'
            ${
              opts.atLocation !== undefined
                ? sql`and not exists (select 1 from jsonb_array_elements(lines) l
                                      where l->>'locationId' <> ${opts.atLocation})`
                : sql``
            }
          returning *`,
    )
  ).map(toReservation);
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
