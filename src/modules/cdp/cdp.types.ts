// Types of the customer data platform (Zod: the same schemas validate, type and document the API).
// The audience rule is a small typed JSON language, not code: conditions on traits, counted events,
// journey stage, tags and consent, combined by all / any / not at most three levels deep.
import { z } from 'zod';

// Text PostgreSQL can store and people can read: no NUL, no lone UTF-16 surrogate.
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
export const hasUnstorableText = (s: string): boolean => s.includes('\u0000') || LONE_SURROGATE.test(s);
export const Text = (max: number) =>
  z
    .string()
    .max(max)
    .refine((s) => !hasUnstorableText(s), 'NUL characters and lone surrogates are not allowed');
const Name = Text(200).pipe(z.string().min(1));
/** A key people and rules refer to: lower case letters, digits, _ and -. */
export const Slug = z
  .string()
  .regex(/^[a-z][a-z0-9_-]{0,62}$/, 'lower case letters, digits, _ and -, starting with a letter');
export const EventName = Text(200).pipe(z.string().min(1));
const TraitKey = Text(100).pipe(z.string().min(1));
const Scalar = z.union([Text(500), z.number().finite(), z.boolean()]);
const Purpose = z.string().regex(/^[a-z][a-z0-9 _-]{0,60}$/, 'a word such as marketing or analytics');
const ChannelRef = z.string().regex(/^(\*|chn_[A-Za-z0-9_-]{1,80})$/, "a channel id or '*'");
export const STATUSES = ['active', 'paused'] as const;

export const TRAIT_OPS = ['eq', 'neq', 'gt', 'gte', 'lt', 'lte', 'contains', 'exists', 'not_exists'] as const;
export const TraitCondition = z.strictObject({
  type: z.literal('trait'),
  key: TraitKey,
  op: z.enum(TRAIT_OPS),
  value: Scalar.optional(),
});
export const EventCondition = z.strictObject({
  type: z.literal('event'),
  name: EventName,
  /** How the count compares: at least (default), at most, exactly. */
  op: z.enum(['gte', 'lte', 'eq']).default('gte'),
  count: z.number().int().min(0).max(1_000_000),
  withinDays: z.number().int().min(1).max(3650),
  /** Only events whose properties equal these values count. */
  where: z.record(TraitKey, Scalar).optional(),
});
export const StageCondition = z.strictObject({
  type: z.literal('stage'),
  in: z.array(Text(40)).min(1).max(20),
});
export const TagCondition = z.strictObject({
  type: z.literal('tag'),
  tag: Text(100).pipe(z.string().min(1)),
  present: z.boolean().default(true),
});
export const ConsentCondition = z.strictObject({
  type: z.literal('consent'),
  purpose: Purpose,
  channel: ChannelRef.default('*'),
});
// Each level is a named OpenAPI component (`.meta({ id })`): inlined, the three levels made the
// rule's schema repeat itself inside every route that carries a rule (web/ui/api-types.ts was
// 1.2 MB; 0.55 MB with them named).
const Leaf = z
  .discriminatedUnion('type', [
    TraitCondition,
    EventCondition,
    StageCondition,
    TagCondition,
    ConsentCondition,
  ])
  .meta({ id: 'AudienceCondition' });
const group = <T extends z.ZodType>(inner: T) =>
  z.union([
    z.strictObject({ all: z.array(inner).min(1).max(50) }),
    z.strictObject({ any: z.array(inner).min(1).max(50) }),
    z.strictObject({ not: inner }),
  ]);
const Level1 = z.union([Leaf, group(Leaf)]).meta({ id: 'AudienceRuleLevel1' });
const Level2 = z.union([Leaf, group(Level1)]).meta({ id: 'AudienceRuleLevel2' });
export const AudienceRule = z.union([Leaf, group(Level2)]).meta({ id: 'AudienceRule' });
export type AudienceRule = z.infer<typeof AudienceRule>;
export type AudienceLeaf = z.infer<typeof Leaf>;

export const AudienceInput = z.strictObject({
  key: Slug,
  name: Name,
  description: Text(1000).optional(),
  rule: AudienceRule,
  status: z.enum(STATUSES).default('active'),
});
export type AudienceInput = z.input<typeof AudienceInput>;
export const AudiencePatch = AudienceInput.omit({ key: true }).partial().strict();
export const Audience = z.object({
  id: z.string(),
  key: z.string(),
  name: z.string(),
  description: z.string().nullable(),
  rule: AudienceRule,
  status: z.enum(STATUSES),
  memberCount: z.number().int(),
  createdAt: z.date(),
  updatedAt: z.date(),
});
export type Audience = z.infer<typeof Audience>;
export const AudienceMember = z.object({ customerId: z.string(), enteredAt: z.date() });
export type AudienceMember = z.infer<typeof AudienceMember>;

