// Back in stock: a shopper subscribes to a variant sold out on a channel (with their consent to
// hear from it); when the channel's available-to-sell of it rises above 0 (an inventory event), each
// active subscription is ended and starts one back_in_stock run in the same transaction, so it is
// messaged once however often the stock moves or the event is redelivered.
// An address typed in proves nothing about who typed it (double opt-in): its subscription waits
// pending_confirmation, a service mail carries a signed, expiring link, and only the click records
// the marketing consent and activates it. A pending one is never taken by a stock event.
import { fail, ok, type Result } from '../../kernel/index.js';
import { channelViewScope } from '../../modules/catalog/index.js';
import type { BackInStockSubscription } from '../../modules/journeys/index.js';
import { addressHash, PINNED_ADDRESS_VAR } from '../../modules/messaging/index.js';
import { type Ctx, inTransaction } from '../../platform/context.js';
import type { StoredEvent } from '../../platform/events/event-log.js';
import type { JourneysFlowDeps } from './deps.js';

export type SubscribeRefusal = { reason: 'unknown_sku' | 'in_stock' | 'unknown_channel' };
/**
 * Who to tell: a known customer (subscribed at once) or an address typed in (confirmed by mail first,
 * and told at that address only: the profile it names may hold other people's addresses too).
 */
export type Subscriber = { customerId: string; pending: boolean; address?: string };
export interface Subscribed extends BackInStockSubscription {
  /** A confirmation mail was queued by this request (false: none needed, or one went lately). */
  confirmationSent: boolean;
}

/** Stock moves that never make a variant available again (they only take stock). */
const TAKING = new Set(['reservation', 'fulfil']);
/** The kind of the signed confirmation links (its HMAC differs from every other link's). */
const CONFIRM_KIND = 'back_in_stock_confirm';

/** A subscription asked for by typing an address: its messages go to that address only. */
const pinTo = (s: BackInStockSubscription): Record<string, string> =>
  s.addressHash ? { [PINNED_ADDRESS_VAR]: s.addressHash } : {};

