// Channels: every sales and contact channel is a first-class record.
import { index, jsonb, pgTable, text, timestamp } from 'drizzle-orm/pg-core';
import type { Channel } from './channels.types.js';

export const channels = pgTable(
  'channels',
  {
    id: text('id').primaryKey(),
    code: text('code').notNull().unique(),
    name: text('name').notNull(),
    type: text('type').$type<Channel['type']>().notNull(),
    currency: text('currency').notNull(),
    locales: text('locales').array().notNull(),
    // A catalog price list, by id (the catalog module owns price lists).
    priceListId: text('price_list_id'),
    // The payment providers (by name) checkout accepts on this channel; the payments module owns them.
    paymentProviders: text('payment_providers').array().notNull().default(['manual']),
    status: text('status').$type<Channel['status']>().notNull().default('active'),
    metadata: jsonb('metadata').$type<Record<string, unknown>>().notNull().default({}),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('channels_type_idx').on(t.type)],
);
