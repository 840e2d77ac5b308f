// Back-in-stock subscriptions (a shopper's wish to hear when a sold-out variant is back on a
// channel) and the daily sweeps' leases (win-back runs once a day across all nodes).
import { newId } from '../../kernel/index.js';
import type { Ctx } from '../../platform/context.js';
import { LEASE_MS } from '../../platform/events/lease-heartbeat.js';
import * as repo from './back-in-stock.repository.js';

export type { BackInStockSubscription } from './back-in-stock.repository.js';

export interface BackInStockService {
  /**
   * Subscribes (or keeps the live subscription of the same customer, variant and channel): active at
   * once, or `pending` confirmation for CONFIRM_WINDOW_MS (an address typed in: double opt-in).
   */
  subscribe(
    ctx: Ctx,
    input: {
      customerId: string;
      sku: string;
      channelId: string;
      vars: Record<string, string>;
      /** SHA-256 of the address typed in (pending ones): the one address to tell. */
      addressHash?: string | null;
      pending?: boolean;
    },
  ): Promise<repo.BackInStockSubscription>;
  /** Whether to mail a pending subscription's confirmation now (rate-limited per subscription and address). */
  claimConfirmation(ctx: Ctx, id: string): Promise<boolean>;
  /** Activates a pending subscription within its window; null when not pending (used, expired) or unknown. */
  confirm(ctx: Ctx, id: string): Promise<repo.BackInStockSubscription | null>;
  find(ctx: Ctx, id: string): Promise<repo.BackInStockSubscription | null>;
  /** Ends and returns the active subscriptions of variants now available on these channels. */
  takeAvailable(
    ctx: Ctx,
    available: Array<{ sku: string; channelId: string }>,
  ): Promise<repo.BackInStockSubscription[]>;
  subscriptionsOf(ctx: Ctx, customerIds: string[]): Promise<repo.BackInStockSubscription[]>;
  /** The keys of these a journey ever had a run of (a win-back starts once per last order). */
  knownRunKeys(ctx: Ctx, journey: string, keys: string[]): Promise<Set<string>>;
  /** Leases a daily sweep when due (or at once when `force`); false when not due or held elsewhere. */
  claimSweep(ctx: Ctx, name: string, owner: string, force: boolean): Promise<boolean>;
  /** Keeps the sweep's lease between pages; false when it was lost. */
  renewSweep(ctx: Ctx, name: string, owner: string): Promise<boolean>;
  /** Releases the sweep, next due `everyMs` from now. */
  finishSweep(ctx: Ctx, name: string, owner: string, everyMs: number): Promise<void>;
}

/** How long an address typed in has to confirm its subscription. */
export const CONFIRM_WINDOW_MS = 7 * 86_400_000;
/** A repeated request for a pending subscription mails no second confirmation within this. */
export const RESEND_AFTER_MS = 10 * 60_000;
/** Confirmation mails to one address (customer) per hour, whatever the variants. */
export const CONFIRMATIONS_PER_HOUR = 5;

export function createBackInStockService(): BackInStockService {
  const leaseUntil = (ctx: Ctx) => new Date(ctx.clock.now().getTime() + LEASE_MS);
  return {
    subscribe: (ctx, { pending, ...input }) => {
      const now = ctx.clock.now();
      return repo.upsertSubscription(ctx.db, {
        ...input,
        addressHash: input.addressHash ?? null,
        id: newId('bis'),
        createdAt: now,
        status: pending ? 'pending_confirmation' : 'active',
        expiresAt: pending ? new Date(now.getTime() + CONFIRM_WINDOW_MS) : null,
      });
    },
    claimConfirmation: (ctx, id) =>
      repo.claimConfirmation(ctx.db, {
        id,
        now: ctx.clock.now(),
        windowMs: RESEND_AFTER_MS,
        max: CONFIRMATIONS_PER_HOUR,
      }),
    confirm: (ctx, id) => repo.confirmSubscription(ctx.db, id, ctx.clock.now()),
    find: (ctx, id) => repo.selectSubscription(ctx.db, id),
    takeAvailable: (ctx, available) => repo.takeSubscriptions(ctx.db, available, ctx.clock.now()),
    subscriptionsOf: (ctx, ids) => repo.selectSubscriptionsOf(ctx.db, ids),
    knownRunKeys: (ctx, journey, keys) => repo.selectKnownRunKeys(ctx.db, journey, keys),
    claimSweep: (ctx, name, owner, force) =>
      repo.claimSweep(ctx.db, { name, now: ctx.clock.now(), leaseUntil: leaseUntil(ctx), owner, force }),
    renewSweep: (ctx, name, owner) => repo.extendSweep(ctx.db, { name, leaseUntil: leaseUntil(ctx), owner }),
    finishSweep: (ctx, name, owner, everyMs) =>
      repo.finishSweep(ctx.db, { name, owner, nextAt: new Date(ctx.clock.now().getTime() + everyMs) }),
  };
}

/** Erasure of customers: their back-in-stock subscriptions end and forget the address typed in. */
export function eraseBackInStockOfCustomers(ctx: Ctx, subject: { profileIds: string[] }): Promise<number> {
  return repo.forgetSubscriptionAddresses(ctx.db, subject.profileIds, ctx.clock.now());
}
