import { expect, it } from 'vitest';
import { catalogMigrations, createCatalogService } from '../../modules/catalog/index.js';
import { channelsMigrations, createChannelsService } from '../../modules/channels/index.js';
import type { Ctx } from '../../platform/context.js';
import { describeEachDatabase } from '../../platform/testing/test-databases.js';
import { createChannelCatalogFlow } from './channel-catalog.flow.js';

const catalog = createCatalogService();
const channels = createChannelsService({ priceListCurrency: catalog.priceListCurrency });
// Stock per channel and SKU, with the call count to prove one availability read per page.
const stock = new Map<string, number>();
let availabilityReads = 0;
const inventory = {
  async availableToSell(_ctx: Ctx, channelId: string, skus: string[]) {
    availabilityReads++;
    return new Map(skus.map((s) => [s, stock.get(`${channelId}/${s}`) ?? 0]));
  },
  async channelAvailability(_ctx: Ctx, channelId: string, opts: { after?: string | undefined }) {
    return [...stock]
      .filter(([k]) => k.startsWith(`${channelId}/`) && k.slice(channelId.length + 1) > (opts.after ?? ''))
      .map(([k, n]) => ({ sku: k.slice(channelId.length + 1), availableToSell: n }));
  },
};
const flow = createChannelCatalogFlow({ channels, catalog, inventory });

describeEachDatabase('channel catalog flow', [channelsMigrations, catalogMigrations], (t) => {
  it('shows a page as the channel sees it: locale, currency, price list, own prices, availability', async () => {
    const ctx = t.ctx();
    const eur = await catalog.createPriceList(ctx, { code: 'eur', name: 'EUR', currency: 'EUR' });
    const sek = await catalog.createPriceList(ctx, { code: 'sek', name: 'SEK', currency: 'SEK' });
    const web = await channels.createChannel(ctx, {
      code: 'web',
      name: 'Web',
      type: 'web',
      currency: 'EUR',
      locales: ['en', 'sv'],
      priceListId: eur.id,
    });
    const store = await channels.createChannel(ctx, {
      code: 'sthlm',
      name: 'Stockholm',
      type: 'store',
      currency: 'SEK',
      locales: ['sv', 'en'],
      priceListId: sek.id,
    });
    for (let i = 0; i < 30; i++) {
      await catalog.createProduct(ctx, {
        handle: `tee-${String(i).padStart(2, '0')}`,
        defaultLocale: 'en',
        content: { en: { title: `Tee ${i}` }, sv: { title: `T-shirt ${i}` } },
        variants: [
          {
            sku: `TEE-${i}-M`,
            prices: [
              { priceListId: 'eur', amount: 2000 + i, currency: 'EUR' },
              { priceListId: 'sek', amount: 22000 + i, currency: 'SEK' },
            ],
          },
        ],
      });
    }
    const handles = Array.from({ length: 30 }, (_, i) => `tee-${String(i).padStart(2, '0')}`);
    await catalog.setListings(
      ctx,
      web.id,
      handles.map((product) => ({ product, published: true })),
    );
    await catalog.setListings(
      ctx,
      store.id,
      handles.slice(0, 5).map((product) => ({ product, published: true })),
    );
    stock.set(`${web.id}/TEE-0-M`, 7);
    stock.set(`${store.id}/TEE-0-M`, 2);

    availabilityReads = 0;
    const page = await flow.listProducts(ctx, web, { limit: 24 });
    expect(page.items).toHaveLength(24);
    expect(availabilityReads).toBe(1);
    expect(page.items.every((p) => p.currency === 'EUR' && p.variants[0]!.price?.currency === 'EUR')).toBe(
      true,
    );
    expect(page.items[0]).toMatchObject({ title: 'Tee 0', locale: 'en', availableToSell: 7 });
    // A cached page is not served after a commit that changes the catalog.
    await catalog.setPrices(ctx, eur.id, [{ sku: 'TEE-0-M', amount: 1999, currency: 'EUR' }]);
    const again = await flow.listProducts(ctx, web, { limit: 24 });
    expect(again.items[0]!.variants[0]!.price).toEqual({ amount: 1999, currency: 'EUR' });
    const next = await flow.listProducts(ctx, web, { limit: 24, cursor: page.nextCursor!, locale: 'sv' });
    expect(next.items.map((p) => p.title)).toEqual([
      'T-shirt 24',
      'T-shirt 25',
      'T-shirt 26',
      'T-shirt 27',
      'T-shirt 28',
      'T-shirt 29',
    ]);
    expect(next.nextCursor).toBeNull();

    const inStore = await flow.getProduct(ctx, store, 'TEE-0-M', { listedOnly: true });
    expect(inStore).toMatchObject({ title: 'T-shirt 0', currency: 'SEK', availableToSell: 2, listed: true });
    expect(inStore.variants[0]!.price).toEqual({ amount: 22000, currency: 'SEK' });
    await expect(flow.getProduct(ctx, store, 'tee-10', { listedOnly: true })).rejects.toMatchObject({
      status: 404,
    });
    expect((await flow.getProduct(ctx, store, 'tee-10', { listedOnly: false })).listed).toBe(false);
  });

  it('refuses a price list or own price in another currency than the channel, and unknown channels', async () => {
    const ctx = t.ctx();
    const sek = await catalog.getPriceList(ctx, 'sek');
    await expect(channels.updateChannel(ctx, 'web', { priceListId: sek.id })).rejects.toMatchObject({
      code: 'currency_mismatch',
    });
    await expect(channels.updateChannel(ctx, 'web', { priceListId: 'pl_nope' })).rejects.toMatchObject({
      status: 422,
    });
    expect((await channels.getChannel(ctx, 'web')).priceListId).not.toBe(sek.id);
    await expect(
      flow.setChannelPrices(ctx, 'web', [{ sku: 'TEE-1-M', amount: 100, currency: 'SEK' }]),
    ).rejects.toMatchObject({ code: 'currency_mismatch' });
    await expect(flow.setListing(ctx, 'nowhere', 'tee-01', { published: true })).rejects.toMatchObject({
      status: 404,
    });
    await flow.setChannelPrices(ctx, 'web', [{ sku: 'TEE-1-M', amount: 1500, currency: 'EUR' }]);
    const web = await channels.getChannel(ctx, 'web');
    expect((await flow.getProduct(ctx, web, 'TEE-1-M', { listedOnly: true })).variants[0]).toMatchObject({
      price: { amount: 1500, currency: 'EUR' },
      priceSource: 'channel',
    });
  });
});
