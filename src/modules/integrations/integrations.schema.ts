// Integration state: outbound webhook endpoints and their delivery queue (with the dead-letter
// queue as a status), inbound connectors with their raw deliveries, and workflow rules.
import { sql } from 'drizzle-orm';
import {
  bigint,
  bigserial,
  boolean,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
} from 'drizzle-orm/pg-core';

export const webhookEndpoints = pgTable('webhook_endpoints', {
  id: text('id').primaryKey(),
  url: text('url').notNull(),
  description: text('description').notNull().default(''),
  // Exact event types or prefixes ending in '.*'; empty = every event.
  types: text('types').array().notNull(),
  // Only this channel's events (and global ones); null = all channels.
  channelId: text('channel_id'),
  // 'standard' (Standard Webhooks JSON) or 'cloudevents' (CloudEvents 1.0 structured mode).
  format: text('format').notNull().default('standard'),
  // An optional JSONata expression that reshapes the event before it is sent (per-channel payloads).
  transform: text('transform'),
  // A contact purpose (e.g. marketing): an event about a customer goes out only if mayContact says
  // yes for it; a refusal is kept as a 'suppressed' delivery with the reason.
  purpose: text('purpose'),
  // Payloads carry the customer's consent state (opt-in per endpoint).
  includeConsent: boolean('include_consent').notNull().default(false),
  secret: text('secret').notNull(),
  // During a rotation both secrets sign, so receivers can switch at their own pace.
  previousSecret: text('previous_secret'),
  previousSecretExpiresAt: timestamp('previous_secret_expires_at', { withTimezone: true }),
  status: text('status').notNull().default('active'),
  disabledReason: text('disabled_reason'),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
});

/**
 * Delivery counters per endpoint, one row per sender shard (delivery loop), summed on read: a
 * single counter row per endpoint would serialize every completion on one row lock.
 */
export const webhookEndpointStats = pgTable(
  'webhook_endpoint_stats',
  {
    endpointId: text('endpoint_id').notNull(),
    shard: integer('shard').notNull(),
    deliveredCount: bigint('delivered_count', { mode: 'number' }).notNull().default(0),
    failedCount: bigint('failed_count', { mode: 'number' }).notNull().default(0),
    lastDeliveredAt: timestamp('last_delivered_at', { withTimezone: true }),
    lastDeliveredEventAt: timestamp('last_delivered_event_at', { withTimezone: true }),
  },
  (t) => [uniqueIndex('webhook_endpoint_stats_uq').on(t.endpointId, t.shard)],
);

