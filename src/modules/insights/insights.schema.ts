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
  jsonb,
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
    /** The credit given at projection time (default lookback): subtracted again if it is cancelled. */
    credit: jsonb('credit'),
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

/**
 * Attribution credited once per order at projection time (the default lookback and half-life), per day
 * the order was placed, the order's channel, model and key: `dim` `channel` (key a channel) or
 * `campaign` (key a campaign; '' for credit that came through no campaign).
 */
export const insightsAttributionDaily = pgTable(
  'insights_attribution_daily',
  {
    day: date('day', { mode: 'string' }).notNull(),
    channelId: text('channel_id').notNull(),
    model: text('model').notNull(),
    dim: text('dim').notNull(),
    key: text('key').notNull(),
    currency: text('currency').notNull(),
    credited: bigint('credited', { mode: 'number' }).notNull().default(0),
    orders: integer('orders').notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.day, t.channelId, t.model, t.dim, t.key, t.currency] })],
);

/** The channel path that led to each order (since the customer's previous order), per day placed. */
export const insightsPathsDaily = pgTable(
  'insights_paths_daily',
  {
    day: date('day', { mode: 'string' }).notNull(),
    channelId: text('channel_id').notNull(),
    /** Steps joined by ' > ' (channel ids and media hold no such sequence). */
    path: text('path').notNull(),
    orders: integer('orders').notNull().default(0),
    /** Milliseconds between step i and i+1, summed over the orders (paths keep at most 6 steps). */
    gap1: bigint('gap1', { mode: 'number' }).notNull().default(0),
    gap2: bigint('gap2', { mode: 'number' }).notNull().default(0),
    gap3: bigint('gap3', { mode: 'number' }).notNull().default(0),
    gap4: bigint('gap4', { mode: 'number' }).notNull().default(0),
    gap5: bigint('gap5', { mode: 'number' }).notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.day, t.channelId, t.path] })],
);

/** Funnel progress per customer over the default steps (visit, cart, order), each step's time and channel. */
export const insightsFunnel = pgTable('insights_funnel', {
  customerId: text('customer_id').primaryKey(),
  /** Steps reached (1..3). */
  reached: integer('reached').notNull(),
  startedAt: timestamp('started_at', { withTimezone: true }).notNull(),
  channels: text('channels').array().notNull(),
});

/** A customer's cohort: the month (UTC) of the first order the projection saw and its channel. */
export const insightsCustomers = pgTable('insights_customers', {
  customerId: text('customer_id').primaryKey(),
  cohortMonth: date('cohort_month', { mode: 'string' }).notNull(),
  firstChannel: text('first_channel').notNull(),
});

/** The months (and currencies) a customer ordered in: counts them once in their cohort's row. */
export const insightsCustomerMonths = pgTable(
  'insights_customer_months',
  {
    customerId: text('customer_id').notNull(),
    month: date('month', { mode: 'string' }).notNull(),
    currency: text('currency').notNull(),
  },
  (t) => [primaryKey({ columns: [t.customerId, t.month, t.currency] })],
);

/** Cohort rollup: customers of a cohort ordering in a month, their orders and revenue. */
export const insightsCohorts = pgTable(
  'insights_cohorts',
  {
    cohortMonth: date('cohort_month', { mode: 'string' }).notNull(),
    month: date('month', { mode: 'string' }).notNull(),
    firstChannel: text('first_channel').notNull(),
    currency: text('currency').notNull(),
    customers: integer('customers').notNull().default(0),
    orders: integer('orders').notNull().default(0),
    revenue: bigint('revenue', { mode: 'number' }).notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.cohortMonth, t.month, t.firstChannel, t.currency] })],
);

/** An inbox conversation's first customer message and the first reply after it. */
export const insightsConversations = pgTable('insights_conversations', {
  conversationId: text('conversation_id').primaryKey(),
  channel: text('channel').notNull(),
  openedAt: timestamp('opened_at', { withTimezone: true }).notNull(),
  respondedAt: timestamp('responded_at', { withTimezone: true }),
});

/** First-response rollup per day (of the customer's first message) and messaging channel. */
export const insightsResponseDaily = pgTable(
  'insights_response_daily',
  {
    day: date('day', { mode: 'string' }).notNull(),
    channel: text('channel').notNull(),
    conversations: integer('conversations').notNull().default(0),
    responded: integer('responded').notNull().default(0),
    responseSeconds: bigint('response_seconds', { mode: 'number' }).notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.day, t.channel] })],
);
