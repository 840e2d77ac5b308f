// Types of the customers module: what ingestion takes, what the API returns (Zod, so the same
// schemas validate, type and document the HTTP contract).
import { z } from 'zod';
import type { IdentifierInput } from './identifiers.js';

export const EVENT_KINDS = ['track', 'identify', 'page', 'screen', 'group', 'alias', 'entry'] as const;
export type EventKind = (typeof EVENT_KINDS)[number];

export const JOURNEY_STAGES = [
  'visitor',
  'engaged',
  'cart_abandoner',
  'first_time_buyer',
  'repeat',
  'loyal',
  'at_risk',
  'lapsed',
] as const;
export type JourneyStage = (typeof JOURNEY_STAGES)[number];

export interface StageThresholds {
  /** Events (or being identified) that make a visitor engaged. */
  engagedMinEvents: number;
  loyalMinOrders: number;
  /** Days since the last order after which a buyer is at risk, then lapsed. */
  atRiskDays: number;
  lapsedDays: number;
  /**
   * Minutes a cart must stay idle (no cart event, no order) before its customer is a cart abandoner;
   * until then the cart only makes them engaged. The stage sweeper moves them when the time is up.
   */
  cartIdleMinutes: number;
  cartEvents: string[];
  orderEvents: string[];
  /** Track events whose total is money given back: it comes off the lifetime value. */
  refundEvents?: string[];
}

export const DEFAULT_STAGE_THRESHOLDS: StageThresholds = {
  engagedMinEvents: 3,
  loyalMinOrders: 5,
  atRiskDays: 90,
  lapsedDays: 180,
  cartIdleMinutes: 60,
  cartEvents: ['Product Added', 'Cart Viewed', 'Checkout Started'],
  orderEvents: ['Order Completed'],
  refundEvents: ['Order Refunded'],
};

/** One event as the module ingests it (connectors translate their wire format into this). */
export interface IngestEventInput {
  messageId: string;
  kind: EventKind;
  name: string | null;
  identifiers: IdentifierInput[];
  /** Traits to record on the profile (identify traits, context.traits). */
  traits: Record<string, unknown>;
  properties: Record<string, unknown>;
  context: Record<string, unknown>;
  /** Purpose → granted (context.consent.categoryPreferences). */
  consent?: Record<string, boolean> | undefined;
  occurredAt: Date;
  anonymousId: string | null;
  userId: string | null;
  /** alias: the earlier id, linked as a user id if known as one, otherwise as an anonymous id. */
  previousId?: string | undefined;
  /** Fields the connector dropped (e.g. an unparseable date): kept with the event and reported. */
  warnings?: Array<{ path: string; message: string }> | undefined;
}

export interface IngestSource {
  id: string;
  channelId: string;
  /** Every anonymous id of this source is a shared device (a till, a kiosk). */
  sharedDevices: boolean;
}

export type IngestEventResult =
  | {
      index: number;
      messageId: string;
      status: 'stored';
      profileId: string;
      /** Fields dropped from the event (the rest landed). */
      warnings?: Array<{ path: string; message: string }>;
    }
  | {
      index: number;
      messageId: string;
      status: 'duplicate';
      /** The profile the stored event landed on (null for a repeat within the batch). */
      profileId: string | null;
    }
  | { index: number; messageId: string; status: 'ignored'; reason: string }
  | {
      index: number;
      messageId: string;
      status: 'rejected';
      errors: Array<{ path: string; message: string }>;
    };

/** The birthday trait the birthday journey reads: a real calendar date, with or without its year. */
export function isBirthday(v: unknown): boolean {
  const m = typeof v === 'string' ? /^(\d{4}|-)-(\d{2})-(\d{2})$/.exec(v) : null;
  if (!m) return false;
  const year = m[1] === '-' ? 2000 : Number(m[1]);
  const d = new Date(Date.UTC(year, Number(m[2]) - 1, Number(m[3])));
  return d.getUTCMonth() === Number(m[2]) - 1 && d.getUTCDate() === Number(m[3]);
}
export const BIRTHDAY_FORMAT = 'a date: YYYY-MM-DD, or --MM-DD without the year';
export const Birthday = z.string().max(10).refine(isBirthday, BIRTHDAY_FORMAT);

export const TraitValue = z.object({ value: z.unknown(), channelId: z.string().nullable(), at: z.string() });
export type TraitValue = z.infer<typeof TraitValue>;
export type Traits = Record<string, TraitValue>;

export interface ChannelStat {
  first: string;
  last: string;
  count: number;
}

export const Identity = z.object({
  type: z.string(),
  value: z.string(),
  trust: z.enum(['verified', 'claimed']),
  channelId: z.string().nullable(),
  profileId: z.string().describe('the profile the identifier first landed on'),
  firstSeenAt: z.date(),
});

export const ConsentEntry = z.object({
  purpose: z.string(),
  channel: z.string().describe("a channel id, or '*' for every channel"),
  status: z.enum(['granted', 'denied', 'revoked']),
  sourceChannelId: z.string().nullable(),
  at: z.date(),
});
export type ConsentEntry = z.infer<typeof ConsentEntry>;

export const TimelineItem = z.object({
  id: z.string(),
  kind: z.string(),
  name: z.string().nullable(),
  channelId: z.string().nullable(),
  profileId: z.string(),
  occurredAt: z.date(),
  properties: z.record(z.string(), z.unknown()),
});
export type TimelineItem = z.infer<typeof TimelineItem>;

export const TimelinePage = z.object({ items: z.array(TimelineItem), nextCursor: z.string().nullable() });
export type TimelinePage = z.infer<typeof TimelinePage>;

