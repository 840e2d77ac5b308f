// HTTP routes of the orders module: reads, and the store's pickup task list. Changes that move stock
// or money (checkout, pay, cancel, ship, pickup, return) are flow routes.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { channelScope, fulfilmentTasksVisibleTo, tillStoreLocations } from '../../platform/http/auth-hook.js';
import { onRecord, secretKeys } from '../../platform/http/route-policy.js';
import type { FulfilmentsService } from './fulfilments.service.js';
import { ORDER_STATUSES } from './order-state.js';
import type { OrdersService } from './orders.service.js';
import { FULFILMENT_STATUSES, Fulfilment, Order, OrderReturn } from './orders.types.js';
import type { ReturnsService } from './returns.service.js';

export const OrderDetail = Order.extend({ fulfilments: z.array(Fulfilment), returns: z.array(OrderReturn) });

export const ordersRoutes =
  (svc: {
    orders: OrdersService;
    fulfilments: FulfilmentsService;
    returns: ReturnsService;
  }): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/orders',
      {
        config: { policy: secretKeys('orders:read', 'own') },
        schema: {
          tags: ['orders'],
          summary: 'List orders, newest first (a channel-bound key sees its channel, or one pickup code)',
          querystring: z.strictObject({
            channelId: z.string().optional(),
            status: z.enum(ORDER_STATUSES).optional(),
            customerId: z.string().optional(),
            email: z.string().optional(),
            phone: z.string().optional(),
            number: z.string().max(40).optional().describe('the order number, e.g. OH-10234 (any case)'),
            q: z
              .string()
              .min(1)
              .max(320)
              .optional()
              .describe(
                'exact match on the order number, id, customer id, email or phone (a till finding an order for a return)',
              ),
            placedFrom: z.coerce.date().optional().describe('placed at or after this moment (ISO 8601)'),
            placedBefore: z.coerce.date().optional().describe('placed before this moment (ISO 8601)'),
            pickupLocationId: z.string().optional(),
            pickupCode: z
              .string()
              .trim()
              .min(1)
              .optional()
              .describe('the exact code (case-insensitive); never blank'),
            cursor: z.string().optional().describe('nextCursor of the previous page'),
            limit: z.coerce.number().int().min(1).max(200).default(50),
          }),
          response: { 200: z.object({ items: z.array(Order), nextCursor: z.string().nullable() }) },
        },
      },
      async (request) => {
        const q = request.query;
        const scoped = (await channelScope(request, q.channelId)) ?? undefined;
        // A till finds a click & collect order of any channel by its exact code when the order waits
        // at the till's own store, and any channel's order by its exact number, id, customer, email or phone
        // (`q`: to take a return anywhere); otherwise a bound key sees its channel only.
        const tillStores =
          request.ctx.actor.channelId && (q.pickupCode || q.q) ? await tillStoreLocations(request) : [];
        const byCodeAtOwnStore = tillStores.length > 0 && !!q.pickupCode;
        const byExactIdentifier = tillStores.length > 0 && !q.pickupCode && !!q.q;
        const items = await svc.orders.listOrders(request.ctx, {
          ...q,
          pickupCode: q.pickupCode?.toUpperCase(),
          channelId: byCodeAtOwnStore || byExactIdentifier ? undefined : scoped,
          ...(byCodeAtOwnStore ? { pickupLocationIds: tillStores } : {}),
          before: q.cursor,
          limit: q.limit,
        });
        return { items, nextCursor: items.length === q.limit ? items.at(-1)!.id : null };
      },
    );

    app.get(
      '/orders/:id',
      {
        config: { policy: secretKeys('orders:read', onRecord('order', 'id', 'till.return-any-channel')) },
        schema: {
          tags: ['orders'],
          summary: 'An order with its fulfilments and returns',
          params: z.object({ id: z.string() }),
          response: { 200: OrderDetail },
        },
      },
      async (request) => {
        const order = await svc.orders.getOrder(request.ctx, request.params.id);
        const [fulfilments, returns] = await Promise.all([
          svc.fulfilments.listFulfilments(request.ctx, order.id),
          svc.returns.listReturns(request.ctx, order.id),
        ]);
        return { ...order, fulfilments, returns };
      },
    );

    app.get(
      '/fulfilments',
      {
        config: { policy: secretKeys('orders:read', 'own') },
        schema: {
          tags: ['orders'],
          summary: "A location's fulfilment tasks (e.g. a store's open click & collect pickups)",
          querystring: z.strictObject({
            locationId: z.string().optional(),
            status: z.enum(FULFILMENT_STATUSES).optional(),
            limit: z.coerce.number().int().min(1).max(200).default(50),
          }),
          response: { 200: z.object({ items: z.array(Fulfilment) }) },
        },
      },
      async (request) => ({
        items: await svc.fulfilments.listTasks(request.ctx, {
          ...request.query,
          visibleTo: await fulfilmentTasksVisibleTo(request),
        }),
      }),
    );

    app.post(
      '/fulfilments/:id/ready-for-pickup',
      {
        config: {
          policy: secretKeys('orders:write', onRecord('fulfilment', 'id', 'till.fulfil-at-own-store')),
        },
        schema: {
          tags: ['orders'],
          summary: 'Store staff have picked a click & collect order (emits order.ready_for_pickup)',
          params: z.object({ id: z.string() }),
          response: { 200: Fulfilment },
        },
      },
      async (request) =>
        (await svc.fulfilments.markReadyForPickup(request.ctx, request.params.id)).fulfilment,
    );
  };