export function createBackInStock(deps: JourneysFlowDeps) {
  /** Ends the active subscriptions of these available variants and starts their runs, in one transaction. */
  async function startRuns(ctx: Ctx, available: Array<{ sku: string; channelId: string }>) {
    return inTransaction(ctx, async (tx) => {
      const subs = await deps.backInStock.takeAvailable(tx, available);
      return deps.journeys.startMany(
        tx,
        subs.map((s) => ({
          journey: 'back_in_stock' as const,
          customerId: s.customerId,
          runKey: s.id,
          ref: s.sku,
          channelId: s.channelId,
          vars: { ...s.vars, sku: s.sku, ...pinTo(s) },
        })),
      );
    });
  }

  /** Queues the confirmation mail of a pending subscription (a service message: no opt-in needed to ask for one). */
  async function queueConfirmation(ctx: Ctx, sub: BackInStockSubscription): Promise<boolean> {
    if (!(await deps.backInStock.claimConfirmation(ctx, sub.id))) return false;
    const expires = Math.floor(sub.expiresAt!.getTime() / 1000);
    const token = await deps.messaging.linkToken(ctx, CONFIRM_KIND, [sub.id, String(expires)]);
    const { brand } = await deps.messaging.settings(ctx);
    const now = ctx.clock.now();
    await deps.messaging.queueSends(ctx, [
      {
        customerId: sub.customerId,
        runId: null,
        idemKey: `${sub.id}:confirm:${now.getTime()}`,
        templateKey: CONFIRM_KIND,
        formats: ['email'],
        purpose: 'transactional',
        channelId: sub.channelId,
        vars: {
          ...pinTo(sub),
          shop: brand.name,
          product: sub.vars.product ?? '',
          locale: sub.vars.locale ?? 'en',
          link: `${deps.baseUrl()}/back-in-stock/confirm/${token}`,
        },
        dueAt: now,
      },
    ]);
    return true;
  }

  /**
   * The subscription a genuine, unexpired confirmation token names, whatever its state (for the
   * page that asks to confirm); null for a forged, altered or expired token.
   */
  async function readConfirmation(ctx: Ctx, token: string): Promise<BackInStockSubscription | null> {
    const f = await deps.messaging.readLinkToken(ctx, CONFIRM_KIND, token, 2);
    if (!f || !/^\d{1,12}$/.test(f[1]!)) return null;
    if (Number(f[1]) * 1000 <= ctx.clock.now().getTime()) return null;
    return deps.backInStock.find(ctx, f[0]!);
  }

  return {
    readConfirmation,
    /**
     * Subscribes the subscriber `subscriber()` names to a sold-out variant of a channel; refused for
     * an unknown or available one. A pending subscription gets its confirmation mail (rate-limited).
     */
    async subscribe(
      ctx: Ctx,
      input: {
        channelId: string;
        sku: string;
        locale?: string | undefined;
        subscriber: () => Promise<Subscriber>;
      },
    ): Promise<Result<Subscribed, SubscribeRefusal>> {
      const channel = await deps.channels.findChannel(ctx, input.channelId);
      if (!channel) return fail<SubscribeRefusal>({ reason: 'unknown_channel' });
      const [product] = await deps.catalog.channelProducts(ctx, channelViewScope(channel), [input.sku]);
      if (!product?.listed || !product.variants.some((v) => v.sku === input.sku))
        return fail<SubscribeRefusal>({ reason: 'unknown_sku' });
      const atp = (await deps.inventory.availableToSell(ctx, channel.id, [input.sku])).get(input.sku) ?? 0;
      if (atp > 0) return fail<SubscribeRefusal>({ reason: 'in_stock' });
      // The customer is found (or made) and their consent recorded only for a subscription that stands.
      const { customerId, pending, address } = await input.subscriber();
      const vars = {
        product: product.title,
        handle: product.handle,
        ...(input.locale ? { locale: input.locale } : {}),
      };
      const pinned = address ? addressHash(address) : null;
      const r = await inTransaction(ctx, async (tx) => {
        const sub = await deps.backInStock.subscribe(tx, {
          customerId,
          sku: input.sku,
          channelId: channel.id,
          vars,
          addressHash: pinned,
          pending,
        });
        // Mailed only to the address the pending subscription is for (another typed on the same
        // profile meanwhile gets nothing: the answer is the same).
        const sent =
          sub.status === 'pending_confirmation' &&
          sub.addressHash === pinned &&
          (await queueConfirmation(tx, sub));
        return { ...sub, confirmationSent: sent };
      });
      if (r.confirmationSent) deps.wake?.sends();
      return ok(r);
    },

    /**
     * The click on the mailed link: activates the pending subscription once and records the marketing
     * consent on its channel (source: double opt-in, now); null when the token is not genuine, expired
     * or used. Stock that came back while it waited starts its message at once.
     */
    async confirm(ctx: Ctx, token: string): Promise<BackInStockSubscription | null> {
      const found = await readConfirmation(ctx, token);
      if (found?.status !== 'pending_confirmation') return null;
      const now = ctx.clock.now();
      let sub: BackInStockSubscription | null;
      try {
        sub = await inTransaction(ctx, async (tx) => {
          const s = await deps.backInStock.confirm(tx, found.id);
          if (!s) return null;
          await deps.customers.setConsent(tx, s.customerId, {
            purpose: 'marketing',
            channel: s.channelId,
            granted: true,
            sourceChannelId: s.channelId,
          });
          await deps.customers.recordTimelineEntry(tx, s.customerId, {
            kind: 'consent.confirmed',
            channelId: s.channelId,
            occurredAt: now,
            ref: `${s.id}:consent.confirmed`,
            properties: { purpose: 'marketing', channel: s.channelId, source: 'double_opt_in', sku: s.sku },
          });
          return s;
        });
      } catch {
        return null; // the customer was erased meanwhile: nothing to confirm
      }
      if (!sub) return null;
      const atp = (await deps.inventory.availableToSell(ctx, sub.channelId, [sub.sku])).get(sub.sku) ?? 0;
      if (atp > 0) {
        const runs = await startRuns(ctx, [{ sku: sub.sku, channelId: sub.channelId }]);
        if (runs.length) deps.wake?.runs();
      }
      return sub;
    },

    /** From a batch's stock events: the subscriptions whose variant is available again start their run. */
    async handleStock(ctx: Ctx, events: StoredEvent[]): Promise<boolean> {
      const available = new Map<string, { sku: string; channelId: string }>();
      for (const e of events) {
        if (e.type !== 'inventory.stock_changed') continue;
        const p = e.payload as {
          sku: string;
          cause: string;
          channels: Array<{ channelId: string; availableToSell: number }>;
        };
        if (TAKING.has(p.cause)) continue;
        for (const c of p.channels)
          if (c.availableToSell > 0)
            available.set(`${p.sku}\n${c.channelId}`, { sku: p.sku, channelId: c.channelId });
      }
      if (available.size === 0) return false;
      const runs = await startRuns(ctx, [...available.values()]);
      const now = ctx.clock.now();
      return runs.some((r) => r.dueAt !== null && r.dueAt <= now);
    },
  };
}