export const CustomerSummary = z.object({
  id: z.string(),
  status: z.string(),
  stage: z.enum(JOURNEY_STAGES),
  name: z.string().nullable(),
  email: z.string().nullable(),
  phone: z.string().nullable(),
  lastSeenAt: z.date().nullable(),
  tags: z.array(z.string()),
});
export type CustomerSummary = z.infer<typeof CustomerSummary>;

export const CustomerTag = z.object({
  tag: z.string(),
  channelId: z.string().nullable(),
  profileId: z.string().describe('the profile it was put on (the root at the time)'),
  addedAt: z.date(),
});
export type CustomerTag = z.infer<typeof CustomerTag>;

export const TagChangeResult = z.object({
  customerId: z.string().describe('the surviving profile the change was made on'),
  added: z.array(z.string()).describe('tags the customer did not have before'),
  removed: z.array(z.string()).describe('tags the customer had before'),
  tags: z.array(z.string()),
  repeated: z.boolean().describe('the change was made before under the same ref (nothing done)'),
});
export type TagChangeResult = z.infer<typeof TagChangeResult>;

export const TraitUpdateResult = z.object({
  customerId: z.string().describe('the surviving profile the change was made on'),
  changed: z.array(z.string()).describe('keys whose value the customer view shows changed'),
  traits: z.record(z.string(), TraitValue).describe("the customer's traits after the update"),
  repeated: z.boolean().describe('the change was made before under the same ref (nothing done)'),
});
export type TraitUpdateResult = z.infer<typeof TraitUpdateResult>;

export const CustomerView = z.object({
  id: z.string(),
  requestedId: z.string().describe('the id asked for; differs from id when that profile was merged'),
  status: z.string(),
  stage: z.enum(JOURNEY_STAGES),
  stageChangedAt: z.date().nullable(),
  createdAt: z.date(),
  mergedProfileIds: z.array(z.string()),
  identities: z.array(Identity),
  traits: z.record(z.string(), TraitValue),
  tags: z.array(CustomerTag),
  consent: z.array(ConsentEntry),
  computed: z.object({
    firstSeenAt: z.date().nullable(),
    lastSeenAt: z.date().nullable(),
    eventCount: z.number().int(),
    channels: z.array(
      z.object({
        channelId: z.string(),
        firstSeenAt: z.date(),
        lastSeenAt: z.date(),
        events: z.number().int(),
      }),
    ),
    preferredChannelId: z.string().nullable(),
    orderCount: z.number().int(),
    lifetimeValue: z.array(z.object({ amount: z.number().int(), currency: z.string() })),
  }),
  timeline: TimelinePage,
});
export type CustomerView = z.infer<typeof CustomerView>;

export const MergeRecord = z.object({
  id: z.string(),
  winnerId: z.string(),
  loserId: z.string(),
  movedProfileIds: z.array(z.string()),
  reason: z.string(),
  evidence: z.record(z.string(), z.unknown()),
  status: z.enum(['active', 'undone']),
  actor: z.string(),
  createdAt: z.date(),
  undoneAt: z.date().nullable(),
});
export type MergeRecord = z.infer<typeof MergeRecord>;

export const MergeReview = z.object({
  id: z.string(),
  profileIds: z.array(z.string()),
  rule: z.string(),
  reason: z.string(),
  evidence: z.record(z.string(), z.unknown()),
  status: z.enum(['open', 'approved', 'rejected']),
  mergeId: z.string().nullable(),
  decidedBy: z.string().nullable(),
  createdAt: z.date(),
  decidedAt: z.date().nullable(),
});
export type MergeReview = z.infer<typeof MergeReview>;

export const IdentityLogEntry = z.object({
  id: z.string(),
  profileId: z.string(),
  kind: z.string(),
  reason: z.string(),
  details: z.record(z.string(), z.unknown()),
  actor: z.string(),
  at: z.date(),
});
export type IdentityLogEntry = z.infer<typeof IdentityLogEntry>;

export const Source = z.object({
  id: z.string(),
  channelId: z.string(),
  name: z.string(),
  keyPrefix: z.string(),
  sharedDevices: z.boolean(),
  createdAt: z.date(),
  revokedAt: z.date().nullable(),
});
export type Source = z.infer<typeof Source>;

export const SourceInput = z.strictObject({
  channelId: z.string().min(1),
  name: z.string().min(1).max(200),
  sharedDevices: z
    .boolean()
    .default(false)
    .describe('true for store tills and kiosks: their device ids never link customers'),
});
export type SourceInput = z.input<typeof SourceInput>;

/** A customer as background evaluation reads it (audiences, computed traits): see `subjects`. */
export interface CustomerSubject {
  /** The surviving profile's id. */
  rootId: string;
  /** Every profile of the cluster, the root first. */
  profileIds: string[];
  stage: JourneyStage;
  /** The cluster's trait values, newest wins (empty unless facts were asked). */
  traits: Record<string, unknown>;
  /** The tags the cluster shows (empty unless facts were asked). */
  tags: Set<string>;
  /** The cluster's consent records (empty unless facts were asked). */
  consent: ConsentEntry[];
}

/** An event ingestion stored (for onStored): the input as it landed, on its customer (the root). */
export interface StoredIngestEvent {
  messageId: string;
  kind: string;
  name: string | null;
  profileId: string;
  channelId: string;
  sourceId: string;
  occurredAt: Date;
  properties: Record<string, unknown>;
  traits: Record<string, unknown>;
  /** The event's context (campaign, page) when stored by ingestion; absent when read back. */
  context?: Record<string, unknown>;
  userId: string | null;
  anonymousId: string | null;
}
