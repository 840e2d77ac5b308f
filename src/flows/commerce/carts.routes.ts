// HTTP routes for carts: create, lines, delivery, channel change (reprice), identify (merge), quote,
// checkout (with Idempotency-Key), and the till's look-up by handoff code, phone, email or card.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { AppError } from '../../kernel/index.js';
import {
  Cart,
  checkPostalCode,
  MERGE_STRATEGIES,
  MergeOutcome,
  newCartToken,
  PriceChange,
  ShippingAddress,
  Sku,
} from '../../modules/carts/index.js';
import { Order } from '../../modules/orders/index.js';
import { Payment, PaymentInput } from '../../modules/payments/index.js';
import { channelFor, channelScope } from '../../platform/http/auth-hook.js';
import { routeRateLimit } from '../../platform/http/rate-limits.js';
import { browserKeys, onRecord } from '../../platform/http/route-policy.js';
import { recordMemoKey, takeRemembered } from '../../platform/request-memo.js';
import { shopperSessionOf } from '../shopper-account/index.js';
import { createCartAccessCheck } from './cart-access.js';
import type { CommerceFlows } from './commerce.flows.js';
import { paymentFailedError } from './take-payment.js';
import { TenderInput, WalletTenderInput } from './till-tender.js';
import { keptCartsFor } from './written-carts.js';

const CartView = Cart.extend({
  linesLostHold: z.array(z.string()).describe('lines whose stock hold expired since the cart was last read'),
});
/**
 * Who the caller proved to be, for spending a customer's own wallet: a browser's signed-in shopper
 * (never a cart token or an email typed at checkout); a till or server key acts for the cart's customer
 * (the clerk found them: scanned card, phone, email).
 */
async function walletHolder(
  request: Parameters<typeof shopperSessionOf>[0],
  cart: { profileId: string | null },
): Promise<string | null> {
  if (request.ctx.actor.keyKind === 'publishable')
    return (await shopperSessionOf(request))?.profileId ?? null;
  return cart.profileId;
}

const CheckoutReply = z.object({
  order: Order,
  payment: Payment.nullable().describe('the first of payments'),
  payments: z.array(Payment),
  change: z.number().int().describe('a till sale: the cash handed back, in minor units'),
});
const CreatedCart = Cart.extend({
  cartToken: z
    .string()
    .optional()
    .describe('for a publishable key only: send it as X-Cart-Token on every later call on this cart'),
});
const Quantity = z.number().int().positive().max(10_000);
const Params = z.object({ id: z.string() });
const Totals = z.object({
  items: z.number().int(),
  discount: z.number().int(),
  shipping: z.number().int(),
  tax: z.number().int(),
  grand: z.number().int(),
  currency: z.string(),
});

async function requireChannel(
  request: Parameters<typeof channelFor>[0],
  requested: string | undefined,
): Promise<string> {
  const channelId = await channelScope(request, requested);
  if (!channelId) {
    throw new AppError('validation_failed', 'Name the channel (or use a key bound to one)', {
      issues: [{ path: 'body.channelId', message: 'required unless the API key is bound to a channel' }],
    });
  }
  return channelId;
}

/**
 * A cart made through a publishable key: a fresh cart token, and the signed-in shopper's profile
 * (a browser may not name another profile).
 */
async function browserCartOwner(
  request: Parameters<typeof channelFor>[0] & { body: { profileId?: string } },
) {
  const session = await shopperSessionOf(request);
  if (request.body.profileId && request.body.profileId !== session?.profileId) {
    throw new AppError(
      'profile_not_signed_in',
      'A storefront key makes carts only for the signed-in shopper',
    );
  }
  return { profileId: session?.profileId ?? null, token: newCartToken() };
}

