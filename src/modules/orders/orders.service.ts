// Order rules: placing (native or imported, once per cart or external id), the state machine and
// reads. Stock and payments are not ours: flows call inventory and payments and then record the
// outcome here, in the same transaction. How an order changes in memory is in order-changes.ts, a
// new order's draft in order-drafts.ts.

import { AppError, notFound } from '../../kernel/index.js';
import { type Ctx, inTransaction } from '../../platform/context.js';
import { appendEvents, type NewEvent } from '../../platform/events/event-log.js';
import { advance, orderEvent, stampActor } from './order-changes.js';
import { draftOrder, type PlaceOrderOptions, placedEvents } from './order-drafts.js';
import { type OrderStatus, refuseTransition } from './order-state.js';
import { ORDER_EVENTS } from './orders.events.js';
import {
  insertOrder,
  insertOrders,
  type OrderFilter,
  selectExternalIds,
  selectOrder,
  selectOrderByCart,
  selectOrderByExternalId,
  selectOrderIdsWithExpiredPickup,
  selectOrders,
  updateOrderRow,
} from './orders.repository.js';
import type { NewOrder, Order } from './orders.types.js';

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
   * Places many new orders in one insert, their events written with the transaction's (imported
   * history: thousands a second). Each result is the order placed, or undefined when its cart or
   * external id already had one (that one is left as it is).
   */
  placeOrders(
    ctx: Ctx,
    items: ReadonlyArray<{ input: NewOrder; opts?: PlaceOrderOptions }>,
  ): Promise<Array<Order | undefined>>;
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
  /**
   * Units of a SKU sold beyond the stock were allocated (restock or release date): lowers its lines'
   * `backorder.quantity` (in line order), dropping `backorder` from a line with none left waiting.
   */
  receiveBackordered(ctx: Ctx, orderId: string, sku: string, units: number): Promise<Order>;
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
  /** Which of these imported orders (source + external id) the hub has, in one read. */
  findExternalIds(
    ctx: Ctx,
    keys: ReadonlyArray<{ externalSource: string; externalId: string }>,
  ): Promise<Array<{ externalSource: string; externalId: string }>>;
  /** Orders newest first, a page of at most 200 (default 50). */
  listOrders(ctx: Ctx, filter: Partial<OrderFilter>): Promise<Order[]>;
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

    async placeOrders(ctx, items) {
      const drafts = items.map(({ input, opts = {} }) => {
        const d = draftOrder(ctx, input, opts);
        return { d, input, opts, order: stampActor(ctx, d.moved.order) };
      });
      return inTransaction(ctx, async (tx) => {
        const numbers = await insertOrders(
          tx.db,
          drafts.map((x) => x.order),
          numberPrefix,
        );
        const events: NewEvent[] = [];
        const placed = drafts.map(({ d, input, opts, order }) => {
          const number = numbers.get(order.id);
          if (number === undefined) return undefined;
          const o = { ...order, number };
          events.push(...placedEvents(o, d, opts, input.placedAt));
          return o;
        });
        await appendEvents(tx, events);
        return placed;
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

    receiveBackordered: (ctx, orderId, sku, units) =>
      inTransaction(ctx, async (tx) => {
        const order = await selectOrder(tx.db, orderId, true);
        if (!order) throw notFound('order', orderId);
        const lines = lowerBackorders(order.lines, sku, units);
        if (lines === order.lines) return order;
        return updateOrderRow(tx.db, { ...order, lines, updatedAt: tx.clock.now() });
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

    findExternalIds: (ctx, keys) => selectExternalIds(ctx.db, keys),

    listOrders: (ctx, filter) =>
      selectOrders(ctx.db, { ...filter, limit: Math.min(Math.max(filter.limit ?? 50, 1), 200) }),
  };
}

/** The lines with `units` fewer of the SKU waiting; the same array when nothing of it waited. */
export function lowerBackorders(lines: Order['lines'], sku: string, units: number): Order['lines'] {
  let left = units;
  let changed = false;
  const next = lines.map((l) => {
    if (left <= 0 || l.sku !== sku || !l.backorder) return l;
    const take = Math.min(left, l.backorder.quantity);
    left -= take;
    changed = true;
    const { backorder, ...rest } = l;
    return backorder.quantity - take > 0
      ? { ...rest, backorder: { ...backorder, quantity: backorder.quantity - take } }
      : rest;
  });
  return changed ? next : lines;
}
