// Loyalty points use cases of the wallet: earning by the rules (opening the points account on first
// use, tiers reached), taking points back for refunds and returns, and expiry by policy. Every
// balance change is a movement of the wallet service (one ledger entry, never below zero).
import { newId } from '../../kernel/index.js';
import { type Ctx, inTransaction } from '../../platform/context.js';
import { appendEvent } from '../../platform/events/event-log.js';
import { earnedByLine, type PointsLine, returnedPoints, tierFor } from './loyalty-rules.js';
import { WALLET_EVENTS } from './wallet.events.js';
import * as repo from './wallet.repository.js';
import type { EntryKind, LoyaltyRules, WalletAccount, WalletEntry } from './wallet.types.js';
import type { Debit, WalletService } from './wallet-service.types.js';

export interface PointsDeps {
  /** One balance movement with its entry and event (wallet.service). */
  move(
    ctx: Ctx,
    kind: EntryKind,
    m: Debit & { lifetime?: number; reason?: string | null },
    signed: number,
  ): Promise<repo.MovedEntry | null>;
  /** Opens an account with its event; false when it exists. */
  open(ctx: Ctx, a: repo.NewAccount): Promise<boolean>;
  getRules(ctx: Ctx): Promise<LoyaltyRules>;
}

export function createPointsUseCases(
  deps: PointsDeps,
): Pick<WalletService, 'earnPoints' | 'expirePoints' | 'reversePoints' | 'reverseReturn'> {
  const { move, open, getRules } = deps;

  async function ensurePoints(ctx: Ctx, profileId: string): Promise<WalletAccount> {
    const found = await repo.selectPointsAccount(ctx.db, profileId);
    if (found) return found;
    await open(ctx, {
      id: newId('wac'),
      kind: 'points',
      profileId,
      codeHash: null,
      codeHint: null,
      currency: null,
      expiresAt: null,
      originOrderId: null,
      originChannelId: null,
      now: ctx.clock.now(),
    });
    // Opened here, or by a concurrent earn (the unique index keeps it one).
    return (await repo.selectPointsAccount(ctx.db, profileId))!;
  }

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

  return {
    async earnPoints(ctx, input) {
      const rules = input.rules ?? (await getRules(ctx));
      const order = rules.enabled
        ? ((await input.orderLines?.(Object.keys(rules.categories).length > 0)) ?? undefined)
        : undefined;
      return inTransaction(ctx, async (tx) => {
        const account = await ensurePoints(tx, input.customerId);
        const { points, lines } = earnedByLine(rules, input.channelId, input.paid, account.tier, order);
        if (points <= 0) return null;
        const moved = await move(
          tx,
          'earn',
          {
            accountId: account.id,
            amount: points,
            lifetime: points,
            ref: `earn:${input.orderId}`,
            orderId: input.orderId,
            channelId: input.channelId,
            moneyAmount: input.paid,
            currency: input.currency,
            lines: lines.length > 0 ? lines : null,
          },
          points,
        );
        if (!moved) return null;
        // The account as the movement left it (its lifetime and tier): no second read.
        const after = moved.account;
        const reached = tierFor(rules, after.lifetime);
        const code = reached?.code ?? null;
        if (code && code !== after.tier && (await repo.updateTier(tx.db, account.id, code, tx.clock.now()))) {
          await appendEvent(tx, {
            type: WALLET_EVENTS.tierReached,
            subject: account.id,
            channelId: input.channelId,
            payload: {
              accountId: account.id,
              customerId: input.customerId,
              tier: code,
              previousTier: after.tier,
              lifetimePoints: after.lifetime,
            },
          });
        }
        return moved.entry;
      });
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
