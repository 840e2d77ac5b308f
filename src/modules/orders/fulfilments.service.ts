// Fulfilment rules: planned shipments and pickups per location (with the routing reason), a pickup
// becoming ready, shipping, and collection at the till with the code at the right store. Stock moves
// are the flow's job (inventory); here the order's lines and status follow.
import { AppError, fail, newId, notFound, ok, type Result } from '../../kernel/index.js';
import { type Ctx, inTransaction } from '../../platform/context.js';
import { appendEvents, type NewEvent } from '../../platform/events/event-log.js';
import { advance, orderEvent, stampActor } from './order-changes.js';
import { ORDER_EVENTS } from './orders.events.js';
import {
  type FulfilmentTaskFilter,
  insertFulfilments,
  selectFulfilment,
  selectFulfilmentsOfOrder,
  selectFulfilmentTasks,
  selectOrder,
  updateFulfilmentStatus,
  updateOrderRow,
} from './orders.repository.js';
import type {
  Fulfilment,
  FulfilmentKind,
  FulfilmentLine,
  Order,
  PickupRefused,
  Routing,
} from './orders.types.js';

export interface FulfilmentPlan {
  kind: FulfilmentKind;
  locationId: string;
  lines: FulfilmentLine[];
  routing: Routing;
}

/** Open fulfilments for an order's plans. */
export const newFulfilments = (orderId: string, plans: FulfilmentPlan[], now: Date): Fulfilment[] =>
  plans.map((p) => ({
    id: newId('ful'),
    orderId,
    kind: p.kind,
    locationId: p.locationId,
    status: 'open',
    lines: p.lines,
    routing: p.routing,
    tracking: null,
    createdAt: now,
    updatedAt: now,
  }));

export const fulfilmentPlannedEvent = (order: Order, f: Fulfilment): NewEvent =>
  orderEvent(order, ORDER_EVENTS.fulfilmentPlanned, {
    fulfilmentId: f.id,
    kind: f.kind,
    locationId: f.locationId,
    lines: f.lines,
    routing: f.routing,
  });

/** Adds shipped or collected units to the order's lines and moves it to (partially) fulfilled, then completed. */
function fulfilLines(order: Order, shipped: FulfilmentLine[], at: Date, reason: string) {
  const lines = order.lines.map((l) => ({ ...l }));
  for (const s of shipped) {
    let rest = s.quantity;
    for (const l of lines) {
      if (l.sku !== s.sku || rest === 0) continue;
      const take = Math.min(rest, l.quantity - l.fulfilledQuantity);
      l.fulfilledQuantity += take;
      rest -= take;
    }
  }
  const all = lines.every((l) => l.fulfilledQuantity >= l.quantity);
  let moved = advance(
    { ...order, lines, updatedAt: at },
    all ? 'fulfilled' : 'partially_fulfilled',
    at,
    reason,
  );
  if (all && moved.order.paidAmount >= moved.order.totals.grand) {
    const done = advance(moved.order, 'completed', at, 'fulfilled and paid');
    moved = { order: done.order, events: [...moved.events, ...done.events] };
  }
  return moved;
}

/**
 * Where an order's parts leave from and how they get to the customer: planned at checkout, then
 * ready for pickup, collected, handed over or shipped, each moving the order along its state table.
 */
