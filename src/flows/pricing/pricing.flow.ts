// One pricing engine for every channel: the checkout rules' discount hook is promotions' engine, fed
// with what the other modules know (each line's categories from the catalog, the customer's tags and
// journey stage, the codes on the cart). Webshop, app, till and social carts all quote and check out
// through it. Checkout holds the applied campaigns' uses before any payment is taken and gives them
// back once should it fail; a cancelled order gives them back through the event log.
import { AppError, isAppError, type Steps } from '../../kernel/index.js';
import type { Cart } from '../../modules/carts/index.js';
import type { CatalogService } from '../../modules/catalog/index.js';
import type { Discount, DiscountHook, Totals } from '../../modules/checkout-rules/index.js';
import type { CustomersService } from '../../modules/customers/index.js';
import {
  type CampaignInput,
  CodeText,
  type Evaluation,
  type NotAppliedReason,
  type PriceCartInput,
  type PricingCustomer,
  type PricingLine,
  type PromotionsService,
  type UseToReserve,
} from '../../modules/promotions/index.js';
import { createTtlCache } from '../../platform/cache/ttl-cache.js';
import type { Ctx } from '../../platform/context.js';
import { rememberForRequest, takeRemembered } from '../../platform/request-memo.js';
import { createSalePrices } from './sale-prices.js';

const codesMemoKey = (cartId: string) => `promotion-codes:${cartId}`;

export interface PricingDeps {
  promotions: PromotionsService;
  catalog: Pick<CatalogService, 'findVariantsBySkus' | 'getProduct'>;
  customers: Pick<CustomersService, 'view'>;
  /**
   * The CDP audiences a (surviving) customer is in, for campaigns conditioned on an audience. Wired
   * in app.ts to the CDP's membershipsOf: promotions never imports the CDP.
   */
  audiencesOf?: (ctx: Ctx, customerId: string) => Promise<string[]>;
}

/** A code refused for one of these leaves the cart as it was; others (spend more) are kept. */
const REFUSED: ReadonlySet<NotAppliedReason> = new Set([
  'unknown_code',
  'not_in_channel',
  'not_started',
  'expired',
  'paused',
  'usage_exhausted',
  'already_used',
  'customer_not_eligible',
  'currency_mismatch',
]);

// Categories change rarely and every quote needs them; a customer's tags for a short while too.
const CATEGORY_TTL_MS = 30_000;
const CUSTOMER_TTL_MS = 10_000;

