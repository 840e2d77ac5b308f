// Stock came in: the SKU's orders sold beyond the stock get it, oldest first (restock-decision.ts),
// decided on numbers locked in one transaction and written in one statement.
import { type Ctx, inTransaction } from '../../platform/context.js';
import type { Reservation } from './inventory.types.js';
import { lockRestockState, writeRestock } from './restock.repository.js';
import { decideRestock, type Restocked, type RestockPlaces } from './restock-decision.js';

/**
 * Allocates the SKU's free stock to its waiting order allocations; returns those that got units
 * and where. Inside a caller's transaction, its own writes commit with them.
 */
export async function allocateWaiting(
  ctx: Ctx,
  sku: string,
  /** Asked (in the transaction) with the locked waiting allocations: where each may take units. */
  placesOf?: (tx: Ctx, waiting: Reservation[]) => Promise<RestockPlaces>,
): Promise<Restocked[]> {
  return inTransaction(ctx, async (tx) => {
    const state = await lockRestockState(tx, sku);
    if (state.waiting.length === 0) return [];
    const places = placesOf ? await placesOf(tx, state.waiting) : undefined;
    const d = decideRestock(state, sku, tx.clock.now(), places);
    if (d.allocated.length > 0) await writeRestock(tx, sku, d);
    return d.allocated;
  });
}
