// Channels built through the public HTTP API for tests that push to or hear from a channel (a remote
// shop is a startChannelReceiver stand-in). buildWebshop: one webshop with its own EUR price list, one
// store feeding it, n listed products at 14.50 EUR with stock (buildCommerceFixture is the whole
// retailer). createWebChannel: a bare web channel.
import { ok, type TestHub } from './test-hub.js';

export interface Webshop {
  channelId: string;
  priceListId: string;
  locationId: string;
  skus: string[];
  productIds: string[];
}

export interface WebshopOptions {
  /** The channel's safety buffer (default 0). */
  buffer?: number;
  /** How many listed products (default 1), titled `Fjord tee <i>`. */
  products?: number;
  /** Units received at the store per SKU (default 10). */
  stock?: number;
  description?: string;
}

/** Builds the webshop; `tag` keeps codes, handles and SKUs unique when a suite builds several. */
export async function buildWebshop(t: TestHub, tag: string, opts: WebshopOptions = {}): Promise<Webshop> {
  const pl = await ok(t, 'POST', '/api/catalog/price-lists', {
    code: `eur-${tag}`,
    name: 'EUR',
    currency: 'EUR',
  });
  const channel = await ok(t, 'POST', '/api/channels', {
    code: `web-${tag}`,
    name: 'Webshop',
    type: 'web',
    currency: 'EUR',
    locales: ['en'],
    priceListId: pl.id,
  });
  const loc = await ok(t, 'POST', '/api/inventory/locations', {
    code: `store-${tag}`,
    name: 'Store',
    type: 'store',
  });
  await ok(t, 'PUT', `/api/inventory/channels/${channel.id}/sourcing`, {
    locationIds: [loc.id],
    safetyBuffer: opts.buffer ?? 0,
  });
  const shop: Webshop = {
    channelId: channel.id,
    priceListId: pl.id,
    locationId: loc.id,
    skus: [],
    productIds: [],
  };
  for (let i = 0; i < (opts.products ?? 1); i++) {
    const sku = `SKU${i}-${tag}`.toUpperCase();
    const title = `Fjord tee ${i}`;
    const product = await ok(t, 'POST', '/api/catalog/products', {
      handle: `p${i}-${tag}`,
      defaultLocale: 'en',
      content: { en: opts.description === undefined ? { title } : { title, description: opts.description } },
      variants: [{ sku, prices: [{ priceListId: pl.id, amount: 1450, currency: 'EUR' }] }],
    });
    await ok(t, 'PUT', `/api/channels/${channel.id}/listings/${product.id}`, { published: true });
    await ok(t, 'POST', '/api/inventory/adjustments', {
      kind: 'receive',
      sku,
      location: loc.id,
      quantity: opts.stock ?? 10,
    });
    shop.skus.push(sku);
    shop.productIds.push(product.id);
  }
  // Setup events reach the queue before any connection exists, so they queue nothing.
  await t.hub.integration.channelSync!.enqueuer!.caughtUp();
  return shop;
}

/** A bare EUR web channel named by its code (no price list, stock or products); returns its id. */
export async function createWebChannel(t: TestHub, code: string): Promise<string> {
  return (
    await ok(t, 'POST', '/api/channels', { code, name: code, type: 'web', currency: 'EUR', locales: ['en'] })
  ).id;
}
