// Inventory: stock locations, on-hand per SKU per location, channel sourcing and a reservation ledger
// that never oversells (group-committed conditional updates), with available-to-sell per channel.
import { fileURLToPath } from 'node:url';
import type { MigrationSet } from '../../platform/db/migrate.js';

export { type ExpirySweeper, startExpirySweeper } from './expiry-sweeper.js';
export {
  INVENTORY_EVENT_SCHEMAS,
  INVENTORY_EVENTS,
  type InventoryEventPayload,
  skuSubject,
} from './inventory.events.js';
export { inventoryRoutes } from './inventory.routes.js';
export { createInventoryService, type InventoryDeps, type InventoryService } from './inventory.service.js';
export * from './inventory.types.js';
export type { ReserveResult } from './reservation-batch.js';
export type { ReservationChange, ReserveOptions } from './reservations.service.js';
export type { Restocked, RestockPlaces, RestockPlan } from './restock-decision.js';
export type { OnHandEntry } from './stock.service.js';

export const inventoryMigrations: MigrationSet = {
  name: 'inventory',
  folder: fileURLToPath(new URL('./migrations', import.meta.url)),
};
