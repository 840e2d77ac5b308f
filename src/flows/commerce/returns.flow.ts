// Return anywhere: an order from any channel comes back at any store (or by mail to a warehouse),
// partly or fully. Restocked units go on hand at the receiving location, written-off ones are
// recorded with their reason; the refund goes to the original payment or becomes store credit.
// One transaction: a refused return (more than bought, unknown SKU…) changes nothing.
import { AppError, newId } from '../../kernel/index.js';
import type { Order, OrderReturn, ReturnLineRequest } from '../../modules/orders/index.js';
import type { StoreCredit } from '../../modules/payments/index.js';
import { type Ctx, inTransaction } from '../../platform/context.js';
import type { CommerceDeps } from './commerce.deps.js';

export interface ReturnInput {
  lines: ReturnLineRequest[];
  /** Where it was received: a store or warehouse (id or code). */
  location: string;
  method: 'in_store' | 'mail';
  refundMethod: 'original_payment' | 'store_credit';
  /** The channel taking the return (e.g. the store's till). */
  channelId?: string | null | undefined;
}

export function createReturnsFlow(deps: CommerceDeps) {
  const { orders, returns } = deps.orders;

  return {
    async returnItems(
      ctx: Ctx,
      orderId: string,
      input: ReturnInput,
    ): Promise<{ order: Order; return: OrderReturn; storeCredit: StoreCredit | null }> {
      const location = await deps.inventory.findLocation(ctx, input.location);
      if (!location) {
        throw new AppError(
          'unknown_location',
          `There is no location ${input.location} to receive the return`,
          {
            issues: [{ path: 'body.location', message: 'unknown location' }],
          },
        );
      }
      return inTransaction(ctx, async (tx) => {
        const order = await orders.lockOrder(tx, orderId);
        const checked = returns.checkReturn(order, input.lines);
        if (!checked.ok) {
          throw new AppError('return_refused', checked.message, {
            details: {
              reason: checked.reason,
              ...(checked.sku ? { sku: checked.sku } : {}),
              ...(checked.returnable !== undefined ? { returnable: checked.returnable } : {}),
            },
          });
        }
        for (const line of checked.value) {
          if (line.disposition !== 'restock') continue;
          const r = await deps.inventory.adjust(tx, {
            kind: 'receive',
            sku: line.sku,
            location: location.id,
            quantity: line.quantity,
            reason: `return of order ${order.id}${line.reason ? `: ${line.reason}` : ''}`,
          });
          if (!r.ok)
            throw new AppError('restock_failed', `Could not restock ${line.sku} at ${location.code}`);
        }
        const refundAmount = checked.value.reduce((s, l) => s + l.refundAmount, 0);
        // Named before the refund so its events say which return they pay (the wallet takes a
        // return's points back by its lines, not by the money).
        const returnId = newId('ret');
        let storeCredit: StoreCredit | null = null;
        let refundIds: string[] = [];
        if (refundAmount > 0) {
          const refunded = await deps.payments.refund(tx, {
            orderId: order.id,
            amount: refundAmount,
            currency: order.currency,
            method: input.refundMethod,
            returnId,
            profileId: order.customerId,
            reason: `return at ${location.code}`,
            channelId: input.channelId ?? order.channelId,
          });
          if (!refunded.ok) {
            throw new AppError(
              'return_refused',
              `Only ${refunded.refundable} can still be refunded on this order`,
              {
                details: { reason: refunded.reason, refundable: refunded.refundable },
              },
            );
          }
          storeCredit = refunded.value.storeCredit;
          refundIds = refunded.value.refunds.map((r) => r.id);
        }
        const recorded = await returns.recordReturn(tx, order, {
          id: returnId,
          channelId: input.channelId ?? null,
          locationId: location.id,
          method: input.method,
          lines: checked.value,
          refundMethod: input.refundMethod,
          refundAmount,
          refundIds,
          storeCreditCode: storeCredit?.code ?? null,
        });
        return { ...recorded, storeCredit };
      });
    },
  };
}

export type ReturnsFlow = ReturnType<typeof createReturnsFlow>;
