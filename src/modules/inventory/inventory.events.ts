// Events the inventory module emits, with their payload schemas. Every change of stock also emits
// `inventory.stock_changed` (subject `sku:<sku>`) with the new levels and the new available-to-sell
// of every affected channel.
import { z } from 'zod';
import { defineEvents, type EventPayload, EventTime } from '../../platform/events/event-schemas.js';
import {
  ChannelAvailability,
  Level,
  Location,
  MOVEMENT_KINDS,
  RESERVATION_KINDS,
  Reservation,
  ReservationLine,
  Sourcing,
} from './inventory.types.js';

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

const LocationRecord = Location.extend({ createdAt: EventTime, updatedAt: EventTime }).strict();
const ReservationRecord = Reservation.extend({
  expiresAt: EventTime.nullable(),
  createdAt: EventTime,
  updatedAt: EventTime,
}).strict();
const reservationEvent = z.strictObject({ reservation: ReservationRecord });
/** A ledger row as events carry it (without who wrote it: the event's actor says that). */
const MovementFacts = z.strictObject({
  sku: z.string(),
  locationId: z.string(),
  kind: z.enum(MOVEMENT_KINDS),
  onHandDelta: z.number().int(),
  reservedDelta: z.number().int(),
  reason: z.string().nullable(),
  reservationId: z.string().nullable(),
  adjustmentId: z.string().nullable(),
});

export const INVENTORY_EVENT_SCHEMAS = defineEvents({
  [INVENTORY_EVENTS.locationCreated]: z.strictObject({ location: LocationRecord }),
  [INVENTORY_EVENTS.locationUpdated]: z.strictObject({
    location: LocationRecord,
    changed: z.array(z.string()),
  }),
  [INVENTORY_EVENTS.sourcingChanged]: z.strictObject({ sourcing: Sourcing.strict() }),
  [INVENTORY_EVENTS.adjusted]: z.strictObject({
    adjustmentId: z.string(),
    movements: z.array(MovementFacts),
  }),
  [INVENTORY_EVENTS.transferred]: z.strictObject({
    adjustmentId: z.string(),
    sku: z.string(),
    from: z.string().describe('location id'),
    to: z.string().describe('location id'),
    quantity: z.number().int(),
    reason: z.string().nullable(),
  }),
  [INVENTORY_EVENTS.reserved]: z.strictObject({
    sku: z.string(),
    reservations: z.array(
      z.strictObject({
        id: z.string(),
        kind: z.enum(RESERVATION_KINDS),
        channelId: z.string(),
        quantity: z.number().int(),
        lines: z.array(ReservationLine.strict()),
        actor: z.string(),
        requestId: z.string().optional().describe('the request that asked for it'),
      }),
    ),
  }),
  [INVENTORY_EVENTS.reservationAllocated]: reservationEvent,
  [INVENTORY_EVENTS.reservationReleased]: reservationEvent,
  [INVENTORY_EVENTS.reservationExpired]: reservationEvent,
  [INVENTORY_EVENTS.reservationFulfilled]: reservationEvent,
  [INVENTORY_EVENTS.stockChanged]: z.strictObject({
    sku: z.string(),
    cause: z
      .string()
      .describe('reservation, release, expire, fulfil, transfer, an adjustment kind, adjustments, restock'),
    levels: z.array(Level.strict()).describe('the changed levels of this SKU after the change'),
    channels: z
      .array(ChannelAvailability.strict())
      .describe('new available-to-sell of each channel fed by them'),
  }),
});

export type InventoryEventPayload<T extends keyof typeof INVENTORY_EVENT_SCHEMAS> = EventPayload<
  typeof INVENTORY_EVENT_SCHEMAS,
  T
>;
