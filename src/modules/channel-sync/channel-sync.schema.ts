// Outbound channel sync state: connections (one external channel account each) and their queue of
// dirty items, coalesced per (connection, kind, key) so a burst of changes to one SKU is one item.
import {
  bigint,
  index,
  integer,
  jsonb,
  pgTable,
  real,
  text,
  timestamp,
  uniqueIndex,
} from 'drizzle-orm/pg-core';

export const channelSyncConnections = pgTable(
  'channel_sync_connections',
  {
    id: text('id').primaryKey(),
    channelId: text('channel_id').notNull(),
    name: text('name').notNull().default(''),
    // generic (signed JSON batch) | woocommerce (REST v3 products/batch)
    kind: text('kind').notNull(),
    baseUrl: text('base_url').notNull(),
    // generic: { secret } (whsec_); woocommerce: { consumerKey, consumerSecret }. Never returned by the API.
    credentials: jsonb('credentials').notNull(),
    // What is pushed: any of stock, price, listing.
    push: text('push').array().notNull(),
    batchSize: integer('batch_size').notNull(),
    ratePerSecond: real('rate_per_second').notNull(),
    burst: integer('burst').notNull(),
    // A JSONata expression over the canonical item; its result is what the channel receives.
    transform: text('transform'),
    // active | paused (by the operator, or by a 401/403 with last_error) | disabled
    status: text('status').notNull().default('active'),
    // A 429's Retry-After: nothing is sent before this time.
    pausedUntil: timestamp('paused_until', { withTimezone: true }),
    lastError: text('last_error'),
    // One node sends for a connection at a time, so its rate limit holds across hub nodes.
    leaseOwner: text('lease_owner'),
    leaseUntil: timestamp('lease_until', { withTimezone: true }),
    pushedCount: bigint('pushed_count', { mode: 'number' }).notNull().default(0),
    failedCount: bigint('failed_count', { mode: 'number' }).notNull().default(0),
    requestCount: bigint('request_count', { mode: 'number' }).notNull().default(0),
    lastPushedAt: timestamp('last_pushed_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('channel_sync_connections_channel').on(t.channelId)],
);

export const channelSyncItems = pgTable(
  'channel_sync_items',
  {
    id: text('id').primaryKey(),
    connectionId: text('connection_id').notNull(),
    // stock | price | listing
    kind: text('kind').notNull(),
    // The SKU.
    key: text('key').notNull(),
    // The latest value seen in the event log (informative: the sender reads the current truth).
    value: jsonb('value'),
    // Bumped by every change; a send that read an older version does not remove a newer change.
    version: integer('version').notNull().default(1),
    // pending | dead (the dead-letter queue)
    status: text('status').notNull().default('pending'),
    attempts: integer('attempts').notNull().default(0),
    nextAttemptAt: timestamp('next_attempt_at', { withTimezone: true }).notNull(),
    // When the oldest change this item carries was queued (sync lag).
    enqueuedAt: timestamp('enqueued_at', { withTimezone: true }).notNull(),
    lastStatusCode: integer('last_status_code'),
    lastError: text('last_error'),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    uniqueIndex('channel_sync_items_key').on(t.connectionId, t.kind, t.key),
    index('channel_sync_items_due').on(t.connectionId, t.status, t.nextAttemptAt),
  ],
);

/** External ids a channel gave our SKUs (WooCommerce product ids), resolved once and remembered. */
export const channelSyncRefs = pgTable(
  'channel_sync_refs',
  {
    connectionId: text('connection_id').notNull(),
    sku: text('sku').notNull(),
    externalId: text('external_id').notNull(),
    // product | variation (WooCommerce), with the parent product id for variations
    externalKind: text('external_kind').notNull().default('product'),
    parentId: text('parent_id'),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  },
  (t) => [uniqueIndex('channel_sync_refs_pk').on(t.connectionId, t.sku)],
);

/**
 * What each connection last pushed and had acknowledged, per (connection, kind, SKU): the values the
 * channel confirmed (stock: availableToSell; price: amount, currency and sale; listing: listed, title,
 * description), written in the transaction that records the acknowledgement. The consistency audit
 * compares the hub's current truth with these.
 */
export const channelSyncAcks = pgTable(
  'channel_sync_acks',
  {
    connectionId: text('connection_id').notNull(),
    // stock | price | listing
    kind: text('kind').notNull(),
    key: text('key').notNull(),
    value: jsonb('value').notNull(),
    acknowledgedAt: timestamp('acknowledged_at', { withTimezone: true }).notNull(),
  },
  (t) => [uniqueIndex('channel_sync_acks_pk').on(t.connectionId, t.kind, t.key)],
);

/**
 * The periodic consistency audit's last result per connection (the score reads it, never runs the
 * audit itself): when, how many SKUs were checked, the SKUs that drifted by field, the connection's
 * state then, and a few drifted items as evidence. The lease lets one node of many audit it.
 */
export const channelSyncAudits = pgTable(
  'channel_sync_audits',
  {
    connectionId: text('connection_id').primaryKey(),
    channelId: text('channel_id').notNull(),
    // null until the first audit finished (the row may exist only for its lease)
    auditedAt: timestamp('audited_at', { withTimezone: true }),
    // The connection's status (active | paused | disabled) when audited.
    status: text('status'),
    skus: integer('skus').notNull().default(0),
    // Distinct SKUs drifted per field (price, title, description, availability, listing, campaign).
    drift: jsonb('drift').notNull().default({}),
    // Distinct SKUs drifted per pushed kind (stock, price, listing).
    driftBySync: jsonb('drift_by_sync').notNull().default({}),
    // checked | unsupported | error (the channel could not be read back: remote_error says why)
    remote: text('remote'),
    remoteError: text('remote_error'),
    lagSeconds: real('lag_seconds').notNull().default(0),
    deadLettered: integer('dead_lettered').notNull().default(0),
    // Up to 10 findings: { sku, kind, source, hub, channel }.
    sample: jsonb('sample').notNull().default([]),
    leaseOwner: text('lease_owner'),
    leaseUntil: timestamp('lease_until', { withTimezone: true }),
  },
  (t) => [index('channel_sync_audits_channel').on(t.channelId)],
);
