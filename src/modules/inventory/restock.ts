// Stock came in: the SKU's orders sold beyond the stock get it, oldest first (restock-decision.ts),
// decided on numbers locked in one transaction and written in one statement.
import { type Ctx, inTransaction } from '../../platform/context.js';
import type { Reservation } from './inventory.types.js';
import {
  lockRestockState,
  selectWaitingAmong,
  selectWaitingSkus,
  writeRestock,
} from './restock.repository.js';
import { decideRestock, type Restocked, type RestockPlan } from './restock-decision.js';

/**
 * Allocates the SKU's free stock to its waiting order allocations; returns those that got units
 * and where. Inside a caller's transaction, its own writes commit with them.
 */
export async function allocateWaiting(
  ctx: Ctx,
  sku: string,
  /** Asked (in the transaction) with the locked waiting allocations: where each may take units, and when its order was placed. */
  planOf?: (tx: Ctx, waiting: Reservation[]) => Promise<RestockPlan>,
): Promise<Restocked[]> {
  return inTransaction(ctx, async (tx) => {
    const state = await lockRestockState(tx, sku);
    if (state.waiting.length === 0) return [];
    const plan = planOf ? await planOf(tx, state.waiting) : {};
    const d = decideRestock(state, sku, tx.clock.now(), plan.places, plan.placedAt);
    if (d.allocated.length > 0) await writeRestock(tx, sku, d);
    return d.allocated;
  });
}

/** SKUs with order allocations still waiting for units (a sweep of pre-orders whose date came). */
export const waitingSkus = (ctx: Ctx, limit = 1000): Promise<string[]> => selectWaitingSkus(ctx, limit);

/** Of these SKUs, those with order allocations waiting for units, in one statement. */
export const waitingAmong = (ctx: Ctx, skus: string[]): Promise<string[]> =>
  skus.length === 0 ? Promise.resolve([]) : selectWaitingAmong(ctx, skus);
