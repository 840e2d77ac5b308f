// Search answers kept in memory (#17 catalog-search): a repeated search costs no statement, a cold
// one a fixed few whatever the catalog's size; and what a search counts beyond its page (total,
// facets, the price range, "in stock") shows on the next read after a price, a stock change or an
// unpublish of a product that is not on the page.
import pg from 'pg';
import { expect, it } from 'vitest';
import { consumerLags } from '../src/platform/events/consumer.js';
import { describeEachHub } from './helpers/test-hub.js';

const rows = (n: number) =>
  Array.from({ length: n }, (_, i) => {
    const handle = `sc-parka-${i}`;
    const sku = `SC-PARKA-${i}`;
    return [
      { kind: 'product', handle, locale: 'en', title: `Storm parka ${i}`, categories: ['jackets'] },
      { kind: 'variant', handle, sku, options: { colour: i % 2 ? 'moss' : 'sand' } },
      { kind: 'price', sku, price_list: 'sc-eur', currency: 'EUR', amount: 5000 + i },
      { kind: 'stock', sku, location: 'sc-wh', quantity: i === 0 ? 0 : 2 },
      { kind: 'listing', channel: 'sc-shop', handle, published: true },
    ];
  })
    .flat()
    .map((r) => JSON.stringify(r))
    .join('\n');

type Search = {
  items: Array<{ handle: string }>;
  total: number;
  facets: { price: { min: number; max: number } | null; options: Array<{ value: string; count: number }> };
};

/**
 * Counts the statements PostgreSQL clients send while fn runs that read the catalog, stock or
 * pictures (the hub's background jobs run meanwhile and are not counted).
 */
async function statementsDuring(fn: () => Promise<unknown>): Promise<string[]> {
  const original = pg.Client.prototype.query;
  const statements: string[] = [];
  pg.Client.prototype.query = function (this: pg.Client, ...args: unknown[]) {
    const q = args[0] as string | { text?: string };
    const text = typeof q === 'string' ? q : (q.text ?? '');
    // A search writes no stock: a write to inventory_ is the background (the hold-expiry sweep).
    if (
      /catalog_|inventory_|media_/.test(text) &&
      !/^\s*(update|insert into|delete from) inventory_/i.test(text)
    )
      statements.push(text.replace(/\s+/g, ' ').slice(0, 80));
    return (original as (...a: unknown[]) => unknown).apply(this, args);
  } as typeof original;
  try {
    await fn();
  } finally {
    pg.Client.prototype.query = original;
  }
  return statements;
}

