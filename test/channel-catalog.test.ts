// End to end through the HTTP API: the catalog as each channel shows it (price list, own prices,
// locale, listing, availability from inventory), channel-bound keys, streamed import and export,
// and bad input refused with problem+json and nothing written.
import { expect, it } from 'vitest';
import { describeEachHub } from './helpers/test-hub.js';

const csv = `kind,handle,locale,title,sku,options,price_list,channel,currency,amount,location,quantity
product,rain-shell,en,Rain shell,,,,,,,,
product,rain-shell,sv,Regnjacka,,,,,,,,
variant,rain-shell,,,RS-M,size=M,,,,,,
price,,,,RS-M,,eur,,EUR,9900,,
price,,,,RS-M,,sek,,SEK,109900,,
price,,,,RS-M,,eur,,EUR,99.5,,
listing,rain-shell,,,,,,web,,,,
listing,rain-shell,,,,,,sthlm,,,,
stock,,,,RS-M,,,,,,main,6
stock,,,,RS-M,,,,,,nowhere,1
`;

describeEachHub('channel catalog over HTTP', (t) => {
  it('sets up price lists, channels and products, refusing bad input with nothing written', async () => {
    expect(
      (
        await t.api('POST', '/api/catalog/price-lists', {
          body: { code: 'eur', name: 'EUR', currency: 'EUR' },
        })
      ).status,
    ).toBe(201);
    const sek = await t.api('POST', '/api/catalog/price-lists', {
      body: { code: 'sek', name: 'SEK', currency: 'SEK' },
    });
    const eur = await t.api('GET', '/api/catalog/price-lists/eur');
    const web = await t.api('POST', '/api/channels', {
      body: {
        code: 'web',
        name: 'Web',
        type: 'web',
        currency: 'EUR',
        locales: ['en', 'nl'],
        priceListId: eur.body.id,
      },
    });
    expect(web.status).toBe(201);
    const wrong = await t.api('POST', '/api/channels', {
      body: {
        code: 'sthlm',
        name: 'Stockholm',
        type: 'store',
        currency: 'SEK',
        locales: ['sv'],
        priceListId: eur.body.id,
      },
    });
    expect(wrong.status).toBe(422);
    expect(wrong.headers['content-type']).toMatch(/problem\+json/);
    expect(wrong.body.code).toBe('currency_mismatch');
    expect((await t.api('GET', '/api/channels/sthlm')).status).toBe(404);
    const sthlm = await t.api('POST', '/api/channels', {
      body: {
        code: 'sthlm',
        name: 'Stockholm',
        type: 'store',
        currency: 'SEK',
        locales: ['sv', 'en'],
        priceListId: sek.body.id,
      },
    });
    expect(sthlm.status).toBe(201);
    // A patch leaves what it does not name as it was (price list, status, metadata).
    const renamed = await t.api('PATCH', '/api/channels/sthlm', { body: { name: 'Stockholm till' } });
    expect(renamed.body).toMatchObject({
      name: 'Stockholm till',
      priceListId: sek.body.id,
      status: 'active',
    });

    const product = (handle: string, sku: string, amount: number, currency = 'EUR') => ({
      handle,
      defaultLocale: 'en',
      content: { en: { title: `Fleece ${handle}` }, nl: { title: `Fleecevest ${handle}` } },
      categories: ['fleece'],
      variants: [{ sku, prices: [{ priceListId: 'eur', amount, currency }] }],
    });
    expect(
      (await t.api('POST', '/api/catalog/products', { body: product('fleece-a', 'FL-A', 5900) })).status,
    ).toBe(201);
    const duplicate = await t.api('POST', '/api/catalog/products', {
      body: product('fleece-b', 'FL-A', 5900),
    });
    expect(duplicate.status).toBe(409);
    const negative = await t.api('POST', '/api/catalog/products', { body: product('fleece-c', 'FL-C', -1) });
    expect(negative.status).toBe(400);
    const fraction = await t.api('POST', '/api/catalog/products', {
      body: product('fleece-d', 'FL-D', 59.9),
    });
    expect(fraction.status).toBe(400);
    const currency = await t.api('POST', '/api/catalog/products', {
      body: product('fleece-e', 'FL-E', 5900, 'USD'),
    });
    expect(currency.status).toBe(422);
    expect(currency.body.code).toBe('currency_mismatch');
    for (const handle of ['fleece-b', 'fleece-c', 'fleece-d', 'fleece-e']) {
      expect((await t.api('GET', `/api/catalog/products/${handle}`)).status).toBe(404);
    }
    const unknownChannel = await t.api('PUT', '/api/channels/mars/listings/fleece-a', {
      body: { published: true },
    });
    expect(unknownChannel.status).toBe(404);
    const wrongOwnPrice = await t.api('PUT', '/api/channels/web/prices', {
      body: { prices: [{ sku: 'FL-A', amount: 100, currency: 'SEK' }] },
    });
    expect(wrongOwnPrice.body.code).toBe('currency_mismatch');
  });

  it('imports a CSV body as a stream, stock going to inventory, and reports rejected rows', async () => {
    const hub = t.hub;
    const ctx = hub.systemCtx();
    await hub.services.inventory.createLocation(ctx, { code: 'main', name: 'Main', type: 'warehouse' });
    await hub.services.inventory.setSourcing(ctx, 'web', { locationIds: ['main'] });
    await hub.services.inventory.setSourcing(ctx, 'sthlm', { locationIds: ['main'], safetyBuffer: 2 });
    const res = await t.api('POST', '/api/imports?source=shells.csv', {
      body: csv,
      headers: { 'content-type': 'text/csv' },
    });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      status: 'completed',
      rowsAccepted: 8,
      rowsRejected: 2,
      source: 'shells.csv',
    });
    const report = await t.api('GET', `/api/imports/${res.body.id}/rejections`);
    expect(report.body.items.map((r: { line: number }) => r.line)).toEqual([7, 11]);
    expect(report.body.items[0].reasons[0]).toMatch(/whole, non-negative number of minor units/);
    expect((await t.api('GET', `/api/imports/${res.body.id}`)).body.progress).toBe(1);
  });

  it('shows each channel its own locale, currency, price and availability', async () => {
    const webPage = await t.api('GET', '/api/channels/web/products?limit=24');
    expect(webPage.status).toBe(200);
    expect(webPage.body.items.map((p: { handle: string }) => p.handle)).toEqual(['rain-shell']);
    expect(webPage.body.items[0]).toMatchObject({
      title: 'Rain shell',
      currency: 'EUR',
      availableToSell: 6,
      variants: [{ sku: 'RS-M', price: { amount: 9900, currency: 'EUR' }, availableToSell: 6 }],
    });
    const storeView = await t.api('GET', '/api/channels/sthlm/products/RS-M');
    expect(storeView.body).toMatchObject({
      title: 'Regnjacka',
      locale: 'sv',
      currency: 'SEK',
      availableToSell: 4,
      variants: [{ price: { amount: 109900, currency: 'SEK' } }],
    });
    expect(
      (
        await t.api('PUT', '/api/channels/web/listings/fleece-a', {
          body: { published: true, title: 'Fleece (web)' },
        })
      ).status,
    ).toBe(200);
    const nl = await t.api('GET', '/api/channels/web/products?locale=nl&category=fleece');
    expect(nl.body.items).toMatchObject([{ handle: 'fleece-a', title: 'Fleece (web)', availableToSell: 0 }]);
  });

  it('lets a channel-bound key read only its channel and only what it lists', async () => {
    const sthlm = await t.api('GET', '/api/channels/sthlm');
    const key = await t.api('POST', '/api/keys', {
      body: { name: 'sthlm till', scopes: ['catalog:read'], channelId: sthlm.body.id },
    });
    const secret = key.body.secret;
    expect((await t.api('GET', '/api/channels/sthlm/products', { key: secret })).status).toBe(200);
    expect((await t.api('GET', '/api/channels/web/products', { key: secret })).status).toBe(403);
    expect((await t.api('GET', '/api/channels/sthlm/products/fleece-a', { key: secret })).status).toBe(404);
    expect((await t.api('GET', '/api/channels/sthlm/products/fleece-a')).body.listed).toBe(false);
  });

  it('exports the catalog in both formats and documents the routes', async () => {
    const nd = await t.api('GET', '/api/exports/catalog?format=ndjson');
    expect(nd.status).toBe(200);
    const lines = (typeof nd.body === 'string' ? nd.body : JSON.stringify(nd.body)).trim().split('\n');
    expect(lines.map((l: string) => JSON.parse(l).kind)).toContain('variant');
    const csvOut = await t.api('GET', '/api/exports/catalog?format=csv');
    expect(String(csvOut.body).split('\n')[0]).toMatch(/^kind,handle,locale/);
    const doc = await t.api('GET', '/openapi.json');
    for (const path of [
      '/api/channels/{channel}/products',
      '/api/imports',
      '/api/exports/catalog',
      '/api/catalog/products',
    ]) {
      expect(Object.keys(doc.body.paths)).toContain(path);
    }
  });
});
