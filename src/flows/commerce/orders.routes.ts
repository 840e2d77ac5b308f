// HTTP routes for what happens to an order after checkout: pay (till / on pickup), cancel, ship a
// fulfilment, pickup at the till by code, return anywhere, import from a marketplace, payments and
// store credit reads, and the sweep of uncollected click & collect orders.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { Order, OrderReturn, RETURN_DISPOSITIONS } from '../../modules/orders/index.js';
import { Payment, PaymentInput, Refund, StoreCredit } from '../../modules/payments/index.js';
import { channelScope } from '../../platform/http/auth-hook.js';
import { routeRateLimit } from '../../platform/http/rate-limits.js';
import { onRecord, secretKeys } from '../../platform/http/route-policy.js';
import type { CommerceFlows } from './commerce.flows.js';
import { RECEIPT_LANGUAGES } from './receipt-texts.js';
import { paymentFailedError } from './take-payment.js';

const Params = z.object({ id: z.string() });

export const orderActionsRoutes =
  (flows: CommerceFlows): FastifyPluginAsyncZod =>
  async (app) => {
    const { payments } = flows.deps;

    app.post(
      '/orders/:id/payments',
      {
        config: { policy: secretKeys('orders:write', onRecord('order', 'id', 'till.fulfil-at-own-store')) },
        schema: {
          tags: ['orders'],
          summary: 'Pay a pending order (`manual`: money taken at the till); 402 when refused',
          params: Params,
          body: PaymentInput,
          response: { 200: Order },
        },
      },
      async (request) => {
        const paid = await flows.orderActions.pay(request.ctx, request.params.id, request.body);
        if (!paid.ok) throw paymentFailedError(paid, { orderId: request.params.id });
        return paid.value;
      },
    );

    app.get(
      '/orders/:id/payments',
      {
        config: { policy: secretKeys('orders:read', onRecord('order', 'id', 'till.fulfil-at-own-store')) },
        schema: {
          tags: ['orders'],
          summary: "An order's payments and refunds",
          params: Params,
          response: { 200: z.object({ payments: z.array(Payment), refunds: z.array(Refund) }) },
        },
      },
      async (request) => ({
        payments: await payments.listPayments(request.ctx, request.params.id),
        refunds: await payments.listRefunds(request.ctx, request.params.id),
      }),
    );

    app.post(
      '/orders/:id/cancel',
      {
        config: { policy: secretKeys('orders:write', onRecord('order')) },
        schema: {
          tags: ['orders'],
          summary:
            'Cancel before fulfilment: releases the stock, voids or refunds the money (409 with the reason otherwise)',
          params: Params,
          body: z.strictObject({ reason: z.string().min(1).max(500) }),
          response: { 200: Order },
        },
      },
      async (request) => flows.orderActions.cancel(request.ctx, request.params.id, request.body.reason),
    );

    app.post(
      '/fulfilments/:id/ship',
      {
        config: {
          policy: secretKeys('orders:write', onRecord('fulfilment', 'id', 'till.fulfil-at-own-store')),
        },
        schema: {
          tags: ['orders'],
          summary: 'A shipment left its warehouse or store (stock goes out; the order follows)',
          params: Params,
          body: z.strictObject({
            carrier: z.string().max(100).optional(),
            trackingNumber: z.string().max(200).optional(),
          }),
          response: { 200: Order },
        },
      },
      async (request) =>
        flows.orderActions.ship(
          request.ctx,
          request.params.id,
          Object.keys(request.body).length ? request.body : null,
        ),
    );

    app.post(
      '/orders/:id/pickup',
      {
        config: { policy: secretKeys('orders:write', onRecord('order', 'id', 'till.fulfil-at-own-store')) },
        schema: {
          tags: ['orders'],
          summary:
            'Click & collect at the till: the code, at the store the order waits at (422 pickup_refused with the reason)',
          params: Params,
          body: z.strictObject({
            code: z.string().min(1).max(20),
            locationId: z.string().min(1).describe('the store where the customer is'),
            payment: PaymentInput.optional().describe('for an order not paid yet (pay on pickup)'),
          }),
          response: { 200: Order },
        },
      },
      async (request) => {
        const location = await flows.deps.inventory.findLocation(request.ctx, request.body.locationId);
        const collected = await flows.orderActions.collect(request.ctx, request.params.id, {
          ...request.body,
          locationId: location?.id ?? request.body.locationId,
        });
        if (!collected.ok) throw paymentFailedError(collected, { orderId: request.params.id });
        return collected.value;
      },
    );

    app.post(
      '/orders/:id/receipt-email',
      {
        // An address typed at the till: a small budget per key keeps it from being a mail cannon.
        config: {
          policy: secretKeys('orders:write', onRecord('order', 'id', 'till.fulfil-at-own-store')),
          rateLimit: routeRateLimit(30, 60),
        },
        schema: {
          tags: ['orders'],
          summary: 'Email the receipt (order number, lines, totals, tenders and change) to the customer',
          description:
            'The address is used for this mail only. 503 mail_not_configured without a mail relay.',
          params: Params,
          body: z.strictObject({
            email: z.string().trim().toLowerCase().email().max(320),
            locale: z
              .enum(RECEIPT_LANGUAGES)
              .optional()
              .describe(
                "the receipt's language (the till's page); default: the store channel's first locale",
              ),
          }),
          response: {
            202: z.object({
              sentTo: z.string(),
              orderNumber: z.string(),
              language: z.enum(RECEIPT_LANGUAGES),
            }),
          },
        },
      },
      async (request, reply) =>
        reply
          .code(202)
          .send(
            await flows.receiptEmail.send(
              request.ctx,
              request.params.id,
              request.body.email,
              request.body.locale,
            ),
          ),
    );

    app.post(
      '/orders/:id/returns',
      {
        config: { policy: secretKeys('orders:write', onRecord('order', 'id', 'till.return-any-channel')) },
        schema: {
          tags: ['orders'],
          summary:
            'Return anywhere: at any store or by mail, partly or fully; restock or write off; refund or store credit',
          description:
            '422 return_refused (with the reason) for more than was bought, unknown SKUs or undelivered orders; nothing changes.',
          params: Params,
          body: z.strictObject({
            lines: z
              .array(
                z.strictObject({
                  sku: z.string().min(1),
                  quantity: z.number().int().positive().max(10_000),
                  disposition: z.enum(RETURN_DISPOSITIONS).default('restock'),
                  reason: z.string().max(500).optional().describe('required for write_off'),
                }),
              )
              .min(1)
              .max(100),
            location: z.string().min(1).describe('the receiving store or warehouse (id or code)'),
            method: z.enum(['in_store', 'mail']).default('in_store'),
            refundMethod: z.enum(['original_payment', 'store_credit']).default('original_payment'),
            channelId: z
              .string()
              .optional()
              .describe('the channel taking the return (defaults to the key’s channel)'),
          }),
          response: {
            201: z.object({ order: Order, return: OrderReturn, storeCredit: StoreCredit.nullable() }),
          },
        },
      },
      async (request, reply) => {
        const channelId = await channelScope(request, request.body.channelId);
        const r = await flows.returns.returnItems(request.ctx, request.params.id, {
          ...request.body,
          channelId,
        });
        return reply.code(201).send(r);
      },
    );

    app.post(
      '/orders/import',
      {
        config: { policy: secretKeys('orders:write', 'own') },
        schema: {
          tags: ['orders'],
          summary:
            'An order from a marketplace or other platform (idempotent by externalSource + externalId)',
          body: z.strictObject({
            channelId: z.string().optional(),
            externalSource: z.string().min(1).max(50),
            externalId: z.string().min(1).max(200),
            email: z.string().email().optional(),
            phone: z.string().max(40).optional(),
            currency: z.string().regex(/^[A-Z]{3}$/),
            lines: z
              .array(
                z.strictObject({
                  sku: z.string().min(1),
                  title: z.string().max(300).optional(),
                  quantity: z.number().int().positive(),
                  unitPrice: z.number().int().min(0),
                  tax: z.number().int().min(0).optional(),
                }),
              )
              .min(1)
              .max(200),
            shipping: z.number().int().min(0).optional(),
            discounts: z
              .array(
                z.strictObject({
                  code: z.string().min(1).max(100).optional(),
                  title: z.string().max(200).optional(),
                  amount: z.number().int().min(0).max(1_000_000_000),
                }),
              )
              .max(20)
              .optional()
              .describe(
                "the marketplace's discounts as it gave them: spread over the lines; a code the hub knows counts one use of its campaign",
              ),
            paid: z.boolean().default(true),
            address: z
              .strictObject({
                name: z.string().optional(),
                line1: z.string(),
                postalCode: z.string(),
                city: z.string(),
                country: z.string().regex(/^[A-Z]{2}$/),
                latitude: z
                  .number()
                  .min(-90)
                  .max(90)
                  .optional()
                  .describe('for routing to the nearest location'),
                longitude: z.number().min(-180).max(180).optional(),
              })
              .optional(),
            routing: z
              .enum(['nearest_with_stock', 'fewest_shipments', 'store_priority'])
              .optional()
              .describe('how to pick the shipping locations (default nearest_with_stock)'),
          }),
          response: { 200: Order, 201: Order },
        },
      },
      async (request, reply) => {
        const channelId = (await channelScope(request, request.body.channelId)) ?? '';
        const r = await flows.importOrder.importOrder(request.ctx, { ...request.body, channelId });
        return reply.code(r.created ? 201 : 200).send(r.order);
      },
    );

    app.post(
      '/orders/expire-pickups',
      {
        config: { policy: secretKeys('orders:write', 'unbound') },
        schema: {
          tags: ['orders'],
          summary: 'Cancel click & collect orders whose pickup time passed (their stock goes back on sale)',
          response: { 200: z.object({ expired: z.array(z.string()) }) },
        },
      },
      async (request) => ({ expired: await flows.orderActions.expireUncollected(request.ctx) }),
    );

    app.get(
      '/store-credits/:id',
      {
        config: { policy: secretKeys('orders:read', onRecord('store_credit')) },
        schema: {
          tags: ['orders'],
          summary: 'Store credit by id or code',
          params: Params,
          response: { 200: StoreCredit },
        },
      },
      async (request) => payments.getStoreCredit(request.ctx, request.params.id),
    );
  };
