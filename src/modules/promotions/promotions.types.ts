// Campaigns (automatic or by coupon code), their rules and benefits, and what the engine answers.
// Money is integer minor units in the campaign's currency; percentages are basis points.
import { z } from 'zod';

export const STACKING = ['exclusive', 'stackable', 'best_for_customer'] as const;
export const CAMPAIGN_STATUSES = ['active', 'paused', 'archived'] as const;

const Amount = z.number().int().positive().max(100_000_000);
const Bp = z.number().int().min(1).max(10_000).describe('basis points: 1000 = 10 %');
const Ids = z.array(z.string().min(1).max(200)).max(1000);

export const CampaignConditions = z.strictObject({
  channelIds: Ids.optional().describe('valid only on these channels (default every channel)'),
  customerTags: Ids.optional().describe('the customer carries one of these tags'),
  customerStages: Ids.optional().describe('the customer is at one of these journey stages'),
  audienceIds: Ids.optional().describe(
    'the customer is in one of these CDP audiences (membership as the CDP keeps it, live)',
  ),
  skus: Ids.optional().describe('only these items count and are discounted'),
  categories: Ids.optional().describe('only items in these categories count and are discounted'),
  collectionIds: Ids.optional().describe(
    'only items in one of these product collections (by SKU or category) count and are discounted',
  ),
  minSpend: Amount.optional().describe('eligible items worth at least this (campaign currency)'),
  minQuantity: z.number().int().positive().max(10_000).optional(),
});
export type CampaignConditions = z.infer<typeof CampaignConditions>;

export const Benefit = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('percentage'), percentBp: Bp }),
  z.strictObject({ type: z.literal('fixed'), amount: Amount }),
  z.strictObject({ type: z.literal('free_shipping') }),
  z.strictObject({
    type: z.literal('buy_x_get_y'),
    buy: z.number().int().positive().max(100),
    get: z.number().int().positive().max(100),
    percentBp: Bp.default(10_000).describe('off the cheapest units got (10000 = free)'),
  }),
  z.strictObject({
    type: z.literal('tiered'),
    tiers: z
      .array(z.strictObject({ minSpend: Amount, amount: Amount }))
      .min(1)
      .max(20)
      .describe('spend 10000 get 1000, spend 20000 get 2500: the highest tier reached applies'),
  }),
  z.strictObject({
    type: z.literal('bundle'),
    items: z
      .array(
        z.strictObject({ sku: z.string().min(1).max(200), quantity: z.number().int().positive().max(100) }),
      )
      .min(1)
      .max(20)
      .describe('one set: these SKUs in these quantities'),
    price: Amount.describe('what one complete set costs (campaign currency); each set in the cart gets it'),
  }),
]);
export type Benefit = z.infer<typeof Benefit>;

const LocalDateTime = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2})?$/, 'a local date-time like 2026-12-24T09:00');

export const CampaignInput = z.strictObject({
  name: z.string().min(1).max(200),
  /** A coupon campaign applies only when one of its codes is on the cart. */
  kind: z.enum(['automatic', 'code']),
  status: z.enum(CAMPAIGN_STATUSES).default('active'),
  priority: z.number().int().min(0).max(1000).default(0).describe('higher first'),
  stacking: z.enum(STACKING).default('stackable'),
  currency: z
    .string()
    .regex(/^[A-Z]{3}$/)
    .optional()
    .describe('required when the benefit or minimum spend is an amount'),
  timeZone: z.string().max(64).default('UTC'),
  startsAt: LocalDateTime.optional().describe('local time in timeZone'),
  endsAt: LocalDateTime.optional().describe('local time in timeZone (exclusive)'),
  conditions: CampaignConditions.default({}),
  benefit: Benefit,
  usageLimit: z.number().int().positive().max(100_000_000).nullable().default(null),
  perCustomerLimit: z.number().int().positive().max(1000).nullable().default(null),
});
export type CampaignInput = z.input<typeof CampaignInput>;
export type ParsedCampaignInput = z.output<typeof CampaignInput>;

export const CampaignPatch = z.strictObject({
  name: z.string().min(1).max(200).optional(),
  status: z.enum(CAMPAIGN_STATUSES).optional(),
  priority: z.number().int().min(0).max(1000).optional(),
  stacking: z.enum(STACKING).optional(),
  currency: z
    .string()
    .regex(/^[A-Z]{3}$/)
    .nullable()
    .optional(),
  timeZone: z.string().max(64).optional().describe('the zone startsAt and endsAt are read in'),
  startsAt: LocalDateTime.nullable().optional().describe('local time in timeZone'),
  endsAt: LocalDateTime.nullable().optional(),
  conditions: CampaignConditions.optional().describe('replaces the rules as a whole'),
  benefit: Benefit.optional(),
  usageLimit: z.number().int().positive().max(100_000_000).nullable().optional(),
  perCustomerLimit: z.number().int().positive().max(1000).nullable().optional(),
});
export type CampaignPatch = z.infer<typeof CampaignPatch>;

