// An order changing in memory: the facts its events carry, its steps along the state machine (one
// event each) and who made them. The services and flows write what these return.
import { AppError } from '../../kernel/index.js';
import type { Ctx } from '../../platform/context.js';
import type { NewEvent } from '../../platform/events/event-log.js';
import { type OrderStatus, pathTo, refuseTransition } from './order-state.js';
import { statusEvent } from './orders.events.js';
import type { Order } from './orders.types.js';

/** The facts every order event carries, so consumers (customer profile, webhooks) need nothing else. */
export function orderFacts(o: Order): Record<string, unknown> {
  return {
    orderId: o.id,
    orderNumber: o.number,
    channelId: o.channelId,
    source: o.source,
    customerId: o.customerId,
    status: o.status,
    currency: o.currency,
    grandTotal: o.totals.grand,
    paidAmount: o.paidAmount,
    refundedAmount: o.refundedAmount,
    delivery: o.delivery.type,
    itemCount: o.lines.reduce((s, l) => s + l.quantity, 0),
  };
}

export const orderEvent = (o: Order, type: string, extra: Record<string, unknown> = {}): NewEvent => ({
  type,
  subject: o.id,
  channelId: o.channelId,
  payload: { ...orderFacts(o), ...extra },
});

/**
 * Moves an order (in memory) along the state machine to `to`, passing the main path's steps;
 * returns the new order and one event per step, or throws illegal_transition with the reason.
 */
export function advance(order: Order, to: OrderStatus, at: Date, reason: string | null = null) {
  if (order.status === to) return { order, events: [] as NewEvent[] };
  const steps = pathTo(order.status, to);
  if (!steps) {
    throw new AppError(
      'illegal_transition',
      `Order ${order.id} cannot become ${to}: ${refuseTransition(order.status, to)}`,
      {
        details: { orderId: order.id, from: order.status, to },
      },
    );
  }
  let next = order;
  const events: NewEvent[] = [];
  for (const step of steps) {
    const from = next.status;
    next = {
      ...next,
      status: step,
      updatedAt: at,
      history: [...next.history, { from: next.status, to: step, at, reason }],
    };
    events.push(orderEvent(next, statusEvent(step), { from, reason }));
  }
  return { order: next, events };
}

/**
 * Steps made in this request (no `by` yet; read ones have a string or null) record who made them:
 * the staff member or API key acting.
 */
export function stampActor(ctx: Ctx, order: Order): Order {
  if (order.history.every((h) => h.by !== undefined)) return order;
  return {
    ...order,
    history: order.history.map((h) => (h.by === undefined ? { ...h, by: ctx.actor.id } : h)),
  };
}
