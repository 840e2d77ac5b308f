// Carts: one cart that follows the customer across devices and channels. Lines (with the price at
// the time and the stock holds behind them) are jsonb on the cart row, so a change is one write.

import { sql } from 'drizzle-orm';
import { index, integer, jsonb, pgTable, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import type { StoredJson } from '../../platform/db/rows.js';
import type { Cart } from './carts.types.js';

export const carts = pgTable(
  'carts',
  {
    id: text('id').primaryKey(),
    // The channel it is shopped on now, by id (the channels module owns channels).
    channelId: text('channel_id').notNull(),
    currency: text('currency').notNull(),
    // The customer profile, by id (the customers module owns profiles); null until identified.
    profileId: text('profile_id'),
    anonymousId: text('anonymous_id'),
    email: text('email'),
    phone: text('phone'),
    status: text('status').$type<Cart['status']>().notNull(),
    handoffCode: text('handoff_code').notNull(),
    // SHA-256 of the cart token a browser or app got when it made the cart (publishable keys must
    // present it); null for carts made with secret keys.
    tokenHash: text('token_hash'),
    lines: jsonb('lines').$type<StoredJson<Cart['lines']>>().notNull(),
    delivery: jsonb('delivery').$type<Cart['delivery']>(),
    mergedInto: text('merged_into'),
    orderId: text('order_id'),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    // A handoff code is unique among the carts a till could be asked for.
    uniqueIndex('carts_handoff_code_idx').on(t.handoffCode).where(sql`status = 'active'`),
    index('carts_profile_idx').on(t.profileId, t.status),
    index('carts_anonymous_idx').on(t.anonymousId, t.status),
    index('carts_email_idx').on(t.email),
    index('carts_phone_idx').on(t.phone),
    // The omnichannel score's window (carts made since a date).
    index('carts_created_idx').on(t.createdAt),
  ],
);

/**
 * The sales a till (a store channel) has on the go, kept here so a reload, a walk to the pickups
 * shelf or a second device finds them: at most one `open` sale per till (the one on the screen) and
 * any number `parked` under a name ("Anna's sale"). A row goes when its cart is checked out or
 * abandoned.
 */
export const tillSales = pgTable(
  'till_sales',
  {
    cartId: text('cart_id')
      .primaryKey()
      .references(() => carts.id, { onDelete: 'cascade' }),
    // The till: the store channel whose key runs it, by id.
    tillChannelId: text('till_channel_id').notNull(),
    status: text('status').notNull(),
    // What the clerk called a parked sale; may name the customer, so erasure clears it.
    name: text('name'),
    parkedAt: timestamp('parked_at', { withTimezone: true }),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    uniqueIndex('till_sales_open_idx').on(t.tillChannelId).where(sql`status = 'open'`),
    index('till_sales_till_idx').on(t.tillChannelId, t.status),
  ],
);
