// Restock assigns waiting orders: a durable consumer of stock coming in (a receipt, a count up, a
// transfer's arrival) that gives the SKU's free stock to the orders sold beyond it, oldest first
// (inventory's allocateWaiting). A pre-order before its release date is left waiting, as checkout
// leaves it. At-least-once is safe: the allocation is decided on the locked numbers, so a replay
// finds nothing waiting or nothing free and writes nothing.
import type { Clock } from '../../kernel/index.js';
import type { CatalogService } from '../../modules/catalog/index.js';
import { INVENTORY_EVENTS, type InventoryService } from '../../modules/inventory/index.js';
import { createContext, type Logger } from '../../platform/context.js';
import type { Database } from '../../platform/db/database.js';
import { type RunningConsumer, startConsumer } from '../../platform/events/consumer.js';
import type { StoredEvent } from '../../platform/events/event-log.js';
import { todayOf } from './backorders.js';

export const RESTOCK_EVENT_TYPES = [INVENTORY_EVENTS.adjusted, INVENTORY_EVENTS.transferred];

/** The SKUs whose on-hand went up in these events, in order of first appearance. */
export function restockedSkus(events: StoredEvent[]): string[] {
  const skus = new Set<string>();
  for (const e of events) {
    if (e.type === INVENTORY_EVENTS.transferred) skus.add((e.payload as { sku: string }).sku);
    if (e.type !== INVENTORY_EVENTS.adjusted) continue;
    const movements = (e.payload as { movements: Array<{ sku: string; onHandDelta: number }> }).movements;
    for (const m of movements) if (m.onHandDelta > 0) skus.add(m.sku);
  }
  return [...skus];
}

export interface RestockDeps {
  database: Database;
  inventory: Pick<InventoryService, 'allocateWaiting'>;
  catalog: Pick<CatalogService, 'findVariantsBySkus'>;
  clock: Clock;
  log: Logger;
}

/** The consumer's handler: allocates waiting orders of every SKU restocked in these events. */
export function restockHandler(deps: RestockDeps): (events: StoredEvent[]) => Promise<void> {
  return async (events) => {
    const skus = restockedSkus(events);
    if (skus.length === 0) return;
    const ctx = createContext(deps.database, { clock: deps.clock, log: deps.log });
    const today = todayOf(ctx.clock.now());
    const early = new Set(
      (await deps.catalog.findVariantsBySkus(ctx, skus))
        .filter((v) => v.stockPolicy === 'preorder' && v.availableFrom !== null && v.availableFrom > today)
        .map((v) => v.sku),
    );
    for (const sku of skus) if (!early.has(sku)) await deps.inventory.allocateWaiting(ctx, sku);
  };
}

export function startRestockAllocation(deps: RestockDeps): RunningConsumer {
  return startConsumer({
    database: deps.database,
    name: 'commerce.restock-allocation',
    log: deps.log,
    filter: { types: RESTOCK_EVENT_TYPES },
    handle: restockHandler(deps),
  });
}
