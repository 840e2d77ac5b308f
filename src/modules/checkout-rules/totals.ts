// Checkout totals in integer minor units: items, discounts (from a pricing hook that promotions will
// plug into), shipping (rates per method and currency) and tax (simple per-region rules, prices
// including or excluding tax). Deterministic: the same cart gives the same totals on every channel.
import type { Ctx } from '../../platform/context.js';

export interface TotalsLine {
  lineId: string;
  sku: string;
  quantity: number;
  unitPrice: number;
}

export interface Discount {
  /** The line it applies to, or none for an order-level discount (spread over lines by value). */
  lineId?: string;
  amount: number;
  code: string;
  description: string;
  /** The campaign that gives it (promotions), so checkout can hold its use against the limits. */
  campaignId?: string;
  /** 'shipping': taken off the shipping price instead of the lines. */
  target?: 'lines' | 'shipping';
}

/** The hook promotions will implement; the default gives no discounts. */
export type DiscountHook = (
  ctx: Ctx,
  input: {
    channelId: string;
    currency: string;
    customerId: string | null;
    lines: TotalsLine[];
    /** The cart priced, when there is one (its coupon codes live with promotions). */
    cartId?: string | null;
    /** The shipping price before discounts. */
    shipping?: number;
  },
) => Promise<Discount[]>;

export interface ShippingMethod {
  name: string;
  /** Price per currency (minor units); a currency not listed cannot use the method. */
  rates: Record<string, number>;
  /** Free from this items subtotal (after discounts), per currency. */
  freeFrom?: Record<string, number>;
}

export interface TaxRule {
  /** ISO country, or '*' for every other region. */
  country: string;
  /** Basis points: 2100 = 21 %. */
  rateBp: number;
  /** Retail prices in most of Europe include VAT: tax is then the part of the price that is tax. */
  pricesIncludeTax: boolean;
}

export interface CheckoutRules {
  shippingMethods: Record<string, ShippingMethod>;
  taxRules: TaxRule[];
  discounts: DiscountHook;
}

export const DEFAULT_RULES: CheckoutRules = {
  shippingMethods: {
    standard: {
      name: 'Standard (2–3 days)',
      rates: { EUR: 495, SEK: 4900, USD: 595, GBP: 450 },
      freeFrom: { EUR: 5000, SEK: 50000 },
    },
    express: { name: 'Express (next day)', rates: { EUR: 995, SEK: 9900, USD: 1295, GBP: 895 } },
  },
  taxRules: [
    { country: 'NL', rateBp: 2100, pricesIncludeTax: true },
    { country: 'SE', rateBp: 2500, pricesIncludeTax: true },
    { country: 'DE', rateBp: 1900, pricesIncludeTax: true },
    { country: 'ES', rateBp: 2100, pricesIncludeTax: true },
    { country: 'BG', rateBp: 2000, pricesIncludeTax: true },
    { country: 'US', rateBp: 0, pricesIncludeTax: false },
    { country: '*', rateBp: 2100, pricesIncludeTax: true },
  ],
  discounts: async () => [],
};

export interface PricedLine extends TotalsLine {
  discount: number;
  tax: number;
  /** quantity × unit price − discount, plus tax when prices exclude it. */
  total: number;
}

export interface Totals {
  items: number;
  discount: number;
  shipping: number;
  tax: number;
  grand: number;
  lines: PricedLine[];
  discounts: Discount[];
  taxRule: TaxRule;
}

export type ShippingRefused = {
  reason: 'unknown_shipping_method' | 'method_not_in_currency';
  message: string;
};

const taxRuleFor = (rules: TaxRule[], country: string | null): TaxRule =>
  rules.find((r) => r.country === country) ??
  rules.find((r) => r.country === '*') ?? { country: '*', rateBp: 0, pricesIncludeTax: true };

/** The tax inside (inclusive) or on top of (exclusive) an amount, rounded half up. */
export const taxOf = (amount: number, rule: TaxRule): number =>
  rule.pricesIncludeTax
    ? amount - Math.round((amount * 10_000) / (10_000 + rule.rateBp))
    : Math.round((amount * rule.rateBp) / 10_000);

export type ShippingPrice = { ok: true; amount: number } | ({ ok: false } & ShippingRefused);

export function shippingPrice(
  rules: CheckoutRules,
  method: string,
  currency: string,
  subtotal: number,
): ShippingPrice {
  const m = rules.shippingMethods[method];
  if (!m)
    return { ok: false, reason: 'unknown_shipping_method', message: `There is no shipping method ${method}` };
  const rate = m.rates[currency];
  if (rate === undefined) {
    return {
      ok: false,
      reason: 'method_not_in_currency',
      message: `Shipping method ${method} is not offered in ${currency}`,
    };
  }
  const freeFrom = m.freeFrom?.[currency];
  return { ok: true, amount: freeFrom !== undefined && subtotal >= freeFrom ? 0 : rate };
}

/** Spreads an order-level discount over lines in proportion to their value; parts sum exactly. */
function spread(amount: number, values: number[]): number[] {
  const sum = values.reduce((s, v) => s + v, 0);
  if (sum <= 0) return values.map(() => 0);
  const parts = values.map((v) => Math.floor((amount * v) / sum));
  let rest = amount - parts.reduce((s, v) => s + v, 0);
  for (let i = 0; rest > 0; i = (i + 1) % parts.length, rest--) parts[i]! += 1;
  return parts;
}

export interface TotalsInput {
  cartId?: string | null;
  channelId: string;
  currency: string;
  customerId: string | null;
  lines: TotalsLine[];
  /** The shipping price (0 for pickup and carry-out). */
  shipping: number;
  /** The country tax applies in: the shipping address, or the store for pickup and carry-out. */
  taxCountry: string | null;
}

export async function computeTotals(ctx: Ctx, rules: CheckoutRules, input: TotalsInput): Promise<Totals> {
  const gross = input.lines.map((l) => l.quantity * l.unitPrice);
  const discounts = await rules.discounts(ctx, {
    channelId: input.channelId,
    currency: input.currency,
    customerId: input.customerId,
    lines: input.lines,
    cartId: input.cartId ?? null,
    shipping: input.shipping,
  });
  const perLine = input.lines.map(() => 0);
  let shippingOff = 0;
  for (const d of discounts) {
    const amount = Math.max(0, Math.trunc(d.amount));
    if (d.target === 'shipping') {
      shippingOff += amount;
    } else if (d.lineId) {
      const i = input.lines.findIndex((l) => l.lineId === d.lineId);
      if (i >= 0) perLine[i]! += amount;
    } else {
      spread(amount, gross).forEach((p, i) => {
        perLine[i]! += p;
      });
    }
  }
  const rule = taxRuleFor(rules.taxRules, input.taxCountry);
  const lines: PricedLine[] = input.lines.map((l, i) => {
    const discount = Math.min(perLine[i]!, gross[i]!);
    const net = gross[i]! - discount;
    const tax = taxOf(net, rule);
    return { ...l, discount, tax, total: rule.pricesIncludeTax ? net : net + tax };
  });
  const items = gross.reduce((s, v) => s + v, 0);
  const discount = lines.reduce((s, l) => s + l.discount, 0);
  const shipping = input.shipping - Math.min(shippingOff, input.shipping);
  const shippingTax = taxOf(shipping, rule);
  const tax = lines.reduce((s, l) => s + l.tax, 0) + shippingTax;
  const grand = items - discount + shipping + (rule.pricesIncludeTax ? 0 : tax);
  return { items, discount, shipping, tax, grand, lines, discounts, taxRule: rule };
}
