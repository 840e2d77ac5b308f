// Return rules: anything delivered can come back, at any store or by mail, partly or fully, never
// more than was bought; each returned unit refunds its share of the line total (exact in minor units).
// Restocking and the money are the flow's job (inventory, payments); here the order follows.
import { fail, newId, ok, type Result } from '../../kernel/index.js';
import { type Ctx, inTransaction } from '../../platform/context.js';
import { appendEvents } from '../../platform/events/event-log.js';
import { advance, orderEvent, stampActor } from './order-changes.js';
import { ORDER_EVENTS } from './orders.events.js';
import { insertReturn, selectReturnsOfOrder, updateOrderRow } from './orders.repository.js';
import type { Order, OrderReturn, ReturnLine, ReturnRefused } from './orders.types.js';

const RETURNABLE = new Set(['partially_fulfilled', 'fulfilled', 'completed']);

export interface ReturnLineRequest {
  sku: string;
  quantity: number;
  disposition?: 'restock' | 'write_off' | undefined;
  reason?: string | undefined;
}

/** Checks a return against what was delivered and not yet returned; prices each line. Writes nothing. */
export function checkReturn(
  order: Order,
  requested: ReturnLineRequest[],
): Result<ReturnLine[], ReturnRefused> {
  if (!RETURNABLE.has(order.status)) {
    return fail<ReturnRefused>({
      reason: 'return_not_allowed',
      message: `Order ${order.id} is ${order.status}; only delivered items can be returned`,
    });
  }
  const lines = order.lines.map((l) => ({ ...l }));
  const out: ReturnLine[] = [];
  for (const r of requested) {
    const disposition = r.disposition ?? 'restock';
    if (disposition === 'write_off' && !r.reason?.trim()) {
      return fail<ReturnRefused>({
        reason: 'write_off_needs_reason',
        message: `Writing off ${r.sku} needs a reason`,
        sku: r.sku,
      });
    }
    const matching = lines.filter((l) => l.sku === r.sku);
    if (matching.length === 0) {
      return fail<ReturnRefused>({
        reason: 'unknown_sku',
        message: `Order ${order.id} has no line with SKU ${r.sku}`,
        sku: r.sku,
      });
    }
    const returnable = matching.reduce((s, l) => s + l.fulfilledQuantity - l.returnedQuantity, 0);
    if (r.quantity > returnable) {
      return fail<ReturnRefused>({
        reason: 'return_exceeds_purchase',
        message: `Only ${returnable} of ${r.sku} can be returned (bought ${matching.reduce((s, l) => s + l.quantity, 0)}, delivered and not yet returned ${returnable}), not ${r.quantity}`,
        sku: r.sku,
        returnable,
      });
    }
    let rest = r.quantity;
    let refundAmount = 0;
    for (const l of matching) {
      const take = Math.min(rest, l.fulfilledQuantity - l.returnedQuantity);
      if (take <= 0) continue;
      // The share of the line total for units returnedQuantity+1 … returnedQuantity+take, so that
      // returning every unit refunds exactly the line total.
      const before = Math.floor((l.total * l.returnedQuantity) / l.quantity);
      l.returnedQuantity += take;
      refundAmount += Math.floor((l.total * l.returnedQuantity) / l.quantity) - before;
      rest -= take;
    }
    out.push({
      sku: r.sku,
      quantity: r.quantity,
      disposition,
      reason: r.reason?.trim() || null,
      refundAmount,
    });
  }
  return ok(out);
}

export interface ReturnRecord {
  /** Chosen by the caller when the refund is made first and names it; else a new one. */
  id?: string;
  channelId: string | null;
  locationId: string | null;
  method: 'in_store' | 'mail';
  lines: ReturnLine[];
  refundMethod: 'original_payment' | 'store_credit';
  refundAmount: number;
  refundIds?: string[];
  storeCreditCode?: string | null;
}

/** Returns from anywhere: checked against what was delivered, recorded on the order with the refund. */
export interface ReturnsService {
  /** Checks a return against what was delivered and not yet returned; prices each line. Writes nothing. */
  checkReturn(order: Order, requested: ReturnLineRequest[]): Result<ReturnLine[], ReturnRefused>;
  /** Records a checked return on a locked order: returned quantities, refunded amount, status. */
  recordReturn(ctx: Ctx, order: Order, rec: ReturnRecord): Promise<{ order: Order; return: OrderReturn }>;
  /** An order's returns. */
  listReturns(ctx: Ctx, orderId: string): Promise<OrderReturn[]>;
}

export function createReturnsService(): ReturnsService {
  return {
    checkReturn,

    /** Records a checked return on a locked order: returned quantities, refunded amount, status. */
    async recordReturn(
      ctx: Ctx,
      order: Order,
      rec: ReturnRecord,
    ): Promise<{ order: Order; return: OrderReturn }> {
      return inTransaction(ctx, async (tx) => {
        const now = ctx.clock.now();
        const lines = order.lines.map((l) => ({ ...l }));
        for (const r of rec.lines) {
          let rest = r.quantity;
          for (const l of lines) {
            if (l.sku !== r.sku || rest === 0) continue;
            const take = Math.min(rest, l.fulfilledQuantity - l.returnedQuantity);
            l.returnedQuantity += take;
            rest -= take;
          }
        }
        const ret: OrderReturn = {
          id: rec.id ?? newId('ret'),
          orderId: order.id,
          channelId: rec.channelId,
          locationId: rec.locationId,
          method: rec.method,
          lines: rec.lines,
          refundMethod: rec.refundMethod,
          refundAmount: rec.refundAmount,
          currency: order.currency,
          createdBy: ctx.actor.id,
          createdAt: now,
        };
        let next: Order = {
          ...order,
          lines,
          refundedAmount: order.refundedAmount + rec.refundAmount,
          updatedAt: now,
        };
        const allBack = lines.every((l) => l.returnedQuantity >= l.quantity);
        const moved = allBack
          ? advance(next, 'refunded', now, 'everything was returned')
          : { order: next, events: [] };
        next = moved.order;
        await insertReturn(tx.db, ret);
        const saved = await updateOrderRow(tx.db, stampActor(tx, next));
        await appendEvents(tx, [
          orderEvent(saved, ORDER_EVENTS.returned, {
            returnId: ret.id,
            returnChannelId: rec.channelId,
            locationId: rec.locationId,
            method: rec.method,
            lines: rec.lines,
            refundMethod: rec.refundMethod,
            refundAmount: rec.refundAmount,
            refundIds: rec.refundIds ?? [],
            storeCreditCode: rec.storeCreditCode ?? null,
          }),
          ...moved.events,
        ]);
        return { order: saved, return: ret };
      });
    },

    listReturns: (ctx: Ctx, orderId: string) => selectReturnsOfOrder(ctx.db, orderId),
  };
}
