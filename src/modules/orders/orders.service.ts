// Order rules: placing (native or imported, once per cart or external id), the state machine and
// reads. Stock and payments are not ours: flows call inventory and payments and then record the
// outcome here, in the same transaction.

import { AppError, humanCode, newId, notFound, UNAMBIGUOUS_ALPHABET } from '../../kernel/index.js';
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

/** How an order is placed: the status it reaches at once (each step an event) and what was paid. */
export interface PlaceOrderOptions {
  /** `refunded` goes through paid (history imported as it ended). */
  status?: OrderStatus;
  paidAmount?: number;
  refundedAmount?: number;
  reason?: string;
  /** Imported history: its events say so (`historical: true`), e.g. so it earns no loyalty points. */
  historical?: boolean;
}

/** The steps a new order takes to `status`: the main path, or paid first for a refunded one. */
const placedPath = (status: OrderStatus): OrderStatus[] =>
  status === 'refunded' ? ['paid', 'refunded'] : [status];

/** Advances a new order along `placedPath`, all its events at `at`. */
function advancePlaced(order: Order, status: OrderStatus, at: Date, reason: string | null) {
  let next = order;
  const events: NewEvent[] = [];
  for (const step of placedPath(status)) {
    const moved = advance(next, step, at, reason);
    next = moved.order;
    events.push(...moved.events);
  }
  return { order: next, events };
}

/**
 * The orders of every channel. Changes go through intents (place, mark paid, cancel, link a
 * customer), each a step of the state table in order-state.ts with its events; no caller writes an
 * order record itself. Fulfilments and returns have their own services in this module.
 */
export interface OrdersService {
  /**
   * Places an order (status pending, then along the path to `opts.status`, each step an event) in one
   * insert; a pickup order gets its pickup code here. A cart or external id that already has an
   * order returns that order with created=false.
   */
  placeOrder(
    ctx: Ctx,
    input: NewOrder,
    opts?: PlaceOrderOptions,
  ): Promise<{ order: Order; created: boolean }>;
  /**
   * Records money received for a pending order, locked by the caller (`lockOrder`): the paid amount
   * grows and the order becomes paid, then allocated (its stock is already reserved).
   */
  markPaid(ctx: Ctx, order: Order, amount: number): Promise<Order>;
  /**
   * Cancels an order locked by the caller, after the flow released its stock and voided or refunded
   * its money: `refunded` is what was refunded now. Refuses an order past cancelling (409).
   */
  cancel(ctx: Ctx, order: Order, reason: string, opts?: { refunded?: number }): Promise<Order>;
  /**
   * Records money given back without a return on an order locked by the caller, after the flow
   * refunded it: `full` moves the order to refunded. `facts` go into the order.refund_issued event.
   */
  recordRefund(
    ctx: Ctx,
    order: Order,
    refund: { amount: number; full: boolean; reason: string; facts: Record<string, unknown> },
  ): Promise<Order>;
  /** Records that the order confirmation was emailed (again) to the order's address. */
  recordConfirmationSent(ctx: Ctx, order: Order): Promise<void>;
  /** Moves an order to `to` by id (locks it; refuses illegal transitions with the reason). */
  transition(ctx: Ctx, orderId: string, to: OrderStatus, reason?: string | null): Promise<Order>;
  /** Links an order to a customer profile (a guest identified later, or a profile merge). */
  linkCustomer(ctx: Ctx, orderId: string, customerId: string): Promise<Order>;
  /** Reads an order with a row lock, for a flow about to change it in the same transaction. */
  lockOrder(ctx: Ctx, orderId: string): Promise<Order>;
  /** An order by id, or 404. */
  getOrder(ctx: Ctx, orderId: string): Promise<Order>;
  /** An order by id, or undefined. */
  findOrder(ctx: Ctx, orderId: string): Promise<Order | undefined>;
  /** Click & collect orders (not yet collected) whose pickup time has passed, by ctx.clock. */
  expiredPickups(ctx: Ctx, limit?: number): Promise<string[]>;
  /** The order a cart became, if any. */
  findByCart(ctx: Ctx, cartId: string): Promise<Order | undefined>;
  /** An imported order by its source and the id it has there. */
  findByExternalId(ctx: Ctx, externalSource: string, externalId: string): Promise<Order | undefined>;
  /** Orders newest first, a page of at most 200 (default 50). */
  listOrders(ctx: Ctx, filter: Partial<OrderFilter>): Promise<Order[]>;
}