describeEachHub(
  'catalog search kept in memory until an event changes what it counts',
  (t) => {
    const search = async (query: string) => {
      const r = await t.api('GET', `/api/channels/sc-shop/search?${query}`);
      expect(r.status, JSON.stringify(r.body)).toBe(200);
      return r.body as Search;
    };

    it('sets up a channel of 8 parkas, one without stock', async () => {
      const list = await t.api('POST', '/api/catalog/price-lists', {
        body: { code: 'sc-eur', name: 'EUR', currency: 'EUR' },
      });
      await t.api('POST', '/api/inventory/locations', {
        body: { code: 'sc-wh', name: 'Warehouse', type: 'warehouse' },
      });
      const made = await t.api('POST', '/api/channels', {
        body: {
          code: 'sc-shop',
          name: 'sc',
          type: 'web',
          currency: 'EUR',
          locales: ['en'],
          priceListId: list.body.id,
        },
      });
      expect(made.status).toBe(201);
      await t.api('PUT', '/api/inventory/channels/sc-shop/sourcing', {
        body: { locationIds: ['sc-wh'], safetyBuffer: 0 },
      });
      const imported = await t.api('POST', '/api/imports?format=ndjson', {
        body: `${rows(8)}\n`,
        headers: { 'content-type': 'application/x-ndjson' },
      });
      expect(imported.body).toMatchObject({ status: 'completed', rowsRejected: 0 });
    });

    it('costs a few statements cold and none warm', async () => {
      // The background consumers (restock reads stock after the import's receipts) first catch up, so
      // what is counted is the searches'.
      for (let i = 0; i < 200; i++) {
        const lags = await consumerLags(t.hub.database.db);
        if (lags.every((l) => l.seconds === 0)) break;
        await new Promise((r) => setTimeout(r, 100));
      }
      // The channel's first search builds its search rows (4 statements, once per channel and scope).
      const built = await statementsDuring(async () => {
        expect((await search('q=nothing-like-it')).total).toBe(0);
      });
      if (t.kind === 'postgres')
        expect(built.filter((s) => s.includes('catalog_search_rows ('))).toHaveLength(1);
      let first: Search | undefined;
      const cold = await statementsDuring(async () => {
        first = await search('q=praka&limit=2&sort=price_asc');
      });
      expect(first!.total).toBe(8);
      expect(first!.items.map((p) => p.handle)).toEqual(['sc-parka-0', 'sc-parka-1']);
      // The words, the page with its facets, the page's products, their stock and pictures: never one
      // statement per match. (PGlite runs in process and is not counted.)
      if (t.kind === 'postgres') expect(cold.length, cold.join('\n')).toBeLessThanOrEqual(5);
      const warm = await statementsDuring(async () => {
        for (let i = 0; i < 20; i++) expect(await search('q=praka&limit=2&sort=price_asc')).toEqual(first);
      });
      if (t.kind === 'postgres') expect(warm, warm.join('\n')).toEqual([]);
    });

    it("shows a price, stock or listing change of a product off the page in the next search's counts", async () => {
      const before = await search('q=parka&limit=2');
      expect(before.facets.price).toEqual({ min: 5000, max: 5007 });
      const price = await t.api('PUT', '/api/catalog/price-lists/sc-eur/prices', {
        body: { prices: [{ sku: 'SC-PARKA-7', amount: 9999, currency: 'EUR' }] },
      });
      expect(price.status).toBe(200);
      expect((await search('q=parka&limit=2')).facets.price).toEqual({ min: 5000, max: 9999 });

      expect((await search('q=parka&limit=2&inStock=true')).total).toBe(7);
      const stock = await t.api('POST', '/api/inventory/adjustments', {
        body: { kind: 'receive', sku: 'SC-PARKA-0', location: 'sc-wh', quantity: 3 },
      });
      expect(stock.status).toBe(201);
      expect((await search('q=parka&limit=2&inStock=true')).total).toBe(8);

      const hidden = await t.api('PUT', '/api/channels/sc-shop/listings/sc-parka-6', {
        body: { published: false },
      });
      expect(hidden.status).toBe(200);
      const after = await search('q=parka&limit=2');
      expect(after.total).toBe(7);
      expect(after.facets.options.find((o) => o.value === 'sand')?.count).toBe(3);
    });
    it("keeps the search rows with the catalog's writes and rebuilds them for a channel's new price list", async () => {
      // A product imported after the channel's rows were built is found at once (rows are written in
      // the import's transaction), with its option value in the facets.
      const added = await t.api('POST', '/api/imports?format=ndjson', {
        body: `${[
          {
            kind: 'product',
            handle: 'sc-anorak',
            locale: 'en',
            title: 'Storm anorak',
            categories: ['jackets'],
          },
          { kind: 'variant', handle: 'sc-anorak', sku: 'SC-ANORAK', options: { colour: 'rust' } },
          { kind: 'price', sku: 'SC-ANORAK', price_list: 'sc-eur', currency: 'EUR', amount: 4200 },
          { kind: 'listing', channel: 'sc-shop', handle: 'sc-anorak', published: true },
        ]
          .map((r) => JSON.stringify(r))
          .join('\n')}\n`,
        headers: { 'content-type': 'application/x-ndjson' },
      });
      expect(added.body).toMatchObject({ status: 'completed', rowsRejected: 0 });
      const anorak = await search('q=anorka');
      expect(anorak.items.map((i) => i.handle)).toEqual(['sc-anorak']);
      expect(anorak.facets.options).toEqual([{ name: 'colour', value: 'rust', count: 1 }]);
      expect(anorak.facets.price).toEqual({ min: 4200, max: 4200 });

      // Another price list for the channel: its search rows are rebuilt with that list's prices.
      const list = await t.api('POST', '/api/catalog/price-lists', {
        body: { code: 'sc-eur-2', name: 'EUR 2', currency: 'EUR' },
      });
      const priced = await t.api('PUT', '/api/catalog/price-lists/sc-eur-2/prices', {
        body: { prices: [{ sku: 'SC-ANORAK', amount: 3900, currency: 'EUR' }] },
      });
      expect(priced.status).toBe(200);
      const moved = await t.api('PATCH', '/api/channels/sc-shop', { body: { priceListId: list.body.id } });
      expect(moved.status, JSON.stringify(moved.body)).toBe(200);
      expect((await search('q=anorak')).facets.price).toEqual({ min: 3900, max: 3900 });
      expect((await search('q=parka&minPrice=1')).total).toBe(0);
    });
  },
  { engines: ['pglite', 'postgres'] },
);
