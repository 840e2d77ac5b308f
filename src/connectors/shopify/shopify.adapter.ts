// Shopify webhooks: X-Shopify-Hmac-Sha256 (base64 HMAC-SHA256 of the raw body with the app's
// secret), X-Shopify-Topic, X-Shopify-Webhook-Id (dedupe). Translates orders/create,
// orders/cancelled, products/create, products/update, customers/create and inventory_levels/update
// from Shopify's real payload shapes into hub commands.
import { z } from 'zod';
import { optionalObject, optionalText, wireAmount, wireId, wireQuantity } from '../inbound/payload-shapes.js';
import {
  discountsOf,
  header,
  orderKey,
  type TranslateInput,
  toMinorUnits,
  verifyBase64Hmac,
  type WireAdapter,
} from '../inbound/wire-adapter.js';

type Json = Record<string, unknown>;
const str = (v: unknown): string | undefined =>
  v === null || v === undefined || v === '' ? undefined : String(v);

function buyerOf(customer: Json | undefined, email: unknown, phone: unknown) {
  const b = {
    ...(str(customer?.id) ? { externalId: str(customer?.id)! } : {}),
    ...(str(email ?? customer?.email) ? { email: str(email ?? customer?.email)! } : {}),
    ...(str(phone ?? customer?.phone) ? { phone: str(phone ?? customer?.phone)! } : {}),
    ...(str(customer?.first_name) ? { firstName: str(customer?.first_name)! } : {}),
    ...(str(customer?.last_name) ? { lastName: str(customer?.last_name)! } : {}),
  };
  return Object.keys(b).length ? b : undefined;
}

async function translate({ topic, payload, refs, currency: shopCurrency }: TranslateInput): Promise<unknown> {
  const p = payload as Json;
  switch (topic) {
    case 'orders/create': {
      const currency = String(p.currency ?? p.presentment_currency ?? '');
      const lines = (p.line_items as Json[] | undefined) ?? [];
      const shippingLines = (p.shipping_lines as Json[] | undefined) ?? [];
      const addr = p.shipping_address as Json | undefined;
      return {
        kind: 'order.upsert',
        externalId: String(p.id),
        currency,
        buyer: buyerOf(p.customer as Json | undefined, p.email, p.phone),
        lines: lines.map((l) => ({
          sku: str(l.sku) ?? `shopify-variant-${l.variant_id}`,
          title: str(l.title),
          quantity: Number(l.quantity),
          unitPrice: toMinorUnits(l.price, currency),
          tax: ((l.tax_lines as Json[] | undefined) ?? []).reduce(
            (s, t) => s + toMinorUnits(t.price, currency),
            0,
          ),
        })),
        shipping: shippingLines.reduce((s, l) => s + toMinorUnits(l.price, currency), 0),
        // Line prices are before discounts: the codes' amounts are the discount as Shopify gave it.
        ...discountsOf((p.discount_codes as Json[] | undefined) ?? [], 'amount', currency),
        paid: p.financial_status === 'paid' || p.financial_status === 'partially_paid',
        ...(addr?.address1 && addr.zip && addr.city && addr.country_code
          ? {
              address: {
                line1: String(addr.address1),
                postalCode: String(addr.zip),
                city: String(addr.city),
                country: String(addr.country_code),
                ...(str(addr.name) ? { name: str(addr.name)! } : {}),
              },
            }
          : {}),
        ...(str(p.created_at) ? { placedAt: str(p.created_at)! } : {}),
      };
    }
    case 'orders/cancelled':
      return {
        kind: 'order.cancel',
        externalId: String(p.id),
        reason: `cancelled in Shopify (${p.cancel_reason ?? 'no reason'})`,
      };
    case 'products/create':
    case 'products/update': {
      const variants = (p.variants as Json[] | undefined) ?? [];
      // inventory_levels/update names inventory items, not SKUs: remember which SKU each one is.
      await refs.save(
        'inventory_item',
        variants
          .filter((v) => v.inventory_item_id && v.sku)
          .map((v) => ({ externalId: String(v.inventory_item_id), value: String(v.sku) })),
      );
      return {
        kind: 'product.upsert',
        externalId: String(p.id),
        title: String(p.title ?? ''),
        ...(str(p.body_html) ? { description: str(p.body_html)! } : {}),
        status: p.status === 'draft' ? 'draft' : p.status === 'archived' ? 'archived' : 'active',
        ...(shopCurrency ? { currency: shopCurrency } : {}),
        variants: variants.map((v) => ({
          sku: str(v.sku) ?? `shopify-variant-${v.id}`,
          ...(str(v.title) ? { title: str(v.title)! } : {}),
          ...(str(v.barcode) ? { gtin: str(v.barcode)! } : {}),
          // Shopify product payloads carry no currency: prices are in the shop's (the channel's) currency.
          ...(v.price !== undefined && shopCurrency ? { price: toMinorUnits(v.price, shopCurrency) } : {}),
        })),
      };
    }
    case 'customers/create':
      return { kind: 'customer.upsert', ...buyerOf(p, p.email, p.phone) };
    case 'inventory_levels/update': {
      const sku = await refs.lookup('inventory_item', String(p.inventory_item_id));
      if (!sku)
        throw new Error(
          `inventory item ${p.inventory_item_id} is unknown: no product with it was received yet`,
        );
      return { kind: 'stock.set', sku, quantity: Math.max(0, Number(p.available ?? 0)) };
    }
    default:
      return [];
  }
}

