// HTTP routes of the admin's order actions that are neither stock nor state moves: refunds without a
// return, staff notes, and the confirmation email sent again.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { Order, OrderNote, OrderNoteInput, type OrdersModule } from '../../modules/orders/index.js';
import { Refund, StoreCredit } from '../../modules/payments/index.js';
import { onRecord, secretKeys } from '../../platform/http/route-policy.js';
import type { OrderAdminFlow } from './order-admin.flow.js';

const Params = z.object({ id: z.string() });

export const orderAdminRoutes =
  (deps: { orderAdmin: OrderAdminFlow; orders: OrdersModule }): FastifyPluginAsyncZod =>
  async (app) => {
    app.post(
      '/orders/:id/refunds',
      {
        config: { policy: secretKeys('orders:write', onRecord('order')) },
        schema: {
          tags: ['orders'],
          summary: 'Refund money without a return: part of it, or all of it once delivered',
          description:
            'Without amount, everything still refundable. 422 naming body.amount when it exceeds what was paid and not refunded; 409 for an unpaid, cancelled or (for a full refund) undelivered order.',
          params: Params,
          body: z.strictObject({
            amount: z.number().int().positive().max(1e13).optional().describe('minor units'),
            reason: z.string().trim().min(1).max(500),
            method: z.enum(['original_payment', 'store_credit']).default('original_payment'),
          }),
          response: {
            201: z.object({ order: Order, refunds: z.array(Refund), storeCredit: StoreCredit.nullable() }),
          },
        },
      },
      async (request, reply) =>
        reply.code(201).send(await deps.orderAdmin.refund(request.ctx, request.params.id, request.body)),
    );

    app.get(
      '/orders/:id/notes',
      {
        config: { policy: secretKeys('orders:read', onRecord('order')) },
        schema: {
          tags: ['orders'],
          summary: 'Staff notes on an order, oldest first',
          params: Params,
          response: { 200: z.object({ items: z.array(OrderNote) }) },
        },
      },
      async (request) => {
        const order = await deps.orders.orders.getOrder(request.ctx, request.params.id);
        return { items: await deps.orders.notes.listNotes(request.ctx, order.id) };
      },
    );

    app.post(
      '/orders/:id/notes',
      {
        config: { policy: secretKeys('orders:write', onRecord('order')) },
        schema: {
          tags: ['orders'],
          summary: 'Write a staff note on an order (emits order.note_added)',
          params: Params,
          body: OrderNoteInput,
          response: { 201: OrderNote },
        },
      },
      async (request, reply) =>
        reply
          .code(201)
          .send(await deps.orders.notes.addNote(request.ctx, request.params.id, request.body.text)),
    );

    app.post(
      '/orders/:id/confirmation',
      {
        config: { policy: secretKeys('orders:write', onRecord('order')) },
        schema: {
          tags: ['orders'],
          summary:
            "Email the order confirmation again to the order's address (emits order.confirmation_sent)",
          description:
            '422 when the order has no email address; 503 mail_not_configured without a mail relay.',
          params: Params,
          response: { 200: z.object({ orderId: z.string(), number: z.string() }) },
        },
      },
      async (request) => deps.orderAdmin.sendConfirmation(request.ctx, request.params.id),
    );
  };
