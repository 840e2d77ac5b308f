// What the admin does to an order besides its state changes at the till or in the warehouse: refund
// money without a return (partly, or fully once delivered), write notes, and email the order
// confirmation again. Each is one transaction and an `order.*` event for the timeline.
import { AppError, formatMoney, money } from '../../kernel/index.js';
import type { Order, OrdersModule } from '../../modules/orders/index.js';
import type { PaymentsService, Refund, StoreCredit } from '../../modules/payments/index.js';
import { type Ctx, inTransaction } from '../../platform/context.js';
import { appendEvents } from '../../platform/events/event-log.js';
import type { Mailer } from '../../platform/mail/mailer.js';

export interface RefundInput {
  /** Minor units; without it, everything still refundable. */
  amount?: number | undefined;
  reason: string;
  method: 'original_payment' | 'store_credit';
}

export interface RefundResult {
  order: Order;
  refunds: Refund[];
  storeCredit: StoreCredit | null;
}

// A full refund closes the order; before delivery that is a cancellation (which also releases stock).
const FULLY_REFUNDABLE: ReadonlyArray<Order['status']> = ['fulfilled', 'completed'];
const REFUNDABLE: ReadonlyArray<Order['status']> = [
  'paid',
  'allocated',
  'partially_fulfilled',
  'fulfilled',
  'completed',
];

const amountProblem = (message: string, refundable: number) =>
  new AppError('refund_exceeds_payments', message, {
    details: { refundable },
    issues: [{ path: 'body.amount', message, code: 'refund_exceeds_payments' }],
  });

/** The confirmation mail: the number, the lines and the total, in plain text. */
export function confirmationMail(order: Order): { subject: string; text: string } {
  const price = (amount: number) => formatMoney(money(amount, order.currency));
  const lines = order.lines.map((l) => `${l.quantity} × ${l.title} (${l.sku})  ${price(l.total)}`);
  return {
    subject: `Your order ${order.number}`,
    text: [
      `Thank you for your order ${order.number}.`,
      '',
      ...lines,
      '',
      `Total: ${price(order.totals.grand)}`,
      '',
      `Quote ${order.number} when you contact us about this order.`,
    ].join('\n'),
  };
}

export function createOrderAdminFlow(deps: {
  orders: OrdersModule;
  payments: PaymentsService;
  mailer: Mailer;
}) {
  const { orders } = deps.orders;

  return {
    /** Refunds money without a return: part of it at any paid step, all of it once delivered. */
    async refund(ctx: Ctx, orderId: string, input: RefundInput): Promise<RefundResult> {
      return inTransaction(ctx, async (tx) => {
        const order = await orders.lockOrder(tx, orderId);
        if (!REFUNDABLE.includes(order.status)) {
          throw new AppError(
            'illegal_transition',
            `Order ${order.number} is ${order.status}: nothing to refund`,
            {
              details: { orderId: order.id, from: order.status, to: 'refunded' },
            },
          );
        }
        const refundable = order.paidAmount - order.refundedAmount;
        const amount = input.amount ?? refundable;
        if (amount <= 0 || amount > refundable) {
          throw amountProblem(
            `At most ${refundable} (minor units) can be refunded on this order`,
            refundable,
          );
        }
        const full = amount === refundable && order.refundedAmount + amount >= order.paidAmount;
        if (full && !FULLY_REFUNDABLE.includes(order.status)) {
          throw new AppError(
            'illegal_transition',
            `Order ${order.number} is ${order.status}: cancel it to refund everything (that also releases its stock)`,
            { details: { orderId: order.id, from: order.status, to: 'refunded' } },
          );
        }
        const refunded = await deps.payments.refund(tx, {
          orderId: order.id,
          amount,
          currency: order.currency,
          method: input.method,
          profileId: order.customerId,
          reason: input.reason,
          channelId: order.channelId,
        });
        if (!refunded.ok) {
          throw amountProblem(
            `At most ${refunded.refundable} can be refunded on this order`,
            refunded.refundable,
          );
        }
        const saved = await orders.recordRefund(tx, order, {
          amount,
          full,
          reason: input.reason,
          facts: {
            method: input.method,
            refundIds: refunded.value.refunds.map((r) => r.id),
            storeCreditCode: refunded.value.storeCredit?.code ?? null,
          },
        });
        return { order: saved, ...refunded.value };
      });
    },

    /** Emails the order confirmation to the order's address (again). */
    async sendConfirmation(ctx: Ctx, orderId: string): Promise<{ orderId: string; number: string }> {
      const order = await orders.getOrder(ctx, orderId);
      if (!order.email) {
        throw new AppError('order_without_email', `Order ${order.number} has no email address`);
      }
      if (!deps.mailer.configured) {
        throw new AppError(
          'mail_not_configured',
          'No mail relay is configured on this hub (OMNIHUB_SMTP_URL)',
        );
      }
      await deps.mailer.send({ to: order.email, ...confirmationMail(order) });
      await orders.recordConfirmationSent(ctx, order);
      return { orderId: order.id, number: order.number };
    },
  };
}
export type OrderAdminFlow = ReturnType<typeof createOrderAdminFlow>;
