// After checkout: paying a pending order (at the till or on pickup), cancelling (releases stock and
// voids or refunds the money), shipping a fulfilment, pickup at the till by code at the right store,
// handing over a till sale, and expiring click & collect orders nobody collected.
import { AppError } from '../../kernel/index.js';
import { type Order, type PickupRefused, refuseTransition } from '../../modules/orders/index.js';
import type { PaymentInput } from '../../modules/payments/index.js';
import { type Ctx, inTransaction } from '../../platform/context.js';
import { type CommerceDeps, channelOf } from './commerce.deps.js';
import { handOverAtCounter } from './order-stock.js';

const pickupProblem = (r: PickupRefused) =>
  new AppError('pickup_refused', r.message, {
    status: 422,
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

  /** A till sale left pending before till sales were paid at checkout goes out of the door once paid. */
  const handOverIfCarryOut = (tx: Ctx, order: Order) => handOverAtCounter(deps, tx, order);

  return {
    /**
     * Pays a pending order: `manual` confirms money taken at the till; any other provider is asked now.
     * A refusal changes nothing (402).
     */
    async pay(ctx: Ctx, orderId: string, input: PaymentInput): Promise<Order> {
      const order = await orders.getOrder(ctx, orderId);
      if (order.status !== 'pending') {
        throw new AppError(
          'illegal_transition',
          `Order ${order.id} is ${order.status}; only a pending order can be paid`,
          {
            status: 409,
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
          return handOverIfCarryOut(tx, await orders.markPaid(tx, locked, paid));
        });
      }
      const authorized = await deps.payments.authorize(ctx, {
        ...input,
        orderId,
        amount: open,
        currency: order.currency,
        channel,
      });
      if (!authorized.ok) {
        throw new AppError('payment_failed', `The payment was refused: ${authorized.message}`, {
          status: 402,
          details: { reason: authorized.code, provider: input.provider, orderId },
        });
      }
      try {
        return await inTransaction(ctx, async (tx) => {
          const locked = await orders.lockOrder(tx, orderId);
          if (locked.status !== 'pending')
            throw new AppError('conflict', `Order ${orderId} is ${locked.status} now`);
          await deps.payments.voidOpenPayments(tx, orderId, locked.channelId);
          await deps.payments.recordPayment(tx, authorized.value, locked.channelId);
          return handOverIfCarryOut(tx, await orders.markPaid(tx, locked, authorized.value.payment.amount));
        });
      } catch (err) {
        await deps.payments.voidAuthorization(ctx, authorized.value);
        throw err;
      }
    },

    /** Cancels an order not yet fulfilled: releases its stock, voids open payments and refunds taken money. */
    async cancel(ctx: Ctx, orderId: string, reason: string): Promise<Order> {
      return inTransaction(ctx, async (tx) => {
        const order = await orders.lockOrder(tx, orderId);
        const refused = refuseTransition(order.status, 'cancelled');
        if (refused) {
          throw new AppError('illegal_transition', `Order ${orderId} cannot be cancelled: ${refused}`, {
            status: 409,
            details: { orderId, from: order.status, to: 'cancelled' },
          });
        }
        for (const id of order.reservationIds) {
          try {
            await deps.inventory.release(tx, id);
          } catch (err) {
            if ((err as { code?: string }).code !== 'conflict') throw err;
          }
        }
        await fulfilments.closeOpenFulfilments(tx, orderId, 'cancelled');
        await deps.payments.voidOpenPayments(tx, orderId, order.channelId);
        let refunded = 0;
        if (order.paidAmount > 0) {
          const refund = await deps.payments.refund(tx, {
            orderId,
            amount: order.paidAmount - order.refundedAmount,
            currency: order.currency,
            method: 'original_payment',
            reason: `cancelled: ${reason}`,
            channelId: order.channelId,
          });
          if (refund.ok) refunded = order.paidAmount - order.refundedAmount;
        }
        return orders.cancel(tx, order, reason, { refunded });
      });
    },

    /** A shipment leaves its warehouse or store: stock goes out, the order follows. */
    async ship(ctx: Ctx, fulfilmentId: string, tracking: Record<string, unknown> | null): Promise<Order> {
      return inTransaction(ctx, async (tx) => {
        const f = await fulfilments.findFulfilment(tx, fulfilmentId);
        if (!f) throw new AppError('not_found', `fulfilment ${fulfilmentId} was not found`);
        const order = await orders.lockOrder(tx, f.orderId);
        if (order.status === 'pending') {
          throw new AppError('illegal_transition', `Order ${order.id} is not paid yet; it cannot ship`, {
            status: 409,
          });
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
     * marked it ready. An unpaid order is paid here (payment given). A refusal changes nothing (422).
     */
    async collect(
      ctx: Ctx,
      orderId: string,
      input: { code: string; locationId: string; payment?: PaymentInput | undefined },
    ) {
      const order = await orders.getOrder(ctx, orderId);
      const f = (await fulfilments.listFulfilments(ctx, orderId)).find((x) => x.kind === 'pickup');
      const check = fulfilments.checkPickup(order, f, input.code, input.locationId);
      if (!check.ok) throw pickupProblem(check);
      if (order.status === 'pending') {
        if (!input.payment) {
          throw new AppError('payment_required', 'This order is not paid yet: take the payment at the till', {
            status: 402,
            details: { open: order.totals.grand - order.paidAmount, currency: order.currency },
          });
        }
        await this.pay(ctx, orderId, input.payment);
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
        return (await fulfilments.recordCollected(tx, orderId, check.value.id)).order;
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