export function createPricingFlow(deps: PricingDeps) {
  const categories = createTtlCache<string, readonly string[]>({ ttlMs: CATEGORY_TTL_MS, max: 50_000 });
  const customers = createTtlCache<string, PricingCustomer | null>({ ttlMs: CUSTOMER_TTL_MS, max: 10_000 });
  const sales = createSalePrices(deps.promotions);

  async function categoriesOf(ctx: Ctx, skus: string[]): Promise<Map<string, readonly string[]>> {
    const out = new Map<string, readonly string[]>();
    const missing = skus.filter((s) => {
      const hit = categories.get(s);
      if (hit) out.set(s, hit);
      return !hit;
    });
    if (missing.length === 0) return out;
    const variants = await deps.catalog.findVariantsBySkus(ctx, missing);
    const products = new Map<string, readonly string[]>();
    for (const v of variants) {
      let cats = products.get(v.productId);
      if (!cats) {
        cats = (await deps.catalog.getProduct(ctx, v.productId)).categories;
        products.set(v.productId, cats);
      }
      categories.set(v.sku, cats);
      out.set(v.sku, cats);
    }
    for (const s of missing) if (!out.has(s)) out.set(s, []);
    return out;
  }

  async function customerOf(ctx: Ctx, id: string | null): Promise<PricingCustomer | null> {
    if (!id) return null;
    const hit = customers.get(id);
    if (hit !== undefined) return hit;
    let who: PricingCustomer | null = null;
    try {
      const v = await deps.customers.view(ctx, id, { timelineLimit: 1 });
      who = { id: v.id, tags: v.tags.map((t) => t.tag), stage: v.stage };
    } catch (err) {
      if (!isAppError(err, 'not_found')) throw err;
    }
    customers.set(id, who);
    return who;
  }

  interface PriceInput {
    cartId: string | null;
    channelId: string;
    currency: string;
    customerId: string | null;
    lines: Array<{ lineId: string; sku: string; quantity: number; unitPrice: number }>;
    shipping: number;
    /** Codes to price with instead of the cart's (trying a code before it is added). */
    codes?: string[];
  }

  /**
   * The cart's codes, read once per request: the discount hook reads them while checkout prices the
   * cart and leaves them for the check that the codes still apply (`refuseLostCodes`), which runs in
   * the same request before anything is written and so would read the same rows again.
   */
  async function codesOf(ctx: Ctx, input: PriceInput): Promise<string[]> {
    if (input.codes) return input.codes;
    if (!input.cartId) return [];
    const codes = await deps.promotions.cartCodes(ctx, input.cartId);
    rememberForRequest(ctx, codesMemoKey(input.cartId), codes);
    return codes;
  }

  async function evaluate(ctx: Ctx, input: PriceInput): Promise<Evaluation> {
    const [codes, live] = await Promise.all([
      codesOf(ctx, input),
      deps.promotions.hasLiveAutomaticCampaigns(ctx),
    ]);
    // No live campaign and no code: nothing can apply, so no categories, customer or codes are read.
    if (codes.length === 0 && !live) return { applied: [], notApplied: [] };
    const [cats, customer] = await Promise.all([
      categoriesOf(ctx, [...new Set(input.lines.map((l) => l.sku))]),
      customerOf(ctx, input.customerId),
    ]);
    const lines: PricingLine[] = input.lines.map((l) => ({ ...l, categories: cats.get(l.sku) ?? [] }));
    return deps.promotions.priceCart(ctx, {
      channelId: input.channelId,
      currency: input.currency,
      customer,
      lines,
      shipping: input.shipping,
      codes,
      ...audiencesFor(ctx, customer),
    });
  }

  /** The lazy audience read promotions asks for only when a candidate campaign names an audience. */
  function audiencesFor(
    ctx: Ctx,
    customer: PricingCustomer | null,
  ): Pick<PriceCartInput, 'customerAudiences'> {
    const read = deps.audiencesOf;
    return customer && read ? { customerAudiences: () => read(ctx, customer.id) } : {};
  }

  /** A campaign being edited, tried on a sample cart (categories from the catalog when not given). */
  async function preview(ctx: Ctx, draft: CampaignInput, sample: PreviewCart): Promise<Evaluation> {
    const unknown = sample.lines.filter((l) => !l.categories).map((l) => l.sku);
    const cats = unknown.length ? await categoriesOf(ctx, [...new Set(unknown)]) : new Map();
    const lines: PricingLine[] = sample.lines.map((l, i) => ({
      lineId: `line_${i + 1}`,
      sku: l.sku,
      quantity: l.quantity,
      unitPrice: l.unitPrice,
      categories: l.categories ?? cats.get(l.sku) ?? [],
    }));
    let customer: PricingCustomer | null = null;
    if (sample.customerId) customer = await customerOf(ctx, sample.customerId);
    else if (sample.customer) {
      const { tags = [], stage = null, audienceIds } = sample.customer;
      customer = { id: 'sample', tags, stage, ...(audienceIds ? { audiences: audienceIds } : {}) };
    }
    return deps.promotions.previewCampaign(ctx, draft, {
      channelId: sample.channelId,
      currency: sample.currency,
      customer,
      lines,
      shipping: sample.shipping ?? 0,
      codes: [],
      ...audiencesFor(ctx, customer),
    });
  }

  const discountHook: DiscountHook = async (ctx, input) => {
    const evaluation = await evaluate(ctx, {
      cartId: input.cartId ?? null,
      channelId: input.channelId,
      currency: input.currency,
      customerId: input.customerId,
      lines: input.lines,
      shipping: input.shipping ?? 0,
    });
    return toDiscounts(evaluation);
  };

  /**
   * A code on the cart that no longer applies for a hard reason (used up by other shoppers meanwhile,
   * expired) refuses the checkout (409) rather than charging the shopper more than they were shown.
   */
  async function refuseLostCodes(ctx: Ctx, input: HoldInput): Promise<void> {
    const codes = input.cartId
      ? (takeRemembered<string[]>(ctx, codesMemoKey(input.cartId)) ??
        (await deps.promotions.cartCodes(ctx, input.cartId)))
      : [];
    const carried = new Set(input.totals.discounts.map((d) => d.code));
    if (codes.every((c) => carried.has(c))) return;
    const shippingOff = input.totals.discounts
      .filter((d) => d.target === 'shipping')
      .reduce((s, d) => s + d.amount, 0);
    const evaluation = await evaluate(ctx, {
      cartId: input.cartId,
      channelId: input.channelId,
      currency: input.currency,
      customerId: input.customerId,
      lines: input.totals.lines,
      shipping: input.totals.shipping + shippingOff,
      codes,
    });
    const lost = evaluation.notApplied.find((n) => n.code !== null && REFUSED.has(n.reason));
    if (lost) {
      throw new AppError(
        'promotion_unavailable',
        `The code ${lost.code} can no longer be used: ${lost.reason}`,
        {
          details: { reason: lost.reason, couponCode: lost.code, cartId: input.cartId },
        },
      );
    }
  }

  const cartInput = (cart: Cart, shipping: number, codes?: string[]): PriceInput => ({
    cartId: cart.id,
    channelId: cart.channelId,
    currency: cart.currency,
    customerId: cart.profileId,
    lines: cart.lines.map((l) => ({
      lineId: l.lineId,
      sku: l.sku,
      quantity: l.quantity,
      unitPrice: l.unitPrice,
    })),
    shipping,
    ...(codes ? { codes } : {}),
  });

  return {
    discountHook,
    preview,
    cartCodes: (ctx: Ctx, cartId: string) => deps.promotions.cartCodes(ctx, cartId),
    /** Which campaigns apply to the cart and why the others do not (shown by cart and till). */
    evaluateCart: (ctx: Ctx, cart: Cart, shipping: number) => evaluate(ctx, cartInput(cart, shipping)),

    /** Adds a coupon code when it can apply (or only needs more in the cart); else 422, cart unchanged. */
    async applyCode(ctx: Ctx, cart: Cart, raw: string, shipping: number): Promise<Evaluation> {
      const parsed = CodeText.safeParse(raw);
      if (!parsed.success) {
        throw new AppError('validation_failed', 'Not a coupon code', {
          issues: [{ path: 'body.code', message: parsed.error.issues[0]?.message ?? 'invalid' }],
        });
      }
      const code = parsed.data;
      const current = await deps.promotions.cartCodes(ctx, cart.id);
      const codes = current.includes(code) ? current : [...current, code];
      const evaluation = await evaluate(ctx, cartInput(cart, shipping, codes));
      const refused = evaluation.notApplied.find((n) => n.code === code && REFUSED.has(n.reason));
      if (refused) {
        throw new AppError('coupon_refused', `The code ${code} cannot be used: ${refused.reason}`, {
          details: { reason: refused.reason, couponCode: code, cartId: cart.id },
          issues: [{ path: 'body.code', message: refused.reason }],
        });
      }
      await deps.promotions.addCartCode(ctx, cart.id, code);
      return evaluation;
    },

    async removeCode(ctx: Ctx, cart: Cart, raw: string, shipping: number): Promise<Evaluation> {
      const code = raw.trim().toUpperCase();
      if (!(await deps.promotions.removeCartCode(ctx, cart.id, code))) {
        throw new AppError('not_found', `The code ${code} is not on this cart`, {
          details: { reason: 'code_not_on_cart', couponCode: code },
        });
      }
      return evaluate(ctx, cartInput(cart, shipping));
    },

    /**
     * Holds the uses of the campaigns the totals applied, as a compensated checkout step: should
     * anything after it fail (a refused payment, stock gone, another request won), they come back once.
     */
    async holdUses(ctx: Ctx, steps: Steps, input: HoldInput): Promise<void> {
      await refuseLostCodes(ctx, input);
      const uses = usesOf(input.totals.discounts);
      if (uses.length === 0) return;
      await steps.run(
        'hold promotion uses',
        () => deps.promotions.reserveUses(ctx, { ...input, orderTotal: input.totals.grand, uses }),
        () => deps.promotions.releaseUses(ctx, input.orderId),
      );
    },

    releaseUses: (ctx: Ctx, orderId: string) => deps.promotions.releaseUses(ctx, orderId),

    /** Unit prices after automatic campaigns (channel sync's sale prices; sale-prices.ts). */
    salePrices: sales.salePrices,
    /** The SKUs a campaign makes cheaper, with the window it runs in (product feeds' sale_price). */
    saleOffers: sales.saleOffers,

    /** An imported order's code as the marketplace gave it: one use counted, even past the limit. */
    recordMarketplaceUse: (
      ctx: Ctx,
      input: {
        orderId: string;
        channelId: string;
        customerId: string | null;
        currency: string;
        code: string;
        amount: number;
        orderTotal?: number;
      },
    ) => deps.promotions.recordMarketplaceUse(ctx, input),
  };
}

