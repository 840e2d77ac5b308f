// WooCommerce webhooks: X-WC-Webhook-Signature (base64 HMAC-SHA256 of the raw body with the
// webhook's secret), X-WC-Webhook-Topic, X-WC-Webhook-Delivery-ID (dedupe). The unsigned
// `webhook_id=<n>` form post WooCommerce sends when a webhook is saved is answered 200. Translates
// order.created, order.updated (a cancelled status cancels) and product.updated.
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
/** Statuses of an order.updated that cancel the hub's order. */
const CANCELLING = ['cancelled', 'refunded', 'failed'];
const str = (v: unknown): string | undefined =>
  v === null || v === undefined || v === '' ? undefined : String(v);

function orderCommand(p: Json) {
  const currency = String(p.currency ?? '');
  const billing = (p.billing as Json | undefined) ?? {};
  const shipping = (p.shipping as Json | undefined) ?? {};
  const lines = (p.line_items as Json[] | undefined) ?? [];
  const buyer = {
    ...(Number(p.customer_id) > 0 ? { externalId: String(p.customer_id) } : {}),
    ...(str(billing.email) ? { email: str(billing.email)! } : {}),
    ...(str(billing.phone) ? { phone: str(billing.phone)! } : {}),
    ...(str(billing.first_name) ? { firstName: str(billing.first_name)! } : {}),
    ...(str(billing.last_name) ? { lastName: str(billing.last_name)! } : {}),
  };
  return {
    kind: 'order.upsert',
    externalId: String(p.id),
    currency,
    ...(Object.keys(buyer).length ? { buyer } : {}),
    lines: lines.map((l) => ({
      sku: str(l.sku) ?? `woo-product-${l.product_id}`,
      ...(str(l.name) ? { title: str(l.name)! } : {}),
      quantity: Number(l.quantity),
      // `price` is the unit price before tax; line subtotals are exact, so derive from them.
      unitPrice: Math.round(
        toMinorUnits(l.subtotal ?? l.total ?? '0', currency) / Math.max(1, Number(l.quantity)),
      ),
      tax: toMinorUnits(l.total_tax ?? '0', currency),
    })),
    shipping: toMinorUnits(p.shipping_total ?? '0', currency),
    // Unit prices come from the subtotals (before coupons): the coupon lines are the discount given.
    ...discountsOf((p.coupon_lines as Json[] | undefined) ?? [], 'discount', currency),
    paid: Boolean(p.date_paid) || ['processing', 'completed'].includes(String(p.status)),
    ...(str(shipping.address_1) && str(shipping.postcode) && str(shipping.city) && str(shipping.country)
      ? {
          address: {
            line1: String(shipping.address_1),
            postalCode: String(shipping.postcode),
            city: String(shipping.city),
            country: String(shipping.country),
            name: `${shipping.first_name ?? ''} ${shipping.last_name ?? ''}`.trim() || undefined,
          },
        }
      : {}),
    ...(str(p.date_created_gmt) ? { placedAt: `${str(p.date_created_gmt)}Z` } : {}),
  };
}

async function translate({ topic, payload, currency }: TranslateInput): Promise<unknown> {
  const p = payload as Json;
  switch (topic) {
    case 'order.created':
      return orderCommand(p);
    case 'order.updated': {
      if (CANCELLING.includes(String(p.status))) {
        return { kind: 'order.cancel', externalId: String(p.id), reason: `${p.status} in WooCommerce` };
      }
      // An update of an order we have is harmless (imports are idempotent per external id).
      return orderCommand(p);
    }
    case 'product.created':
    case 'product.updated': {
      const sku = str(p.sku) ?? `woo-product-${p.id}`;
      return {
        kind: 'product.upsert',
        externalId: String(p.id),
        title: String(p.name ?? sku),
        ...(str(p.description) ? { description: str(p.description)! } : {}),
        status: p.status === 'publish' ? 'active' : p.status === 'trash' ? 'archived' : 'draft',
        ...(currency ? { currency } : {}),
        variants: [
          {
            sku,
            ...(str(p.price) && currency ? { price: toMinorUnits(p.price, currency) } : {}),
          },
        ],
      };
    }
    default:
      return [];
  }
}

const wooOrder = z.looseObject({
  id: wireId,
  currency: z.string().length(3),
  status: optionalText,
  customer_id: wireId.nullish(),
  billing: optionalObject,
  shipping: optionalObject,
  shipping_total: wireAmount.nullish(),
  line_items: z.array(
    z.looseObject({
      sku: optionalText,
      product_id: wireId.nullish(),
      name: optionalText,
      quantity: wireQuantity,
      subtotal: wireAmount.nullish(),
      total: wireAmount.nullish(),
      total_tax: wireAmount.nullish(),
    }),
  ),
});
const wooProduct = z.looseObject({
  id: wireId,
  sku: optionalText,
  name: optionalText,
  description: z.string().max(100_000).nullish(),
  status: optionalText,
  price: z.union([wireAmount, z.literal('')]).nullish(),
});

const wooCancel = z.looseObject({ id: wireId, status: z.string() });

/** What translate() reads, per topic (a cancelling order.updated needs only its id and status). */
function wooShape(topic: string, payload: unknown): z.ZodType | undefined {
  switch (topic) {
    case 'order.created':
      return wooOrder;
    case 'order.updated':
      return CANCELLING.includes(String((payload as { status?: unknown } | null)?.status))
        ? wooCancel
        : wooOrder;
    case 'product.created':
    case 'product.updated':
      return wooProduct;
    default:
      return undefined;
  }
}

export const woocommerceAdapter: WireAdapter = {
  kind: 'woocommerce',
  verify: (secret, headers, raw) => verifyBase64Hmac(secret, header(headers, 'x-wc-webhook-signature'), raw),
  isPing: (headers, raw) =>
    !header(headers, 'x-wc-webhook-signature') &&
    raw.length < 100 &&
    /^webhook_id=\d+$/.test(raw.toString('utf8').trim()),
  envelope(headers) {
    const externalId = header(headers, 'x-wc-webhook-delivery-id');
    const topic = header(headers, 'x-wc-webhook-topic');
    if (!externalId || !topic)
      return { error: 'X-WC-Webhook-Delivery-ID and X-WC-Webhook-Topic are required' };
    return { externalId, topic };
  },
  payloadShape: wooShape,
  // Orders of different ids are independent; products go in turn.
  parallelKey: (topic, payload) =>
    topic === 'order.created' || topic === 'order.updated' ? orderKey(payload) : undefined,
  translate,
};
