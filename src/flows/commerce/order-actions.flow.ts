// After checkout: paying a pending order (at the till or on pickup), cancelling (releases stock and
// voids or refunds the money), shipping a fulfilment, pickup at the till by code at the right store,
// handing over a till sale, and expiring click & collect orders nobody collected.
import { AppError, isAppError, ok, type Result, withCompensation } from '../../kernel/index.js';
import { advance, type Order, type PickupRefused, refuseTransition } from '../../modules/orders/index.js';
import type { PaymentInput } from '../../modules/payments/index.js';
import { type Ctx, inTransaction } from '../../platform/context.js';
import { type CommerceDeps, channelOf, logUndoFailures } from './commerce.deps.js';
import { handOverAtCounter } from './order-stock.js';
import { authorizeTenders, type PaymentRefused } from './take-payment.js';

const pickupProblem = (r: PickupRefused) =>
  new AppError('pickup_refused', r.message, {
    details: {
      reason: r.reason,
      ...(r.expectedLocationId ? { expectedLocationId: r.expectedLocationId } : {}),
    },
  });

export function createOrderActionsFlow(deps: CommerceDeps) {
  const { orders, fulfilments } = deps.orders;

  /** Fulfils the inventory reservations behind a fulfilment (on-hand goes down). */
  async function takeStock(tx: Ctx, reservationIds: Array<string | null>) {
    for (const id of reservationIds) if (id) await deps.inventory.fulfil(tx, id);
  }

  /** Records money received for a pending order: it becomes paid, then allocated (its stock is reserved). */
  async function settle(tx: Ctx, order: Order, amount: number): Promise<Order> {
    let next: Order = { ...order, paidAmount: order.paidAmount + amount, updatedAt: tx.clock.now() };
    const moved = advance(next, 'allocated', tx.clock.now(), 'paid');
    next = moved.order;
    return orders.save(tx, next, moved.events);
  }

  /** A till sale left pending before till sales were paid at checkout goes out of the door once paid. */
  const handOverIfCarryOut = (tx: Ctx, order: Order) => handOverAtCounter(deps, tx, order);

  return {
    /**
     * Pays a pending order: `manual` confirms money taken at the till; any other provider is asked now.
     * A refusal changes nothing and is returned (the route answers 402).
     */
    async pay(ctx: Ctx, orderId: string, input: PaymentInput): Promise<Result<Order, PaymentRefused>> {
      const order = await orders.getOrder(ctx, orderId);
      if (order.status !== 'pending') {
        throw new AppError(
          'illegal_transition',
          `Order ${order.id} is ${order.status}; only a pending order can be paid`,
          {
            details: { orderId, from: order.status, to: 'paid' },
          },
        );
      }
      // The channel taking the money: a till collecting a webshop order is paid on the till's terms.
      const channel = await channelOf(deps, ctx, ctx.channelId ?? order.channelId);
      // The gate for every way an order gets paid after checkout (the till, pickup), before any write.
      deps.payments.requirePaymentAllowed(ctx, input.provider, channel);
      const open = order.totals.grand - order.paidAmount;
      if (input.provider === 'manual') {
        return inTransaction(ctx, async (tx) => {
          const locked = await orders.lockOrder(tx, orderId);
          const pending = (await deps.payments.listPayments(tx, orderId)).filter(
            (p) => p.status === 'pending',
          );
          for (const p of pending) await deps.payments.confirmManualPayment(tx, p.id, locked.channelId);
          const paid = pending.reduce((s, p) => s + p.amount, 0) || open;
          return ok(await handOverIfCarryOut(tx, await settle(tx, locked, paid)));
        });
      }
      // Should recording the payment fail, the authorization is voided.
      return withCompensation(logUndoFailures(ctx), async (steps) => {
        const taken = await authorizeTenders(deps, ctx, steps, [
          { ...input, orderId, amount: open, currency: order.currency, channel },
        ]);
        if (!taken.ok) return taken;
        const authorized = taken.value[0]!;
        return inTransaction(ctx, async (tx) => {
          const locked = await orders.lockOrder(tx, orderId);
          if (locked.status !== 'pending')
            throw new AppError('illegal_transition', `Order ${orderId} is ${locked.status} now`, {
              details: { orderId, from: locked.status, to: 'paid' },
            });
          await deps.payments.voidOpenPayments(tx, orderId, locked.channelId);
          await deps.payments.recordPayment(tx, authorized, locked.channelId);
          return ok(await handOverIfCarryOut(tx, await settle(tx, locked, authorized.payment.amount)));
        });
      });
    },

    /** Cancels an order not yet fulfilled: releases its stock, voids open payments and refunds taken money. */
    async cancel(ctx: Ctx, orderId: string, reason: string): Promise<Order> {
      return inTransaction(ctx, async (tx) => {
        const order = await orders.lockOrder(tx, orderId);
        const refused = refuseTransition(order.status, 'cancelled');
        if (refused) {
          throw new AppError('illegal_transition', `Order ${orderId} cannot be cancelled: ${refused}`, {
            details: { orderId, from: order.status, to: 'cancelled' },
          });
        }
        const moved = advance(order, 'cancelled', tx.clock.now(), reason);
        for (const id of order.reservationIds) {
          try {
            await deps.inventory.release(tx, id);
          } catch (err) {
            if (!isAppError(err, 'reservation_transition_refused')) throw err;
          }
        }
        await fulfilments.closeOpenFulfilments(tx, orderId, 'cancelled');
        await deps.payments.voidOpenPayments(tx, orderId, order.channelId);
        let next = moved.order;
        if (order.paidAmount > 0) {
          const refunded = await deps.payments.refund(tx, {
            orderId,
            amount: order.paidAmount - order.refundedAmount,
            currency: order.currency,
            method: 'original_payment',
            reason: `cancelled: ${reason}`,
            channelId: order.channelId,
          });
          if (refunded.ok) next = { ...next, refundedAmount: order.paidAmount };
        }
        return orders.save(tx, next, moved.events);
      });
    },

    /** A shipment leaves its warehouse or store: stock goes out, the order follows. */
    async ship(ctx: Ctx, fulfilmentId: string, tracking: Record<string, unknown> | null): Promise<Order> {
      return inTransaction(ctx, async (tx) => {
        const f = await fulfilments.findFulfilment(tx, fulfilmentId);
        if (!f) throw new AppError('not_found', `fulfilment ${fulfilmentId} was not found`);
        const order = await orders.lockOrder(tx, f.orderId);
        if (order.status === 'pending') {
          throw new AppError('illegal_transition', `Order ${order.id} is not paid yet; it cannot ship`);
        }
        const shipped = await fulfilments.recordShipped(tx, fulfilmentId, tracking);
        await takeStock(
          tx,
          f.lines.map((l) => l.reservationId),
        );
        return shipped.order;
      });
    },

    /**
     * Click & collect at the till: the code must match, at the store the order waits at, once staff
     * marked it ready. An unpaid order is paid here (payment given). A refusal changes nothing (422;
     * a refused payment is returned, as from pay).
     */
    async collect(
      ctx: Ctx,
      orderId: string,
      input: { code: string; locationId: string; payment?: PaymentInput | undefined },
    ): Promise<Result<Order, PaymentRefused>> {
      const order = await orders.getOrder(ctx, orderId);
      const f = (await fulfilments.listFulfilments(ctx, orderId)).find((x) => x.kind === 'pickup');
      const check = fulfilments.checkPickup(order, f, input.code, input.locationId);
      if (!check.ok) throw pickupProblem(check);
      if (order.status === 'pending') {
        if (!input.payment) {
          throw new AppError('payment_required', 'This order is not paid yet: take the payment at the till', {
            details: { open: order.totals.grand - order.paidAmount, currency: order.currency },
          });
        }
        const paid = await this.pay(ctx, orderId, input.payment);
        if (!paid.ok) return paid;
      }
      return inTransaction(ctx, async (tx) => {
        const locked = await orders.lockOrder(tx, orderId);
        const again = fulfilments.checkPickup(
          locked,
          await fulfilments.findFulfilment(tx, check.value.id),
          input.code,
          input.locationId,
        );
        if (!again.ok) throw pickupProblem(again);
        await takeStock(
          tx,
          check.value.lines.map((l) => l.reservationId),
        );
        return ok((await fulfilments.recordCollected(tx, orderId, check.value.id)).order);
      });
    },

    /** Cancels click & collect orders whose pickup time passed; their stock goes back on sale. */
    async expireUncollected(ctx: Ctx): Promise<string[]> {
      const ids = await orders.expiredPickups(ctx, 200);
      for (const id of ids) await this.cancel(ctx, id, 'not collected in time');
      return ids;
    },
  };
}

export type OrderActionsFlow = ReturnType<typeof createOrderActionsFlow>;
