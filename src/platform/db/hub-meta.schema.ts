// Small facts about this hub installation (e.g. whether demo data was loaded), as key → JSON value.
import { jsonb, pgTable, text, timestamp } from 'drizzle-orm/pg-core';

export const hubMeta = pgTable('hub_meta', {
  key: text('key').primaryKey(),
  value: jsonb('value').notNull(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});
