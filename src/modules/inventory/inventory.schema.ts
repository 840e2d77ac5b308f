// Inventory: stock locations, on-hand and reserved per SKU per location, the ledger of every
// movement, which locations feed each channel, and the reservations (holds and allocations).
import { sql } from 'drizzle-orm';
import {
  bigint,
  check,
  doublePrecision,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
} from 'drizzle-orm/pg-core';
import type { Location, Movement, Reservation } from './inventory.types.js';

export const inventoryLocations = pgTable('inventory_locations', {
  id: text('id').primaryKey(),
  code: text('code').notNull().unique(),
  name: text('name').notNull(),
  type: text('type').$type<Location['type']>().notNull(),
  address: jsonb('address').$type<Location['address']>().notNull().default({}),
  latitude: doublePrecision('latitude'),
  longitude: doublePrecision('longitude'),
  status: text('status').$type<Location['status']>().notNull().default('active'),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
});

// The database itself refuses a negative stock or more reserved than on hand: the last line of
// defence under any concurrency, behind the conditional updates.
export const inventoryLevels = pgTable(
  'inventory_levels',
  {
    sku: text('sku').notNull(),
    locationId: text('location_id').notNull(),
    onHand: integer('on_hand').notNull().default(0),
    reserved: integer('reserved').notNull().default(0),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.sku, t.locationId] }),
    index('inventory_levels_location_idx').on(t.locationId, t.sku),
    check('inventory_levels_on_hand_nonnegative', sql`${t.onHand} >= 0`),
    check(
      'inventory_levels_reserved_within_on_hand',
      sql`${t.reserved} >= 0 and ${t.reserved} <= ${t.onHand}`,
    ),
  ],
);

/** The ledger: every change of on-hand or reserved, so the levels are the sums of their movements. */
export const inventoryMovements = pgTable(
  'inventory_movements',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    sku: text('sku').notNull(),
    locationId: text('location_id').notNull(),
    kind: text('kind').$type<Movement['kind']>().notNull(),
    onHandDelta: integer('on_hand_delta').notNull().default(0),
    reservedDelta: integer('reserved_delta').notNull().default(0),
    reason: text('reason'),
    actor: text('actor').notNull(),
    reservationId: text('reservation_id'),
    adjustmentId: text('adjustment_id'),
    occurredAt: timestamp('occurred_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    index('inventory_movements_sku_idx').on(t.sku, t.locationId, t.id),
    index('inventory_movements_location_idx').on(t.locationId, t.id),
  ],
);

/** A channel's sourcing: its safety buffer; its locations are in inventory_channel_locations. */
export const inventoryChannels = pgTable('inventory_channels', {
  channelId: text('channel_id').primaryKey(),
  safetyBuffer: integer('safety_buffer').notNull().default(0),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
});

export const inventoryChannelLocations = pgTable(
  'inventory_channel_locations',
  {
    channelId: text('channel_id').notNull(),
    locationId: text('location_id').notNull(),
    /** Reservations fill from the lowest priority first. */
    priority: integer('priority').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.channelId, t.locationId] }),
    index('inventory_channel_locations_location_idx').on(t.locationId),
  ],
);

export const inventoryReservations = pgTable(
  'inventory_reservations',
  {
    id: text('id').primaryKey(),
    kind: text('kind').$type<Reservation['kind']>().notNull(),
    status: text('status').$type<Reservation['status']>().notNull(),
    channelId: text('channel_id').notNull(),
    sku: text('sku').notNull(),
    quantity: integer('quantity').notNull(),
    /** [{ locationId, quantity }]: where the units are held. */
    lines: jsonb('lines').$type<Reservation['lines']>().notNull(),
    idempotencyKey: text('idempotency_key'),
    reference: text('reference'),
    expiresAt: timestamp('expires_at', { withTimezone: true }),
    createdBy: text('created_by').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    // Few and partial indexes: every index entry is paid for on the hot path, per reservation.
    uniqueIndex('inventory_reservations_idempotency_idx')
      .on(t.channelId, t.idempotencyKey)
      .where(sql`idempotency_key is not null`),
    index('inventory_reservations_expiry_idx')
      .on(t.expiresAt)
      .where(sql`status = 'held' and expires_at is not null`),
    index('inventory_reservations_reference_idx').on(t.reference).where(sql`reference is not null`),
    // A restock looks for a SKU's orders waiting for stock among its allocated reservations.
    index('inventory_reservations_allocated_idx').on(t.sku, t.createdAt).where(sql`status = 'allocated'`),
  ],
);
