// HTTP routes of a till's sales: the sale on its screen and its parked sales, kept on the hub so
// they survive a reload or a second device. Till keys only (secret or staff, bound to the store's
// channel); an unbound key names the till's channel.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { AppError } from '../../kernel/index.js';
import { Cart, Sku, TillSaleStatus } from '../../modules/carts/index.js';
import { FULFILMENT_STATUSES } from '../../modules/orders/index.js';
import { channelScope, fulfilmentTasksVisibleTo } from '../../platform/http/auth-hook.js';
import { onRecord, secretKeys } from '../../platform/http/route-policy.js';
import type { CommerceFlows } from './commerce.flows.js';

const TillSale = z.object({
  cartId: z.string(),
  tillChannelId: z.string().describe('the store channel whose till keeps the sale'),
  status: TillSaleStatus.describe('open: on the till’s screen; parked: set aside under a name'),
  name: z.string().nullable(),
  parkedAt: z.date().nullable(),
  updatedAt: z.date(),
  cart: Cart,
  linesLostHold: z.array(z.string()).describe('lines whose stock hold expired since the sale was last read'),
});
const Params = z.object({ id: z.string().describe('the cart of the sale') });
const ChannelQuery = z.strictObject({
  channelId: z.string().optional().describe('the till’s channel; required unless the key is bound to one'),
});

const TillPickup = z.object({
  fulfilmentId: z.string(),
  orderId: z.string(),
  orderNumber: z.string(),
  status: z.enum(FULFILMENT_STATUSES).describe('open: to pick; ready_for_pickup: on the shelf'),
  locationId: z.string(),
  placedAt: z.date(),
  updatedAt: z.date(),
  customer: z.object({
    id: z.string().nullable(),
    name: z.string().nullable(),
    email: z.string().nullable(),
    phone: z.string().nullable(),
  }),
  paid: z.boolean().describe('false: the customer pays at the counter'),
  total: z.number().int(),
  currency: z.string(),
  lines: z.array(
    z.object({
      sku: z.string(),
      title: z.string(),
      quantity: z.number().int(),
      image: z.string().nullable(),
    }),
  ),
  expiresAt: z.date().nullable().describe('when the store stops holding it'),
});

async function tillOf(request: Parameters<typeof channelScope>[0], requested: string | undefined) {
  const till = await channelScope(request, requested);
  if (!till) {
    throw new AppError('validation_failed', 'Name the till’s channel (or use a key bound to it)', {
      issues: [{ path: 'query.channelId', message: 'required unless the API key is bound to a channel' }],
    });
  }
  return till;
}

export const tillSalesRoutes =
  (flows: CommerceFlows): FastifyPluginAsyncZod =>
  async (app) => {
    /** For routes on one sale: the till is the cart's channel (the policy checked it is the key's). */
    const tillOfCart = async (request: Parameters<typeof channelScope>[0], cartId: string) => {
      const cart = await flows.deps.carts.findCart(request.ctx, cartId);
      return cart?.channelId ?? (await tillOf(request, undefined));
    };

    app.get(
      '/tills/pickups',
      {
        config: { policy: secretKeys('orders:read', 'own') },
        schema: {
          tags: ['tills'],
          summary:
            'The click & collect orders waiting at the store (to pick or ready), oldest first, with order number, customer, items and pictures',
          querystring: z.strictObject({
            channelId: z.string().optional().describe('the till’s channel (implied by a bound key)'),
            locationId: z.string().optional().describe('one store (default: every store the till may see)'),
          }),
          response: { 200: z.object({ items: z.array(TillPickup) }) },
        },
      },
      async (request) => {
        const till = await channelScope(request, request.query.channelId);
        return {
          items: await flows.tillPickups.waiting(request.ctx, {
            locationId: request.query.locationId,
            visibleTo: await fulfilmentTasksVisibleTo(request),
            tillChannelId: till,
          }),
        };
      },
    );

    app.get(
      '/tills/sales',
      {
        config: { policy: secretKeys('carts:read', 'own') },
        schema: {
          tags: ['tills'],
          summary: 'The sale on the till’s screen and its parked sales',
          querystring: ChannelQuery,
          response: { 200: z.object({ current: TillSale.nullable(), parked: z.array(TillSale) }) },
        },
      },
      async (request) => flows.tillSales.list(request.ctx, await tillOf(request, request.query.channelId)),
    );

    app.post(
      '/tills/sales',
      {
        config: { policy: secretKeys('carts:write', 'own') },
        schema: {
          tags: ['tills'],
          summary:
            'Start a sale on the till’s screen (new, or a cart of its channel such as a resumed web cart)',
          description:
            'An empty sale already on the screen is dropped; one with lines answers 409 sale_in_progress: park it or finish it first.',
          body: z.strictObject({
            channelId: z.string().optional().describe('the till’s channel; required unless the key is bound'),
            cartId: z
              .string()
              .optional()
              .describe('a cart already on the till’s channel (e.g. after a handoff)'),
            lines: z
              .array(z.strictObject({ sku: Sku, quantity: z.number().int().positive().max(10_000) }))
              .max(100)
              .optional(),
          }),
          response: { 201: TillSale },
        },
      },
      async (request, reply) => {
        const till = await tillOf(request, request.body.channelId);
        const { cartId, lines } = request.body;
        const sale = await flows.tillSales.start(request.ctx, till, {
          ...(cartId ? { cartId } : {}),
          ...(lines ? { lines } : {}),
        });
        return reply.code(201).send(sale);
      },
    );

    app.post(
      '/tills/sales/:id/park',
      {
        config: { policy: secretKeys('carts:write', onRecord('cart')) },
        schema: {
          tags: ['tills'],
          summary:
            'Park the sale under a name (e.g. "Anna’s sale"); the screen is free for the next customer',
          params: Params,
          body: z.strictObject({ name: z.string().trim().min(1).max(80) }),
          response: { 200: TillSale },
        },
      },
      async (request) =>
        flows.tillSales.park(
          request.ctx,
          await tillOfCart(request, request.params.id),
          request.params.id,
          request.body.name,
        ),
    );

    app.post(
      '/tills/sales/:id/resume',
      {
        config: { policy: secretKeys('carts:write', onRecord('cart')) },
        schema: {
          tags: ['tills'],
          summary: 'Put a parked sale back on the till’s screen',
          description: 'A sale with lines already on the screen answers 409 sale_in_progress.',
          params: Params,
          response: { 200: TillSale },
        },
      },
      async (request) =>
        flows.tillSales.resume(request.ctx, await tillOfCart(request, request.params.id), request.params.id),
    );

    app.delete(
      '/tills/sales/:id',
      {
        config: { policy: secretKeys('carts:write', onRecord('cart')) },
        schema: {
          tags: ['tills'],
          summary: 'Cancel the sale: its stock holds are released at once and the cart is abandoned',
          params: Params,
          response: { 200: Cart },
        },
      },
      async (request) =>
        flows.tillSales.cancel(request.ctx, await tillOfCart(request, request.params.id), request.params.id),
    );
  };
