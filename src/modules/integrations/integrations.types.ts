import { z } from 'zod';

export const EventTypeFilter = z
  .string()
  .regex(
    /^([a-z][a-z0-9_]*)(\.[a-z0-9_]+)*(\.\*)?$|^\*$/,
    'an event type such as order.created or inventory.*',
  );

export const WEBHOOK_FORMATS = ['standard', 'cloudevents'] as const;
export const ENDPOINT_STATUSES = ['active', 'disabled'] as const;
export const DELIVERY_STATUSES = [
  'queued',
  'pending',
  'delivering',
  'delivered',
  'dead',
  'suppressed',
] as const;

/** A contact purpose (marketing, analytics…), as the customers module stores consent purposes. */
export const ContactPurpose = z
  .string()
  .regex(/^[a-z][a-z0-9 _-]{0,60}$/, 'a lower-case purpose such as marketing')
  .describe(
    'events about a customer go out only when the customer may be contacted for this purpose (mayContact); ' +
      'a refusal is kept as a suppressed delivery with the reason',
  );

export const WebhookSecret = z
  .string()
  .regex(/^whsec_[A-Za-z0-9+/]{32,}={0,2}$/, 'whsec_ followed by at least 24 base64-encoded bytes');

export const EndpointInput = z.strictObject({
  url: z.string().url().max(2000),
  description: z.string().max(500).default(''),
  types: z.array(EventTypeFilter).max(100).default([]).describe('empty = every event'),
  channelId: z.string().min(1).nullable().default(null).describe('only this channel and global events'),
  format: z.enum(WEBHOOK_FORMATS).default('standard'),
  transform: z
    .string()
    .max(20_000)
    .nullable()
    .default(null)
    .describe('a JSONata expression over the CloudEvent; its result is the payload data'),
  purpose: ContactPurpose.nullable().default(null),
  includeConsent: z
    .boolean()
    .default(false)
    .describe("payloads carry the customer's consent state (top-level `consent`)"),
  secret: WebhookSecret.optional().describe('generated when omitted'),
});
export type EndpointInput = z.input<typeof EndpointInput>;

export const EndpointPatch = z
  .strictObject({
    url: EndpointInput.shape.url,
    description: z.string().max(500),
    types: z.array(EventTypeFilter).max(100),
    format: z.enum(WEBHOOK_FORMATS),
    transform: z.string().max(20_000).nullable(),
    purpose: ContactPurpose.nullable(),
    includeConsent: z.boolean(),
    status: z.enum(ENDPOINT_STATUSES),
  })
  .partial();
export type EndpointPatch = z.infer<typeof EndpointPatch>;

export const Endpoint = z.object({
  id: z.string(),
  url: z.string(),
  description: z.string(),
  types: z.array(z.string()),
  channelId: z.string().nullable(),
  format: z.enum(WEBHOOK_FORMATS),
  transform: z.string().nullable(),
  purpose: z.string().nullable(),
  includeConsent: z.boolean(),
  status: z.enum(ENDPOINT_STATUSES),
  disabledReason: z.string().nullable(),
  createdAt: z.date(),
  updatedAt: z.date(),
});
export type Endpoint = z.infer<typeof Endpoint>;

/** What the sender needs: the endpoint plus its signing secrets. */
export interface EndpointWithSecrets extends Endpoint {
  secret: string;
  previousSecret: string | null;
  previousSecretExpiresAt: Date | null;
}

export const Delivery = z.object({
  id: z.string().describe('the webhook-id header, stable across retries'),
  endpointId: z.string(),
  eventId: z.string(),
  eventType: z.string(),
  subject: z.string(),
  status: z.enum(DELIVERY_STATUSES),
  attempts: z.number().int(),
  nextAttemptAt: z.date(),
  lastStatusCode: z.number().int().nullable(),
  lastError: z.string().nullable(),
  createdAt: z.date(),
  deliveredAt: z.date().nullable(),
});
export type Delivery = z.infer<typeof Delivery>;

/** A delivery leased to one sender, with what to send. */
export interface ClaimedDelivery {
  id: string;
  endpointId: string;
  url: string;
  body: string;
  contentType: string;
  attempts: number;
  secrets: string[];
  eventOccurredAt: Date;
}

/** What recording a batch of send outcomes did. */
export interface RecordedOutcomes {
  delivered: number;
  retried: number;
  dead: number;
  /** The next deliveries of the finished ones' subjects, handed off or made pending (due at once). */
  promoted: number;
  /** Those of them leased to this sender (with a handoff), to send next without a claim. */
  handedOff: ClaimedDelivery[];
}

export type DeliveryOutcome =
  | { id: string; kind: 'delivered'; statusCode: number }
  | {
      id: string;
      kind: 'failed';
      statusCode: number | null;
      error: string;
      /** Seconds the receiver asked us to wait (429/503 Retry-After). */
      retryAfterSeconds?: number;
      /** 410 Gone: the receiver wants no more deliveries; the endpoint is disabled. */
      gone?: boolean;
    };

export const EndpointHealth = z.object({
  endpointId: z.string(),
  url: z.string(),
  status: z.enum(ENDPOINT_STATUSES),
  delivered: z.number().int(),
  failedAttempts: z.number().int(),
  pending: z.number().int(),
  deadLettered: z.number().int(),
  lagSeconds: z.number().describe('now − occurrence of the oldest event not yet delivered; 0 when none'),
  lastDeliveredAt: z.date().nullable(),
  lastDeliveredEventAt: z.date().nullable(),
});
export type EndpointHealth = z.infer<typeof EndpointHealth>;
