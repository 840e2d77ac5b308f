// The advisor's input (the retailer's profile, the measured score) and its answer, as Zod schemas:
// validation, types and OpenAPI from one declaration.
import { z } from 'zod';

export const COMMERCE_TYPES = [
  'fashion',
  'grocery',
  'electronics',
  'home',
  'beauty',
  'sports',
  'b2b',
  'other',
] as const;
/** How the retailer's customers like to shop. */
export const CUSTOMER_HABITS = ['digital_first', 'mixed', 'store_first'] as const;
/** How often customers come back. */
export const LOYALTY_LEVELS = ['low', 'medium', 'high'] as const;
export const GOALS = [
  'grow_online',
  'store_traffic',
  'retention',
  'new_customers',
  'efficiency',
  'service',
] as const;
export type Goal = (typeof GOALS)[number];

export const RetailerProfile = z.strictObject({
  commerceType: z.enum(COMMERCE_TYPES),
  customerHabits: z.enum(CUSTOMER_HABITS),
  loyalty: z.enum(LOYALTY_LEVELS),
  annualOrders: z.number().int().min(0).max(1_000_000_000).describe('orders a year, every channel'),
  yearsInBusiness: z.number().int().min(0).max(500),
  goals: z
    .array(z.enum(GOALS))
    .min(1)
    .max(GOALS.length)
    .refine((g) => new Set(g).size === g.length, 'each goal once'),
});
export type RetailerProfile = z.infer<typeof RetailerProfile>;

/** The measured dimensions of the omnichannel score (flows/omnichannel-score), each 0–100. */
export const DIMENSION_KEYS = [
  'identity',
  'sync',
  'handoffs',
  'conversations',
  'campaigns',
  'loyalty',
  'click_collect',
  'return_anywhere',
] as const;
export type DimensionKey = (typeof DIMENSION_KEYS)[number];

/** What the advisor can recommend: a channel to add or a capability to put to use. */
/** Channels the advisor can recommend adding. */
export const CHANNEL_RECOMMENDATIONS = [
  'web',
  'mobile_app',
  'store',
  'marketplace',
  'social',
  'messaging',
] as const;
export const RECOMMENDATIONS = [
  ...CHANNEL_RECOMMENDATIONS,
  'identity',
  'sync',
  'handoffs',
  'unified_inbox',
  'omni_campaigns',
  'loyalty_everywhere',
  'click_collect',
  'return_anywhere',
] as const;
export type RecommendationCode = (typeof RECOMMENDATIONS)[number];

export interface AdvisorInput {
  profile: RetailerProfile;
  /** Each dimension's score, 0–100. */
  scores: Record<DimensionKey, number>;
  /** The types of the hub's channels (web, store, marketplace…). */
  channelTypes: string[];
  /** Inbox channel kinds customers wrote on (email, whatsapp, chat…). */
  inboxKinds: string[];
}

export const Advice = z.object({
  code: z.enum(RECOMMENDATIONS),
  kind: z.enum(['channel', 'capability']),
  priority: z.number().int().describe('sum of the weights of the rules that fired'),
  reasons: z.array(z.object({ rule: z.string(), weight: z.number().int(), text: z.string() })),
});
export type Advice = z.infer<typeof Advice>;
