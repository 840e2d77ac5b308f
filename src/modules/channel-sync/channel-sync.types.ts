// The channel sync API's shapes, declared once with Zod: validation, TypeScript types and OpenAPI.
import { z } from 'zod';

export const CONNECTION_KINDS = ['generic', 'woocommerce', 'shopify'] as const;
export type ConnectionKind = (typeof CONNECTION_KINDS)[number];
export const SYNC_KINDS = ['stock', 'price', 'listing'] as const;
export type SyncKind = (typeof SYNC_KINDS)[number];
export const CONNECTION_STATUSES = ['active', 'paused', 'disabled'] as const;
export const ITEM_STATUSES = ['pending', 'dead'] as const;

export const WhsecSecret = z
  .string()
  .regex(/^whsec_[A-Za-z0-9+/]{32,}={0,2}$/, 'whsec_ followed by at least 24 base64-encoded bytes');

export const GenericCredentials = z.strictObject({
  secret: WhsecSecret.optional().describe('the Standard Webhooks signing secret; generated when omitted'),
});
export const WooCommerceCredentials = z.strictObject({
  consumerKey: z.string().min(1).max(200),
  consumerSecret: z.string().min(1).max(200),
});
export const ShopifyCredentials = z.strictObject({
  accessToken: z.string().min(1).max(200).describe('an Admin API access token (X-Shopify-Access-Token)'),
  locationId: z
    .string()
    .regex(/^gid:\/\/shopify\/Location\/\d+$/, 'a Location GID such as gid://shopify/Location/123')
    .describe('the Shopify location whose available quantity is set'),
});
/** The credentials each kind of connection takes. */
export const CREDENTIALS_BY_KIND = {
  generic: z.strictObject({ secret: z.string() }),
  woocommerce: WooCommerceCredentials,
  shopify: ShopifyCredentials,
} as const;

const common = {
  channelId: z.string().min(1).describe('the hub channel this connection pushes'),
  name: z.string().max(200).default(''),
  baseUrl: z
    .string()
    .url()
    .max(2000)
    .describe(
      'generic: the URL batches are POSTed to; woocommerce: the shop root (…/wp-json is added); shopify: https://<shop>.myshopify.com',
    ),
  push: z.array(z.enum(SYNC_KINDS)).min(1).max(3).default(['stock', 'price', 'listing']),
  batchSize: z.number().int().min(1).max(100).default(50).describe('items per request (WooCommerce: ≤ 100)'),
  ratePerSecond: z.number().positive().max(1000).default(2).describe('requests per second (token bucket)'),
  burst: z
    .number()
    .int()
    .min(1)
    .max(1000)
    .default(5)
    .describe('requests allowed at once after a quiet spell'),
  transform: z
    .string()
    .max(20_000)
    .nullable()
    .default(null)
    .describe('a JSONata expression over the canonical item; its result replaces the item'),
  status: z
    .enum(['active', 'paused'])
    .default('active')
    .describe('paused: changes queue up (coalesced) and nothing is sent until it is made active'),
};

export const ConnectionInput = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('generic'), ...common, credentials: GenericCredentials.default({}) }),
  z.strictObject({ kind: z.literal('woocommerce'), ...common, credentials: WooCommerceCredentials }),
  z.strictObject({ kind: z.literal('shopify'), ...common, credentials: ShopifyCredentials }),
]);
export type ConnectionInput = z.input<typeof ConnectionInput>;
export type ParsedConnectionInput = z.infer<typeof ConnectionInput>;

// No defaults here: a patch changes only what it names.
export const ConnectionPatch = z
  .strictObject({
    name: z.string().max(200),
    baseUrl: common.baseUrl,
    push: z.array(z.enum(SYNC_KINDS)).min(1).max(3),
    batchSize: z.number().int().min(1).max(100),
    ratePerSecond: z.number().positive().max(1000),
    burst: z.number().int().min(1).max(1000),
    transform: z.string().max(20_000).nullable(),
    status: z.enum(CONNECTION_STATUSES).describe('active resumes a connection paused by a 401/403'),
    credentials: z.union([GenericCredentials.required(), WooCommerceCredentials, ShopifyCredentials]),
  })
  .partial();
export type ConnectionPatch = z.infer<typeof ConnectionPatch>;

