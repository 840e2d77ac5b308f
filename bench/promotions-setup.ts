// Seeding shared by the pricing and coupon-race scenarios: channels with a price list, a store with
// stock, products in categories, channel-bound keys, and synthetic campaigns.
import { api, type BenchContext } from './harness.js';

type B = Pick<BenchContext, 'baseUrl' | 'adminKey'>;

export async function must(r: Promise<{ status: number; body: any }>, what: string) {
  const res = await r;
  if (res.status >= 300) throw new Error(`${what}: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body;
}

export interface Shop {
  channels: Array<{ id: string; key: string }>;
  storeId: string;
  skus: string[];
  categories: string[];
}

export async function setUpShop(
  b: B,
  o: { channels: number; products: number; stock: number },
): Promise<Shop> {
  const list = await must(
    api(b, 'POST', '/api/catalog/price-lists', { code: 'promo-eur', name: 'EUR', currency: 'EUR' }),
    'price list',
  );
  const store = await must(
    api(b, 'POST', '/api/inventory/locations', {
      code: 'promo-store',
      name: 'Store',
      type: 'store',
      address: { country: 'NL' },
    }),
    'location',
  );
  const channels: Shop['channels'] = [];
  for (let i = 0; i < o.channels; i++) {
    const ch = await must(
      api(b, 'POST', '/api/channels', {
        code: `promo-${i}`,
        name: `Promo ${i}`,
        type: i === 0 ? 'web' : i === 1 ? 'mobile_app' : 'social',
        currency: 'EUR',
        locales: ['en'],
        priceListId: list.id,
        paymentProviders: ['test'],
      }),
      'channel',
    );
    await must(
      api(b, 'PUT', `/api/inventory/channels/${ch.id}/sourcing`, {
        locationIds: [store.id],
        safetyBuffer: 0,
      }),
      'sourcing',
    );
    const key = await must(
      api(b, 'POST', '/api/keys', {
        name: `promo ${i}`,
        scopes: ['carts:write', 'orders:write'],
        channelId: ch.id,
      }),
      'key',
    );
    channels.push({ id: ch.id, key: key.secret });
  }
  const categories = Array.from({ length: 20 }, (_, i) => `cat-${i}`);
  const skus: string[] = [];
  for (let i = 0; i < o.products; i++) {
    const sku = `PROMO-${i}`;
    skus.push(sku);
    const product = await must(
      api(b, 'POST', '/api/catalog/products', {
        handle: `promo-${i}`,
        defaultLocale: 'en',
        categories: [categories[i % categories.length]],
        content: { en: { title: `Product ${i}` } },
        variants: [{ sku, prices: [{ priceListId: list.id, amount: 1000 + i * 37, currency: 'EUR' }] }],
      }),
      'product',
    );
    for (const ch of channels) {
      await must(
        api(b, 'PUT', `/api/channels/${ch.id}/listings/${product.id}`, { published: true }),
        'listing',
      );
    }
    await must(
      api(b, 'POST', '/api/inventory/adjustments', {
        kind: 'receive',
        sku,
        location: store.id,
        quantity: o.stock,
      }),
      'stock',
    );
  }
  return { channels, storeId: store.id, skus, categories };
}

/** A mix like a real catalogue of campaigns: most narrowed to a category, SKU or channel. */
export function syntheticCampaign(
  i: number,
  o: { channelIds: string[]; skus: string[]; categories: string[] },
) {
  const conditions: Record<string, unknown> = {};
  if (i % 3 === 0) conditions.categories = [o.categories[i % o.categories.length]];
  else if (i % 3 === 1) conditions.skus = [o.skus[i % o.skus.length], o.skus[(i * 7) % o.skus.length]];
  if (i % 2 === 0) conditions.channelIds = [o.channelIds[i % o.channelIds.length]];
  if (i % 5 === 0) conditions.minSpend = 5_000 + (i % 7) * 1_000;
  if (i % 11 === 0) conditions.customerTags = ['vip'];
  const benefits = [
    { type: 'percentage', percentBp: 500 + (i % 10) * 100 },
    { type: 'fixed', amount: 100 + (i % 9) * 50 },
    { type: 'buy_x_get_y', buy: 2, get: 1, percentBp: 5000 },
    {
      type: 'tiered',
      tiers: [
        { minSpend: 10_000, amount: 1_000 },
        { minSpend: 20_000, amount: 2_500 },
      ],
    },
  ];
  return {
    name: `Campaign ${i}`,
    kind: 'automatic' as const,
    currency: 'EUR',
    priority: i % 4,
    stacking: i % 50 === 3 ? 'exclusive' : i % 4 === 1 ? 'best_for_customer' : 'stackable',
    conditions,
    benefit: benefits[i % benefits.length]!,
  };
}
