// Insights: projections of the event log for journeys, attribution and channel performance. Every
// row is derived (flows/insights' consumer writes them; a rebuild empties them and replays from log
// position 0), and reads never touch the order tables. Channels are named by hub channel id, or by
// the messaging medium (`email`, `sms`, `whatsapp`…) for inbox messages, which have no hub channel.
import {
  bigint,
  boolean,
  date,
  index,
  integer,
  pgTable,
  primaryKey,
  text,
  timestamp,
} from 'drizzle-orm/pg-core';

/**
 * A customer's touchpoints: sessions on a web or app channel (one per customer, channel and half hour),
 * campaign clicks (utm), inbox messages, carts, till visits and orders. The key makes replays idempotent.
 */
export const insightsTouchpoints = pgTable(
  'insights_touchpoints',
  {
    key: text('key').primaryKey(),
    customerId: text('customer_id').notNull(),
    channel: text('channel').notNull(),
    kind: text('kind').notNull(),
    /** utm source / medium / campaign of a campaign click; null for direct visits. */
    source: text('source'),
    medium: text('medium'),
    campaign: text('campaign'),
    /** The order of an `order` touchpoint (drill-down). */
    orderId: text('order_id'),
    at: timestamp('at', { withTimezone: true }).notNull(),
  },
  (t) => [
    index('insights_touchpoints_customer_idx').on(t.customerId, t.at),
    index('insights_touchpoints_at_idx').on(t.at),
  ],
);

/** One row per order: what every channel figure is summed from, and the drill-down's list. */
export const insightsOrders = pgTable(
  'insights_orders',
  {
    orderId: text('order_id').primaryKey(),
    customerId: text('customer_id'),
    channelId: text('channel_id').notNull(),
    currency: text('currency').notNull(),
    revenue: bigint('revenue', { mode: 'number' }).notNull(),
    refunded: bigint('refunded', { mode: 'number' }).notNull().default(0),
    returned: boolean('returned').notNull().default(false),
    cancelled: boolean('cancelled').notNull().default(false),
    /** The customer's first order as the projection saw them (history is imported oldest first). */
    firstOrder: boolean('first_order').notNull().default(false),
    delivery: text('delivery').notNull(),
    pickupLocationId: text('pickup_location_id'),
    readyAt: timestamp('ready_at', { withTimezone: true }),
    pickedUpAt: timestamp('picked_up_at', { withTimezone: true }),
    placedAt: timestamp('placed_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    index('insights_orders_placed_idx').on(t.placedAt),
    index('insights_orders_customer_idx').on(t.customerId, t.placedAt),
  ],
);

/** Daily rollup per channel and currency, moved by the same statements as the order rows. */
export const insightsDaily = pgTable(
  'insights_daily',
  {
    day: date('day', { mode: 'string' }).notNull(),
    channelId: text('channel_id').notNull(),
    currency: text('currency').notNull(),
    orders: integer('orders').notNull().default(0),
    revenue: bigint('revenue', { mode: 'number' }).notNull().default(0),
    refunded: bigint('refunded', { mode: 'number' }).notNull().default(0),
    returns: integer('returns').notNull().default(0),
    newCustomers: integer('new_customers').notNull().default(0),
    returningCustomers: integer('returning_customers').notNull().default(0),
    pickupOrders: integer('pickup_orders').notNull().default(0),
    pickedUp: integer('picked_up').notNull().default(0),
    /** Seconds from ready to picked up, summed over picked_up. */
    pickupSeconds: bigint('pickup_seconds', { mode: 'number' }).notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.day, t.channelId, t.currency] })],
);

/** The channels a cart was seen on (its own, a merged cart's, the checkout's). */
export const insightsCartChannels = pgTable(
  'insights_cart_channels',
  {
    cartId: text('cart_id').notNull(),
    channelId: text('channel_id').notNull(),
    customerId: text('customer_id'),
    at: timestamp('at', { withTimezone: true }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.cartId, t.channelId] }), index('insights_cart_channels_at_idx').on(t.at)],
);
