// Journeys: each journey's settings (on/off, first delay, channel order) and its runs. A run is its
// own durable timer: `due_at` is when its next step is due, swept by a job that leases due rows
// (FOR UPDATE SKIP LOCKED), so a restart resumes where it stopped and two nodes never act twice.
import { sql } from 'drizzle-orm';
import { boolean, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';

export const journeySettings = pgTable('journey_settings', {
  key: text('key').primaryKey(),
  enabled: boolean('enabled').notNull(),
  delaySeconds: integer('delay_seconds').notNull(),
  channelOrder: jsonb('channel_order').$type<string[]>().notNull(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
});

export const journeyRuns = pgTable(
  'journey_runs',
  {
    id: text('id').primaryKey(),
    journey: text('journey').notNull(),
    customerId: text('customer_id').notNull(),
    // What the run is one of per journey: the customer (abandoned cart), the order (pickup ready).
    runKey: text('run_key').notNull(),
    // The record it is about (cart or order id) and its channel.
    ref: text('ref').notNull(),
    channelId: text('channel_id'),
    step: integer('step').notNull(),
    // active → completed (every step done) | exited (the exit event came)
    status: text('status').notNull(),
    dueAt: timestamp('due_at', { withTimezone: true }),
    leaseUntil: timestamp('lease_until', { withTimezone: true }),
    // The sweeper holding the lease (a node's id): its heartbeat renews it, its writes check it.
    leaseOwner: text('lease_owner'),
    exitReason: text('exit_reason'),
    vars: jsonb('vars').$type<Record<string, string>>().notNull(),
    startedAt: timestamp('started_at', { withTimezone: true }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    uniqueIndex('journey_runs_one_active_idx').on(t.journey, t.runKey).where(sql`status = 'active'`),
    index('journey_runs_due_idx').on(t.dueAt).where(sql`status = 'active'`),
    index('journey_runs_customer_idx').on(t.customerId),
    // A run started once per key (win-back: once per last order), whatever became of it.
    index('journey_runs_key_idx').on(t.journey, t.runKey),
  ],
);

/**
 * A shopper's wish to hear when a sold-out variant is back on a channel: active until the stock
 * returns (notified: its one run was started) or it is cancelled. An address typed in starts as
 * pending_confirmation (double opt-in): it is never told, and becomes active only through the signed
 * link mailed to it before `expires_at` (else expired).
 */
export const backInStockSubscriptions = pgTable(
  'back_in_stock_subscriptions',
  {
    id: text('id').primaryKey(),
    customerId: text('customer_id').notNull(),
    sku: text('sku').notNull(),
    channelId: text('channel_id').notNull(),
    // pending_confirmation → active | expired; active → notified | cancelled
    status: text('status').notNull(),
    // What the message names and links to (the product's title and handle when subscribed).
    vars: jsonb('vars').$type<Record<string, string>>().notNull(),
    // SHA-256 of the address typed in to ask for it (null: a known customer's own request): the only
    // address it is told at. A profile may hold other people's addresses.
    addressHash: text('address_hash'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    endedAt: timestamp('ended_at', { withTimezone: true }),
    /** Until when a pending subscription may be confirmed. */
    expiresAt: timestamp('expires_at', { withTimezone: true }),
    /** When the last confirmation mail was queued (a repeat request within the window sends none). */
    confirmationSentAt: timestamp('confirmation_sent_at', { withTimezone: true }),
    /** When its owner confirmed it through the mailed link. */
    confirmedAt: timestamp('confirmed_at', { withTimezone: true }),
  },
  (t) => [
    // One live (pending or active) subscription per customer, variant and channel.
    uniqueIndex('back_in_stock_one_live_idx')
      .on(t.customerId, t.sku, t.channelId)
      .where(sql`status in ('active', 'pending_confirmation')`),
    // The per-address limit on confirmation mails reads a customer's recent ones.
    index('back_in_stock_customer_idx').on(t.customerId),
    index('back_in_stock_sku_idx').on(t.sku).where(sql`status = 'active'`),
  ],
);

/** Sweeps that run once a day across nodes (win-back): when next due, and the node leasing it. */
export const journeySweeps = pgTable('journey_sweeps', {
  name: text('name').primaryKey(),
  nextAt: timestamp('next_at', { withTimezone: true }).notNull(),
  leaseUntil: timestamp('lease_until', { withTimezone: true }),
  leaseOwner: text('lease_owner'),
});
