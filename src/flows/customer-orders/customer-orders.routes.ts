// GET /api/customers/{id}/orders: the account page's "orders from all channels". A storefront's key
// is bound to its channel and sees only that channel's orders in /api/orders; this read is allowed
// across channels because it is the signed-in shopper's own history (the shop vouches for them, as
// when it identifies them), and only for customers that channel has seen.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { FULFILMENT_STATUSES, Order } from '../../modules/orders/index.js';
import { secretKeys } from '../../platform/http/route-policy.js';
import type { CustomerOrdersFlow } from './customer-orders.flow.js';

const CustomerOrder = Order.extend({
  channel: z.object({ code: z.string(), name: z.string(), type: z.string() }).nullable(),
  pickupStatus: z
    .enum(FULFILMENT_STATUSES)
    .nullable()
    .describe('click & collect: where the pickup stands (open, ready_for_pickup, collected…)'),
  refunds: z.array(
    z.object({
      amount: z.number().int(),
      currency: z.string(),
      method: z.string(),
      storeCreditCode: z.string().nullable().describe('a refund to store credit: the code to spend it with'),
      createdAt: z.date(),
    }),
  ),
});

export const customerOrdersRoutes =
  (flow: CustomerOrdersFlow): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/customers/:id/orders',
      {
        config: { policy: secretKeys('orders:read', 'own') },
        schema: {
          tags: ['customers', 'orders'],
          summary: "A customer's orders from every channel, newest first (merged profiles included)",
          description:
            'A channel-bound key may read this for a customer seen on its channel (their own history on the account page).',
          params: z.object({ id: z.string() }),
          querystring: z.strictObject({ limit: z.coerce.number().int().min(1).max(200).default(50) }),
          response: { 200: z.object({ customerId: z.string(), items: z.array(CustomerOrder) }) },
        },
      },
      async (request) =>
        flow.ordersOfCustomer(request.ctx, request.params.id, { limit: request.query.limit }),
    );
  };
