// A small retailer built through the public HTTP API for carts/orders end-to-end tests: price lists,
// channels (app, webshop with a campaign price, two store tills), a warehouse and two stores with
// coordinates, channel sourcing, three products listed everywhere, stock, and channel-bound keys.
import { ok, type TestHub, type TestHubOptions } from './test-hub.js';

/** The hub settings these tests need: the `test` card stand-in is off unless enabled. */
export const COMMERCE_HUB_OPTIONS = {
  config: { paymentProviders: ['manual', 'test'] },
} satisfies TestHubOptions;

/** What the fixture's channels accept: cards online, cash and a card terminal at the tills. */
export const FIXTURE_PAYMENTS = { online: ['test'], till: ['manual', 'external'] };

export interface CommerceFixture {
  channels: Record<'app' | 'web' | 'tillAms' | 'tillSto', { id: string; code: string }>;
  locations: Record<'warehouse' | 'amsterdam' | 'stockholm', { id: string; code: string }>;
  keys: Record<'app' | 'web' | 'tillAms' | 'tillSto', string>;
  skus: { tee: string; mug: string; cap: string };
}

/** Builds the retailer; `tag` keeps codes unique when a suite builds several. */
export async function buildCommerceFixture(
  t: TestHub,
  tag: string,
  stock: Partial<
    Record<'tee' | 'mug' | 'cap', Partial<Record<'warehouse' | 'amsterdam' | 'stockholm', number>>>
  > = {},
): Promise<CommerceFixture> {
  const low = tag.toLowerCase();
  const eur = await ok(t, 'POST', '/api/catalog/price-lists', {
    code: `eur-${low}`,
    name: 'EUR',
    currency: 'EUR',
  });
  const sek = await ok(t, 'POST', '/api/catalog/price-lists', {
    code: `sek-${low}`,
    name: 'SEK',
    currency: 'SEK',
  });
  const channel = async (
    code: string,
    type: string,
    currency: string,
    priceListId: string,
    paymentProviders: string[],
  ) =>
    ok(t, 'POST', '/api/channels', {
      code: `${code}-${low}`,
      name: code,
      type,
      currency,
      locales: ['en'],
      priceListId,
      paymentProviders,
    });
  const channels = {
    app: await channel('app', 'mobile_app', 'EUR', eur.id, FIXTURE_PAYMENTS.online),
    web: await channel('web', 'web', 'EUR', eur.id, FIXTURE_PAYMENTS.online),
    tillAms: await channel('till-ams', 'store', 'EUR', eur.id, FIXTURE_PAYMENTS.till),
    tillSto: await channel('till-sto', 'store', 'SEK', sek.id, FIXTURE_PAYMENTS.till),
  };
  const location = async (code: string, type: string, country: string, latitude: number, longitude: number) =>
    ok(t, 'POST', '/api/inventory/locations', {
      code: `${code}-${low}`,
      name: code,
      type,
      address: { city: code, country },
      latitude,
      longitude,
    });
  const locations = {
    warehouse: await location('warehouse', 'warehouse', 'NL', 51.92, 4.48),
    amsterdam: await location('amsterdam', 'store', 'NL', 52.37, 4.89),
    stockholm: await location('stockholm', 'store', 'SE', 59.33, 18.06),
  };
  const all = [locations.warehouse.id, locations.amsterdam.id, locations.stockholm.id];
  for (const [c, locs] of [
    [channels.app, all],
    [channels.web, all],
    [channels.tillAms, [locations.amsterdam.id]],
    [channels.tillSto, [locations.stockholm.id]],
  ] as const) {
    await ok(t, 'PUT', `/api/inventory/channels/${c.id}/sourcing`, { locationIds: locs, safetyBuffer: 0 });
  }
  const skus = { tee: `TEE-${tag}`, mug: `MUG-${tag}`, cap: `CAP-${tag}` };
  const products: Array<[keyof typeof skus, string, number, number]> = [
    ['tee', 'Fjord tee', 2500, 29900],
    ['mug', 'Field mug', 1200, 14900],
    ['cap', 'Trail cap', 1800, 19900],
  ];
  for (const [key, title, eurPrice, sekPrice] of products) {
    const product = await ok(t, 'POST', '/api/catalog/products', {
      handle: `${key}-${low}`,
      defaultLocale: 'en',
      content: { en: { title } },
      variants: [
        {
          sku: skus[key],
          prices: [
            { priceListId: eur.id, amount: eurPrice, currency: 'EUR' },
            { priceListId: sek.id, amount: sekPrice, currency: 'SEK' },
          ],
        },
      ],
    });
    for (const c of Object.values(channels)) {
      await ok(t, 'PUT', `/api/channels/${c.id}/listings/${product.id}`, { published: true });
    }
  }
  // The webshop runs a campaign on the tee (its own channel price).
  await ok(t, 'PUT', `/api/channels/${channels.web.id}/prices`, {
    prices: [{ sku: skus.tee, amount: 1990, currency: 'EUR' }],
  });
  const levels = {
    tee: { warehouse: 10, amsterdam: 3, stockholm: 2 },
    mug: { warehouse: 10, amsterdam: 2, stockholm: 2 },
    cap: { warehouse: 10, amsterdam: 2, stockholm: 2 },
    ...stock,
  };
  for (const [key, at] of Object.entries(levels) as Array<[keyof typeof skus, Record<string, number>]>) {
    for (const [loc, quantity] of Object.entries(at)) {
      if (!quantity) continue;
      await ok(t, 'POST', '/api/inventory/adjustments', {
        kind: 'receive',
        sku: skus[key],
        location: locations[loc as keyof typeof locations].id,
        quantity,
      });
    }
  }
  const scopes = ['carts:write', 'orders:write', 'inventory:read', 'customers:read'];
  const key = async (name: string, channelId: string) =>
    (await ok(t, 'POST', '/api/keys', { name: `${name}-${tag}`, scopes, channelId })).secret as string;
  const keys = {
    app: await key('app', channels.app.id),
    web: await key('web', channels.web.id),
    tillAms: await key('till-ams', channels.tillAms.id),
    tillSto: await key('till-sto', channels.tillSto.id),
  };
  return { channels, locations, keys, skus };
}
