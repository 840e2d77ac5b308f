// Stock came in: the SKU's orders sold beyond the stock get it, oldest first (restock-decision.ts),
// decided on numbers locked in one transaction and written in one statement.
import { type Ctx, inTransaction } from '../../platform/context.js';
import { lockRestockState, writeRestock } from './restock.repository.js';
import { decideRestock, type Restocked } from './restock-decision.js';

/**
 * Allocates the SKU's free stock to its waiting order allocations; returns those that got units
 * and where. Inside a caller's transaction, its own writes commit with them.
 */
export async function allocateWaiting(ctx: Ctx, sku: string): Promise<Restocked[]> {
  return inTransaction(ctx, async (tx) => {
    const d = decideRestock(await lockRestockState(tx, sku), sku, tx.clock.now());
    if (d.allocated.length > 0) await writeRestock(tx, sku, d);
    return d.allocated;
  });
}
