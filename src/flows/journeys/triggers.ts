// Events of the log that start and end journey runs (a consumer hands them over in order, at least
// once: a repeat touches the same active run). Abandoned cart: a customer's cart with lines starts or
// touches their run; the cart checked out on any channel (the till included), or any order of the
// customer, ends it. Pickup ready: an order ready for pickup starts one run per order; collected or
// cancelled ends it.

import type { Ctx } from '../../platform/context.js';
import type { StoredEvent } from '../../platform/events/event-log.js';
import type { JourneysFlowDeps } from './deps.js';
import { groupBy, inParallel, widthFor } from './parallel.js';

export const TRIGGER_EVENT_TYPES = [
  'cart.created',
  'cart.line_added',
  'cart.line_changed',
  'cart.identified',
  'cart.checked_out',
  'order.created',
  'order.ready_for_pickup',
  'order.picked_up',
  'order.handed_over',
  'order.cancelled',
] as const;

const str = (v: unknown) => (typeof v === 'string' && v ? v : null);

export function createTriggers(deps: JourneysFlowDeps) {
  async function rootOf(ctx: Ctx, id: string | null): Promise<string | null> {
    if (!id) return null;
    return (await deps.customers.subjects(ctx, [id], { facts: false })).get(id)?.rootId ?? null;
  }

  async function exitCart(ctx: Ctx, o: { customerId: string | null; cartId: string | null }, reason: string) {
    const root = await rootOf(ctx, o.customerId);
    const ended = await deps.journeys.exit(ctx, 'abandoned_cart', {
      runKeys: [o.customerId, root].filter((x): x is string => !!x),
      refs: o.cartId ? [o.cartId] : [],
      reason,
    });
    for (const run of ended) await deps.messaging.cancelSendsOfRun(ctx, run.id, reason);
    return ended.length;
  }

  async function handleOne(ctx: Ctx, e: StoredEvent): Promise<boolean> {
    const p = e.payload as Record<string, unknown>;
    switch (e.type) {
      case 'cart.created':
      case 'cart.line_added':
      case 'cart.line_changed':
      case 'cart.identified': {
        const profileId = str(p.profileId);
        if (!profileId || !(Number(p.itemCount) > 0)) return false;
        const root = await rootOf(ctx, profileId);
        if (!root) return false;
        const run = await deps.journeys.start(ctx, {
          journey: 'abandoned_cart',
          customerId: root,
          runKey: root,
          ref: String(p.cartId),
          channelId: str(p.channelId),
          vars: {},
        });
        return !!run && run.dueAt !== null && run.dueAt <= ctx.clock.now();
      }
      case 'cart.checked_out':
        await exitCart(ctx, { customerId: str(p.profileId), cartId: str(p.cartId) }, 'purchased');
        return false;
      case 'order.created':
        if (p.historical === true) return false;
        await exitCart(ctx, { customerId: str(p.customerId), cartId: str(p.cartId) }, 'purchased');
        return false;
      case 'order.ready_for_pickup': {
        const root = await rootOf(ctx, str(p.customerId));
        if (!root) return false;
        const run = await deps.journeys.start(ctx, {
          journey: 'pickup_ready',
          customerId: root,
          runKey: String(p.orderId),
          ref: String(p.orderId),
          channelId: str(p.channelId),
          vars: { orderNumber: String(p.orderNumber ?? ''), pickupCode: String(p.pickupCode ?? '') },
        });
        return !!run;
      }
      case 'order.picked_up':
      case 'order.handed_over':
      case 'order.cancelled': {
        const reason = e.type === 'order.cancelled' ? 'cancelled' : 'collected';
        const ended = await deps.journeys.exit(ctx, 'pickup_ready', {
          runKeys: [String(p.orderId)],
          refs: [],
          reason,
        });
        for (const run of ended) await deps.messaging.cancelSendsOfRun(ctx, run.id, reason);
        return false;
      }
    }
    return false;
  }

  return {
    /** Handles a batch of events; wakes the sweeper when a run became due at once. */
    async handle(ctx: Ctx, events: StoredEvent[]): Promise<void> {
      let due = false;
      // Events of one customer (or order) in order; different customers at once.
      const groups = groupBy(events, (e) => {
        const p = e.payload as Record<string, unknown>;
        return String(p.customerId ?? p.profileId ?? p.cartId ?? p.orderId ?? e.subject);
      });
      await inParallel(groups, widthFor(ctx, 8), async (group) => {
        for (const e of group) if (await handleOne(ctx, e)) due = true;
      });
      if (due) deps.wake?.runs();
    },
  };
}
