// Restock assigns waiting orders: a durable consumer of stock coming in (a receipt, a count up, a
// transfer's arrival) that gives the SKU's free stock to the orders sold beyond it, in the order they
// were placed (inventory's allocateWaiting). A pre-order before its release date is left waiting, as
// checkout leaves it; once the date comes, a periodic job (releaseDuePreorders) gives it the stock
// already in. Allocated units lower the order lines' backorder quantity. At-least-once is safe: the
// allocation is decided on the locked numbers, so a replay finds nothing waiting or nothing free and
// writes nothing. A shipped order's new units get their fulfilment plan (order.fulfilment_planned) in
// the same transaction as the allocation.
import { type Clock, hasPrefix } from '../../kernel/index.js';
import type { CatalogService } from '../../modules/catalog/index.js';
import {
  INVENTORY_EVENTS,
  type InventoryService,
  type Reservation,
  type Restocked,
  type RestockPlan,
} from '../../modules/inventory/index.js';
import type { OrdersModule } from '../../modules/orders/index.js';
import { type Ctx, createContext, inTransaction, type Logger } from '../../platform/context.js';
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
  inventory: Pick<InventoryService, 'allocateWaiting' | 'listLocations' | 'waitingSkus' | 'waitingAmong'>;
  orders: Pick<OrdersModule, 'orders' | 'fulfilments'>;
  catalog: Pick<CatalogService, 'findVariantsBySkus'>;
  clock: Clock;
  log: Logger;
}

/** The consumer's handler: allocates waiting orders of every SKU restocked in these events. */
export function restockHandler(deps: RestockDeps): (events: StoredEvent[]) => Promise<void> {
  return async (events) => {
    const skus = restockedSkus(events);
    if (skus.length === 0) return;
    await allocateSkus(deps, createContext(deps.database, { clock: deps.clock, log: deps.log }), skus);
  };
}

/**
 * Pre-orders whose release date came: their SKUs' waiting orders get the stock already in, without
 * waiting for the next stock event (a periodic job). Returns the allocations made.
 */
export function releaseDuePreorders(deps: RestockDeps): (ctx: Ctx) => Promise<number> {
  return async (ctx) => {
    const waiting = await deps.inventory.waitingSkus(ctx);
    if (waiting.length === 0) return 0;
    const today = todayOf(ctx.clock.now());
    const due = (await deps.catalog.findVariantsBySkus(ctx, waiting))
      .filter((v) => v.stockPolicy === 'preorder' && v.availableFrom !== null && v.availableFrom <= today)
      .map((v) => v.sku);
    return due.length ? allocateSkus(deps, ctx, due) : 0;
  };
}

/**
 * Allocates each SKU's free stock to its waiting orders (a pre-order before its date is skipped).
 * Only the SKUs something waits for get a transaction: an import restocks tens of thousands of SKUs
 * that no order waits for, and locking each one's levels in its own transaction kept this consumer
 * a minute behind the log.
 */
async function allocateSkus(deps: RestockDeps, ctx: Ctx, restocked: string[]): Promise<number> {
  const waiting = new Set(await deps.inventory.waitingAmong(ctx, restocked));
  const skus = restocked.filter((sku) => waiting.has(sku));
  if (skus.length === 0) return 0;
  const today = todayOf(ctx.clock.now());
  const early = new Set(
    (await deps.catalog.findVariantsBySkus(ctx, skus))
      .filter((v) => v.stockPolicy === 'preorder' && v.availableFrom !== null && v.availableFrom > today)
      .map((v) => v.sku),
  );
  let allocated = 0;
  for (const sku of skus) {
    if (early.has(sku)) continue;
    await inTransaction(ctx, async (tx) => {
      const restocked = await deps.inventory.allocateWaiting(tx, sku, (t, waiting) =>
        orderPlan(deps, t, waiting),
      );
      if (restocked.length === 0) return;
      allocated += restocked.length;
      await planShipments(deps, tx, sku, restocked);
      // The order lines' waiting units go down by what arrived (the order shows what still waits).
      for (const { reservation, added } of restocked) {
        if (!reservation.reference || !hasPrefix(reservation.reference, 'ord')) continue;
        const units = added.reduce((n, a) => n + a.quantity, 0);
        await deps.orders.orders.receiveBackordered(tx, reservation.reference, sku, units);
      }
    });
  }
  return allocated;
}

/**
 * What the waiting allocations' orders say: a pickup order's units wait for its own store (other
 * orders take any of the channel's locations), and orders are served by the time they were placed.
 */
async function orderPlan(deps: RestockDeps, tx: Ctx, waiting: Reservation[]): Promise<RestockPlan> {
  const places = new Map<string, string>();
  const placedAt = new Map<string, Date>();
  for (const r of waiting) {
    if (!r.reference || !hasPrefix(r.reference, 'ord')) continue;
    const order = await deps.orders.orders.findOrder(tx, r.reference);
    if (!order) continue;
    placedAt.set(r.id, order.placedAt);
    if (order.delivery.type === 'pickup') places.set(r.id, order.delivery.locationId);
  }
  return { places, placedAt };
}

/** Plans where a shipped order's newly allocated units leave from (pickup orders wait at the store). */
async function planShipments(deps: RestockDeps, tx: Ctx, sku: string, restocked: Restocked[]) {
  const types = new Map((await deps.inventory.listLocations(tx)).map((l) => [l.id, l.type]));
  for (const { reservation, added } of restocked) {
    if (!reservation.reference || !hasPrefix(reservation.reference, 'ord')) continue;
    const order = await deps.orders.orders.findOrder(tx, reservation.reference);
    if (!order || order.delivery.type !== 'ship') continue;
    await deps.orders.fulfilments.planFulfilments(
      tx,
      order,
      added.map((a) => ({
        kind: types.get(a.locationId) === 'store' ? 'ship_from_store' : 'ship_from_warehouse',
        locationId: a.locationId,
        lines: [{ sku, quantity: a.quantity, reservationId: reservation.id }],
        routing: {
          strategy: 'restock',
          reason: 'stock arrived for units sold beyond the stock',
          distanceKm: null,
        },
      })),
    );
  }
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
