// A customer's orders from every channel (web, app, tills, marketplaces), for their account page.
// The profile is resolved with its merged profiles, so orders placed before a merge show too.

import { AppError } from '../../kernel/index.js';
import type { ChannelsService } from '../../modules/channels/index.js';
import type { CustomersService } from '../../modules/customers/index.js';
import type { Fulfilment, FulfilmentsService, Order, OrdersService } from '../../modules/orders/index.js';
import type { PaymentsService } from '../../modules/payments/index.js';
import type { Ctx } from '../../platform/context.js';

export interface CustomerOrdersDeps {
  customers: Pick<CustomersService, 'view'>;
  orders: Pick<OrdersService, 'listOrders'>;
  channels: Pick<ChannelsService, 'listChannels'>;
  fulfilments: Pick<FulfilmentsService, 'listFulfilments'>;
  payments: Pick<PaymentsService, 'listRefunds'>;
}

export interface OrderRefundSummary {
  amount: number;
  currency: string;
  method: string;
  /** The store credit code the refund was issued as (a store-credit refund). */
  storeCreditCode: string | null;
  createdAt: Date;
}

export interface CustomerOrder extends Order {
  channel: { code: string; name: string; type: string } | null;
  /** Click & collect: where the pickup stands (to pick, ready, collected…); null otherwise. */
  pickupStatus: Fulfilment['status'] | null;
  refunds: OrderRefundSummary[];
}

const MAX = 200;

export function createCustomerOrdersFlow(deps: CustomerOrdersDeps) {
  return {
    /**
     * Newest first. A channel-bound caller (a shop acting for its signed-in shopper) gets the whole
     * history only for a customer that channel has seen; anyone else is "not found" to it.
     */
    async ordersOfCustomer(ctx: Ctx, customerId: string, o: { limit?: number } = {}) {
      const limit = Math.min(Math.max(o.limit ?? 50, 1), MAX);
      const view = await deps.customers.view(ctx, customerId, { timelineLimit: 1 });
      const seenHere =
        !ctx.channelId ||
        view.computed.channels.some((c) => c.channelId === ctx.channelId) ||
        view.identities.some((i) => i.channelId === ctx.channelId);
      if (!seenHere) throw new AppError('not_found', `Customer ${customerId} not found`);
      const profileIds = [view.id, ...view.mergedProfileIds];
      // The orders module filters one customer id at a time; a cluster has a handful of profiles.
      const lists = await Promise.all(
        profileIds.map((id) => deps.orders.listOrders(ctx, { customerId: id, limit })),
      );
      const orders = lists
        .flat()
        .sort((a, b) => (a.id < b.id ? 1 : -1))
        .slice(0, limit);
      const channels = new Map((await deps.channels.listChannels(ctx)).map((c) => [c.id, c]));
      // Only pickup orders and refunded ones need more: a few reads for a page of 50 at most.
      const [pickups, refunds] = await Promise.all([
        Promise.all(orders.map((o) => (o.pickup ? deps.fulfilments.listFulfilments(ctx, o.id) : []))),
        Promise.all(orders.map((o) => (o.refundedAmount > 0 ? deps.payments.listRefunds(ctx, o.id) : []))),
      ]);
      const items: CustomerOrder[] = orders.map((order, i) => {
        const c = channels.get(order.channelId);
        return {
          ...order,
          channel: c ? { code: c.code, name: c.name, type: c.type } : null,
          pickupStatus: pickups[i]?.find((f) => f.kind === 'pickup')?.status ?? null,
          refunds: (refunds[i] ?? [])
            .filter((r) => r.status === 'succeeded')
            .map((r) => ({
              amount: r.amount,
              currency: r.currency,
              method: r.method,
              storeCreditCode: r.storeCreditCode,
              createdAt: r.createdAt,
            })),
        };
      });
      return { customerId: view.id, items };
    },
  };
}

export type CustomerOrdersFlow = ReturnType<typeof createCustomerOrdersFlow>;
