// The append-only event log and the durable cursors of its consumers.
import { sql } from 'drizzle-orm';
import { bigint, bigserial, index, jsonb, pgTable, text, timestamp } from 'drizzle-orm/pg-core';

export const events = pgTable(
  'events',
  {
    id: text('id').primaryKey(),
    // Unique by its sequence; not indexed by itself: every read goes by (tx_id, position).
    position: bigserial('position', { mode: 'number' }).notNull(),
    // The writing transaction's id: readers only read below the oldest running transaction, so an
    // event whose transaction commits late is never skipped (see event-log.ts).
    txId: bigint('tx_id', { mode: 'number' }).notNull().default(sql`(pg_current_xact_id()::text::bigint)`),
    type: text('type').notNull(),
    subject: text('subject').notNull(),
    channelId: text('channel_id'),
    payload: jsonb('payload').$type<Record<string, unknown>>().notNull(),
    actor: text('actor'),
    requestId: text('request_id'),
    occurredAt: timestamp('occurred_at', { withTimezone: true }).notNull(),
    recordedAt: timestamp('recorded_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('events_order_idx').on(t.txId, t.position),
    index('events_subject_idx').on(t.subject, t.position),
    // No index on type for every event: readers by type walk the log from their cursor
    // (event-scan.ts). Only the carts' hand-off figures read one rare type over days of the log.
    index('events_cart_repriced_idx').on(t.position).where(sql`${t.type} = 'cart.repriced'`),
  ],
);

export const consumerCursors = pgTable('consumer_cursors', {
  name: text('name').primaryKey(),
  txId: bigint('tx_id', { mode: 'number' }).notNull().default(0),
  position: bigint('position', { mode: 'number' }).notNull().default(0),
  leaseOwner: text('lease_owner'),
  leaseUntil: timestamp('lease_until', { withTimezone: true }),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});
