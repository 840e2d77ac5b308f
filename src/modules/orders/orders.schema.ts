// Orders: one model for every channel, native (web, app, till) and imported (marketplaces, other
// shop platforms, with their external ids). Lines, totals and the status history live on the order
// row (one write per change); fulfilments and returns have their own tables so stores can list tasks.
import {
  index,
  integer,
  jsonb,
  pgSequence,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
} from 'drizzle-orm/pg-core';
import type { StoredJson } from '../../platform/db/rows.js';
import type { Fulfilment, Order, OrderReturn } from './orders.types.js';

// The digits of order numbers: one sequence, so numbers are unique across every hub node.
export const orderNumbers = pgSequence('order_number_seq', { startWith: 10001 });

export const orders = pgTable(
  'orders',
  {
    id: text('id').primaryKey(),
    // What people read and say: `<prefix>-<n>` (e.g. OH-10234), unique across nodes.
    number: text('number').notNull(),
    // The channel it was sold on, by id (the channels module owns channels).
    channelId: text('channel_id').notNull(),
    source: text('source').$type<Order['source']>().notNull(),
    externalSource: text('external_source'),
    externalId: text('external_id'),
    // The cart it came from, by id (the carts module owns carts); one order per cart.
    cartId: text('cart_id'),
    // The customer profile, by id (the customers module owns profiles).
    customerId: text('customer_id'),
    email: text('email'),
    phone: text('phone'),
    status: text('status').$type<Order['status']>().notNull(),
    currency: text('currency').notNull(),
    lines: jsonb('lines').$type<StoredJson<Order['lines']>>().notNull(),
    itemsTotal: integer('items_total').notNull(),
    discountTotal: integer('discount_total').notNull(),
    shippingTotal: integer('shipping_total').notNull(),
    taxTotal: integer('tax_total').notNull(),
    grandTotal: integer('grand_total').notNull(),
    paidAmount: integer('paid_amount').notNull().default(0),
    refundedAmount: integer('refunded_amount').notNull().default(0),
    delivery: jsonb('delivery').$type<StoredJson<Order['delivery']>>().notNull(),
    pickupCode: text('pickup_code'),
    pickupLocationId: text('pickup_location_id'),
    pickupExpiresAt: timestamp('pickup_expires_at', { withTimezone: true }),
    // Inventory reservations held for this order, by id (the inventory module owns them).
    reservationIds: text('reservation_ids').array().notNull(),
    history: jsonb('history').$type<StoredJson<Order['history']>>().notNull(),
    metadata: jsonb('metadata').$type<Order['metadata']>().notNull().default({}),
    placedAt: timestamp('placed_at', { withTimezone: true }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    uniqueIndex('orders_external_idx').on(t.externalSource, t.externalId),
    uniqueIndex('orders_cart_idx').on(t.cartId),
    uniqueIndex('orders_number_idx').on(t.number),
    index('orders_customer_idx').on(t.customerId, t.placedAt),
    index('orders_channel_idx').on(t.channelId, t.placedAt),
    // The omnichannel score's window over every channel (placed since a date).
    index('orders_placed_idx').on(t.placedAt),
    index('orders_status_idx').on(t.status),
    index('orders_pickup_idx').on(t.pickupLocationId, t.pickupCode),
    index('orders_email_idx').on(t.email),
    index('orders_phone_idx').on(t.phone),
  ],
);

export const fulfilments = pgTable(
  'order_fulfilments',
  {
    id: text('id').primaryKey(),
    orderId: text('order_id').notNull(),
    kind: text('kind').$type<Fulfilment['kind']>().notNull(),
    // Where it leaves from (a warehouse or a store), by id (the inventory module owns locations).
    locationId: text('location_id').notNull(),
    status: text('status').$type<Fulfilment['status']>().notNull(),
    lines: jsonb('lines').$type<StoredJson<Fulfilment['lines']>>().notNull(),
    routing: jsonb('routing').$type<StoredJson<Fulfilment['routing']>>().notNull(),
    tracking: jsonb('tracking').$type<NonNullable<Fulfilment['tracking']>>(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    index('order_fulfilments_order_idx').on(t.orderId),
    index('order_fulfilments_task_idx').on(t.locationId, t.status),
  ],
);

export const returns = pgTable(
  'order_returns',
  {
    id: text('id').primaryKey(),
    orderId: text('order_id').notNull(),
    // Where it was returned: a channel (store till, webshop for mail) and a location, by id.
    channelId: text('channel_id'),
    locationId: text('location_id'),
    method: text('method').$type<OrderReturn['method']>().notNull(),
    lines: jsonb('lines').$type<StoredJson<OrderReturn['lines']>>().notNull(),
    refundMethod: text('refund_method').$type<OrderReturn['refundMethod']>().notNull(),
    refundAmount: integer('refund_amount').notNull(),
    currency: text('currency').notNull(),
    createdBy: text('created_by').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    index('order_returns_order_idx').on(t.orderId),
    // The omnichannel score's window (returns made since a date).
    index('order_returns_created_idx').on(t.createdAt),
  ],
);

// Staff notes on an order (a call with the customer, a promise made): free text, so personal data
// that goes with the customer's erasure.
export const notes = pgTable(
  'order_notes',
  {
    id: text('id').primaryKey(),
    orderId: text('order_id').notNull(),
    text: text('text').notNull(),
    // The staff key or account that wrote it.
    createdBy: text('created_by').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('order_notes_order_idx').on(t.orderId, t.createdAt)],
);
