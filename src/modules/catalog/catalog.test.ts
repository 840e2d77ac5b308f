import { describe, expect, it } from 'vitest';
import { AppError } from '../../kernel/index.js';
import { readWrittenEvents } from '../../platform/testing/read-written-events.js';
import { describeEachDatabase } from '../../platform/testing/test-databases.js';
import { catalogMigrations, createCatalogService, type ProductInput } from './index.js';

const catalog = createCatalogService();

const jacket = (handle: string, skus: string[], extra: Partial<ProductInput> = {}): ProductInput => ({
  handle,
  defaultLocale: 'en',
  content: { en: { title: `Jacket ${handle}`, description: 'warm' }, nl: { title: `Jas ${handle}` } },
  categories: ['jackets'],
  variants: skus.map((sku, i) => ({ sku, options: { size: ['S', 'M', 'L'][i % 3]! } })),
  ...extra,
});

async function refusal(p: Promise<unknown>): Promise<AppError> {
  const err = await p.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(AppError);
  return err as AppError;
}

describeEachDatabase('catalog', [catalogMigrations], (t) => {
  it('creates a product with variants and prices, with its events in the same transaction', async () => {
    const ctx = t.ctx();
    const eur = await catalog.createPriceList(ctx, { code: 'eur-main', name: 'EUR', currency: 'EUR' });
    const product = await catalog.createProduct(ctx, {
      ...jacket('fjell-parka', ['FP-S', 'FP-M']),
      variants: [
        {
          sku: 'FP-S',
          gtin: '4006381333931',
          prices: [{ priceListId: 'eur-main', amount: 24900, currency: 'EUR' }],
        },
        { sku: 'FP-M', prices: [{ priceListId: eur.id, amount: 25900, currency: 'EUR' }] },
      ],
    });
    expect(product.variants.map((v) => [v.sku, v.position])).toEqual([
      ['FP-S', 0],
      ['FP-M', 1],
    ]);
    expect(product.content.nl?.title).toBe('Jas fjell-parka');
    const events = await readWrittenEvents(ctx.db, { types: ['catalog.*'] });
    expect(events.map((e) => e.type)).toEqual([
      'catalog.price_list_created',
      'catalog.product_created',
      'catalog.variant_created',
      'catalog.variant_created',
      'catalog.price_changed',
      'catalog.price_changed',
    ]);
    const price = events.find((e) => e.subject === 'sku:FP-M')!;
    expect(price.payload).toMatchObject({ amount: 25900, currency: 'EUR', previousAmount: null });
  });

  it('refuses a duplicate SKU, an unknown price list and a price in another currency, writing nothing', async () => {
    const ctx = t.ctx();
    await catalog.createPriceList(ctx, { code: 'sek-main', name: 'SEK', currency: 'SEK' });
    const dup = await refusal(catalog.createProduct(ctx, jacket('dup-1', ['FP-S'])));
    expect(dup.status).toBe(409);
    const twice = await refusal(catalog.createProduct(ctx, jacket('dup-2', ['X-1', 'X-1'])));
    expect(twice.status).toBe(409);
    const wrongCurrency = await refusal(
      catalog.createProduct(ctx, {
        ...jacket('dup-3', ['Y-1']),
        variants: [{ sku: 'Y-1', prices: [{ priceListId: 'sek-main', amount: 100, currency: 'EUR' }] }],
      }),
    );
    expect(wrongCurrency.code).toBe('currency_mismatch');
    const unknownList = await refusal(
      catalog.createProduct(ctx, {
        ...jacket('dup-4', ['Z-1']),
        variants: [{ sku: 'Z-1', prices: [{ priceListId: 'nope', amount: 100, currency: 'EUR' }] }],
      }),
    );
    expect(unknownList.status).toBe(422);
    const fractional = await refusal(
      catalog.createProduct(ctx, {
        ...jacket('dup-5', ['W-1']),
        variants: [{ sku: 'W-1', prices: [{ priceListId: 'sek-main', amount: 10.5, currency: 'SEK' }] }],
      }),
    );
    expect(fractional.status).toBeGreaterThanOrEqual(400);
    for (const handle of ['dup-1', 'dup-2', 'dup-3', 'dup-4', 'dup-5']) {
      expect(await catalog.findProductsByHandles(ctx, [handle])).toEqual([]);
    }
    expect(await catalog.findVariantsBySkus(ctx, ['X-1', 'Y-1', 'Z-1', 'W-1'])).toEqual([]);
  });

  it('rejects, per item, a SKU that belongs to another product', async () => {
    const ctx = t.ctx();
    const { ids } = await catalog.upsertProducts(ctx, [
      { handle: 'other', texts: { en: { title: 'Other' } } },
    ]);
    const outcome = await catalog.upsertVariants(ctx, [
      { productId: ids.get('other')!, sku: 'FP-S' },
      { productId: ids.get('other')!, sku: 'OT-1' },
    ]);
    expect(outcome.rejected).toEqual([expect.objectContaining({ index: 0, code: 'duplicate_sku' })]);
    expect(outcome.created).toBe(1);
  });

  describe('as a channel shows it', () => {
    const channelId = 'chn_test_webshop';
    const scope = { channelId, currency: 'EUR', priceListId: null as string | null, locales: ['nl', 'en'] };

    it('pages through listed products with text in the channel locale and resolved prices', async () => {
      const ctx = t.ctx();
      const list = await catalog.createPriceList(ctx, { code: 'eur-web', name: 'web', currency: 'EUR' });
      scope.priceListId = list.id;
      for (let i = 0; i < 5; i++) {
        await catalog.createProduct(ctx, {
          ...jacket(`page-${i}`, [`PG-${i}-A`, `PG-${i}-B`]),
          categories: [i % 2 ? 'odd' : 'even'],
          content: i === 4 ? { sv: { title: 'Bara svenska' } } : jacket(`page-${i}`, []).content,
          defaultLocale: i === 4 ? 'sv' : 'en',
        });
        await catalog.setPrices(ctx, list.id, [
          { sku: `PG-${i}-A`, amount: 1000 + i, currency: 'EUR' },
          { sku: `PG-${i}-B`, amount: 2000 + i, currency: 'EUR' },
        ]);
      }
      await catalog.setListings(
        ctx,
        channelId,
        [0, 1, 2, 3, 4].map((i) => ({
          product: `page-${i}`,
          published: i !== 3,
          title: i === 2 ? 'Web-only title' : null,
        })),
      );
      await catalog.setChannelPrices(ctx, { id: channelId, currency: 'EUR' }, [
        { sku: 'PG-1-A', amount: 999, currency: 'EUR' },
      ]);

      const first = await catalog.channelPage(ctx, scope, { limit: 2 });
      expect(first.map((p) => p.handle)).toEqual(['page-0', 'page-1']);
      expect(first[0]).toMatchObject({ locale: 'nl', title: 'Jas page-0', listed: true, currency: 'EUR' });
      expect(first[1]!.variants.map((v) => [v.sku, v.price?.amount, v.priceSource])).toEqual([
        ['PG-1-A', 999, 'channel'],
        ['PG-1-B', 2001, 'price_list'],
      ]);
      const rest = await catalog.channelPage(ctx, scope, { limit: 10, after: first[1]!.id });
      expect(rest.map((p) => p.handle)).toEqual(['page-2', 'page-4']);
      expect(rest[0]!.title).toBe('Web-only title');
      expect(rest[1]).toMatchObject({ locale: 'sv', title: 'Bara svenska' });

      expect(
        (await catalog.channelPage(ctx, scope, { limit: 10, category: 'odd' })).map((p) => p.handle),
      ).toEqual(['page-1']);
      expect((await catalog.channelPage(ctx, scope, { limit: 10, q: 'PG-2' })).map((p) => p.handle)).toEqual([
        'page-2',
      ]);
    });

    it('prices nothing from a price list in another currency, and shows unlisted products by SKU as unlisted', async () => {
      const ctx = t.ctx();
      const sek = await catalog.getPriceList(ctx, 'sek-main');
      const page = await catalog.channelPage(ctx, { ...scope, priceListId: sek.id }, { limit: 1 });
      expect(page[0]!.variants.every((v) => v.price === null)).toBe(true);
      const [hidden] = await catalog.channelProducts(ctx, scope, ['PG-3-B']);
      expect(hidden).toMatchObject({ handle: 'page-3', listed: false });
    });
  });
});
