// The inventory service: locations and sourcing, stock and adjustments, reservations, composed
// into one object (each part lives in its own file by use case).
import { type Ctx, inTransaction } from '../../platform/context.js';
import type { Level } from './inventory.types.js';
import { createLocationsService, type LocationsDeps } from './locations.service.js';
import { allocateMany } from './reservation-allocate.js';
import type { BatcherOptions } from './reservation-batcher.js';
import { createReservationsService } from './reservations.service.js';
import { createStockService, type OnHandEntry } from './stock.service.js';

export interface InventoryDeps extends LocationsDeps {
  /** Group-commit tuning for reservations. */
  batching?: Partial<BatcherOptions>;
}

export function createInventoryService(deps: InventoryDeps = {}) {
  const locations = createLocationsService(deps);
  const stock = createStockService();
  const reservations = createReservationsService(deps.batching);
  return {
    ...locations,
    ...stock,
    ...reservations,
    /** Turns several holds into an allocation with one statement (checkout); see reservation-allocate.ts. */
    allocateMany: (ctx: Ctx, ids: string[], opts?: { reference?: string; atLocation?: string }) =>
      inTransaction(ctx, (tx) => allocateMany(tx, ids, opts)),
    /** Sets the counted on-hand of one SKU at one location (id or code); throws insufficient_stock below reserved. */
    async setOnHand(ctx: Ctx, entry: OnHandEntry): Promise<Level> {
      return (await stock.setOnHandMany(ctx, [entry]))[0]!;
    },
  };
}

export type InventoryService = ReturnType<typeof createInventoryService>;
