// Events of the log that start and end journey runs (a consumer hands them over in order, at least
// once: a repeat touches the same active run). A batch costs a few statements, not a few per event:
// one read resolves its customers, each stretch of starts (or of exits) is one write. Abandoned cart: a customer's cart with lines starts or
// touches their run; the cart checked out on any channel (the till included), or any order of the
// customer, ends it. Pickup ready: an order ready for pickup starts one run per order; collected or
// cancelled ends it. Post-purchase: an order placed starts one run per order (thank-you, then the
// review request); returned or cancelled ends it. Win-back runs (started by the daily sweep) end at
// the customer's next order; a tier reached starts one run per customer and tier. Back in stock:
// back-in-stock.ts.

import type { JourneyKey, StartRun } from '../../modules/journeys/index.js';
import type { Ctx } from '../../platform/context.js';
import type { StoredEvent } from '../../platform/events/event-log.js';
import { createBackInStock } from './back-in-stock.js';
import type { JourneysFlowDeps } from './deps.js';

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
  'order.returned',
  'loyalty.tier_reached',
  'inventory.stock_changed',
] as const;

const str = (v: unknown) => (typeof v === 'string' && v ? v : null);

type Action =
  /** keySuffix: the run key is the customer's root and this (one run per customer and tier). */
  | { kind: 'start'; run: StartRun; profileId: string; keySuffix?: string }
  | {
      kind: 'exit';
      exit: { journey: JourneyKey; runKeys: string[]; refs: string[]; reason: string };
      profileId: string | null;
    };

/** What an event asks of the journeys (before its customer is resolved to the cluster's root). */
function actionOf(e: StoredEvent): Action | Action[] | null {
  const p = e.payload as Record<string, unknown>;
  switch (e.type) {
    case 'cart.created':
    case 'cart.line_added':
    case 'cart.line_changed':
    case 'cart.identified': {
      const profileId = str(p.profileId);
      if (!profileId || !(Number(p.itemCount) > 0)) return null;
      const run = { journey: 'abandoned_cart', customerId: '', runKey: '', ref: String(p.cartId) } as const;
      return { kind: 'start', profileId, run: { ...run, channelId: str(p.channelId), vars: {} } };
    }
    case 'cart.checked_out': {
      const cartId = str(p.cartId);
      const exit = { journey: 'abandoned_cart' as const, runKeys: [], refs: cartId ? [cartId] : [] };
      return [{ kind: 'exit', profileId: str(p.profileId), exit: { ...exit, reason: 'purchased' } }];
    }
    case 'order.created':
      return p.historical === true ? null : orderPlaced(p);
    case 'order.ready_for_pickup': {
      const profileId = str(p.customerId);
      if (!profileId) return null;
      const orderId = String(p.orderId);
      const vars = { orderNumber: String(p.orderNumber ?? ''), pickupCode: String(p.pickupCode ?? '') };
      const run = { journey: 'pickup_ready', customerId: '', runKey: orderId, ref: orderId, vars } as const;
      return { kind: 'start', profileId, run: { ...run, channelId: str(p.channelId) } };
    }
    case 'order.picked_up':
    case 'order.handed_over':
    case 'order.cancelled': {
      const reason = e.type === 'order.cancelled' ? 'cancelled' : 'collected';
      const exit = { journey: 'pickup_ready' as const, runKeys: [String(p.orderId)], refs: [], reason };
      const exits: Action[] = [{ kind: 'exit', profileId: null, exit }];
      if (e.type === 'order.cancelled') exits.push(orderExit('post_purchase', p, 'cancelled'));
      return exits;
    }
    case 'order.returned':
      return orderExit('post_purchase', p, 'returned');
    case 'loyalty.tier_reached': {
      const profileId = String(p.customerId);
      const tier = String(p.tier);
      const run = { journey: 'tier_reached', customerId: '', runKey: '', ref: tier } as const;
      return {
        kind: 'start',
        profileId,
        keySuffix: `:${tier}`,
        run: { ...run, channelId: null, vars: { tier } },
      };
    }
  }
  return null;
}