const priced = z.looseObject({ price: wireAmount });
const shopifyOrder = z.looseObject({
  id: wireId,
  currency: z.string().length(3).nullish(),
  presentment_currency: z.string().length(3).nullish(),
  email: optionalText,
  phone: optionalText,
  customer: optionalObject,
  shipping_address: optionalObject,
  line_items: z.array(
    z.looseObject({
      sku: optionalText,
      variant_id: wireId.nullish(),
      title: optionalText,
      quantity: wireQuantity,
      price: wireAmount,
      tax_lines: z.array(priced).nullish(),
    }),
  ),
  shipping_lines: z.array(priced).nullish(),
});
const shopifyProduct = z.looseObject({
  id: wireId,
  title: optionalText,
  body_html: z.string().max(100_000).nullish(),
  variants: z
    .array(
      z.looseObject({
        id: wireId.nullish(),
        sku: optionalText,
        title: optionalText,
        barcode: optionalText,
        price: wireAmount.nullish(),
        inventory_item_id: wireId.nullish(),
      }),
    )
    .nullish(),
});

/** What translate() reads, per topic. */
const SHOPIFY_SHAPES: Record<string, z.ZodType> = {
  'orders/create': shopifyOrder,
  'orders/cancelled': z.looseObject({ id: wireId, cancel_reason: optionalText }),
  'products/create': shopifyProduct,
  'products/update': shopifyProduct,
  'customers/create': z.looseObject({ id: wireId, email: optionalText, phone: optionalText }),
  'inventory_levels/update': z.looseObject({
    inventory_item_id: wireId,
    available: z.number().int().min(-1_000_000_000).max(1_000_000_000).nullish(),
  }),
};

export const shopifyAdapter: WireAdapter = {
  kind: 'shopify',
  verify: (secret, headers, raw) => verifyBase64Hmac(secret, header(headers, 'x-shopify-hmac-sha256'), raw),
  envelope(headers) {
    const externalId = header(headers, 'x-shopify-webhook-id');
    const topic = header(headers, 'x-shopify-topic');
    if (!externalId || !topic) return { error: 'X-Shopify-Webhook-Id and X-Shopify-Topic are required' };
    return { externalId, topic };
  },
  payloadShape: (topic) => SHOPIFY_SHAPES[topic],
  // Orders of different ids are independent; products, customers and stock levels go in turn.
  parallelKey: (topic, payload) =>
    topic === 'orders/create' || topic === 'orders/cancelled' ? orderKey(payload) : undefined,
  translate,
};
