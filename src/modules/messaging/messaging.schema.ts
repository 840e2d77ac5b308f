// Messaging: templates per key × channel format × locale × journey stage, the brand and send-time
// rules (one settings row), the send log (one row per message, unique per journey step) and the
// global suppression list (by a hash of the address: no address is stored here).
import { sql } from 'drizzle-orm';
import { index, integer, jsonb, pgTable, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';

export const messagingTemplates = pgTable(
  'messaging_templates',
  {
    id: text('id').primaryKey(),
    key: text('key').notNull(),
    format: text('format').notNull(),
    locale: text('locale').notNull(),
    // A journey stage (visitor, cart_abandoner…) or '*' for every stage.
    stage: text('stage').notNull(),
    subject: text('subject').notNull(),
    body: text('body').notNull(),
    cta: text('cta'),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  },
  (t) => [uniqueIndex('messaging_templates_variant_idx').on(t.key, t.format, t.locale, t.stage)],
);

export const messagingSettings = pgTable('messaging_settings', {
  id: text('id').primaryKey(),
  brand: jsonb('brand').notNull(),
  rules: jsonb('rules').notNull(),
  // Signs one-click unsubscribe links (HMAC-SHA256); made once, never shown.
  linkSecret: text('link_secret').notNull(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
});

export const messagingSends = pgTable(
  'messaging_sends',
  {
    id: text('id').primaryKey(),
    customerId: text('customer_id').notNull(),
    // The journey run and step that asked for it: idem_key = `<run>:<step>` makes a repeat a no-op.
    runId: text('run_id'),
    idemKey: text('idem_key').notNull(),
    templateKey: text('template_key').notNull(),
    // The formats to try in order (channel choice); `format` is the one used once decided.
    formats: jsonb('formats').$type<string[]>().notNull(),
    format: text('format'),
    purpose: text('purpose').notNull(),
    channelId: text('channel_id'),
    vars: jsonb('vars').$type<Record<string, string>>().notNull(),
    // queued → sent | refused (consent, suppression) | failed (provider) | cancelled (journey exited)
    status: text('status').notNull(),
    dueAt: timestamp('due_at', { withTimezone: true }).notNull(),
    leaseUntil: timestamp('lease_until', { withTimezone: true }),
    // The delivery job holding the lease (a node's id): its heartbeat renews it, its outcome checks it.
    leaseOwner: text('lease_owner'),
    attempts: integer('attempts').notNull().default(0),
    // Why it was refused, failed, or last held back (cap, quiet hours).
    reason: text('reason'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    sentAt: timestamp('sent_at', { withTimezone: true }),
    // The provider's id of the message once handed over (Twilio's MessageSid): its status callbacks
    // find the send by it.
    providerMessageId: text('provider_message_id'),
    // What the provider last reported after `sent`: sent → delivered | undelivered | failed → read,
    // forward only (a late callback never takes a send back).
    deliveryStatus: text('delivery_status'),
  },
  (t) => [
    uniqueIndex('messaging_sends_idem_idx').on(t.idemKey),
    index('messaging_sends_provider_idx').on(t.providerMessageId).where(sql`provider_message_id is not null`),
    index('messaging_sends_due_idx').on(t.dueAt).where(sql`status = 'queued'`),
    index('messaging_sends_customer_idx').on(t.customerId, t.createdAt),
  ],
);

export const messagingSuppressions = pgTable('messaging_suppressions', {
  // SHA-256 of the lower-cased address (email or E.164 phone).
  addressHash: text('address_hash').primaryKey(),
  reason: text('reason').notNull(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
});

// The hub's VAPID key pair for web push (one row, made on first use); the private key is sealed
// with the secret box (OMNIHUB_SECRETS_KEY) when one is configured.
export const messagingPushKeys = pgTable('messaging_push_keys', {
  id: text('id').primaryKey(),
  publicKey: text('public_key').notNull(),
  privateKey: text('private_key').notNull(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
});

// A shopper's browser or device subscribed to web push: the push service's endpoint and the
// subscription's keys (RFC 8291). A 404/410 from the push service deletes the row.
export const messagingPushSubscriptions = pgTable(
  'messaging_push_subscriptions',
  {
    id: text('id').primaryKey(),
    customerId: text('customer_id').notNull(),
    channelId: text('channel_id'),
    endpoint: text('endpoint').notNull(),
    p256dh: text('p256dh').notNull(),
    auth: text('auth').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    uniqueIndex('messaging_push_subscriptions_endpoint_idx').on(t.endpoint),
    index('messaging_push_subscriptions_customer_idx').on(t.customerId),
  ],
);
