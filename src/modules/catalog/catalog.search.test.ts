// Bounded search (#17): below `exactUpTo` matches a search is exactly what an unbounded one finds
// (total, page, facets); above it the total is the bound (totalAtLeast), facets are a sample of the
// matches, a relevance page comes from matches only, and any other order stays exact. A property over
// random queries compares each against the same search with no bound.
import fc from 'fast-check';
import { expect, it } from 'vitest';
import { describeEachDatabase } from '../../platform/testing/test-databases.js';
import { type ChannelSearchQuery, catalogMigrations, createCatalogService, SEARCH_SORTS } from './index.js';

const catalog = createCatalogService();
const CHANNEL = 'chn_search_bound';
const NOUNS = ['parka', 'jacket', 'fleece', 'boots'];
const ADJECTIVES = ['insulated', 'waterproof', 'merino'];
const COLOURS = ['moss', 'rust', 'sand'];
const PRODUCTS = 48;
const BOUND = 7;

describeEachDatabase('catalog search, bounded', [catalogMigrations], (t) => {
  const scope = { channelId: CHANNEL, currency: 'EUR', priceListId: null as string | null, locales: ['en'] };
  const search = (q: ChannelSearchQuery) => catalog.channelSearch(t.ctx(), scope, q);

  it('sets up a channel of 48 products, 12 of each noun', async () => {
    const ctx = t.ctx();
    const list = await catalog.createPriceList(ctx, { code: 'bound-eur', name: 'EUR', currency: 'EUR' });
    scope.priceListId = list.id;
    for (let p = 0; p < PRODUCTS; p++) {
      const colour = COLOURS[p % COLOURS.length]!;
      await catalog.createProduct(ctx, {
        handle: `bound-${p}`,
        defaultLocale: 'en',
        content: { en: { title: `${ADJECTIVES[p % 3]} ${NOUNS[p % 4]} ${colour}`, description: 'outdoors' } },
        categories: [`cat-${p % 5}`],
        variants: [
          {
            sku: `BOUND-${p}`,
            options: { colour, size: `S${p % 2}` },
            prices: [{ priceListId: list.id, amount: 1000 + ((p * 37) % 900), currency: 'EUR' }],
          },
        ],
      });
    }
    const items = Array.from({ length: PRODUCTS }, (_, p) => ({ product: `bound-${p}`, published: true }));
    await catalog.setListings(ctx, CHANNEL, items);
    expect((await search({ q: 'jakcet', options: [], sort: 'relevance', offset: 0, limit: 5 })).total).toBe(
      12,
    );
  });

  it('still finds the parka from "prakа" with a bound below its matches', async () => {
    const r = await search({
      q: 'prak\u0430',
      options: [],
      sort: 'relevance',
      offset: 0,
      limit: 50,
      exactUpTo: 3,
    });
    expect(r).toMatchObject({ total: 3, totalAtLeast: true, didYouMean: 'parka' });
    expect(r.facets.sampled).toBe(true);
    expect(r.ids).toHaveLength(3);
  });

  it('answers exactly below the bound, and within bounds (sorted pages exact) above it', async () => {
    const query = fc.record({
      q: fc.constantFrom(undefined, 'jakcet', 'prak\u0430', 'flece', 'merino', 'waterprof boots', 'zzqx'),
      category: fc.constantFrom(undefined, 'cat-1', 'cat-3'),
      options: fc.constantFrom<Array<[string, string]>>([], [['colour', 'moss']], [['size', 'S1']]),
      minPrice: fc.option(fc.integer({ min: 900, max: 1500 }), { nil: undefined }),
      maxPrice: fc.option(fc.integer({ min: 1400, max: 2000 }), { nil: undefined }),
      sort: fc.constantFrom(...SEARCH_SORTS),
      offset: fc.integer({ min: 0, max: 12 }),
      limit: fc.integer({ min: 1, max: 10 }),
    });
    await fc.assert(
      fc.asyncProperty(query, async (q) => {
        const exact = await search({ ...q, exactUpTo: 10_000 });
        // The default bound (1,000) is far above this catalog: the same answer.
        expect(await search(q)).toEqual(exact);
        expect(exact.totalAtLeast).toBe(false);
        const bounded = await search({ ...q, exactUpTo: BOUND });
        if (exact.total <= BOUND) {
          expect(bounded).toEqual(exact);
          return;
        }
        expect(bounded.total).toBe(BOUND);
        expect(bounded.totalAtLeast).toBe(true);
        expect(bounded.facets.sampled).toBe(true);
        expect(bounded.didYouMean).toBe(exact.didYouMean);
        const all = await search({ ...q, offset: 0, limit: PRODUCTS, exactUpTo: 10_000 });
        expect(all.ids.length).toBe(exact.total);
        for (const id of bounded.ids) expect(all.ids).toContain(id);
        // Ordered by anything but relevance (or no words to rank), the page is the exact one.
        if (q.sort !== 'relevance' || !q.q) expect(bounded.ids).toEqual(exact.ids);
        const counted = bounded.facets.categories.reduce((n, c) => n + c.count, 0);
        expect(counted).toBe(BOUND); // one category per product, over the sample of BOUND matches
        for (const o of bounded.facets.options) {
          const full = exact.facets.options.find((e) => e.name === o.name && e.value === o.value);
          expect(o.count).toBeLessThanOrEqual(full!.count);
        }
      }),
      { numRuns: 40 },
    );
  });
});
