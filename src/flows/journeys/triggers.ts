// Events of the log that start and end journey runs (a consumer hands them over in order, at least
// once: a repeat touches the same active run). A batch costs a few statements, not a few per event:
// one read resolves its customers, each stretch of starts (or of exits) is one write. Abandoned cart: a customer's cart with lines starts or
// touches their run; the cart checked out on any channel (the till included), or any order of the
// customer, ends it. Pickup ready: an order ready for pickup starts one run per order; collected or
// cancelled ends it.

import type { JourneyKey, StartRun } from '../../modules/journeys/index.js';
import type { Ctx } from '../../platform/context.js';
import type { StoredEvent } from '../../platform/events/event-log.js';
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
] as const;

const str = (v: unknown) => (typeof v === 'string' && v ? v : null);

type Action =
  | { kind: 'start'; run: StartRun; profileId: string }
  | {
      kind: 'exit';
      exit: { journey: JourneyKey; runKeys: string[]; refs: string[]; reason: string };
      profileId: string | null;
    };

/** What an event asks of the journeys (before its customer is resolved to the cluster's root). */
function actionOf(e: StoredEvent): Action | null {
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
    case 'cart.checked_out':
    case 'order.created': {
      if (e.type === 'order.created' && p.historical === true) return null;
      const profileId = str(e.type === 'order.created' ? p.customerId : p.profileId);
      const cartId = str(p.cartId);
      const exit = { journey: 'abandoned_cart' as const, runKeys: [], refs: cartId ? [cartId] : [] };
      return { kind: 'exit', profileId, exit: { ...exit, reason: 'purchased' } };
    }
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
      return { kind: 'exit', profileId: null, exit };
    }
  }
  return null;
}

export function createTriggers(deps: JourneysFlowDeps) {
  /** A stretch of starts, or of exits, in one write: the log's order holds between stretches. */
  async function apply(ctx: Ctx, actions: Action[], rootOf: Map<string, string>): Promise<boolean> {
    if (actions[0]?.kind === 'start') {
      const starts = actions.flatMap((a) => {
        const root = a.kind === 'start' ? rootOf.get(a.profileId) : undefined;
        if (a.kind !== 'start' || !root) return [];
        return [{ ...a.run, customerId: root, runKey: a.run.runKey || root }];
      });
      const runs = await deps.journeys.startMany(ctx, starts);
      const now = ctx.clock.now();
      return runs.some((r) => r.dueAt !== null && r.dueAt <= now);
    }
    const exits = actions.flatMap((a) => {
      if (a.kind !== 'exit') return [];
      // The customer's run is ended by any of its profiles or its root (abandoned cart).
      const keys = [a.profileId, a.profileId ? rootOf.get(a.profileId) : null];
      const extra = a.exit.journey === 'abandoned_cart' ? keys.filter((x): x is string => !!x) : [];
      return [{ ...a.exit, runKeys: [...a.exit.runKeys, ...extra] }];
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
      const actions = events.map(actionOf).filter((a): a is Action => a !== null);
      if (actions.length === 0) return;
      const profiles = [...new Set(actions.flatMap((a) => (a.profileId ? [a.profileId] : [])))];
      const subjects = await deps.customers.subjects(ctx, profiles, { facts: false });
      const rootOf = new Map([...subjects].map(([id, s]) => [id, s.rootId]));
      let due = false;
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