/** A sample cart a campaign is previewed on (admin): the lines, the channel and who buys. */
export interface PreviewCart {
  channelId: string;
  currency: string;
  lines: Array<{ sku: string; quantity: number; unitPrice: number; categories?: string[] | undefined }>;
  shipping?: number | undefined;
  /** A real customer (their tags, stage and audiences) … */
  customerId?: string | undefined;
  /** … or a made-up one. */
  customer?:
    | { tags?: string[] | undefined; stage?: string | null | undefined; audienceIds?: string[] | undefined }
    | undefined;
}

export interface HoldInput {
  orderId: string;
  cartId: string | null;
  channelId: string;
  customerId: string | null;
  currency: string;
  totals: Totals;
}

/** The engine's answer as the checkout rules' discounts: one per campaign and line (and shipping). */
export function toDiscounts(evaluation: Evaluation): Discount[] {
  const out: Discount[] = [];
  for (const a of evaluation.applied) {
    const code = a.code ?? a.campaignId;
    for (const l of a.lines) {
      out.push({ lineId: l.lineId, amount: l.amount, code, description: a.name, campaignId: a.campaignId });
    }
    if (a.shipping > 0) {
      out.push({
        amount: a.shipping,
        code,
        description: a.name,
        campaignId: a.campaignId,
        target: 'shipping',
      });
    }
  }
  return out;
}

/** One use per campaign the discounts came from, with its code when it came by one. */
export function usesOf(discounts: readonly Discount[]): UseToReserve[] {
  const byCampaign = new Map<string, UseToReserve>();
  for (const d of discounts) {
    if (!d.campaignId) continue;
    const use = byCampaign.get(d.campaignId) ?? {
      campaignId: d.campaignId,
      code: d.code === d.campaignId ? null : d.code,
      amount: 0,
    };
    use.amount += d.amount;
    byCampaign.set(d.campaignId, use);
  }
  return [...byCampaign.values()];
}

export type PricingFlow = ReturnType<typeof createPricingFlow>;
