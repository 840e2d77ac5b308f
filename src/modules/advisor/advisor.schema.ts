// The retailer's own answers to the advisor (type of commerce, customers, volume, years, goals): one
// row per hub, replaced as a whole when the form is saved.
import { jsonb, pgTable, text, timestamp } from 'drizzle-orm/pg-core';
import type { RetailerProfile } from './advisor.types.js';

export const advisorProfile = pgTable('advisor_profile', {
  // Always `retailer`: one profile per hub.
  id: text('id').primaryKey(),
  profile: jsonb('profile').$type<RetailerProfile>().notNull(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
});