/** 8 characters without look-alikes: read aloud or shown as a QR at the counter. */
const newPickupCode = (): string => humanCode({ length: 8, alphabet: UNAMBIGUOUS_ALPHABET });

/**
 * An order about to be placed, in memory: pending, then moved along to `opts.status`; its number
 * is given by the insert. `created` is the type of its first event.
 */
export function draftOrder(ctx: Ctx, input: NewOrder, opts: PlaceOrderOptions = {}) {
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
      fulfilledQuantity: l.fulfilledQuantity ?? 0,
      returnedQuantity: 0,
    })),
    totals: input.totals,
    paidAmount: opts.paidAmount ?? 0,
    refundedAmount: opts.refundedAmount ?? 0,
    delivery: input.delivery,
    pickup: input.pickup ? { code: newPickupCode(), ...input.pickup } : null,
    reservationIds: input.reservationIds ?? [],
    history: [{ from: null, to: 'pending', at: now, reason: opts.reason ?? null }],
    metadata: input.metadata ?? {},
    placedAt: now,
    updatedAt: now,
  };
  const created = input.source === 'imported' ? ORDER_EVENTS.imported : ORDER_EVENTS.created;
  const status = opts.status ?? 'pending';
  const moved = advancePlaced(base, status, now, opts.reason ?? null);
  return { base, moved, created, status, now };
}

/**
 * The events of placing an order: created (or imported), then one per step, each with the number.
 * An order placed in the past (imported history) tells its events at that time.
 */
export function placedEvents(
  placed: Order,
  d: Pick<ReturnType<typeof draftOrder>, 'base' | 'created' | 'status' | 'now'>,
  opts: PlaceOrderOptions = {},
  placedAt?: Date,
): NewEvent[] {
  const events: NewEvent[] = [
    orderEvent(placed, d.created, {
      cartId: placed.cartId,
      externalSource: placed.externalSource,
      externalId: placed.externalId,
      lines: placed.lines.map((l) => ({ sku: l.sku, title: l.title, quantity: l.quantity, total: l.total })),
    }),
    // The steps again, now that the order has its number, so every event carries it.
    ...advancePlaced({ ...d.base, number: placed.number }, d.status, d.now, opts.reason ?? null).events,
  ];
  return events.map((e) => ({
    ...e,
    ...(placedAt ? { occurredAt: placedAt } : {}),
    ...(opts.historical ? { payload: { ...e.payload, historical: true } } : {}),
  }));
}

