// Wallet rules: accounts open once, every balance change is one ledger entry written by one statement
// (never below zero, a repeated ref writes nothing; concurrent debits of one account share one, see
// debit-batcher.ts), codes are stored as hashes and guessing them is slowed to a stop. Events go in
// the same transaction as the entry. Loyalty points' use cases are in wallet-points.ts.
import { createHash } from 'node:crypto';
import { AppError, fail, humanCode, newId, notFound, ok, type Result } from '../../kernel/index.js';
import { type Ctx, inTransaction } from '../../platform/context.js';
import {
  appendEvent,
  checkGroupEvents,
  groupEventsCte,
  groupEventsWritten,
  newEventId,
  notifyEventsWritten,
} from '../../platform/events/event-log.js';
import { DebitBatcher } from './debit-batcher.js';
import { nextTier } from './loyalty-rules.js';
import { WALLET_EVENTS } from './wallet.events.js';
import * as repo from './wallet.repository.js';
import {
  DEFAULT_LOYALTY_RULES,
  type DebitRefused,
  type EntryKind,
  LoyaltyRules,
  type WalletAccount,
  type WalletEntry,
} from './wallet.types.js';
import { accountOpenedEvent, movedEvent } from './wallet-event-of.js';
import { createPointsUseCases } from './wallet-points.js';
import type { Credit, Debit, WalletService } from './wallet-service.types.js';

const CODE_ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';
/** 16 characters of 32: 80 bits, so a code cannot be guessed even before the limiter. */
const giftCardCode = (): string => `GC-${humanCode({ length: 16, alphabet: CODE_ALPHABET })}`;

/** Codes are compared as typed at any till or online: case and spaces do not matter. */
export const normalizeCode = (code: string): string => code.trim().toUpperCase().replace(/\s+/g, '');
export const hashCode = (code: string): string =>
  createHash('sha256').update(normalizeCode(code), 'utf8').digest('hex');
const hintOf = (code: string): string => normalizeCode(code).slice(-4);

/** Failed code look-ups a caller may make per window before it is refused (429). */
export const CODE_LOOKUP_LIMIT = 10;
export const CODE_LOOKUP_WINDOW_MS = 15 * 60_000;

/**
 * Tiers are told apart by code (kept on accounts) and reached by threshold: two with the same code
 * or threshold are refused, naming the second one's field, nothing written.
 */
function checkTiers(rules: LoyaltyRules): void {
  const issues: Array<{ path: string; message: string; code: string }> = [];
  const codes = new Set<string>();
  const thresholds = new Set<number>();
  rules.tiers.forEach((t, i) => {
    if (codes.has(t.code))
      issues.push({
        path: `body.tiers.${i}.code`,
        message: `another tier has code ${t.code}`,
        code: 'duplicate',
      });
    if (thresholds.has(t.threshold))
      issues.push({
        path: `body.tiers.${i}.threshold`,
        message: `another tier has threshold ${t.threshold}`,
        code: 'duplicate',
      });
    codes.add(t.code);
    thresholds.add(t.threshold);
  });
  if (issues.length > 0)
    throw new AppError('validation_failed', 'Two tiers have the same code or threshold', { issues });
}

export const insufficientBalance = (balance: number, asked: number) =>
  new AppError('wallet_insufficient_balance', `The balance is ${balance}, ${asked} was asked for`, {
    details: { balance, asked },
  });

