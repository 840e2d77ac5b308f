// The wallet's records and inputs: Zod schemas give validation, TypeScript types and OpenAPI at once.
import { z } from 'zod';

export const WALLET_ACCOUNT_KINDS = ['points', 'gift_card', 'store_credit'] as const;
export type WalletAccountKind = (typeof WALLET_ACCOUNT_KINDS)[number];
export const ENTRY_KINDS = [
  'issue',
  'earn',
  'redeem',
  'void',
  'refund',
  'reverse',
  'adjust',
  'expire',
] as const;
export type EntryKind = (typeof ENTRY_KINDS)[number];

const Currency = z.string().regex(/^[A-Z]{3}$/);
/** Minor units (or points): whole, positive, and far below what an integer column holds. */
const Amount = z.number().int().positive().max(1_000_000_000);

export const WalletAccount = z.object({
  id: z.string(),
  kind: z.enum(WALLET_ACCOUNT_KINDS),
  profileId: z.string().nullable(),
  codeHint: z.string().nullable().describe('the last characters of the code, never the code'),
  currency: z.string().nullable().describe('null for points'),
  balance: z.number().int().describe('points, or minor units of the currency'),
  lifetime: z.number().int(),
  tier: z.string().nullable(),
  status: z.enum(['active', 'blocked']),
  expiresAt: z.date().nullable(),
  createdAt: z.date(),
});
export type WalletAccount = z.infer<typeof WalletAccount>;

export const WalletEntry = z.object({
  id: z.string(),
  accountId: z.string(),
  kind: z.enum(ENTRY_KINDS),
  amount: z.number().int().describe('signed: credits positive, debits negative'),
  balanceAfter: z.number().int(),
  ref: z.string(),
  orderId: z.string().nullable(),
  channelId: z.string().nullable(),
  moneyAmount: z.number().int().nullable(),
  currency: z.string().nullable(),
  reason: z.string().nullable(),
  lines: z
    .array(z.object({ sku: z.string(), quantity: z.number().int(), points: z.number().int() }))
    .nullable()
    .describe(
      'points per SKU: what the order’s lines earned (earn), what returned units took back (reverse)',
    ),
  createdAt: z.date(),
});
export type WalletEntry = z.infer<typeof WalletEntry>;

export const LoyaltyTier = z.strictObject({
  code: z.string().regex(/^[a-z0-9_-]{1,40}$/),
  name: z.string().min(1).max(80),
  threshold: z.number().int().min(0).max(1_000_000_000).describe('lifetime points that reach it'),
  multiplier: z.number().min(1).max(10).describe('points earned are multiplied by it'),
});
export type LoyaltyTier = z.infer<typeof LoyaltyTier>;

export const LoyaltyRules = z.strictObject({
  enabled: z.boolean().default(true),
  pointsPerUnit: z
    .number()
    .min(0)
    .max(1000)
    .default(1)
    .describe('points per whole currency unit paid (100 minor units)'),
  channels: z
    .record(z.string().max(100), z.number().min(0).max(1000))
    .default({})
    .describe('per channel id: points per unit instead of pointsPerUnit (0: this channel earns none)'),
  categories: z
    .record(z.string().regex(/^[a-z0-9][a-z0-9-/]{0,63}$/), z.number().min(0).max(1000))
    .refine((c) => Object.keys(c).length <= 200, 'at most 200 categories')
    .default({})
    .describe(
      'per catalog category: points per unit on its lines instead of the channel rate (0: excluded, earns none); a rule covers the sub-categories below it (`apparel` covers `apparel/hats`), the most specific wins, and a line in several categories earns the lowest',
    ),
  tiers: z.array(LoyaltyTier).max(20).default([]),
  pointValue: z
    .record(Currency, z.number().int().min(1).max(10_000))
    .default({})
    .describe('per currency: minor units one point pays (default 1: 100 points = 1.00)'),
  pointsExpireAfterDays: z
    .number()
    .int()
    .min(1)
    .max(3650)
    .nullable()
    .default(null)
    .describe(
      'points not spent this many days after they were earned expire (oldest spent first); null: never',
    ),
});
export type LoyaltyRules = z.infer<typeof LoyaltyRules>;

export const DEFAULT_LOYALTY_RULES: LoyaltyRules = {
  enabled: true,
  pointsPerUnit: 1,
  channels: {},
  categories: {},
  tiers: [],
  pointValue: {},
  pointsExpireAfterDays: null,
};

export const IssueGiftCard = z.strictObject({
  amount: Amount.describe('minor units'),
  currency: Currency,
  expiresAt: z.coerce.date().optional(),
  customerId: z.string().max(100).optional().describe('the customer it is given to, if any'),
});
export type IssueGiftCard = z.infer<typeof IssueGiftCard>;

/** A customer's wallet as the account page, the till and the admin show it. */
export const CustomerWallet = z.object({
  customerId: z.string(),
  points: z
    .object({
      accountId: z.string(),
      balance: z.number().int(),
      lifetime: z.number().int(),
      tier: z.string().nullable(),
      nextTier: z.object({ code: z.string(), name: z.string(), pointsToGo: z.number().int() }).nullable(),
    })
    .nullable(),
  storeCredit: z.array(WalletAccount),
  giftCards: z.array(WalletAccount),
});
export type CustomerWallet = z.infer<typeof CustomerWallet>;

/** Why a debit did not go through (nothing written). */
export type DebitRefused =
  | { reason: 'wallet_insufficient_balance'; balance: number }
  | { reason: 'wallet_account_unusable'; status: string };

export { Amount as WalletAmount, Currency as WalletCurrency };