export const Connection = z.object({
  id: z.string(),
  channelId: z.string(),
  name: z.string(),
  kind: z.enum(CONNECTION_KINDS),
  baseUrl: z.string(),
  push: z.array(z.enum(SYNC_KINDS)),
  batchSize: z.number().int(),
  ratePerSecond: z.number(),
  burst: z.number().int(),
  transform: z.string().nullable(),
  status: z.enum(CONNECTION_STATUSES),
  pausedUntil: z.date().nullable(),
  lastError: z.string().nullable(),
  createdAt: z.date(),
  updatedAt: z.date(),
});
export type Connection = z.infer<typeof Connection>;

export type Credentials =
  | { secret: string }
  | { consumerKey: string; consumerSecret: string }
  | { accessToken: string; locationId: string };
export type ConnectionWithCredentials = Connection & { credentials: Credentials };

export const SyncItem = z.object({
  id: z.string(),
  connectionId: z.string(),
  kind: z.enum(SYNC_KINDS),
  key: z.string(),
  value: z.unknown(),
  status: z.enum(ITEM_STATUSES),
  attempts: z.number().int(),
  nextAttemptAt: z.date(),
  enqueuedAt: z.date(),
  lastStatusCode: z.number().int().nullable(),
  lastError: z.string().nullable(),
});
export type SyncItem = z.infer<typeof SyncItem>;

/** A queued item as the sender claims it. */
export interface ClaimedItem {
  id: string;
  kind: SyncKind;
  key: string;
  version: number;
  attempts: number;
}

export interface DirtyItem {
  connectionId: string;
  kind: SyncKind;
  key: string;
  value?: unknown;
}

export const ConnectionHealth = z.object({
  connectionId: z.string(),
  channelId: z.string(),
  kind: z.enum(CONNECTION_KINDS),
  status: z.enum(CONNECTION_STATUSES),
  lagSeconds: z.number().describe('age of the oldest pending item, else time since the last push'),
  queueDepth: z.number().int(),
  deadLettered: z.number().int(),
  pushed: z.number().int(),
  failed: z.number().int(),
  requests: z.number().int(),
  lastPushedAt: z.date().nullable(),
  pausedUntil: z.date().nullable(),
  lastError: z.string().nullable(),
});
export type ConnectionHealth = z.infer<typeof ConnectionHealth>;

/** What happened to each item of a push (the connector's answer, translated). */
export type ItemOutcome =
  | { id: string; kind: 'pushed' }
  | { id: string; kind: 'retry'; error: string; statusCode: number | null }
  | { id: string; kind: 'park'; error: string; statusCode: number | null };

/**
 * A value a channel acknowledged, by kind: stock `{ availableToSell }`, price `{ amount, currency,
 * sale }` (sale: the campaign price, null when none), listing `{ listed, title, description }`
 * (description null when the connector does not send it).
 */
export type AckValue =
  | { availableToSell: number }
  | { amount: number | null; currency: string | null; sale: number | null }
  | { listed: boolean; title: string | null; description: string | null };
export interface AckInput {
  kind: SyncKind;
  key: string;
  value: AckValue;
}
export interface Ack extends AckInput {
  acknowledgedAt: Date;
}

/** A drifted item kept as evidence with an audit's result. */
export const AuditSampleItem = z.object({
  sku: z.string(),
  kind: z
    .string()
    .describe('the field that drifted: price, title, description, availability, listing, campaign'),
  source: z.enum(['acknowledged', 'channel']),
  hub: z.unknown(),
  channel: z.unknown(),
});

/** The periodic consistency audit's last result of one connection. */
export const AuditRecord = z.object({
  connectionId: z.string(),
  channelId: z.string(),
  auditedAt: z.date(),
  status: z.enum(CONNECTION_STATUSES).describe('the connection’s status when audited'),
  skus: z.number().int().describe('SKUs checked'),
  drift: z.record(z.string(), z.number().int()).describe('distinct SKUs drifted, by field'),
  driftBySync: z
    .record(z.enum(SYNC_KINDS), z.number().int())
    .describe('distinct SKUs drifted, by pushed kind'),
  remote: z
    .enum(['checked', 'unsupported', 'error'])
    .describe("checked: the channel's state was read back; error: it could not be (remoteError)"),
  remoteError: z.string().nullable(),
  lagSeconds: z.number(),
  deadLettered: z.number().int(),
  sample: z.array(AuditSampleItem).describe('up to 10 drifted items'),
});
export type AuditRecord = z.infer<typeof AuditRecord>;