export function createWalletService(): WalletService {
  const batcher = new DebitBatcher({ maxBatch: 200 });

  async function open(ctx: Ctx, a: repo.NewAccount): Promise<boolean> {
    const opened = await repo.insertAccount(ctx.db, a);
    if (opened) await appendEvent(ctx, accountOpenedEvent(a));
    return opened;
  }

  /**
   * One balance movement with its entry and event. Outside a transaction (a redemption, a gift card
   * spent at the till) it is ONE statement, its own transaction, writing the event too; inside one
   * (checkout, earning) the statement writes balance and entry and the event joins the transaction's
   * events, written at its commit.
   */
  async function move(
    ctx: Ctx,
    kind: EntryKind,
    m: Debit & { lifetime?: number; reason?: string | null },
    signed: number,
  ): Promise<repo.MovedEntry | null> {
    const movement: repo.Movement = {
      entryId: newId('wle'),
      accountId: m.accountId,
      kind,
      amount: signed,
      lifetime: m.lifetime ?? 0,
      ref: m.ref,
      orderId: m.orderId ?? null,
      channelId: m.channelId ?? ctx.channelId ?? null,
      moneyAmount: m.moneyAmount ?? null,
      currency: m.currency ?? null,
      reason: m.reason ?? null,
      lines: m.lines ?? null,
      now: ctx.clock.now(),
    };
    if (!ctx.inTx) {
      const moved = await repo
        .moveBalance(ctx.db, movement, {
          eventId: newEventId(),
          type: signed < 0 ? WALLET_EVENTS.debited : WALLET_EVENTS.credited,
          actor: ctx.actor.id,
          requestId: ctx.requestId,
          cte: (source) => groupEventsCte(ctx, source),
          written: groupEventsWritten(),
        })
        // The same ref moved concurrently: that one wrote it (a repeat).
        .catch((err: unknown) => (repo.isRefTaken(err) ? undefined : Promise.reject(err)));
      if (!moved) return null;
      checkGroupEvents([moved]);
      notifyEventsWritten(ctx);
      return { entry: moved.entry, account: moved.account };
    }
    const moved = await repo.moveBalance(ctx.db, movement);
    if (!moved) return null;
    await appendEvent(ctx, movedEvent(moved.account, moved.entry));
    return moved;
  }

  async function getRules(ctx: Ctx): Promise<LoyaltyRules> {
    const stored = await repo.selectSettings(ctx.db, 'loyalty');
    return stored ? LoyaltyRules.parse(stored) : DEFAULT_LOYALTY_RULES;
  }

  async function getAccount(ctx: Ctx, id: string): Promise<WalletAccount> {
    const a = await repo.selectAccount(ctx.db, id);
    if (!a) throw notFound('wallet account', id);
    return a;
  }

  async function debit(ctx: Ctx, d: Debit): Promise<Result<WalletEntry, DebitRefused>> {
    if (!ctx.inTx && Number.isSafeInteger(d.amount) && d.amount > 0) {
      // Group commit with the account's other debits of the moment (debit-batcher.ts).
      const grouped = await batcher.submit(ctx, d.accountId, {
        entryId: newId('wle'),
        eventId: newEventId(),
        amount: d.amount,
        ref: d.ref,
        orderId: d.orderId ?? null,
        channelId: d.channelId ?? ctx.channelId ?? null,
        moneyAmount: d.moneyAmount ?? null,
        currency: d.currency ?? null,
        lines: d.lines ?? null,
        actor: ctx.actor.id,
        requestId: ctx.requestId,
      });
      if (grouped) return grouped;
    }
    const moved = await move(ctx, 'redeem', d, -d.amount);
    if (moved) return ok(moved.entry);
    const repeat = await repo.selectEntryByRef(ctx.db, d.accountId, d.ref);
    if (repeat) return ok(repeat);
    const a = await getAccount(ctx, d.accountId);
    const expired = a.expiresAt !== null && a.expiresAt <= ctx.clock.now();
    if (a.status !== 'active' || expired)
      return fail({ reason: 'wallet_account_unusable' as const, status: expired ? 'expired' : a.status });
    return fail({ reason: 'wallet_insufficient_balance' as const, balance: a.balance });
  }

  async function credit(ctx: Ctx, c: Credit): Promise<WalletEntry | null> {
    return (await move(ctx, c.kind, c, c.amount))?.entry ?? null;
  }

  return {
    ...createPointsUseCases({ move, getRules }),
    getRules,

    async setRules(ctx, rules) {
      checkTiers(rules);
      return inTransaction(ctx, async (tx) => {
        await repo.upsertSettings(tx.db, 'loyalty', rules, tx.clock.now());
        await appendEvent(tx, {
          type: WALLET_EVENTS.rulesChanged,
          subject: 'loyalty',
          channelId: null,
          payload: { tiers: rules.tiers.map((t) => t.code), pointsPerUnit: rules.pointsPerUnit },
        });
        return rules;
      });
    },

    async walletOf(ctx, customerId, profileIds) {
      const accounts = await repo.selectAccountsOfProfiles(ctx.db, [...profileIds]);
      const points = accounts.find((a) => a.kind === 'points' && a.profileId === customerId) ?? null;
      const rules = points ? await getRules(ctx) : DEFAULT_LOYALTY_RULES;
      const next = points ? nextTier(rules, points.lifetime) : null;
      return {
        customerId,
        points: points
          ? {
              accountId: points.id,
              balance: points.balance,
              lifetime: points.lifetime,
              tier: points.tier,
              nextTier: next
                ? { code: next.tier.code, name: next.tier.name, pointsToGo: next.pointsToGo }
                : null,
            }
          : null,
        storeCredit: accounts.filter((a) => a.kind === 'store_credit'),
        giftCards: accounts.filter((a) => a.kind === 'gift_card'),
      };
    },

    async issueGiftCard(ctx, input) {
      const code = giftCardCode();
      const id = newId('wac');
      await inTransaction(ctx, async (tx) => {
        await open(tx, {
          id,
          kind: 'gift_card',
          profileId: input.customerId ?? null,
          codeHash: hashCode(code),
          codeHint: hintOf(code),
          currency: input.currency,
          expiresAt: input.expiresAt ?? null,
          originOrderId: null,
          originChannelId: input.channelId,
          now: tx.clock.now(),
        });
        await move(
          tx,
          'issue',
          { accountId: id, amount: input.amount, ref: 'issue', lifetime: input.amount },
          input.amount,
        );
      });
      return { account: await getAccount(ctx, id), code };
    },

    async openStoreCredit(ctx, input) {
      return inTransaction(ctx, async (tx) => {
        const opened = await open(tx, {
          id: input.id,
          kind: 'store_credit',
          profileId: input.profileId,
          codeHash: hashCode(input.code),
          codeHint: hintOf(input.code),
          currency: input.currency,
          expiresAt: null,
          originOrderId: input.orderId,
          originChannelId: input.channelId,
          now: tx.clock.now(),
        });
        if (!opened) return null;
        const issued = { accountId: input.id, amount: input.amount, ref: 'issue', lifetime: input.amount };
        await move(
          tx,
          'issue',
          { ...issued, orderId: input.orderId, channelId: input.channelId },
          input.amount,
        );
        return getAccount(tx, input.id);
      });
    },

    async findByCode(ctx, code, callerKey) {
      const now = ctx.clock.now();
      const since = new Date(now.getTime() - CODE_LOOKUP_WINDOW_MS);
      if ((await repo.selectFailures(ctx.db, callerKey, since)) >= CODE_LOOKUP_LIMIT) {
        throw new AppError(
          'wallet_lookups_limited',
          'Too many unknown codes were tried; wait and try again',
          {
            details: { retryAfterSeconds: Math.ceil(CODE_LOOKUP_WINDOW_MS / 1000) },
          },
        );
      }
      const found = await repo.selectAccountByCodeHash(ctx.db, hashCode(code));
      if (!found) {
        await repo.recordFailure(ctx.db, callerKey, since, now);
        throw new AppError('wallet_code_unknown', 'No gift card or store credit has this code');
      }
      return found;
    },

    getAccount,
    pointsAccountOf: async (ctx, profileId) => (await repo.selectPointsAccount(ctx.db, profileId)) ?? null,
    entries: (ctx, accountId, limit = 50) => repo.selectEntries(ctx.db, accountId, Math.min(limit, 500)),
    entriesOfOrder: (ctx, accountId, orderId) => repo.selectEntriesOfOrder(ctx.db, accountId, orderId),
    debit,
    credit,

    async adjust(ctx, accountId, amount, reason) {
      await getAccount(ctx, accountId);
      const ref = `adjust:${newId('adj')}`;
      if (amount < 0) {
        const taken = await inTransaction(ctx, async (tx) => {
          const moved = await move(tx, 'adjust', { accountId, amount: -amount, ref, reason }, amount);
          return moved?.entry ?? null;
        });
        if (!taken) throw insufficientBalance((await getAccount(ctx, accountId)).balance, -amount);
        return taken;
      }
      return (await credit(ctx, { accountId, amount, ref, kind: 'adjust', reason }))!;
    },
  };
}
