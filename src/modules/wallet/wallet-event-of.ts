// The wallet's events as built from what was written: one place for their payloads, whether one
// movement wrote them or a run of earned orders.
import type { NewEvent } from '../../platform/events/event-log.js';
import type { TierReached } from './earn-decision.js';
import { WALLET_EVENTS } from './wallet.events.js';
import type { NewAccount } from './wallet.repository.js';
import type { WalletAccount, WalletEntry } from './wallet.types.js';

/** wallet.credited or wallet.debited (a reversal is a debit) for an entry on its account. */
export const movedEvent = (
  a: Pick<WalletAccount, 'id' | 'kind' | 'profileId' | 'currency'>,
  e: WalletEntry,
): NewEvent => ({
  type: e.amount < 0 || e.kind === 'reverse' ? WALLET_EVENTS.debited : WALLET_EVENTS.credited,
  subject: a.id,
  channelId: e.channelId,
  payload: {
    accountId: a.id,
    accountKind: a.kind,
    customerId: a.profileId,
    entryId: e.id,
    entryKind: e.kind,
    amount: e.amount,
    balance: e.balanceAfter,
    currency: a.currency,
    orderId: e.orderId,
  },
});

export const accountOpenedEvent = (
  a: Pick<NewAccount, 'id' | 'kind' | 'profileId' | 'codeHint' | 'currency' | 'originChannelId'>,
): NewEvent => ({
  type: WALLET_EVENTS.accountOpened,
  subject: a.id,
  channelId: a.originChannelId,
  payload: {
    accountId: a.id,
    accountKind: a.kind,
    customerId: a.profileId,
    codeHint: a.codeHint,
    currency: a.currency,
  },
});

export const tierReachedEvent = (t: TierReached): NewEvent => ({
  type: WALLET_EVENTS.tierReached,
  subject: t.accountId,
  channelId: t.channelId,
  payload: {
    accountId: t.accountId,
    customerId: t.customerId,
    tier: t.tier,
    previousTier: t.previousTier,
    lifetimePoints: t.lifetimePoints,
  },
});
