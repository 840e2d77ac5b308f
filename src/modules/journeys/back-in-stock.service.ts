// Back-in-stock subscriptions (a shopper's wish to hear when a sold-out variant is back on a
// channel) and the daily sweeps' leases (win-back runs once a day across all nodes).
import { newId } from '../../kernel/index.js';
import type { Ctx } from '../../platform/context.js';
import { LEASE_MS } from '../../platform/events/lease-heartbeat.js';
import * as repo from './back-in-stock.repository.js';

export type { BackInStockSubscription } from './back-in-stock.repository.js';

export interface BackInStockService {
  /** Subscribes (or keeps the active subscription of the same customer, variant and channel). */
  subscribe(
    ctx: Ctx,
    input: { customerId: string; sku: string; channelId: string; vars: Record<string, string> },
  ): Promise<repo.BackInStockSubscription>;
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

export function createBackInStockService(): BackInStockService {
  const leaseUntil = (ctx: Ctx) => new Date(ctx.clock.now().getTime() + LEASE_MS);
  return {
    subscribe: (ctx, input) =>
      repo.upsertSubscription(ctx.db, { ...input, id: newId('bis'), createdAt: ctx.clock.now() }),
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