export interface FulfilmentsService {
  /** Records where each part of an order leaves from and why (routing), in one statement. */
  planFulfilments(ctx: Ctx, order: Order, plans: FulfilmentPlan[]): Promise<Fulfilment[]>;
  /** planFulfilments for several orders in one statement (imported orders in a batch). */
  planFulfilmentsMany(
    ctx: Ctx,
    items: ReadonlyArray<{ order: Order; plans: FulfilmentPlan[] }>,
  ): Promise<Fulfilment[][]>;
  /** Store staff have picked a click & collect order: it waits at the counter. */
  markReadyForPickup(ctx: Ctx, fulfilmentId: string): Promise<{ order: Order; fulfilment: Fulfilment }>;
  /** Checks a pickup at the till (code and store) without changing anything; a refusal says why. */
  checkPickup(
    order: Order,
    f: Fulfilment | undefined,
    code: string,
    locationId: string,
  ): Result<Fulfilment, PickupRefused>;
  /** The customer took the order at the till: the pickup is collected, the order fulfilled (and completed if paid). */
  recordCollected(
    ctx: Ctx,
    orderId: string,
    fulfilmentId: string,
  ): Promise<{ order: Order; fulfilment: Fulfilment }>;
  /** A shipment left its warehouse or store. */
  recordShipped(
    ctx: Ctx,
    fulfilmentId: string,
    tracking: Record<string, unknown> | null,
  ): Promise<{ order: Order; fulfilment: Fulfilment }>;
  /** Closes the open fulfilments of a cancelled or expired order. */
  closeOpenFulfilments(ctx: Ctx, orderId: string, status: 'cancelled' | 'expired'): Promise<Fulfilment[]>;
  /** An order's fulfilments. */
  listFulfilments(ctx: Ctx, orderId: string): Promise<Fulfilment[]>;
  /** A fulfilment by id, or undefined. */
  findFulfilment(ctx: Ctx, id: string): Promise<Fulfilment | undefined>;
  /** A store's or warehouse's work list (open and ready fulfilments), a page of at most 200 (default 50). */
  listTasks(ctx: Ctx, f: FulfilmentTaskFilter & { limit?: number }): Promise<Fulfilment[]>;
}

