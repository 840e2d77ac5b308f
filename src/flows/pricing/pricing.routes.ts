// Coupon codes on a cart and what the engine says about it (applied campaigns and near misses), under
// the cart's own access rules: a browser or app only on carts it owns, a bound key on its channel.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Cart } from '../../modules/carts/index.js';
import { CampaignInput, Evaluation } from '../../modules/promotions/index.js';
import type { Ctx } from '../../platform/context.js';
import { browserKeys, onRecord, secretKeys } from '../../platform/http/route-policy.js';
import { createCartAccessCheck } from '../commerce/cart-access.js';
import type { CommerceFlows } from '../commerce/index.js';
import type { PricingFlow } from './pricing.flow.js';

const Params = z.object({ id: z.string() });
const Ids = z.array(z.string().min(1).max(200)).max(100);
const PreviewCart = z.strictObject({
  channelId: z.string().min(1).max(100),
  currency: z.string().regex(/^[A-Z]{3}$/),
  lines: z
    .array(
      z.strictObject({
        sku: z.string().min(1).max(200),
        quantity: z.number().int().positive().max(10_000),
        unitPrice: z.number().int().min(0).max(100_000_000).describe('minor units'),
        categories: Ids.optional().describe("default: the catalog's categories of the SKU"),
      }),
    )
    .min(1)
    .max(100),
  shipping: z.number().int().min(0).max(100_000_000).optional(),
  customerId: z.string().max(100).optional().describe("a real customer's tags, stage and audiences"),
  customer: z
    .strictObject({
      tags: Ids.optional(),
      stage: z.string().max(50).nullable().optional(),
      audienceIds: Ids.optional(),
    })
    .optional()
    .describe('or a made-up customer'),
});
const CartPromotions = Evaluation.extend({ codes: z.array(z.string()).describe('the codes on the cart') });

export const pricingRoutes =
  (deps: { pricing: PricingFlow; commerce: CommerceFlows }): FastifyPluginAsyncZod =>
  async (app) => {
    const { carts, checkoutRules } = deps.commerce.deps;
    const assertCartAccess = createCartAccessCheck(carts);
    app.addHook('preHandler', async (request) => {
      const id = (request.params as { id?: string } | undefined)?.id;
      if (id) await assertCartAccess(request, id);
    });

    /** The shipping price the cart would pay before discounts (free shipping is a discount on it). */
    const shippingOf = (cart: Cart): number => {
      const d = cart.delivery;
      if (d?.type !== 'ship') return 0;
      const subtotal = cart.lines.reduce((s, l) => s + l.quantity * l.unitPrice, 0);
      const price = checkoutRules.shippingPrice(d.method, cart.currency, subtotal);
      return price.ok ? price.amount : 0;
    };
    const view = async (ctx: Ctx, cart: Cart, evaluation: Evaluation) => ({
      ...evaluation,
      codes: await deps.pricing.cartCodes(ctx, cart.id),
    });

    app.post(
      '/promotions/preview',
      {
        config: { policy: secretKeys('promotions:read', 'unbound') },
        schema: {
          tags: ['promotions'],
          summary:
            'Try a campaign being edited (not saved) on a sample cart: does it apply, how much per line, or why not',
          body: z.strictObject({ campaign: CampaignInput, cart: PreviewCart }),
          response: { 200: Evaluation },
        },
      },
      async (request) => deps.pricing.preview(request.ctx, request.body.campaign, request.body.cart),
    );

    app.get(
      '/carts/:id/promotions',
      {
        config: { policy: browserKeys('carts:read', onRecord('cart')) },
        schema: {
          tags: ['carts'],
          summary:
            'Campaigns that apply to the cart (per line) and why others do not (add €12 more, expired…)',
          params: Params,
          response: { 200: CartPromotions },
        },
      },
      async (request) => {
        const cart = await carts.getCart(request.ctx, request.params.id);
        return view(request.ctx, cart, await deps.pricing.evaluateCart(request.ctx, cart, shippingOf(cart)));
      },
    );

    app.post(
      '/carts/:id/coupons',
      {
        config: { policy: browserKeys('carts:write', onRecord('cart')) },
        schema: {
          tags: ['carts'],
          summary: 'Apply a coupon code (422 with the reason when it cannot be used; the cart is unchanged)',
          params: Params,
          body: z.strictObject({ code: z.string().max(100) }),
          response: { 200: CartPromotions },
        },
      },
      async (request) => {
        const cart = await carts.getCart(request.ctx, request.params.id);
        carts.requireActive(cart);
        const evaluation = await deps.pricing.applyCode(
          request.ctx,
          cart,
          request.body.code,
          shippingOf(cart),
        );
        return view(request.ctx, cart, evaluation);
      },
    );

    app.delete(
      '/carts/:id/coupons/:code',
      {
        config: { policy: browserKeys('carts:write', onRecord('cart')) },
        schema: {
          tags: ['carts'],
          summary: 'Remove a coupon code from the cart',
          params: z.object({ id: z.string(), code: z.string().max(100) }),
          response: { 200: CartPromotions },
        },
      },
      async (request) => {
        const cart = await carts.getCart(request.ctx, request.params.id);
        carts.requireActive(cart);
        const evaluation = await deps.pricing.removeCode(
          request.ctx,
          cart,
          request.params.code,
          shippingOf(cart),
        );
        return view(request.ctx, cart, evaluation);
      },
    );
  };
