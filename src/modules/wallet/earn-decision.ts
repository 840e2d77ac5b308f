// What a run of paid orders earns, decided in memory over the points accounts as they were read
// (locked): in the given order, so a buyer's later order earns at the tier an earlier one reached,
// each order once (a ref already on the account, or earlier in the run, earns nothing). Pure: the
// write (earn-write.repository.ts) stores exactly what this decides.
import { type EarnLine, earnedByLine, tierFor } from './loyalty-rules.js';
import type { LoyaltyRules, WalletAccount, WalletEntry } from './wallet.types.js';

/** One paid order to earn for: its buyer's surviving profile, and what was paid outside the wallet. */
export interface EarnRequest {
  customerId: string;
  orderId: string;
  channelId: string;
  paid: number;
  currency: string;
  /** The order's lines (categories only when the rules rate categories); none: no split per SKU. */
  order?: { lines: EarnLine[]; grand: number } | null;
}

/** A points account as the decision reads and changes it. */
export type PointsAccount = Pick<
  WalletAccount,
  'id' | 'kind' | 'profileId' | 'currency' | 'balance' | 'lifetime' | 'tier'
>;

export type EarnEntry = Omit<WalletEntry, 'createdAt'>;

export interface TierReached {
  accountId: string;
  customerId: string;
  channelId: string;
  tier: string;
  previousTier: string | null;
  lifetimePoints: number;
}

export interface EarnDecision {
  /** Per request (same index): its entry, or null (nothing earned, or earned before). */
  entries: Array<EarnEntry | null>;
  /** Per request: the tier its points reached, if any. */
  reached: Array<TierReached | null>;
  /** The accounts the run changed, as it leaves them. */
  accounts: PointsAccount[];
}

export const earnRef = (orderId: string): string => `earn:${orderId}`;

export function decideEarns(
  rules: LoyaltyRules,
  requests: readonly EarnRequest[],
  accountOf: ReadonlyMap<string, PointsAccount>,
  taken: ReadonlySet<string>,
  newEntryId: () => string,
): EarnDecision {
  const state = new Map<string, PointsAccount>();
  const written = new Set<string>();
  const entries: Array<EarnEntry | null> = [];
  const reached: Array<TierReached | null> = [];
  for (const r of requests) {
    const read = accountOf.get(r.customerId);
    const ref = earnRef(r.orderId);
    const key = read ? `${read.id}|${ref}` : '';
    if (!read || taken.has(key) || written.has(key)) {
      entries.push(null);
      reached.push(null);
      continue;
    }
    const account = state.get(read.id) ?? { ...read };
    const { points, lines } = earnedByLine(rules, r.channelId, r.paid, account.tier, r.order ?? undefined);
    if (points <= 0) {
      entries.push(null);
      reached.push(null);
      continue;
    }
    written.add(key);
    account.balance += points;
    account.lifetime += points;
    state.set(account.id, account);
    entries.push({
      id: newEntryId(),
      accountId: account.id,
      kind: 'earn',
      amount: points,
      balanceAfter: account.balance,
      ref,
      orderId: r.orderId,
      channelId: r.channelId,
      moneyAmount: r.paid,
      currency: r.currency,
      reason: null,
      lines: lines.length > 0 ? lines : null,
    });
    const code = tierFor(rules, account.lifetime)?.code ?? null;
    if (code && code !== account.tier) {
      reached.push({
        accountId: account.id,
        customerId: r.customerId,
        channelId: r.channelId,
        tier: code,
        previousTier: account.tier,
        lifetimePoints: account.lifetime,
      });
      account.tier = code;
    } else reached.push(null);
  }
  return { entries, reached, accounts: [...state.values()] };
}
