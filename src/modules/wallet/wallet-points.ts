// Loyalty points use cases of the wallet: earning by the rules (opening the points account on first
// use, tiers reached), taking points back for refunds and returns, and expiry by policy. Every
// balance change is a movement of the wallet service (one ledger entry, never below zero).
import { newId } from '../../kernel/index.js';
import { type Ctx, inTransaction } from '../../platform/context.js';
import { appendEvents, type NewEvent } from '../../platform/events/event-log.js';
import { decideEarns, type EarnRequest, earnRef } from './earn-decision.js';
import * as earnRepo from './earn-write.repository.js';
import { type PointsLine, returnedPoints } from './loyalty-rules.js';
import * as repo from './wallet.repository.js';
import type { EntryKind, LoyaltyRules, WalletEntry } from './wallet.types.js';
import { accountOpenedEvent, movedEvent, tierReachedEvent } from './wallet-event-of.js';
import type { Debit, WalletService } from './wallet-service.types.js';

export interface PointsDeps {
  /** One balance movement with its entry and event (wallet.service). */
  move(
    ctx: Ctx,
    kind: EntryKind,
    m: Debit & { lifetime?: number; reason?: string | null },
    signed: number,
  ): Promise<repo.MovedEntry | null>;
  getRules(ctx: Ctx): Promise<LoyaltyRules>;
}

export function createPointsUseCases(
  deps: PointsDeps,
): Pick<WalletService, 'earnPoints' | 'earnForOrders' | 'expirePoints' | 'reversePoints' | 'reverseReturn'> {
  const { move, getRules } = deps;

  /**
   * Takes back an order's points under `ref`, once: `due` (from the earn entry, and the units of each
   * SKU earlier returns gave back) capped by what the order earned less what was taken back already,
   * and by the balance. With SKU lines the entry is written even for 0 points (the units count).
   */
  async function reverse(
    ctx: Ctx,
    orderId: string,
    ref: string,
    due: (
      earned: { amount: number; lines: PointsLine[] | null },
      before: Map<string, number>,
    ) => { due: number; lines: PointsLine[] | null },
  ): Promise<WalletEntry | null> {
    return inTransaction(ctx, async (tx) => {
      const accountId = await repo.selectEarningAccount(tx.db, orderId);
      if (!accountId) return null;
      // Locked: the balance read here is the one the reversal is clamped to, and two returns of one
      // order count each other's units.
      const account = (await repo.selectAccount(tx.db, accountId, true))!;
      const entries = await repo.selectEntriesOfOrder(tx.db, account.id, orderId);
      if (entries.some((e) => e.ref === ref)) return null;
      const earn = entries.find((e) => e.kind === 'earn');
      if (!earn) return null;
      const reversed = -entries.filter((e) => e.kind === 'reverse').reduce((s, e) => s + e.amount, 0);
      const before = new Map<string, number>();
      for (const e of entries)
        if (e.kind === 'reverse')
          for (const l of e.lines ?? []) before.set(l.sku, (before.get(l.sku) ?? 0) + l.quantity);
      const owed = due({ amount: earn.amount, lines: earn.lines }, before);
      const take = Math.max(0, Math.min(owed.due, earn.amount - reversed, account.balance));
      if (take <= 0 && !owed.lines) return null;
      const moved = await move(
        tx,
        'reverse',
        { accountId: account.id, amount: take, ref, orderId, lines: owed.lines },
        -take,
      );
      return moved?.entry ?? null;
    });
  }

  /**
   * A run of paid orders earns in one short transaction of a few statements: the missing points
   * accounts opened, the run's accounts locked and read, the decision (earn-decision.ts) written.
   */
  async function earnForOrders(
    ctx: Ctx,
    requests: readonly EarnRequest[],
    rules: LoyaltyRules,
  ): Promise<Array<WalletEntry | null>> {
    if (requests.length === 0) return [];
    return inTransaction(ctx, async (tx) => {
      const now = tx.clock.now();
      const profiles = [...new Set(requests.map((r) => r.customerId))].sort();
      const opened = await earnRepo.insertMissingPointsAccounts(
        tx.db,
        profiles.map((profileId) => ({ id: newId('wac'), profileId })),
        now,
      );
      const { accounts, taken } = await earnRepo.lockPointsAccounts(
        tx.db,
        profiles,
        requests.map((r) => earnRef(r.orderId)),
      );
      const byProfile = new Map(accounts.map((a) => [a.profileId!, a]));
      const d = decideEarns(rules, requests, byProfile, taken, () => newId('wle'));
      const written = await earnRepo.writeEarns(
        tx.db,
        d.accounts,
        d.entries.filter((e) => e !== null),
        now,
      );
      const byId = new Map(written.map((e) => [e.id, e]));
      const events: NewEvent[] = [...opened].map(([profileId, id]) =>
        accountOpenedEvent({
          id,
          kind: 'points',
          profileId,
          codeHint: null,
          currency: null,
          originChannelId: null,
        }),
      );
      const out = d.entries.map((e, i) => {
        const entry = e ? byId.get(e.id)! : null;
        if (entry) events.push(movedEvent(byProfile.get(requests[i]!.customerId)!, entry));
        const reached = d.reached[i];
        if (reached) events.push(tierReachedEvent(reached));
        return entry;
      });
      await appendEvents(tx, events);
      return out;
    });
  }

  return {
    earnForOrders,

    async earnPoints(ctx, input) {
      const rules = input.rules ?? (await getRules(ctx));
      const order = rules.enabled
        ? ((await input.orderLines?.(Object.keys(rules.categories).length > 0)) ?? null)
        : null;
      return (await earnForOrders(ctx, [{ ...input, order }], rules))[0] ?? null;
    },

    async expirePoints(ctx) {
      const days = (await getRules(ctx)).pointsExpireAfterDays;
      if (!days) return 0;
      const now = ctx.clock.now();
      const cutoff = new Date(now.getTime() - days * 86_400_000);
      const day = now.toISOString().slice(0, 10);
      let expired = 0;
      for (const { accountId, expiring } of await repo.selectExpiringPoints(ctx.db, cutoff, 1_000)) {
        const moved = await move(
          ctx,
          'expire',
          { accountId, amount: expiring, ref: `expire:${day}`, reason: `points older than ${days} days` },
          -expiring,
        );
        if (moved) expired++;
      }
      return expired;
    },

    async reversePoints(ctx, input) {
      if (input.of <= 0) return null;
      return reverse(ctx, input.orderId, input.ref, (earned) => ({
        due: Math.round((earned.amount * Math.min(input.amount, input.of)) / input.of),
        lines: null,
      }));
    },

    async reverseReturn(ctx, input) {
      return reverse(ctx, input.orderId, `reverse:return:${input.returnId}`, (earned, before) => {
        if (!earned.lines) {
          if (input.grand <= 0) return { due: 0, lines: null };
          const share = Math.min(input.refunded, input.grand) / input.grand;
          return { due: Math.round(earned.amount * share), lines: null };
        }
        const back = returnedPoints(earned.lines, before, input.lines);
        return { due: back.points, lines: back.lines.length > 0 ? back.lines : null };
      });
    },
  };
}
