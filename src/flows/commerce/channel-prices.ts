// A channel's prices for some SKUs, from the catalog's channel view (the channel's own price, else
// its price list), with the title to copy onto cart lines. One query for any number of SKUs.
import { type CatalogService, catalogVersion, channelViewScope } from '../../modules/catalog/index.js';
import type { Channel } from '../../modules/channels/index.js';
import { createTtlCache, type TtlCache } from '../../platform/cache/ttl-cache.js';
import type { Ctx } from '../../platform/context.js';

export interface ChannelPrice {
  unitPrice: number;
  currency: string;
  title: string;
  listed: boolean;
  /** The variant's stock policy: whether a cart line may go beyond the stock. */
  stockPolicy: 'deny' | 'backorder' | 'preorder';
  availableFrom: string | null;
  backorderLimit: number | null;
}

// Every add-to-cart needs a price: like channels, prices are cached per process until this process
// commits a catalog change, and for at most 2 s (another node's price change is charged within that
// time; checkout uses the cart's prices, which the shopper saw).
const PRICE_CACHE_MS = 2_000;
const priceCache = new WeakMap<CatalogService, TtlCache<string, ChannelPrice>>();

export async function channelPrices(
  catalog: CatalogService,
  ctx: Ctx,
  channel: Channel,
  skus: string[],
  opts: { fresh?: boolean } = {},
): Promise<Map<string, ChannelPrice>> {
  const out = new Map<string, ChannelPrice>();
  if (skus.length === 0) return out;
  let cache = priceCache.get(catalog);
  if (!cache) {
    cache = createTtlCache({ ttlMs: PRICE_CACHE_MS, max: 10_000 });
    priceCache.set(catalog, cache);
  }
  const keyOf = (sku: string) =>
    `${channel.id}\u0000${channel.currency}\u0000${channel.priceListId ?? ''}\u0000${sku}`;
  const version = catalogVersion(ctx);
  const load = async (wanted: Set<string>) => {
    const found = new Map<string, ChannelPrice>();
    for (const p of await catalog.channelProducts(ctx, channelViewScope(channel), [...wanted])) {
      for (const v of p.variants) {
        if (!wanted.has(v.sku) || !v.price || v.price.currency !== channel.currency) continue;
        const options = Object.values(v.options);
        const price = {
          unitPrice: v.price.amount,
          currency: v.price.currency,
          title: options.length ? `${p.title} (${options.join(', ')})` : p.title,
          listed: p.listed,
          stockPolicy: v.stockPolicy,
          availableFrom: v.availableFrom,
          backorderLimit: v.backorderLimit,
        };
        found.set(v.sku, price);
        cache.set(keyOf(v.sku), price, version);
      }
    }
    return found;
  };
  if (opts.fresh) return load(new Set(skus));
  if (skus.length === 1) {
    // An add-to-cart: concurrent ones of the same SKU share the read when the entry has expired.
    const sku = skus[0]!;
    const price = await cache.getOrLoad(
      keyOf(sku),
      async () => (await load(new Set(skus))).get(sku),
      version,
    );
    if (price) out.set(sku, price);
    return out;
  }
  for (const sku of skus) {
    const hit = cache.get(keyOf(sku), version);
    if (hit) out.set(sku, hit);
  }
  if (out.size === new Set(skus).size) return out;
  for (const [sku, price] of await load(new Set(skus))) out.set(sku, price);
  return out;
}
