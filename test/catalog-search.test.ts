// Catalog search as a channel shows it (#17 item 2), on both databases: full text in the shopper's
// language, typos forgiven (swapped letters, a look-alike Cyrillic letter, a letter off), facets over
// all that matches, filters, sorting in the API, suggestions as you type; and refusals: no key, a key
// without catalog:read, another channel's publishable key, hostile parameters naming the field.
import { expect, it } from 'vitest';
import { describeEachHub } from './helpers/test-hub.js';

type Item = {
  id: string;
  handle: string;
  title: string;
  variants: Array<{ price: { amount: number } | null }>;
};
const low = (p: Item) => Math.min(...p.variants.map((v) => v.price?.amount ?? Number.POSITIVE_INFINITY));

describeEachHub(
  'catalog search',
  (t) => {
    const search = async (query: string, key?: string) => {
      const r = await t.api('GET', `/api/channels/webshop/search?${query}`, key ? { key } : {});
      expect(r.status, JSON.stringify(r.body)).toBe(200);
      return r.body as {
        items: Item[];
        total: number;
        facets: {
          categories: Array<{ value: string; count: number }>;
          options: Array<{ name: string; value: string; count: number }>;
          price: { min: number; max: number } | null;
        };
        didYouMean: string | null;
      };
    };

    it('finds the parka from "prakа" (swapped letters and a Cyrillic а) and says what it read', async () => {
      for (const q of ['prak\u0430', 'praka', 'parka', 'PARKA', 'insulted parka', 'parkka']) {
        const r = await search(`q=${encodeURIComponent(q)}&locale=en`);
        expect(r.total, q).toBe(1);
        expect(r.items[0]!.handle, q).toBe('fjell-parka');
      }
      expect((await search('q=praka&locale=en')).didYouMean).toBe('parka');
      expect((await search('q=parka&locale=en')).didYouMean).toBeNull();
      // Nothing like it: no match rather than everything.
      expect((await search('q=zzqxw&locale=en')).total).toBe(0);
    });

    it("searches in the page's language with its stemming and shows that language's titles", async () => {
      const nl = await search(`q=${encodeURIComponent('gevoerde parka')}&locale=nl`);
      expect(nl.total).toBe(1);
      expect(nl.items[0]!.title).toMatch(/^Fjell gevoerde parka/);
      // Swedish "parkas" (its own word for it) is found from the singular by the Swedish stemmer.
      const sv = await search('q=parkas&locale=sv');
      expect(sv.total).toBe(1);
      expect(sv.items[0]!.title).toMatch(/parkas/);
      const bg = await search(`q=${encodeURIComponent('парка')}&locale=bg`);
      expect(bg.total).toBe(1);
      expect(bg.items[0]!.title).toMatch(/^Парка/);
    });

    it('counts facets over every match and filters by category, option and price', async () => {
      const all = await search('limit=1');
      expect(all.total).toBe(10);
      expect(all.items).toHaveLength(1);
      const jackets = all.facets.categories.find((c) => c.value === 'jackets');
      expect(jackets?.count).toBeGreaterThan(0);
      const colours = all.facets.options.filter((o) => o.name === 'colour');
      expect(colours).toHaveLength(5);
      // Every product comes in all five colours (variants of one product, not a product per colour).
      expect(colours.every((c) => c.count === 10)).toBe(true);
      expect(all.facets.price!.min).toBeLessThan(all.facets.price!.max);

      const inJackets = await search('category=jackets&limit=100');
      expect(inJackets.total).toBe(jackets!.count);
      const colour = colours[0]!.value;
      const oneColourJackets = await search(`category=jackets&option=colour:${colour}&limit=100`);
      expect(oneColourJackets.total).toBe(jackets!.count);
      // Sizes tell products apart: shoe sizes only footwear has, and never a jacket.
      const shoeSized = await search('option=size:42&limit=100');
      expect(shoeSized.total).toBe(all.facets.categories.find((c) => c.value === 'footwear')!.count);
      expect(shoeSized.facets.categories.map((c) => c.value)).toEqual(['footwear']);
      expect((await search('category=jackets&option=size:42')).total).toBe(0);
      // Two options together: a variant must have both.
      expect((await search(`option=size:42&option=colour:${colour}`)).total).toBe(shoeSized.total);
      expect((await search('option=size:42&option=size:S')).total).toBe(0);
      const cheap = await search(`maxPrice=${all.facets.price!.min}&limit=100`);
      expect(cheap.total).toBeGreaterThan(0);
      expect(cheap.items.every((p) => low(p) === all.facets.price!.min)).toBe(true);
      expect((await search(`q=parka&minPrice=${all.facets.price!.max + 1}`)).total).toBe(0);
    });

    it('sorts in the API, pages without overlap, and filters by stock', async () => {
      const asc = await search('sort=price_asc&limit=100');
      const prices = asc.items.map(low);
      expect(prices).toEqual([...prices].sort((a, b) => a - b));
      const desc = await search('sort=price_desc&limit=100');
      expect(desc.items.map(low)).toEqual([...prices].sort((a, b) => b - a));
      const titles = (await search('sort=title&limit=100&locale=en')).items.map((p) => p.title);
      expect(titles).toEqual([...titles].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)));
      const first = await search('sort=price_asc&limit=4');
      const second = await search('sort=price_asc&limit=4&offset=4');
      expect(first.items.map((p) => p.id)).toEqual(asc.items.slice(0, 4).map((p) => p.id));
      expect(second.items.map((p) => p.id)).toEqual(asc.items.slice(4, 8).map((p) => p.id));

      const stocked = await search('inStock=true&limit=100');
      expect(stocked.total).toBeGreaterThan(0);
      for (const p of stocked.items) {
        const one = await t.api('GET', `/api/channels/webshop/products/${p.id}`);
        expect(one.body.availableToSell).toBeGreaterThan(0);
      }
      expect((await search('inStock=true&store=store-amsterdam&limit=1')).total).toBeGreaterThan(0);
    });

    it('suggests products as the shopper types', async () => {
      const r = await t.api('GET', '/api/channels/webshop/suggest?q=par&locale=en');
      expect(r.status).toBe(200);
      expect(r.body.suggestions.length).toBeGreaterThan(0);
      expect(r.body.suggestions[0].title).toMatch(/parka/i);
      const typo = await t.api('GET', '/api/channels/webshop/suggest?q=skgo%20rain&locale=en');
      expect(typo.body.suggestions[0].title).toMatch(/^Skog rain shell/);
      expect(typo.body.didYouMean).toBe('skog rain');
    });

    it("reads prices in the currency's own exponent: yen without decimals, dinars with three", async () => {
      // Two products per channel; the API's amounts are always minor units of the channel currency.
      for (const [currency, code, prices] of [
        ['JPY', 'shop-jp', [1500, 3200]],
        ['KWD', 'shop-kw', [12_500, 25_250]],
      ] as const) {
        const list = await t.api('POST', '/api/catalog/price-lists', {
          body: { code: `retail-${code}`, name: currency, currency },
        });
        expect(list.status, JSON.stringify(list.body)).toBe(201);
        const channel = await t.api('POST', '/api/channels', {
          body: { code, name: code, type: 'web', currency, locales: ['en'], priceListId: list.body.id },
        });
        expect(channel.status, JSON.stringify(channel.body)).toBe(201);
        for (const [i, amount] of prices.entries()) {
          const handle = `${code}-kettle-${i}`;
          const made = await t.api('POST', '/api/catalog/products', {
            body: {
              handle,
              defaultLocale: 'en',
              content: { en: { title: `Kettle ${i}` } },
              variants: [
                { sku: handle.toUpperCase(), prices: [{ priceListId: list.body.id, amount, currency }] },
              ],
            },
          });
          expect(made.status, JSON.stringify(made.body)).toBe(201);
          await t.api('PUT', `/api/channels/${code}/listings/${handle}`, { body: { published: true } });
        }
        const r = await t.api('GET', `/api/channels/${code}/search?limit=10`);
        expect(r.body.facets.price).toEqual({ min: prices[0], max: prices[1] });
        // What a shopper typing "2000" yen or "20.000" dinars means, in minor units.
        const min = currency === 'JPY' ? 2000 : 20_000;
        const above = await t.api('GET', `/api/channels/${code}/search?minPrice=${min}`);
        expect(above.body.items.map((p: Item) => p.handle)).toEqual([`${code}-kettle-1`]);
        const below = await t.api('GET', `/api/channels/${code}/search?maxPrice=${min}`);
        expect(below.body.items.map((p: Item) => p.handle)).toEqual([`${code}-kettle-0`]);
        // The shareable page's price is a decimal in the same exponent.
        const html = (await t.hub.http.inject({ method: 'GET', url: `/store/${code}/p/${code}-kettle-0` }))
          .body;
        expect(html).toContain(
          `<meta property="product:price:amount" content="${currency === 'JPY' ? '1500' : '12.500'}">`,
        );
      }
    });

    it('refuses without a key, without catalog:read, with another channel key, and hostile input', async () => {
      expect((await t.api('GET', '/api/channels/webshop/search?q=parka', { key: null })).status).toBe(401);
      const noRead = await t.api('POST', '/api/keys', { body: { name: 'no-read', scopes: ['orders:read'] } });
      expect(
        (await t.api('GET', '/api/channels/webshop/search?q=parka', { key: noRead.body.secret })).status,
      ).toBe(403);
      const page = (await t.hub.http.inject({ method: 'GET', url: '/store/app' })).body;
      const appKey = /<meta name="omnihub-publishable-key" content="([^"]+)">/.exec(page)?.[1];
      expect(appKey).toMatch(/^ohpk_/);
      expect((await t.api('GET', '/api/channels/webshop/search?q=parka', { key: appKey! })).status).toBe(403);
      expect((await t.api('GET', '/api/channels/app/search?q=parka', { key: appKey! })).status).toBe(200);
      expect((await t.api('GET', '/api/channels/webshop/suggest?q=par', { key: appKey! })).status).toBe(403);

      for (const [query, field] of [
        ['sort=cheapest', 'sort'],
        ['option=colour', 'option'],
        ['limit=1000', 'limit'],
        ['offset=-1', 'offset'],
        ['minPrice=abc', 'minPrice'],
        [`q=${'a'.repeat(201)}`, 'q'],
        ['category=DROP%20TABLE', 'category'],
        ['inStock=yes', 'inStock'],
        ['extra=1', ''],
      ] as const) {
        const r = await t.api('GET', `/api/channels/webshop/search?${query}`);
        expect(r.status, query).toBe(400);
        expect(JSON.stringify(r.body), query).toContain(field);
      }
      expect((await t.api('GET', '/api/channels/webshop/search?inStock=true&store=nowhere')).status).toBe(
        404,
      );
      // Query text is data, never syntax: tsquery operators and quotes find nothing, no 500.
      for (const q of ["parka' | !", '&|!():*', '\\', "'''"]) {
        const r = await t.api('GET', `/api/channels/webshop/search?q=${encodeURIComponent(q)}`);
        expect(r.status, q).toBe(200);
      }
    });
  },
  { demo: true },
);