export const webhookDeliveries = pgTable(
  'webhook_deliveries',
  {
    // The webhook-id header: stable across retries and replays.
    id: text('id').primaryKey(),
    // Enqueue order; deliveries of one subject to one endpoint go out in this order.
    seq: bigserial('seq', { mode: 'number' }).notNull(),
    endpointId: text('endpoint_id').notNull(),
    eventId: text('event_id').notNull(),
    eventType: text('event_type').notNull(),
    subject: text('subject').notNull(),
    eventOccurredAt: timestamp('event_occurred_at', { withTimezone: true }).notNull(),
    body: text('body').notNull(),
    contentType: text('content_type').notNull(),
    // queued (behind an earlier delivery of the same subject) → pending (the subject's head, due at
    // next_attempt_at) → delivering (leased by one node) → delivered | pending (retry) | dead (the DLQ).
    status: text('status').notNull().default('pending'),
    attempts: integer('attempts').notNull().default(0),
    nextAttemptAt: timestamp('next_attempt_at', { withTimezone: true }).notNull(),
    leaseOwner: text('lease_owner'),
    leaseUntil: timestamp('lease_until', { withTimezone: true }),
    lastStatusCode: integer('last_status_code'),
    lastError: text('last_error'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    deliveredAt: timestamp('delivered_at', { withTimezone: true }),
  },
  (t) => [
    uniqueIndex('webhook_deliveries_endpoint_event_uq').on(t.endpointId, t.eventId),
    index('webhook_deliveries_due_idx').on(t.nextAttemptAt).where(sql`status in ('pending', 'delivering')`),
    index('webhook_deliveries_subject_idx')
      .on(t.endpointId, t.subject, t.seq)
      .where(sql`status in ('pending', 'delivering')`),
    index('webhook_deliveries_queued_idx').on(t.endpointId, t.subject, t.seq).where(sql`status = 'queued'`),
    index('webhook_deliveries_endpoint_status_idx').on(t.endpointId, t.status, t.seq),
  ],
);

export const inboundConnectors = pgTable('inbound_connectors', {
  id: text('id').primaryKey(),
  // 'generic' | 'shopify' | 'woocommerce'
  kind: text('kind').notNull(),
  name: text('name').notNull(),
  secret: text('secret').notNull(),
  // JSONata mapping from the payload to hub commands (generic connectors).
  mapping: text('mapping'),
  // The sales channel imported orders and listings belong to.
  channelId: text('channel_id'),
  // Stock location for stock-level updates from this source.
  locationId: text('location_id'),
  status: text('status').notNull().default('active'),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
});

export const inboundDeliveries = pgTable(
  'inbound_deliveries',
  {
    id: text('id').primaryKey(),
    connectorId: text('connector_id').notNull(),
    // The sender's delivery id (X-Shopify-Webhook-Id, X-WC-Webhook-Delivery-ID, webhook-id).
    externalId: text('external_id').notNull(),
    topic: text('topic').notNull(),
    headers: jsonb('headers').notNull(),
    rawBody: text('raw_body').notNull(),
    // received → processed | parked (mapping or command failed) | rejected (malformed)
    status: text('status').notNull(),
    error: text('error'),
    result: jsonb('result'),
    receivedAt: timestamp('received_at', { withTimezone: true }).notNull(),
    processedAt: timestamp('processed_at', { withTimezone: true }),
  },
  (t) => [
    uniqueIndex('inbound_deliveries_dedupe_uq').on(t.connectorId, t.externalId),
    index('inbound_deliveries_status_idx').on(t.connectorId, t.status, t.receivedAt),
    // The retention job's walk: only bodies not yet cleared, oldest first.
    index('inbound_deliveries_retention_idx').on(t.receivedAt).where(sql`raw_body <> ''`),
  ],
);

export const workflowRules = pgTable(
  'workflow_rules',
  {
    id: text('id').primaryKey(),
    name: text('name').notNull(),
    // An exact event type or a prefix ending in '.*'.
    eventType: text('event_type').notNull(),
    // Optional JSONata; the rule fires when it evaluates truthy on the CloudEvent.
    condition: text('condition'),
    actions: jsonb('actions').notNull(),
    enabled: boolean('enabled').notNull().default(true),
    version: integer('version').notNull().default(1),
    firedCount: bigint('fired_count', { mode: 'number' }).notNull().default(0),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('workflow_rules_enabled_idx').on(t.enabled)],
);

/** Every saved version of every rule, so a change can be seen and undone. */
export const workflowRuleVersions = pgTable(
  'workflow_rule_versions',
  {
    ruleId: text('rule_id').notNull(),
    version: integer('version').notNull(),
    definition: jsonb('definition').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [uniqueIndex('workflow_rule_versions_uq').on(t.ruleId, t.version)],
);

/** Ids a source uses that the hub must translate later (e.g. Shopify inventory_item_id → SKU). */
export const inboundRefs = pgTable(
  'inbound_refs',
  {
    connectorId: text('connector_id').notNull(),
    kind: text('kind').notNull(),
    externalId: text('external_id').notNull(),
    value: text('value').notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  },
  (t) => [uniqueIndex('inbound_refs_uq').on(t.connectorId, t.kind, t.externalId)],
);