export function createOrdersService(opts: { numberPrefix: string }): OrdersService {
  const { numberPrefix } = opts;
  /** Writes a changed order and its events (the caller holds the row lock). */
  async function save(ctx: Ctx, next: Order, events: NewEvent[]): Promise<Order> {
    return inTransaction(ctx, async (tx) => {
      const saved = await updateOrderRow(tx.db, stampActor(tx, next));
      await appendEvents(tx, events);
      return saved;
    });
  }

  /** Reads and locks an order, then saves what `change` made of it (nothing when it made no events). */
  async function changeOrder(
    ctx: Ctx,
    orderId: string,
    change: (order: Order, now: Date) => { order: Order; events: NewEvent[] },
  ): Promise<Order> {
    return inTransaction(ctx, async (tx) => {
      const order = await selectOrder(tx.db, orderId, true);
      if (!order) throw notFound('order', orderId);
      const changed = change(order, ctx.clock.now());
      if (changed.events.length === 0) return order;
      return save(tx, changed.order, changed.events);
    });
  }

  return {
    async placeOrder(ctx, input, opts = {}) {
      const { base, moved, created, status, now } = draftOrder(ctx, input, opts);
      return inTransaction(ctx, async (tx) => {
        const inserted = await insertOrder(tx.db, stampActor(tx, moved.order), numberPrefix);
        if (!inserted) {
          const existing = input.cartId
            ? await selectOrderByCart(tx.db, input.cartId)
            : await selectOrderByExternalId(tx.db, input.externalSource ?? null, input.externalId ?? null);
          if (!existing) throw new AppError('order_not_placed', 'The order could not be placed');
          return { order: existing, created: false };
        }
        await appendEvents(tx, placedEvents(inserted, { base, created, status, now }, opts, input.placedAt));
        return { order: inserted, created: true };
      });
    },

    async markPaid(ctx, order, amount) {
      if (order.status !== 'pending') {
        throw new AppError(
          'illegal_transition',
          `Order ${order.id} is ${order.status}; only a pending order can be paid`,
          { details: { orderId: order.id, from: order.status, to: 'paid' } },
        );
      }
      const now = ctx.clock.now();
      const paid: Order = { ...order, paidAmount: order.paidAmount + amount, updatedAt: now };
      const moved = advance(paid, 'allocated', now, 'paid');
      return save(ctx, moved.order, moved.events);
    },

    async cancel(ctx, order, reason, opts = {}) {
      const refused = refuseTransition(order.status, 'cancelled');
      if (refused) {
        throw new AppError('illegal_transition', `Order ${order.id} cannot be cancelled: ${refused}`, {
          details: { orderId: order.id, from: order.status, to: 'cancelled' },
        });
      }
      // The events say what the order was when it was cancelled; the refund shows on the record.
      const moved = advance(order, 'cancelled', ctx.clock.now(), reason);
      const refunded = opts.refunded ?? 0;
      const next =
        refunded > 0 ? { ...moved.order, refundedAmount: order.refundedAmount + refunded } : moved.order;
      return save(ctx, next, moved.events);
    },

    async recordConfirmationSent(ctx, order) {
      await inTransaction(ctx, (tx) => appendEvents(tx, [orderEvent(order, ORDER_EVENTS.confirmationSent)]));
    },

    async recordRefund(ctx, order, refund) {
      const now = ctx.clock.now();
      const next: Order = { ...order, refundedAmount: order.refundedAmount + refund.amount, updatedAt: now };
      const moved = refund.full ? advance(next, 'refunded', now, refund.reason) : { order: next, events: [] };
      return save(ctx, moved.order, [
        orderEvent(moved.order, ORDER_EVENTS.refundIssued, { amount: refund.amount, ...refund.facts }),
        ...moved.events,
      ]);
    },

    transition: (ctx, orderId, to, reason = null) =>
      changeOrder(ctx, orderId, (order, now) => advance(order, to, now, reason)),

    linkCustomer: (ctx, orderId, customerId) =>
      changeOrder(ctx, orderId, (order, now) => {
        if (order.customerId === customerId) return { order, events: [] };
        const next = { ...order, customerId, updatedAt: now };
        return {
          order: next,
          events: [orderEvent(next, ORDER_EVENTS.customerLinked, { previousCustomerId: order.customerId })],
        };
      }),

    async lockOrder(ctx, orderId) {
      if (!ctx.inTx) throw new Error('lockOrder needs a transaction');
      const order = await selectOrder(ctx.db, orderId, true);
      if (!order) throw notFound('order', orderId);
      return order;
    },

    async getOrder(ctx, orderId) {
      const order = await selectOrder(ctx.db, orderId);
      if (!order) throw notFound('order', orderId);
      return order;
    },

    findOrder: (ctx, orderId) => selectOrder(ctx.db, orderId),

    expiredPickups: (ctx, limit = 200) => selectOrderIdsWithExpiredPickup(ctx.db, ctx.clock.now(), limit),

    findByCart: (ctx, cartId) => selectOrderByCart(ctx.db, cartId),

    findByExternalId: (ctx, externalSource, externalId) =>
      selectOrderByExternalId(ctx.db, externalSource, externalId),

    listOrders: (ctx, filter) =>
      selectOrders(ctx.db, { ...filter, limit: Math.min(Math.max(filter.limit ?? 50, 1), 200) }),
  };
}
