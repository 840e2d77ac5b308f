// The publishable key each storefront channel's pages carry. Publishable keys are public by design
// (they ship in every shopper's browser), so the hub keeps this one readable to put it in the page.
import { pgTable, text, timestamp } from 'drizzle-orm/pg-core';

export const storefrontKeys = pgTable('storefront_keys', {
  channelId: text('channel_id').primaryKey(),
  // The api_keys row (kind publishable, bound to channelId); revoking it makes the hub issue a new one.
  keyId: text('key_id').notNull(),
  secret: text('secret').notNull(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
});
