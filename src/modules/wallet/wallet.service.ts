// Wallet rules: accounts open once, every balance change is one ledger entry written by one statement
// (never below zero, a repeated ref writes nothing), points follow the loyalty rules, codes are stored
// as hashes and guessing them is slowed to a stop. Events go in the same transaction as the entry.
import { createHash } from 'node:crypto';
import { AppError, fail, humanCode, newId, notFound, ok, type Result } from '../../kernel/index.js';
import { type Ctx, inTransaction } from '../../platform/context.js';
import {
  appendEvent,
  checkGroupEvents,
  groupEventsCte,
  groupEventsWritten,
  type NewEvent,
  newEventId,
  notifyEventsWritten,
} from '../../platform/events/event-log.js';
import { DebitBatcher } from './debit-batcher.js';
import {
  type EarnLine,
  earnedByLine,
  nextTier,
  type PointsLine,
  returnedPoints,
  tierFor,
} from './loyalty-rules.js';
import { WALLET_EVENTS } from './wallet.events.js';
import * as repo from './wallet.repository.js';
import {
  type CustomerWallet,
  DEFAULT_LOYALTY_RULES,
  type DebitRefused,
  type EntryKind,
  type IssueGiftCard,
  LoyaltyRules,
  type WalletAccount,
  type WalletEntry,
} from './wallet.types.js';

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

export interface Debit {
  accountId: string;
  amount: number;
  ref: string;
  orderId?: string | null;
  channelId?: string | null;
  /** For points paying money: the money they pay. */
  moneyAmount?: number | null;
  currency?: string | null;
  /** Points per SKU (earning, or a return taking them back). */
  lines?: PointsLine[] | null;
}

export interface Credit extends Debit {
  kind: Extract<EntryKind, 'void' | 'refund' | 'adjust' | 'issue'>;
  reason?: string | null;
}

/** One wallet per customer: loyalty points, store credit and gift cards on one append-only ledger. */
export interface WalletService {
  /** The loyalty rules (the defaults until an admin sets them). */
  getRules(ctx: Ctx): Promise<LoyaltyRules>;
  /** Replaces the loyalty rules (tiers reached later follow the new thresholds). */
  setRules(ctx: Ctx, rules: LoyaltyRules): Promise<LoyaltyRules>;
  /** A customer's balances: the points of the surviving profile, store credit and gift cards of them all. */
  walletOf(ctx: Ctx, customerId: string, profileIds: readonly string[]): Promise<CustomerWallet>;
  /** Issues a gift card; the code is returned once and stored only as a hash. */
  issueGiftCard(
    ctx: Ctx,
    input: IssueGiftCard & { channelId: string | null },
  ): Promise<{ account: WalletAccount; code: string }>;
  /** Opens a store credit under the code a refund issued; a repeat (same id) changes nothing. */
  openStoreCredit(
    ctx: Ctx,
    input: {
      id: string;
      code: string;
      profileId: string | null;
      currency: string;
      amount: number;
      orderId: string | null;
      channelId: string | null;
    },
  ): Promise<WalletAccount | null>;
  /**
   * The gift card or store credit of a code. Unknown codes count against the caller (`callerKey`):
   * past CODE_LOOKUP_LIMIT failures in a window every look-up is refused (429), known codes too.
   */
  findByCode(ctx: Ctx, code: string, callerKey: string): Promise<WalletAccount>;
  /** An account by id, or 404. */
  getAccount(ctx: Ctx, id: string): Promise<WalletAccount>;
  /** A customer's points account, or null before the first points. */
  pointsAccountOf(ctx: Ctx, profileId: string): Promise<WalletAccount | null>;
  /** The newest entries of an account. */
  entries(ctx: Ctx, accountId: string, limit?: number): Promise<WalletEntry[]>;
  /** An account's entries for one order. */
  entriesOfOrder(ctx: Ctx, accountId: string, orderId: string): Promise<WalletEntry[]>;
  /**
   * Takes `amount` off the balance (a tender): refused as a result when it is short, blocked or
   * expired, nothing written. The same ref again returns the entry already written.
   */
  debit(ctx: Ctx, d: Debit): Promise<Result<WalletEntry, DebitRefused>>;
  /** Puts `amount` on the balance; null when the ref was already written (exactly once). */
  credit(ctx: Ctx, c: Credit): Promise<WalletEntry | null>;
  /**
   * Points for a paid order by the loyalty rules (channel rate, category rates, tier multiplier),
   * opening the customer's points account on first use; a tier reached is a `loyalty.tier_reached`
   * event. Once per order. `orderLines` (with categories only when asked: the rules rate categories)
   * splits the points over the order's SKUs on the entry, for returns to take back.
   */
  earnPoints(
    ctx: Ctx,
    input: {
      customerId: string;
      orderId: string;
      channelId: string;
      paid: number;
      currency: string;
      orderLines?: (withCategories: boolean) => Promise<{ lines: EarnLine[]; grand: number } | null>;
    },
  ): Promise<WalletEntry | null>;
  /**
   * Takes back the points an order earned in proportion `amount / of` (a refund of part of it), never
   * more than it earned in all and never below zero; once per ref.
   */
  reversePoints(
    ctx: Ctx,
    input: { orderId: string; ref: string; amount: number; of: number },
  ): Promise<WalletEntry | null>;
  /**
   * A return takes back what its units earned: per SKU its share of the points the order's lines
   * earned (returnedPoints; the SKUs on the earn entry), never more than the order earned in all and
   * never below zero; once per return. An order earned before points were kept per SKU gives back
   * `refunded / grand` of its points instead. The entry records the units even when they take no
   * point (a third of a point, or points already spent), so later returns round against them.
   */
  reverseReturn(
    ctx: Ctx,
    input: {
      orderId: string;
      returnId: string;
      lines: ReadonlyArray<{ sku: string; quantity: number }>;
      refunded: number;
      grand: number;
    },
  ): Promise<WalletEntry | null>;
  /**
   * Points expiry by the rules (`pointsExpireAfterDays`): each account's unspent points older than
   * that go with an `expire` entry (a wallet.debited event, entryKind expire), once per account and
   * day (the ref names the day). Returns how many accounts lost points.
   */
  expirePoints(ctx: Ctx): Promise<number>;
  /** An admin's correction with a reason; a debit beyond the balance is refused (409). */
  adjust(ctx: Ctx, accountId: string, amount: number, reason: string): Promise<WalletEntry>;
}

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
  const movedEvent = (a: repo.MovedEntry['account'], e: WalletEntry): NewEvent => ({
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

  async function open(ctx: Ctx, a: repo.NewAccount): Promise<boolean> {
    const opened = await repo.insertAccount(ctx.db, a);
    if (opened) {
      await appendEvent(ctx, {
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
    }
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

    async earnPoints(ctx, input) {
      const rules = await getRules(ctx);
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
        const after = (await repo.selectAccount(tx.db, account.id))!;
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
