// The current truth of SKUs on one channel, read at send time from the modules (never from the
// queued value, so a coalesced burst sends the latest state): available-to-sell after the channel's
// safety buffer (never below 0), the channel's resolved price, listed or not, and the title.
import { currencyExponent } from '../../kernel/index.js';
import {
  type Availability,
  availabilityOf,
  channelViewScope,
  type StockPolicy,
} from '../../modules/catalog/index.js';
import type { SyncKind } from '../../modules/channel-sync/index.js';
import type { Ctx } from '../../platform/context.js';
import { evaluateJsonata } from '../../platform/jsonata.js';
import type { ChannelSyncFlowDeps } from './channel-sync.deps.js';

/** One SKU on one channel, the same shape for every connector (and the input of its transform). */
export interface CanonicalItem {
  sku: string;
  channelId: string;
  channelCode: string;
  /** What changed since the last push (the queued kinds); connectors send only these fields. */
  changed: SyncKind[];
  /** Whether the product is in the catalog at all. */
  known: boolean;
  productId: string | null;
  handle: string | null;
  title: string | null;
  /** The description in the channel's locale (sent by the generic format; WooCommerce and Shopify keep their own). */
  description: string | null;
  listed: boolean;
  availableToSell: number;
  price: { amount: number; currency: string; decimal: string } | null;
  /**
   * The price after the channel's automatic campaigns when they lower it (Shopify's price with the
   * regular one as compare-at, WooCommerce's sale_price); null: no sale (a channel clears its own).
   */
  salePrice?: { amount: number; currency: string; decimal: string } | null;
  priceSource: 'channel' | 'price_list' | null;
  gtin: string | null;
  /**
   * Selling beyond the stock: `deny`, `backorder` or `preorder` (Shopify's inventory policy
   * "continue", WooCommerce's backorders "notify"), with the pre-order's release or the expected
   * restock date, and the availability a shopper sees from it (null: not in the catalog).
   */
  stockPolicy: StockPolicy | null;
  availableFrom: string | null;
  availability: Availability | null;
}

/** "1450" EUR → "14.50": shops take decimal strings, the hub keeps integer minor units. */
export function decimalAmount(amount: number, currency: string): string {
  const exp = currencyExponent(currency);
  const negative = amount < 0;
  const digits = String(Math.abs(amount)).padStart(exp + 1, '0');
  const whole = exp ? `${digits.slice(0, -exp)}.${digits.slice(-exp)}` : digits;
  return negative ? `-${whole}` : whole;
}

export async function readCanonicalItems(
  deps: ChannelSyncFlowDeps,
  ctx: Ctx,
  channelId: string,
  wanted: Array<{ sku: string; changed: SyncKind[] }>,
): Promise<CanonicalItem[]> {
  const channel = await deps.channels.findChannel(ctx, channelId);
  if (!channel) return [];
  const skus = wanted.map((w) => w.sku);
  const products = await deps.catalog.channelProducts(ctx, channelViewScope(channel), skus);
  return canonicalItemsOf(deps, ctx, channel, products, wanted);
}

type Channel = NonNullable<Awaited<ReturnType<ChannelSyncFlowDeps['channels']['findChannel']>>>;

/** The canonical items of SKUs whose channel view products were already read (a page, or by SKU). */
export async function canonicalItemsOf(
  deps: ChannelSyncFlowDeps,
  ctx: Ctx,
  channel: Channel,
  products: ChannelProduct[],
  wanted: Array<{ sku: string; changed: SyncKind[] }>,
): Promise<CanonicalItem[]> {
  const ats = await deps.inventory.availableToSell(
    ctx,
    channel.id,
    wanted.map((w) => w.sku),
  );
  const bySku = new Map<string, { product: (typeof products)[number]; index: number }>();
  for (const product of products)
    product.variants.forEach((v, index) => {
      bySku.set(v.sku, { product, index });
    });
  const sales = await salePricesOf(deps, ctx, channel.id, wanted, bySku);
  const today = ctx.clock.now().toISOString().slice(0, 10);
  return wanted.map(({ sku, changed }) => {
    const hit = bySku.get(sku);
    const variant = hit?.product.variants[hit.index];
    const price = variant?.price ?? null;
    const availableToSell = Math.max(0, ats.get(sku) ?? 0);
    return {
      sku,
      channelId: channel.id,
      channelCode: channel.code,
      changed,
      known: hit !== undefined,
      productId: hit?.product.id ?? null,
      handle: hit?.product.handle ?? null,
      title: hit?.product.title ?? null,
      description: hit?.product.description ?? null,
      listed: (hit?.product.listed ?? false) && channel.status === 'active',
      availableToSell,
      price: price ? { ...price, decimal: decimalAmount(price.amount, price.currency) } : null,
      ...(sales ? { salePrice: saleOf(sales.get(sku), price) } : {}),
      priceSource: variant?.priceSource ?? null,
      gtin: variant?.gtin ?? null,
      stockPolicy: variant?.stockPolicy ?? null,
      availableFrom: variant?.availableFrom ?? null,
      availability: variant ? availabilityOf(variant, availableToSell, today) : null,
    };
  });
}

type ChannelProduct = Awaited<ReturnType<ChannelSyncFlowDeps['catalog']['channelProducts']>>[number];

/** Sale prices of the items whose price goes out (none asked when no price changes). */
async function salePricesOf(
  deps: ChannelSyncFlowDeps,
  ctx: Ctx,
  channelId: string,
  wanted: Array<{ sku: string; changed: SyncKind[] }>,
  bySku: Map<string, { product: ChannelProduct; index: number }>,
): Promise<Map<string, number> | null> {
  if (!deps.salePrices) return null;
  const items: Array<{ sku: string; unitPrice: number; categories: readonly string[] }> = [];
  let currency: string | null = null;
  for (const w of wanted) {
    const hit = bySku.get(w.sku);
    const price = hit?.product.variants[hit.index]?.price;
    if (!w.changed.includes('price') || !hit || !price) continue;
    currency ??= price.currency;
    if (price.currency !== currency) continue;
    items.push({ sku: w.sku, unitPrice: price.amount, categories: hit.product.categories });
  }
  if (!currency || items.length === 0) return new Map();
  return deps.salePrices(ctx, channelId, currency, items);
}

const saleOf = (amount: number | undefined, price: { amount: number; currency: string } | null) =>
  price && amount !== undefined && amount < price.amount
    ? { amount, currency: price.currency, decimal: decimalAmount(amount, price.currency) }
    : null;

/** The connection's JSONata transform over one item; its result is what the channel receives. */
export async function applyTransform(transform: string | null, item: CanonicalItem): Promise<unknown> {
  if (!transform) return item;
  return evaluateJsonata(transform, item, 'The transform');
}
