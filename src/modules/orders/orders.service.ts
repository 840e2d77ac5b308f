// Order rules: placing (native or imported, once per cart or external id), the state machine and
// reads. Stock and payments are not ours: flows call inventory and payments and then record the
// outcome here, in the same transaction.

import { AppError, newId, notFound } from '../../kernel/index.js';
import { type Ctx, inTransaction } from '../../platform/context.js';
import { appendEvents, type NewEvent } from '../../platform/events/event-log.js';
import { type OrderStatus, pathTo, refuseTransition } from './order-state.js';
import { ORDER_EVENTS, statusEvent } from './orders.events.js';
import {
  insertOrder,
  type OrderFilter,
  selectOrder,
  selectOrderByCart,
  selectOrderByExternalId,
  selectOrderIdsWithExpiredPickup,
  selectOrders,
  updateOrderRow,
} from './orders.repository.js';
import type { NewOrder, Order } from './orders.types.js';

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

export function createOrdersService(opts: { numberPrefix: string }) {
  const { numberPrefix } = opts;
  /** Writes a changed order and its events (the caller holds the row lock). */
  async function save(ctx: Ctx, next: Order, events: NewEvent[]): Promise<Order> {
    return inTransaction(ctx, async (tx) => {
      const saved = await updateOrderRow(tx.db, next);
      await appendEvents(tx, events);
      return saved;
    });
  }

  return {
    save,

    /**
     * Places an order (status pending, then along the path to `status`, each step an event) in one
     * insert. A cart or external id that already has an order returns that order with created=false.
     */
    async placeOrder(
      ctx: Ctx,
      input: NewOrder,
      opts: { status?: OrderStatus; paidAmount?: number; reason?: string } = {},
    ): Promise<{ order: Order; created: boolean }> {
      const now = input.placedAt ?? ctx.clock.now();
      const base: Order = {
        id: input.id ?? newId('ord'),
        number: '', // given by the insert, from the sequence
        channelId: input.channelId,
        source: input.source,
        externalSource: input.externalSource ?? null,
        externalId: input.externalId ?? null,
        cartId: input.cartId ?? null,
        customerId: input.customerId ?? null,
        email: input.email ?? null,
        phone: input.phone ?? null,
        status: 'pending',
        currency: input.currency,
        lines: input.lines.map((l, i) => ({
          ...l,
          lineId: l.lineId ?? `L${i + 1}`,
          fulfilledQuantity: 0,
          returnedQuantity: 0,
        })),
        totals: input.totals,
        paidAmount: opts.paidAmount ?? 0,
        refundedAmount: 0,
        delivery: input.delivery,
        pickup: input.pickup ?? null,
        reservationIds: input.reservationIds ?? [],
        history: [{ from: null, to: 'pending', at: now, reason: opts.reason ?? null }],
        metadata: input.metadata ?? {},
        placedAt: now,
        updatedAt: now,
      };
      const created = input.source === 'imported' ? ORDER_EVENTS.imported : ORDER_EVENTS.created;
      const status = opts.status ?? 'pending';
      const moved = advance(base, status, now, opts.reason ?? null);
      return inTransaction(ctx, async (tx) => {
        const inserted = await insertOrder(tx.db, moved.order, numberPrefix);
        if (!inserted) {
          const existing = input.cartId
            ? await selectOrderByCart(tx.db, input.cartId)
            : await selectOrderByExternalId(tx.db, input.externalSource ?? null, input.externalId ?? null);
          if (!existing) throw new AppError('order_not_placed', 'The order could not be placed');
          return { order: existing, created: false };
        }
        await appendEvents(tx, [
          orderEvent(inserted, created, {
            cartId: inserted.cartId,
            externalSource: inserted.externalSource,
            externalId: inserted.externalId,
            lines: inserted.lines.map((l) => ({
              sku: l.sku,
              title: l.title,
              quantity: l.quantity,
              total: l.total,
            })),
          }),
          // The steps again, now that the order has its number, so every event carries it.
          ...advance({ ...base, number: inserted.number }, status, now, opts.reason ?? null).events,
        ]);
        return { order: inserted, created: true };
      });
    },

    /** Moves an order to `to` (locks it; refuses illegal transitions with the reason). */
    async transition(
      ctx: Ctx,
      orderId: string,
      to: OrderStatus,
      reason: string | null = null,
    ): Promise<Order> {
      return inTransaction(ctx, async (tx) => {
        const order = await selectOrder(tx.db, orderId, true);
        if (!order) throw notFound('order', orderId);
        const moved = advance(order, to, ctx.clock.now(), reason);
        if (moved.events.length === 0) return order;
        return save(tx, moved.order, moved.events);
      });
    },

    /** Reads an order with a row lock, for a flow about to change it in the same transaction. */
    async lockOrder(ctx: Ctx, orderId: string): Promise<Order> {
      if (!ctx.inTx) throw new Error('lockOrder needs a transaction');
      const order = await selectOrder(ctx.db, orderId, true);
      if (!order) throw notFound('order', orderId);
      return order;
    },

    async getOrder(ctx: Ctx, orderId: string): Promise<Order> {
      const order = await selectOrder(ctx.db, orderId);
      if (!order) throw notFound('order', orderId);
      return order;
    },

    findOrder: (ctx: Ctx, orderId: string) => selectOrder(ctx.db, orderId),

    /** Click & collect orders (not yet collected) whose pickup time has passed, by ctx.clock. */
    expiredPickups: (ctx: Ctx, limit = 200) =>
      selectOrderIdsWithExpiredPickup(ctx.db, ctx.clock.now(), limit),

    findByCart: (ctx: Ctx, cartId: string) => selectOrderByCart(ctx.db, cartId),

    findByExternalId: (ctx: Ctx, externalSource: string, externalId: string) =>
      selectOrderByExternalId(ctx.db, externalSource, externalId),

    listOrders: (ctx: Ctx, filter: Partial<OrderFilter>) =>
      selectOrders(ctx.db, { ...filter, limit: Math.min(Math.max(filter.limit ?? 50, 1), 200) }),

    /** Links an order to a customer profile (a guest identified later, or a profile merge). */
    async linkCustomer(ctx: Ctx, orderId: string, customerId: string): Promise<Order> {
      return inTransaction(ctx, async (tx) => {
        const order = await selectOrder(tx.db, orderId, true);
        if (!order) throw notFound('order', orderId);
        if (order.customerId === customerId) return order;
        const next = { ...order, customerId, updatedAt: ctx.clock.now() };
        return save(tx, next, [
          orderEvent(next, ORDER_EVENTS.customerLinked, { previousCustomerId: order.customerId }),
        ]);
      });
    },
  };
}

export type OrdersService = ReturnType<typeof createOrdersService>;
