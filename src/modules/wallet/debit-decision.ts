// Which debits of a batch on one account go through, decided in memory on the account's numbers:
// in arrival order, each one that fits the balance left by those before it is taken, the others are
// refused with the balance they met. A ref already on the ledger is a repeat (its entry is the
// answer, nothing written). Pure: the batcher writes the outcome with one statement.
import type { PointsLine } from './loyalty-rules.js';
import type { DebitRefused, WalletEntry } from './wallet.types.js';

/** A debit as queued, with who asked (kept on its entry's event). */
export interface QueuedDebit {
  entryId: string;
  eventId: string;
  amount: number;
  ref: string;
  orderId: string | null;
  channelId: string | null;
  moneyAmount: number | null;
  currency: string | null;
  lines: PointsLine[] | null;
  actor: string;
  requestId: string;
}

/** What a decision needs of the account. */
export interface DebitState {
  balance: number;
  status: string;
  expiresAt: Date | null;
  /** Entries already on the ledger under the batch's refs (empty when not read). */
  existing: ReadonlyMap<string, WalletEntry>;
}

export type DebitVerdict =
  | { kind: 'take'; balanceAfter: number }
  | { kind: 'repeat'; entry: WalletEntry }
  | { kind: 'refuse'; refused: DebitRefused };

export interface DebitDecision {
  verdicts: DebitVerdict[];
  /** The debits to write, in arrival order, with the balance after each. */
  taken: Array<QueuedDebit & { balanceAfter: number }>;
  balanceAfter: number;
}

export function decideDebits(state: DebitState, debits: readonly QueuedDebit[], now: Date): DebitDecision {
  const expired = state.expiresAt !== null && state.expiresAt <= now;
  const usable = state.status === 'active' && !expired;
  let balance = state.balance;
  const taken: DebitDecision['taken'] = [];
  const verdicts = debits.map((d): DebitVerdict => {
    const repeat = state.existing.get(d.ref);
    if (repeat) return { kind: 'repeat', entry: repeat };
    if (!usable)
      return {
        kind: 'refuse',
        refused: { reason: 'wallet_account_unusable', status: expired ? 'expired' : state.status },
      };
    if (balance < d.amount)
      return { kind: 'refuse', refused: { reason: 'wallet_insufficient_balance', balance } };
    balance -= d.amount;
    taken.push({ ...d, balanceAfter: balance });
    return { kind: 'take', balanceAfter: balance };
  });
  return { verdicts, taken, balanceAfter: balance };
}
