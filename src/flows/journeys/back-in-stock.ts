// Back in stock: a shopper subscribes to a variant sold out on a channel (with their consent to
// hear from it); when the channel's available-to-sell of it rises above 0 (an inventory event), each
// active subscription is ended and starts one back_in_stock run in the same transaction, so it is
// messaged once however often the stock moves or the event is redelivered.
import { fail, ok, type Result } from '../../kernel/index.js';
import { channelViewScope } from '../../modules/catalog/index.js';
import type { BackInStockSubscription } from '../../modules/journeys/index.js';
import { type Ctx, inTransaction } from '../../platform/context.js';
import type { StoredEvent } from '../../platform/events/event-log.js';
import type { JourneysFlowDeps } from './deps.js';

export type SubscribeRefusal = { reason: 'unknown_sku' | 'in_stock' | 'unknown_channel' };

/** Stock moves that never make a variant available again (they only take stock). */
const TAKING = new Set(['reservation', 'fulfil']);

export function createBackInStock(deps: JourneysFlowDeps) {
  return {
    /** Subscribes the customer `customer()` names to a sold-out variant of a channel; refused for an unknown or available one. */
    async subscribe(
      ctx: Ctx,
      input: { channelId: string; sku: string; customer: () => Promise<string> },
    ): Promise<Result<BackInStockSubscription, SubscribeRefusal>> {
      const channel = await deps.channels.findChannel(ctx, input.channelId);
      if (!channel) return fail<SubscribeRefusal>({ reason: 'unknown_channel' });
      const [product] = await deps.catalog.channelProducts(ctx, channelViewScope(channel), [input.sku]);
      if (!product?.listed || !product.variants.some((v) => v.sku === input.sku))
        return fail<SubscribeRefusal>({ reason: 'unknown_sku' });
      const atp = (await deps.inventory.availableToSell(ctx, channel.id, [input.sku])).get(input.sku) ?? 0;
      if (atp > 0) return fail<SubscribeRefusal>({ reason: 'in_stock' });
      // The customer is found (or made) and their consent recorded only for a subscription that stands.
      const customerId = await input.customer();
      const vars = { product: product.title, handle: product.handle };
      return ok(
        await deps.backInStock.subscribe(ctx, { customerId, sku: input.sku, channelId: channel.id, vars }),
      );
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
      const runs = await inTransaction(ctx, async (tx) => {
        const subs = await deps.backInStock.takeAvailable(tx, [...available.values()]);
        return deps.journeys.startMany(
          tx,
          subs.map((s) => ({
            journey: 'back_in_stock' as const,
            customerId: s.customerId,
            runKey: s.id,
            ref: s.sku,
            channelId: s.channelId,
            vars: { ...s.vars, sku: s.sku },
          })),
        );
      });
      const now = ctx.clock.now();
      return runs.some((r) => r.dueAt !== null && r.dueAt <= now);
    },
  };
}
