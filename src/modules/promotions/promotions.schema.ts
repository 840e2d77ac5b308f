// Promotions: campaigns, their coupon codes, the codes shoppers put on carts, and redemptions (the
// uses reserved at checkout, counted against the limits and given back once).
import { index, integer, jsonb, pgTable, primaryKey, text, timestamp, unique } from 'drizzle-orm/pg-core';

export const promotionCampaigns = pgTable(
  'promotion_campaigns',
  {
    id: text('id').primaryKey(),
    name: text('name').notNull(),
    kind: text('kind').notNull(),
    status: text('status').notNull(),
    priority: integer('priority').notNull(),
    stacking: text('stacking').notNull(),
    currency: text('currency'),
    timeZone: text('time_zone').notNull(),
    startsAt: timestamp('starts_at', { withTimezone: true }),
    endsAt: timestamp('ends_at', { withTimezone: true }),
    conditions: jsonb('conditions').notNull(),
    benefit: jsonb('benefit').notNull(),
    usageLimit: integer('usage_limit'),
    perCustomerLimit: integer('per_customer_limit'),
    // Uses held by placed orders; a conditional UPDATE keeps it at or below usage_limit.
    used: integer('used').notNull().default(0),
    // The schedule boundary last announced (pending, started, ended): the schedule job claims a
    // crossing with a conditional UPDATE, so one node emits each start and end event once.
    scheduleState: text('schedule_state').notNull().default('started'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    index('promotion_campaigns_status_idx').on(t.status, t.kind),
    index('promotion_campaigns_schedule_idx').on(t.scheduleState),
  ],
);

// Named groups of products (by SKU and by category) a campaign can be narrowed to.
export const promotionCollections = pgTable('promotion_collections', {
  id: text('id').primaryKey(),
  name: text('name').notNull(),
  skus: jsonb('skus').notNull(),
  categories: jsonb('categories').notNull(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
});

export const promotionCodes = pgTable(
  'promotion_codes',
  {
    code: text('code').primaryKey(),
    campaignId: text('campaign_id').notNull(),
    usageLimit: integer('usage_limit'),
    used: integer('used').notNull().default(0),
    batchId: text('batch_id'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('promotion_codes_campaign_idx').on(t.campaignId, t.code)],
);

export const promotionCartCodes = pgTable(
  'promotion_cart_codes',
  {
    // A cart of the carts module, by id.
    cartId: text('cart_id').notNull(),
    code: text('code').notNull(),
    addedAt: timestamp('added_at', { withTimezone: true }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.cartId, t.code] })],
);

export const promotionRedemptions = pgTable(
  'promotion_redemptions',
  {
    id: text('id').primaryKey(),
    campaignId: text('campaign_id').notNull(),
    code: text('code'),
    // An order of the orders module, by id.
    orderId: text('order_id').notNull(),
    channelId: text('channel_id').notNull(),
    customerId: text('customer_id'),
    amount: integer('amount').notNull(),
    // The order's grand total when the use was held (campaign reporting's revenue).
    orderTotal: integer('order_total'),
    currency: text('currency').notNull(),
    // checkout, or marketplace (an imported order's discount, recorded as given)
    source: text('source').notNull(),
    // held (counts towards the limits) or released (given back, once)
    status: text('status').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    releasedAt: timestamp('released_at', { withTimezone: true }),
  },
  (t) => [
    unique('promotion_redemptions_order_campaign').on(t.orderId, t.campaignId),
    index('promotion_redemptions_customer_idx').on(t.customerId, t.campaignId),
    index('promotion_redemptions_campaign_idx').on(t.campaignId, t.createdAt),
  ],
);

export const promotionCustomerUses = pgTable(
  'promotion_customer_uses',
  {
    campaignId: text('campaign_id').notNull(),
    customerId: text('customer_id').notNull(),
    used: integer('used').notNull(),
  },
  (t) => [primaryKey({ columns: [t.campaignId, t.customerId] })],
);
