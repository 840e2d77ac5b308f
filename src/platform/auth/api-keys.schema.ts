// API keys: only a SHA-256 hash of each secret is stored; the secret is shown once at creation.
import { sql } from 'drizzle-orm';
import { check, index, pgTable, text, timestamp } from 'drizzle-orm/pg-core';

export const apiKeys = pgTable(
  'api_keys',
  {
    id: text('id').primaryKey(),
    name: text('name').notNull(),
    prefix: text('prefix').notNull(),
    secretHash: text('secret_hash').notNull().unique(),
    /** secret (server side: admin, integrations, tills) or publishable (browsers and apps, channel-bound). */
    kind: text('kind', { enum: ['secret', 'publishable'] })
      .notNull()
      .default('secret'),
    scopes: text('scopes').array().notNull(),
    channelId: text('channel_id'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    createdBy: text('created_by'),
    lastUsedAt: timestamp('last_used_at', { withTimezone: true }),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
  },
  (t) => [
    index('api_keys_channel_idx').on(t.channelId),
    // A publishable key lives in browsers: it must be bound to one channel.
    check(
      'api_keys_kind_check',
      sql`${t.kind} in ('secret', 'publishable') and (${t.kind} = 'secret' or ${t.channelId} is not null)`,
    ),
  ],
);
