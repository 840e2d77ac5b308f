// Product reviews: one per order and product (a verified purchase, whatever the channel), moderated
// before they show; and the secret that signs the review links in review-request messages.
import { sql } from 'drizzle-orm';
import { check, index, pgTable, smallint, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';

export const reviews = pgTable(
  'reviews',
  {
    id: text('id').primaryKey(),
    orderId: text('order_id').notNull(),
    productId: text('product_id').notNull(),
    // Copied at submit time: the review stays readable if the product is renamed or removed.
    sku: text('sku').notNull(),
    productTitle: text('product_title').notNull(),
    channelId: text('channel_id').notNull(),
    customerId: text('customer_id'),
    /** First name and initial ("Eva M."), never an email address. */
    reviewerName: text('reviewer_name').notNull(),
    locale: text('locale').notNull(),
    rating: smallint('rating').notNull(),
    title: text('title'),
    body: text('body'),
    status: text('status').$type<'pending' | 'published' | 'rejected'>().notNull(),
    rejectReason: text('reject_reason'),
    decidedBy: text('decided_by'),
    decidedAt: timestamp('decided_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    uniqueIndex('reviews_order_product_idx').on(t.orderId, t.productId),
    // The product page: published, newest first.
    index('reviews_product_status_idx').on(t.productId, t.status, t.createdAt),
    // The moderation queue.
    index('reviews_status_created_idx').on(t.status, t.createdAt),
    index('reviews_customer_idx').on(t.customerId),
    check('reviews_rating_range', sql`${t.rating} between 1 and 5`),
  ],
);

/** One row: the HMAC key of review links, made on first use. */
export const reviewLinkKeys = pgTable('review_link_keys', {
  id: text('id').primaryKey(),
  secret: text('secret').notNull(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
});
