// Events the inventory module emits. Every change of stock also emits `inventory.stock_changed`
// (subject `sku:<sku>`) with the new levels and the new available-to-sell of every affected channel.
export const INVENTORY_EVENTS = {
  locationCreated: 'inventory.location_created',
  locationUpdated: 'inventory.location_updated',
  sourcingChanged: 'inventory.sourcing_changed',
  adjusted: 'inventory.adjusted',
  transferred: 'inventory.transferred',
  /** One per committed batch of new reservations of a SKU (the group commit), listing them. */
  reserved: 'inventory.reserved',
  reservationAllocated: 'inventory.reservation_allocated',
  reservationReleased: 'inventory.reservation_released',
  reservationExpired: 'inventory.reservation_expired',
  reservationFulfilled: 'inventory.reservation_fulfilled',
  stockChanged: 'inventory.stock_changed',
} as const;

export const skuSubject = (sku: string): string => `sku:${sku}`;
