// Events the wallet emits, with their payload schemas (subject: the account id). Codes never appear:
// only their last characters.
import { z } from 'zod';
import { defineEvents, type EventPayload } from '../../platform/events/event-schemas.js';
import { ENTRY_KINDS, WALLET_ACCOUNT_KINDS } from './wallet.types.js';

export const WALLET_EVENTS = {
  accountOpened: 'wallet.account_opened',
  credited: 'wallet.credited',
  debited: 'wallet.debited',
  tierReached: 'loyalty.tier_reached',
  rulesChanged: 'loyalty.rules_changed',
} as const;

const movement = z.strictObject({
  accountId: z.string(),
  accountKind: z.enum(WALLET_ACCOUNT_KINDS),
  customerId: z.string().nullable(),
  entryId: z.string(),
  entryKind: z.enum(ENTRY_KINDS),
  amount: z.number().int().describe('signed: points, or minor units of currency'),
  balance: z.number().int().describe('the balance after it'),
  currency: z.string().nullable(),
  orderId: z.string().nullable(),
});

export const WALLET_EVENT_SCHEMAS = defineEvents({
  [WALLET_EVENTS.accountOpened]: z.strictObject({
    accountId: z.string(),
    accountKind: z.enum(WALLET_ACCOUNT_KINDS),
    customerId: z.string().nullable(),
    codeHint: z.string().nullable(),
    currency: z.string().nullable(),
  }),
  [WALLET_EVENTS.credited]: movement,
  [WALLET_EVENTS.debited]: movement,
  [WALLET_EVENTS.tierReached]: z
    .strictObject({
      accountId: z.string(),
      customerId: z.string(),
      tier: z.string(),
      previousTier: z.string().nullable(),
      lifetimePoints: z.number().int(),
    })
    .describe('a customer reached a loyalty tier (by lifetime points)'),
  [WALLET_EVENTS.rulesChanged]: z.strictObject({
    tiers: z.array(z.string()),
    pointsPerUnit: z.number(),
  }),
});

export type WalletEventPayload<T extends keyof typeof WALLET_EVENT_SCHEMAS> = EventPayload<
  typeof WALLET_EVENT_SCHEMAS,
  T
>;