const orderExit = (journey: JourneyKey, p: Record<string, unknown>, reason: string): Action => ({
  kind: 'exit',
  profileId: null,
  exit: { journey, runKeys: [String(p.orderId)], refs: [], reason },
});

/** An order placed: the customer's abandoned cart and win-back end; their post-purchase run starts. */
function orderPlaced(p: Record<string, unknown>): Action[] {
  const profileId = str(p.customerId);
  const cartId = str(p.cartId);
  const cart = { journey: 'abandoned_cart' as const, runKeys: [], refs: cartId ? [cartId] : [] };
  const actions: Action[] = [
    { kind: 'exit', profileId, exit: { ...cart, reason: 'purchased' } },
    { kind: 'exit', profileId, exit: { journey: 'win_back', runKeys: [], refs: [], reason: 'purchased' } },
  ];
  if (!profileId) return actions;
  const orderId = String(p.orderId);
  const vars = { orderNumber: String(p.orderNumber ?? ''), orderId };
  const run = { journey: 'post_purchase', customerId: '', runKey: orderId, ref: orderId, vars } as const;
  actions.push({ kind: 'start', profileId, run: { ...run, channelId: str(p.channelId) } });
  return actions;
}

export function createTriggers(deps: JourneysFlowDeps) {
  const backInStock = createBackInStock(deps);
  /** A stretch of starts, or of exits, in one write: the log's order holds between stretches. */
  async function apply(ctx: Ctx, actions: Action[], rootOf: Map<string, string>): Promise<boolean> {
    if (actions[0]?.kind === 'start') {
      const starts = actions.flatMap((a) => {
        const root = a.kind === 'start' ? rootOf.get(a.profileId) : undefined;
        if (a.kind !== 'start' || !root) return [];
        return [{ ...a.run, customerId: root, runKey: a.run.runKey || `${root}${a.keySuffix ?? ''}` }];
      });
      const runs = await deps.journeys.startMany(ctx, starts);
      const now = ctx.clock.now();
      return runs.some((r) => r.dueAt !== null && r.dueAt <= now);
    }
    const exits = actions.flatMap((a) => {
      if (a.kind !== 'exit') return [];
      // The customer's run is ended by any of its profiles or its root (abandoned cart).
      const keys = [a.profileId, a.profileId ? rootOf.get(a.profileId) : null];
      const known = keys.filter((x): x is string => !!x);
      if (a.exit.journey === 'abandoned_cart') return [{ ...a.exit, runKeys: [...a.exit.runKeys, ...known] }];
      // A win-back run's ref is the customer (its key names the lapse).
      if (a.exit.journey === 'win_back') return known.length ? [{ ...a.exit, refs: known }] : [];
      return [a.exit];
    });
    const ended = await deps.journeys.exitMany(ctx, exits);
    await deps.messaging.cancelSendsOfRuns(
      ctx,
      ended.map((r) => ({ runId: r.id, reason: r.exitReason ?? 'exited' })),
    );
    return false;
  }

  return {
    /**
     * Handles a batch of events: the customers resolved in one read, each stretch of starts (or of
     * exits) in one write; wakes the sweeper when a run became due at once.
     */
    async handle(ctx: Ctx, events: StoredEvent[]): Promise<void> {
      let due = await backInStock.handleStock(ctx, events);
      const actions = events.flatMap((e) => actionOf(e) ?? []);
      if (actions.length === 0) {
        if (due) deps.wake?.runs();
        return;
      }
      const profiles = [...new Set(actions.flatMap((a) => (a.profileId ? [a.profileId] : [])))];
      const subjects = await deps.customers.subjects(ctx, profiles, { facts: false });
      const rootOf = new Map([...subjects].map(([id, s]) => [id, s.rootId]));
      for (let i = 0; i < actions.length; ) {
        let j = i + 1;
        while (j < actions.length && actions[j]!.kind === actions[i]!.kind) j++;
        if (await apply(ctx, actions.slice(i, j), rootOf)) due = true;
        i = j;
      }
      if (due) deps.wake?.runs();
    },
  };
}