export function createFulfilmentsService(): FulfilmentsService {
  async function lockOrderOf(ctx: Ctx, orderId: string): Promise<Order> {
    const order = await selectOrder(ctx.db, orderId, true);
    if (!order) throw notFound('order', orderId);
    return order;
  }

  return {
    async planFulfilmentsMany(ctx, items) {
      const lists = items.map((i) => newFulfilments(i.order.id, i.plans, ctx.clock.now()));
      await insertFulfilments(
        ctx,
        lists.flat(),
        lists.flatMap((list, k) => list.map((f) => fulfilmentPlannedEvent(items[k]!.order, f))),
      );
      return lists;
    },

    /** Records where each part of an order leaves from and why (routing), in one statement. */
    async planFulfilments(ctx: Ctx, order: Order, plans: FulfilmentPlan[]): Promise<Fulfilment[]> {
      const list = newFulfilments(order.id, plans, ctx.clock.now());
      return inTransaction(ctx, async (tx) => {
        await insertFulfilments(
          tx,
          list,
          list.map((f) => fulfilmentPlannedEvent(order, f)),
        );
        return list;
      });
    },

    /** Store staff have picked a click & collect order: it waits at the counter. */
    async markReadyForPickup(
      ctx: Ctx,
      fulfilmentId: string,
    ): Promise<{ order: Order; fulfilment: Fulfilment }> {
      return inTransaction(ctx, async (tx) => {
        const f = await selectFulfilment(tx.db, fulfilmentId, true);
        if (!f) throw notFound('fulfilment', fulfilmentId);
        if (f.kind !== 'pickup' || f.status !== 'open') {
          throw new AppError(
            'fulfilment_not_open',
            `Fulfilment ${f.id} is a ${f.kind} that is ${f.status}; only an open pickup can become ready`,
            {
              details: { kind: f.kind, status: f.status },
            },
          );
        }
        const order = await lockOrderOf(tx, f.orderId);
        if (order.status === 'cancelled' || order.status === 'refunded') {
          throw new AppError('illegal_transition', `Order ${order.id} is ${order.status}`);
        }

        const ready = await updateFulfilmentStatus(tx.db, f.id, 'ready_for_pickup', ctx.clock.now());
        await appendEvents(tx, [
          orderEvent(order, ORDER_EVENTS.readyForPickup, {
            fulfilmentId: f.id,
            locationId: f.locationId,
            pickupCode: order.pickup?.code ?? null,
            email: order.email,
            phone: order.phone,
          }),
        ]);
        return { order, fulfilment: ready };
      });
    },

    /**
     * Checks a pickup at the till (code and store) without changing anything; a refusal says why.
     */
    checkPickup(
      order: Order,
      f: Fulfilment | undefined,
      code: string,
      locationId: string,
    ): Result<Fulfilment, PickupRefused> {
      if (!order.pickup || !f) {
        return fail<PickupRefused>({
          reason: 'not_a_pickup_order',
          message: `Order ${order.id} is not a click & collect order`,
        });
      }
      if (order.pickup.code !== code.trim().toUpperCase()) {
        return fail<PickupRefused>({
          reason: 'wrong_pickup_code',
          message: 'The pickup code does not match this order',
        });
      }
      if (order.pickup.locationId !== locationId) {
        return fail<PickupRefused>({
          reason: 'wrong_pickup_location',
          message: `This order is waiting at another store (${order.pickup.locationId})`,
          expectedLocationId: order.pickup.locationId,
        });
      }
      if (f.status !== 'ready_for_pickup') {
        return fail<PickupRefused>({
          reason: 'not_ready_for_pickup',
          message:
            f.status === 'collected'
              ? 'This order was already collected'
              : `The pickup is ${f.status}, not ready`,
        });
      }
      return ok(f);
    },

    /** The customer took the order at the till: the pickup is collected, the order fulfilled (and completed if paid). */
    async recordCollected(
      ctx: Ctx,
      orderId: string,
      fulfilmentId: string,
    ): Promise<{ order: Order; fulfilment: Fulfilment }> {
      return inTransaction(ctx, async (tx) => {
        const order = await lockOrderOf(tx, orderId);
        const now = ctx.clock.now();

        const f = await updateFulfilmentStatus(tx.db, fulfilmentId, 'collected', now);
        const counter = f.kind === 'counter';
        const moved = fulfilLines(
          order,
          f.lines,
          now,
          counter ? 'handed over at the till' : 'collected at the store',
        );
        const saved = await updateOrderRow(tx.db, stampActor(tx, moved.order));
        await appendEvents(tx, [
          orderEvent(saved, counter ? ORDER_EVENTS.handedOver : ORDER_EVENTS.pickedUp, {
            fulfilmentId: f.id,
            locationId: f.locationId,
          }),
          ...moved.events,
        ]);
        return { order: saved, fulfilment: f };
      });
    },

    /** A shipment left its warehouse or store. */
    async recordShipped(
      ctx: Ctx,
      fulfilmentId: string,
      tracking: Record<string, unknown> | null,
    ): Promise<{ order: Order; fulfilment: Fulfilment }> {
      return inTransaction(ctx, async (tx) => {
        const current = await selectFulfilment(tx.db, fulfilmentId, true);
        if (!current) throw notFound('fulfilment', fulfilmentId);
        if (current.kind === 'pickup' || current.status !== 'open') {
          throw new AppError(
            'fulfilment_not_open',
            `Fulfilment ${current.id} is a ${current.kind} that is ${current.status}; only an open shipment can ship`,
            {
              details: { kind: current.kind, status: current.status },
            },
          );
        }
        const order = await lockOrderOf(tx, current.orderId);
        const now = ctx.clock.now();

        const f = await updateFulfilmentStatus(tx.db, current.id, 'shipped', now, tracking);
        const moved = fulfilLines(order, f.lines, now, `shipped from ${f.locationId}`);
        const saved = await updateOrderRow(tx.db, stampActor(tx, moved.order));
        const events: NewEvent[] = [
          orderEvent(saved, ORDER_EVENTS.shipped, {
            fulfilmentId: f.id,
            kind: f.kind,
            locationId: f.locationId,
            tracking,
          }),
          ...moved.events,
        ];
        await appendEvents(tx, events);
        return { order: saved, fulfilment: f };
      });
    },

    /** Closes the open fulfilments of a cancelled or expired order. */
    async closeOpenFulfilments(
      ctx: Ctx,
      orderId: string,
      status: 'cancelled' | 'expired',
    ): Promise<Fulfilment[]> {
      return inTransaction(ctx, async (tx) => {
        const open = (await selectFulfilmentsOfOrder(tx.db, orderId, true)).filter(
          (f) => f.status === 'open' || f.status === 'ready_for_pickup',
        );
        const out: Fulfilment[] = [];
        for (const f of open) out.push(await updateFulfilmentStatus(tx.db, f.id, status, ctx.clock.now()));
        return out;
      });
    },

    listFulfilments: (ctx: Ctx, orderId: string) => selectFulfilmentsOfOrder(ctx.db, orderId),
    findFulfilment: (ctx: Ctx, id: string) => selectFulfilment(ctx.db, id),
    listTasks: (ctx: Ctx, f: FulfilmentTaskFilter & { limit?: number }) =>
      selectFulfilmentTasks(ctx.db, { ...f, limit: Math.min(Math.max(f.limit ?? 50, 1), 200) }),
  };
}