export const Campaign = z.object({
  id: z.string(),
  name: z.string(),
  kind: z.enum(['automatic', 'code']),
  status: z.enum(CAMPAIGN_STATUSES),
  priority: z.number().int(),
  stacking: z.enum(STACKING),
  currency: z.string().nullable(),
  timeZone: z.string(),
  startsAt: z.date().nullable().describe('the start as an instant'),
  endsAt: z.date().nullable(),
  conditions: CampaignConditions,
  benefit: Benefit,
  usageLimit: z.number().int().nullable(),
  perCustomerLimit: z.number().int().nullable(),
  used: z.number().int(),
  createdAt: z.date(),
  updatedAt: z.date(),
});
export type Campaign = z.infer<typeof Campaign>;

export const CouponCode = z.object({
  code: z.string(),
  campaignId: z.string(),
  usageLimit: z.number().int().nullable(),
  used: z.number().int(),
  batchId: z.string().nullable(),
  createdAt: z.date(),
});
export type CouponCode = z.infer<typeof CouponCode>;

export const CodeText = z
  .string()
  .trim()
  .min(3)
  .max(40)
  .regex(/^[A-Za-z0-9_-]+$/, 'letters, digits, - and _')
  .transform((s) => s.toUpperCase());

export const GenerateCodes = z.strictObject({
  code: CodeText.optional().describe('one named code (this or count)'),
  count: z.number().int().positive().max(50_000).optional().describe('random codes to generate'),
  prefix: z
    .string()
    .regex(/^[A-Za-z0-9]{0,12}$/)
    .default('')
    .transform((s) => s.toUpperCase()),
  usageLimit: z.number().int().positive().max(100_000_000).nullable().default(1),
});
export type GenerateCodes = z.input<typeof GenerateCodes>;

export const CollectionInput = z.strictObject({
  name: z.string().trim().min(1).max(200),
  skus: Ids.default([]),
  categories: Ids.default([]),
});
export type CollectionInput = z.input<typeof CollectionInput>;

export const ProductCollection = z.object({
  id: z.string(),
  name: z.string(),
  skus: z.array(z.string()),
  categories: z.array(z.string()),
  createdAt: z.date(),
  updatedAt: z.date(),
});
export type ProductCollection = z.infer<typeof ProductCollection>;

export const CampaignReport = z.object({
  campaignId: z.string(),
  from: z.date().nullable(),
  to: z.date().nullable(),
  channels: z
    .array(
      z.object({
        channelId: z.string(),
        currency: z.string(),
        orders: z.number().int().describe('orders holding a use (given-back uses not counted)'),
        discount: z.number().int().describe('discount given, minor units'),
        revenue: z.number().int().describe("those orders' grand totals, minor units"),
        marketplaceOrders: z.number().int().describe('of which imported marketplace orders'),
      }),
    )
    .describe('per channel and currency'),
  totals: z
    .array(
      z.object({
        currency: z.string(),
        orders: z.number().int(),
        discount: z.number().int(),
        revenue: z.number().int(),
      }),
    )
    .describe('every channel together, per currency'),
});
export type CampaignReport = z.infer<typeof CampaignReport>;

/** Why a campaign does not apply to a cart, as data a cart or till shows in its own words. */
export const NOT_APPLIED_REASONS = [
  'unknown_code',
  'not_in_channel',
  'not_started',
  'expired',
  'paused',
  'usage_exhausted',
  'already_used',
  'customer_not_eligible',
  'no_eligible_items',
  'currency_mismatch',
  'min_spend_not_met',
  'min_quantity_not_met',
  'next_tier',
  'exclusive_applied',
  'better_offer_applied',
] as const;
export type NotAppliedReason = (typeof NOT_APPLIED_REASONS)[number];

export const NotApplied = z.object({
  campaignId: z.string().nullable(),
  name: z.string().nullable(),
  code: z.string().nullable(),
  reason: z.enum(NOT_APPLIED_REASONS),
  /** For min_spend_not_met and next_tier: spend this much more (minor units, in `currency`). */
  missingAmount: z.number().int().optional(),
  missingQuantity: z.number().int().optional(),
  currency: z.string().optional(),
  /** For next_tier: the discount the next tier would give. */
  nextAmount: z.number().int().optional(),
});
export type NotApplied = z.infer<typeof NotApplied>;

export const AppliedCampaign = z.object({
  campaignId: z.string(),
  name: z.string(),
  code: z.string().nullable(),
  amount: z.number().int().describe('the whole discount, minor units'),
  shipping: z.number().int().describe('the part taken off shipping'),
  lines: z.array(z.object({ lineId: z.string(), amount: z.number().int() })),
});
export type AppliedCampaign = z.infer<typeof AppliedCampaign>;

export const Evaluation = z.object({
  applied: z.array(AppliedCampaign),
  notApplied: z.array(NotApplied),
});
export type Evaluation = z.infer<typeof Evaluation>;