export const cartsRoutes =
  (flows: CommerceFlows): FastifyPluginAsyncZod =>
  async (app) => {
    const { carts } = flows.deps;
    /** A channel-bound key changes only carts on its channel (move the cart to it first). */
    const ownCart = async (request: Parameters<typeof channelFor>[0], id: string) => {
      // The channel rule read this cart a moment ago (if the key is bound to a channel), or this
      // process kept it from its last write (written-carts.ts).
      const cart =
        takeRemembered<Cart>(request.ctx, recordMemoKey('cart', id)) ??
        (await carts.getCart(request.ctx, id));
      channelFor(request, cart.channelId);
      return cart;
    };
    // One process serving its database keeps the carts it writes for their next change.
    const kept = keptCartsFor(app, carts, flows.deps.keepWrittenCarts ?? false);
    // Browser and app keys use only carts they own: one check for every /carts/:id route.
    const assertCartAccess = createCartAccessCheck(carts);
    // The idempotency hook answers a lost response before this plugin's hooks run: check here too.
    const cartIdOf = (request: { params: unknown }) => (request.params as { id: string }).id;
    app.addHook('preHandler', async (request) => {
      const id = (request.params as { id?: string } | undefined)?.id;
      if (id) await assertCartAccess(request, id);
    });

    app.post(
      '/carts',
      {
        config: {
          policy: browserKeys('carts:write', 'own'),
          // A browser's cart token is not kept, so its lost response cannot be made again.
          lostResponse: async (request, committed) => {
            const created = committed.find((e) => e.type === 'cart.created');
            if (!created || request.ctx.actor.keyKind === 'publishable') return undefined;
            return { status: 201, body: await carts.getCart(request.ctx, created.subject) };
          },
        },
        schema: {
          tags: ['carts'],
          summary: 'Start a cart for a profile or an anonymous shopper',
          body: z.strictObject({
            channelId: z.string().optional().describe('required unless the key is bound to a channel'),
            profileId: z.string().optional(),
            anonymousId: z
              .string()
              .max(200)
              .optional()
              .describe('the device or browser id until the shopper is identified'),
            email: z.string().email().optional(),
            phone: z.string().max(40).optional(),
            lines: z
              .array(z.strictObject({ sku: Sku, quantity: Quantity }))
              .max(100)
              .optional(),
          }),
          response: { 201: CreatedCart },
        },
      },
      async (request, reply) => {
        const channelId = await requireChannel(request, request.body.channelId);
        const { lines, ...rest } = request.body;
        const owner =
          request.ctx.actor.keyKind === 'publishable' ? await browserCartOwner(request) : undefined;
        const cart = await flows.carts.createCart(request.ctx, {
          ...rest,
          ...(owner ? { profileId: owner.profileId, tokenHash: owner.token.hash } : {}),
          email: rest.email?.toLowerCase(),
          channelId,
          ...(lines ? { lines } : {}),
        });
        kept.keep(cart);
        return reply.code(201).send(owner ? { ...cart, cartToken: owner.token.token } : cart);
      },
    );

    app.get(
      '/carts/:id',
      {
        config: { policy: browserKeys('carts:read', onRecord('cart')) },
        schema: {
          tags: ['carts'],
          summary: 'A cart (says which lines lost their stock hold)',
          params: Params,
          response: { 200: CartView },
        },
      },
      async (request) => {
        const { cart, linesLost } = await flows.carts.getCart(request.ctx, request.params.id);
        return { ...cart, linesLostHold: linesLost };
      },
    );

    app.post(
      '/carts/:id/lines',
      {
        config: {
          policy: browserKeys('carts:write', onRecord('cart')),
          lostResponse: async (request) => {
            await assertCartAccess(request, cartIdOf(request));
            return { status: 201, body: await ownCart(request, cartIdOf(request)) };
          },
        },
        schema: {
          tags: ['carts'],
          summary:
            "Add a SKU at the channel's price; holds the stock (409 insufficient_stock when there is none)",
          params: Params,
          body: z.strictObject({ sku: Sku, quantity: Quantity }),
          response: { 201: Cart },
        },
      },
      async (request, reply) => {
        const current = await ownCart(request, request.params.id);
        const { cart } = await kept.change(request, current, (c) =>
          flows.carts.addLine(request.ctx, c, request.body),
        );
        kept.keep(cart);
        return reply.code(201).send(cart);
      },
    );

    app.patch(
      '/carts/:id/lines/:lineId',
      {
        config: { policy: browserKeys('carts:write', onRecord('cart')) },
        schema: {
          tags: ['carts'],
          summary: 'Change a line’s quantity (0 removes it); holds follow',
          params: z.object({ id: z.string(), lineId: z.string() }),
          body: z.strictObject({ quantity: z.number().int().min(0).max(10_000) }),
          response: { 200: Cart },
        },
      },
      async (request) => {
        await ownCart(request, request.params.id);
        return flows.carts.changeLine(
          request.ctx,
          request.params.id,
          request.params.lineId,
          request.body.quantity,
        );
      },
    );

    app.delete(
      '/carts/:id/lines/:lineId',
      {
        config: { policy: browserKeys('carts:write', onRecord('cart')) },
        schema: {
          tags: ['carts'],
          summary: 'Remove a line and release its hold',
          params: z.object({ id: z.string(), lineId: z.string() }),
          response: { 200: Cart },
        },
      },
      async (request) => {
        await ownCart(request, request.params.id);
        return flows.carts.removeLine(request.ctx, request.params.id, request.params.lineId);
      },
    );

    app.put(
      '/carts/:id/delivery',
      {
        config: { policy: browserKeys('carts:write', onRecord('cart')) },
        schema: {
          tags: ['carts'],
          summary: 'Choose shipping (address + method), click & collect at a store, or carry-out at the till',
          params: Params,
          body: z.discriminatedUnion('type', [
            z.strictObject({
              type: z.literal('ship'),
              address: ShippingAddress.superRefine(checkPostalCode),
              method: z
                .string()
                .min(1)
                .max(50)
                .describe('standard or express (see GET /api/checkout/shipping-methods)'),
              email: z.string().email().optional(),
              phone: z.string().max(40).optional(),
            }),
            z.strictObject({
              type: z.literal('pickup'),
              locationId: z.string().min(1).describe('the store (location id or code)'),
              email: z.string().email().optional(),
              phone: z.string().max(40).optional(),
            }),
            z.strictObject({
              type: z.literal('carry_out'),
              email: z.string().email().optional(),
              phone: z.string().max(40).optional(),
            }),
          ]),
          response: { 200: Cart },
        },
      },
      async (request) => {
        const current = await ownCart(request, request.params.id);
        const { email, phone, ...delivery } = request.body;
        const cart = await kept.change(request, current, (c) =>
          flows.carts.setDelivery(request.ctx, c, delivery, { email: email?.toLowerCase(), phone }),
        );
        kept.keep(cart);
        return cart;
      },
    );

    app.post(
      '/carts/:id/channel',
      {
        config: { policy: browserKeys('carts:write', onRecord('cart', 'id', 'cart.handoff')) },
        schema: {
          tags: ['carts'],
          summary: "Continue the cart on another channel: repriced with that channel's prices and currency",
          description: 'A channel-bound key (e.g. a store till) moves the cart to its own channel.',
          params: Params,
          body: z.strictObject({
            channelId: z.string().optional(),
            handoffCode: z
              .string()
              .max(100)
              .optional()
              .describe("the cart's handoff code: required to take over a cart of another channel"),
          }),
          response: { 200: z.object({ cart: Cart, changes: z.array(PriceChange) }) },
        },
      },
      async (request) => {
        const channelId = await requireChannel(request, request.body.channelId);
        return flows.carts.moveToChannel(request.ctx, request.params.id, channelId);
      },
    );

    app.post(
      '/carts/:id/identify',
      {
        config: { policy: browserKeys('carts:write', onRecord('cart')) },
        schema: {
          tags: ['carts'],
          summary:
            'The shopper is identified: their carts merge by a strategy; the response says what happened',
          params: Params,
          body: z.strictObject({
            identifiers: z
              .array(z.strictObject({ type: z.string().min(1).max(50), value: z.string().min(1).max(500) }))
              .max(10)
              .default([])
              .describe(
                'e.g. [{ type: "email", value: "ana@example.com" }] or a user_id / loyalty_card; a publishable key sends none: the cart goes to the signed-in shopper',
              ),
            traits: z.record(z.string(), z.unknown()).optional(),
            strategy: z
              .enum(MERGE_STRATEGIES)
              .optional()
              .describe('merge_lines (default), keep_newest or keep_both'),
          }),
          response: {
            200: z.object({
              customerId: z.string(),
              cart: Cart.nullable(),
              merge: MergeOutcome,
              priceChanges: z.array(PriceChange),
            }),
          },
        },
      },
      async (request) => {
        const input = { cartId: request.params.id, ...request.body };
        const publishable = request.ctx.actor.keyKind === 'publishable';
        if (!publishable && input.identifiers.length) return flows.identifyCart.identify(request.ctx, input);
        // No identifiers, or a browser (which cannot vouch for an email or id): the cart goes to whoever
        // signed in on this browser or app.
        const session = await shopperSessionOf(request);
        if (!session && publishable) {
          throw new AppError(
            'forbidden',
            'Sign the shopper in first: a storefront key binds a cart only to them',
          );
        }
        if (!session) {
          throw new AppError('validation_failed', 'Name at least one identifier, or sign the shopper in', {
            issues: [{ path: 'body.identifiers', message: 'at least one identifier' }],
          });
        }
        return flows.identifyCart.identify(request.ctx, { ...input, signedInProfileId: session.profileId });
      },
    );

    app.get(
      '/carts/:id/quote',
      {
        config: { policy: browserKeys('carts:read', onRecord('cart')) },
        schema: {
          tags: ['carts'],
          summary: 'The totals the cart would check out with now',
          params: Params,
          response: { 200: Totals },
        },
      },
      async (request) => {
        const cart = await carts.getCart(request.ctx, request.params.id);
        const { totals } = await flows.checkout.quote(request.ctx, cart);
        return { ...totals, currency: cart.currency };
      },
    );

    app.post(
      '/carts/:id/checkout',
      {
        // Run again, it finds the cart checked out and answers with the order it placed.
        config: { policy: browserKeys('carts:write', onRecord('cart')), lostResponse: 'run-again' },
        schema: {
          tags: ['carts'],
          summary:
            'Check out: pay and place one order (send an Idempotency-Key; a retry returns the same order)',
          description:
            '402 payment_failed leaves no order and releases the holds. 409 insufficient_stock when stock ran out. ' +
            'A cart already checked out answers 200 with its order. A till sale (delivery carry_out) is paid, handed over and ' +
            'completed at once: manual is cash in the drawer, external a card on the store terminal; never a pickup.',
          params: Params,
          body: z.strictObject({
            payment: PaymentInput.optional().describe('one payment for the whole sum (this or payments)'),
            payments: z
              .array(TenderInput)
              .min(1)
              .max(4)
              .optional()
              .describe(
                'a till sale (carry-out): the tenders that together pay it — cash with the amount tendered, the terminal with its reference, or both (422 tender_refused when they do not add up)',
              ),
            email: z.string().email().optional(),
            phone: z.string().max(40).optional(),
            locale: z
              .string()
              .regex(/^[a-z]{2,3}(-[A-Z]{2})?$/, 'a BCP 47 locale such as en or es-ES')
              .optional()
              .describe("the shopper's page language: the order confirmation email is written in it"),
            routing: z.enum(['nearest_with_stock', 'fewest_shipments', 'store_priority']).optional(),
            wallet: z
              .array(WalletTenderInput)
              .min(1)
              .max(4)
              .optional()
              .describe(
                "parts paid from the wallet first (points and own store credit: the signed-in shopper, or a till for the cart's customer; gift cards and credit codes: whoever holds the code); payment pays the rest",
              ),
          }),
          response: { 200: CheckoutReply, 201: CheckoutReply },
        },
      },
      async (request, reply) => {
        const cart = await ownCart(request, request.params.id);
        const { wallet, ...rest } = request.body;
        const placed = await flows.checkout.checkout(request.ctx, cart, {
          ...rest,
          ...(wallet ? { wallet: { tenders: wallet, holderId: await walletHolder(request, cart) } } : {}),
        });
        if (!placed.ok)
          throw paymentFailedError(placed, { cartId: cart.id, orderPlaced: false, holdsReleased: true });
        const r = placed.value;
        return reply
          .code(r.created || request.idempotency?.recovered ? 201 : 200)
          .send({ order: r.order, payment: r.payment, payments: r.payments, change: r.change });
      },
    );

    app.get(
      '/tills/carts',
      {
        // A handoff code is short: a small budget per key stops guessing codes by brute force.
        config: { policy: browserKeys('carts:read', 'own'), rateLimit: routeRateLimit(60, 60) },
        schema: {
          tags: ['carts'],
          summary:
            'At the till: find carts by handoff code (or scanned QR payload), phone, email or loyalty card',
          querystring: z.strictObject({
            code: z.string().max(100).optional(),
            phone: z.string().max(40).optional(),
            email: z.string().max(320).optional(),
            loyaltyCard: z.string().max(100).optional(),
          }),
          response: {
            200: z.object({ carts: z.array(Cart), matchedBy: z.string(), customerIds: z.array(z.string()) }),
          },
        },
      },
      async (request) => {
        // A browser may continue a cart only by the code its shopper was shown, never find one by
        // someone's phone, email or card.
        const { code, ...byPerson } = request.query;
        if (request.ctx.actor.keyKind === 'publishable' && Object.values(byPerson).some(Boolean)) {
          throw new AppError('key_kind_forbidden', 'A publishable key finds a cart only by its handoff code');
        }
        return flows.tillLookup.findCarts(request.ctx, request.query);
      },
    );
  };
