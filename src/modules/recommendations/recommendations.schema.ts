// Recommendations: which products are bought and browsed together, counted from the event log.
// A basket is one order (`o:<order id>`) or one customer's views of a day (`v:<customer>:<day>`); a
// product counted in a basket once. A pair's counts are how many baskets hold both products, kept in
// both directions so a product page reads its neighbours with one index range. Best sellers are the
// units each channel sold, less the units returned. Every row is derived: the projection rebuilds them from log position 0.
import { index, integer, pgTable, primaryKey, text, timestamp } from 'drizzle-orm/pg-core';

export const recommendationBasketItems = pgTable(
  'recommendation_basket_items',
  {
    basket: text('basket').notNull(),
    productId: text('product_id').notNull(),
    kind: text('kind').$type<'order' | 'view'>().notNull(),
    // The customer by id, when the basket has one (what they bought: "recommended for you").
    customerId: text('customer_id'),
    // Units bought and not returned (0 for a view); a product returned in full leaves the basket.
    units: integer('units').notNull().default(0),
    at: timestamp('at', { withTimezone: true }).notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.basket, t.productId] }),
    index('recommendation_basket_items_customer_idx').on(t.customerId, t.at),
  ],
);

export const recommendationPairs = pgTable(
  'recommendation_pairs',
  {
    productId: text('product_id').notNull(),
    otherId: text('other_id').notNull(),
    /** Orders holding both. */
    bought: integer('bought').notNull().default(0),
    /** Customer-days that viewed both. */
    viewed: integer('viewed').notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.productId, t.otherId] })],
);

export const recommendationSales = pgTable(
  'recommendation_sales',
  {
    channelId: text('channel_id').notNull(),
    productId: text('product_id').notNull(),
    units: integer('units').notNull(),
  },
  (t) => [primaryKey({ columns: [t.channelId, t.productId] })],
);

/** Returns already subtracted, per product: a return delivered again subtracts nothing. */
export const recommendationReturns = pgTable(
  'recommendation_returns',
  {
    returnId: text('return_id').notNull(),
    productId: text('product_id').notNull(),
  },
  (t) => [primaryKey({ columns: [t.returnId, t.productId] })],
);
