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
  ],
);
