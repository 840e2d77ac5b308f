import { z } from 'zod';

export const CONNECTOR_KINDS = ['generic', 'shopify', 'woocommerce'] as const;
export type ConnectorKind = (typeof CONNECTOR_KINDS)[number];
export const INBOUND_STATUSES = ['received', 'processed', 'parked', 'rejected'] as const;
export type InboundStatus = (typeof INBOUND_STATUSES)[number];

export const ConnectorInput = z.strictObject({
  kind: z.enum(CONNECTOR_KINDS),
  name: z.string().min(1).max(200),
  secret: z
    .string()
    .min(16)
    .max(500)
    .optional()
    .describe(
      "the sender's signing secret (Shopify app secret, WooCommerce webhook secret, or a whsec_ secret); generated when omitted",
    ),
  mapping: z
    .string()
    .max(50_000)
    .nullable()
    .default(null)
    .describe('generic connectors: JSONata from {topic, payload, headers} to one or more hub commands'),
  channelId: z
    .string()
    .min(1)
    .nullable()
    .default(null)
    .describe('the sales channel imported orders belong to'),
  locationId: z
    .string()
    .min(1)
    .nullable()
    .default(null)
    .describe('the stock location stock updates apply to'),
});
export type ConnectorInput = z.input<typeof ConnectorInput>;

export const ConnectorPatch = z
  .strictObject({
    name: ConnectorInput.shape.name,
    mapping: z.string().max(50_000).nullable(),
    channelId: z.string().min(1).nullable(),
    locationId: z.string().min(1).nullable(),
    status: z.enum(['active', 'paused']),
  })
  .partial();
export type ConnectorPatch = z.infer<typeof ConnectorPatch>;

export const Connector = z.object({
  id: z.string(),
  kind: z.enum(CONNECTOR_KINDS),
  name: z.string(),
  mapping: z.string().nullable(),
  channelId: z.string().nullable(),
  locationId: z.string().nullable(),
  status: z.enum(['active', 'paused']),
  createdAt: z.date(),
  updatedAt: z.date(),
});
export type Connector = z.infer<typeof Connector>;
export interface ConnectorWithSecret extends Connector {
  secret: string;
}

export const InboundDelivery = z.object({
  id: z.string(),
  connectorId: z.string(),
  externalId: z.string(),
  topic: z.string(),
  headers: z.record(z.string(), z.string()),
  rawBody: z.string(),
  status: z.enum(INBOUND_STATUSES),
  error: z.string().nullable(),
  result: z.unknown(),
  receivedAt: z.date(),
  processedAt: z.date().nullable(),
});
export type InboundDelivery = z.infer<typeof InboundDelivery>;

export const ConnectorHealth = z.object({
  connectorId: z.string(),
  kind: z.enum(CONNECTOR_KINDS),
  name: z.string(),
  received: z.number().int(),
  processed: z.number().int(),
  parked: z.number().int(),
  rejected: z.number().int(),
  waiting: z.number().int(),
  lagSeconds: z.number().describe('now − receipt of the oldest delivery not processed yet; 0 when none'),
  lastReceivedAt: z.date().nullable(),
});
export type ConnectorHealth = z.infer<typeof ConnectorHealth>;