export const AGGREGATES = ['count', 'sum', 'min', 'max', 'first', 'last', 'most_frequent'] as const;
export const ComputedTraitDefinition = z
  .strictObject({
    event: EventName,
    aggregate: z.enum(AGGREGATES),
    /** The event property aggregated (every aggregate but count needs one). */
    property: TraitKey.optional(),
    windowDays: z.number().int().min(1).max(3650),
  })
  .refine((d) => d.aggregate === 'count' || d.property !== undefined, {
    message: 'every aggregate but count needs a property',
    path: ['property'],
  });
export type ComputedTraitDefinition = z.infer<typeof ComputedTraitDefinition>;
export const ComputedTraitInput = z.strictObject({
  traitKey: Slug,
  definition: ComputedTraitDefinition,
  status: z.enum(STATUSES).default('active'),
});
export type ComputedTraitInput = z.input<typeof ComputedTraitInput>;
export const ComputedTraitPatch = ComputedTraitInput.omit({ traitKey: true }).partial().strict();
export const ComputedTrait = z.object({
  id: z.string(),
  traitKey: z.string(),
  definition: ComputedTraitDefinition,
  status: z.enum(STATUSES),
  createdAt: z.date(),
  updatedAt: z.date(),
});
export type ComputedTrait = z.infer<typeof ComputedTrait>;

export const FORWARDED_KINDS = ['track', 'page', 'screen', 'identify'] as const;
export type ForwardedKind = (typeof FORWARDED_KINDS)[number];
const Expression = Text(10_000).pipe(z.string().min(1));
export const DestinationInput = z.strictObject({
  name: Name,
  endpointId: z.string().regex(/^whk_[A-Za-z0-9]{1,80}$/, 'a webhook endpoint id'),
  kinds: z.array(z.enum(FORWARDED_KINDS)).min(1).max(4).default(['track', 'page', 'identify']),
  /** JSONata over the event: forwarded only when it is true. */
  filter: Expression.nullable().optional(),
  /** JSONata over the event: the payload forwarded (default the event itself). */
  mapping: Expression.nullable().optional(),
  /** Consent asked per customer (mayContact) before forwarding, e.g. analytics or marketing. */
  purpose: Purpose.nullable().optional(),
  status: z.enum(STATUSES).default('active'),
});
export type DestinationInput = z.input<typeof DestinationInput>;
export const DestinationPatch = DestinationInput.partial().strict();
export const Destination = z.object({
  id: z.string(),
  name: z.string(),
  endpointId: z.string(),
  kinds: z.array(z.enum(FORWARDED_KINDS)),
  filter: z.string().nullable(),
  mapping: z.string().nullable(),
  purpose: z.string().nullable(),
  status: z.enum(STATUSES),
  forwarded: z.number().int(),
  filtered: z.number().int(),
  suppressed: z.number().int(),
  createdAt: z.date(),
  updatedAt: z.date(),
});
export type Destination = z.infer<typeof Destination>;

/** Whether every key and string in a JSON document can be stored (jsonb refuses NUL and lone surrogates). */
export function storableJson(v: unknown, depth = 0): boolean {
  if (depth > 64) return false;
  if (typeof v === 'string') return !hasUnstorableText(v);
  if (typeof v === 'number') return Number.isFinite(v);
  if (Array.isArray(v)) return v.every((x) => storableJson(x, depth + 1));
  if (v && typeof v === 'object')
    return Object.entries(v).every(([k, x]) => !hasUnstorableText(k) && storableJson(x, depth + 1));
  return true;
}

export const TrackingPlanInput = z.strictObject({
  /** A JSON Schema (draft 2020-12 or 07) of the event's properties. */
  schema: z
    .record(z.string(), z.unknown())
    .refine((v) => JSON.stringify(v).length <= 100_000, 'at most 100 KB')
    .refine(storableJson, 'NUL characters, lone surrogates or nesting deeper than 64 are not allowed'),
  /** Refuse violating events at ingest (else they land and are only counted). */
  block: z.boolean().default(false),
});
export const TrackingPlanEntry = z.object({
  eventName: z.string(),
  schema: z.record(z.string(), z.unknown()),
  block: z.boolean(),
  createdAt: z.date(),
  updatedAt: z.date(),
});
export type TrackingPlanEntry = z.infer<typeof TrackingPlanEntry>;
export const ViolationExample = z.object({
  messageId: z.string(),
  at: z.string(),
  errors: z.array(z.object({ path: z.string(), message: z.string() })),
});
export type ViolationExample = z.infer<typeof ViolationExample>;
export const TrackingViolation = z.object({
  eventName: z.string(),
  violations: z.number().int(),
  blocked: z.number().int(),
  firstAt: z.date(),
  lastAt: z.date(),
  example: ViolationExample,
});
export type TrackingViolation = z.infer<typeof TrackingViolation>;

/** An event as the CDP sees it after ingestion stored it (for counting and forwarding). */
export interface TappedEvent {
  messageId: string;
  kind: string;
  name: string | null;
  profileId: string;
  channelId: string;
  sourceId: string;
  occurredAt: Date;
  properties: Record<string, unknown>;
  traits: Record<string, unknown>;
  userId: string | null;
  anonymousId: string | null;
}
