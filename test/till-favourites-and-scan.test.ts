// A till finds an article by its barcode (GTIN, checked by its check digit when saved) and shows the
// manager's product grid (favourites per till channel, kept on the hub, in the till's language); only
// unbound catalog writers set the grid, and a till reads only its own.
import { expect, it } from 'vitest';
import { buildCommerceFixture, type CommerceFixture } from './helpers/commerce-fixture.js';
import { describeEachHub } from './helpers/test-hub.js';

const EAN = '4006381333931';
const UPC = '036000291452'; // a UPC-A, saved below as its EAN-13 with a leading 0

describeEachHub('till: barcode search and the favourites grid', (t) => {
  let f: CommerceFixture;
  const keys: Record<string, string> = {};
  const newKey = async (body: Record<string, unknown>) => {
    const r = await t.api('POST', '/api/keys', { body: { name: `k-${Object.keys(keys).length}`, ...body } });
    expect(r.status, JSON.stringify(r.body)).toBe(201);
    return r.body.secret as string;
  };

  it('builds a retailer with two store tills and barcodes on two articles', async () => {
    f = await buildCommerceFixture(t, 'FV');
    keys.tillAms = await newKey({ scopes: ['catalog:read'], channelId: f.channels.tillAms.id });
    keys.tillSto = await newKey({ scopes: ['catalog:read'], channelId: f.channels.tillSto.id });
    keys.carts = await newKey({ scopes: ['carts:write'], channelId: f.channels.tillAms.id });
    keys.boundWriter = await newKey({ scopes: ['catalog:write'], channelId: f.channels.tillAms.id });
    keys.writer = await newKey({ scopes: ['catalog:write'] });
    keys.publishable = await newKey({ kind: 'publishable', channelId: f.channels.tillAms.id });
    const product = async (sku: string) =>
      (await t.api('GET', `/api/channels/${f.channels.tillAms.id}/products/${sku}`)).body.id as string;
    const mugProduct = await product(f.skus.mug);
    const capProduct = await product(f.skus.cap);
    const wrongDigit = await t.api('PATCH', `/api/catalog/products/${mugProduct}/variants/${f.skus.mug}`, {
      body: { gtin: '4006381333932' },
    });
    expect(wrongDigit.status).toBe(400);
    expect(wrongDigit.body.errors[0].path).toBe('body.gtin');
    for (const [id, sku, gtin] of [
      [mugProduct, f.skus.mug, EAN],
      [capProduct, f.skus.cap, `0${UPC}`],
    ] as const) {
      const r = await t.api('PATCH', `/api/catalog/products/${id}/variants/${sku}`, { body: { gtin } });
      expect(r.status, JSON.stringify(r.body)).toBe(200);
    }
  });

  it('finds an article by its barcode as scanned (EAN-13, or UPC-A for an EAN saved with a 0)', async () => {
    const search = (q: string) =>
      t.api('GET', `/api/channels/${f.channels.tillAms.id}/products?q=${q}`, { key: keys.tillAms });
    const byEan = await search(EAN);
    expect(byEan.status).toBe(200);
    expect(byEan.body.items.flatMap((p: any) => p.variants.map((v: any) => [v.sku, v.gtin]))).toEqual([
      [f.skus.mug, EAN],
    ]);
    const byUpc = await search(UPC);
    expect(byUpc.body.items.flatMap((p: any) => p.variants.map((v: any) => v.sku))).toEqual([f.skus.cap]);
    expect((await search('4006381333900')).body.items).toEqual([]);
  });

  it('refuses to set the grid without a key, without catalog:write, with a bound or publishable key', async () => {
    const url = `/api/channels/${f.channels.tillAms.id}/favourites`;
    const body = { skus: [f.skus.mug] };
    const noKey = await t.api('PUT', url, { key: null, body });
    expect(noKey.status).toBe(401);
    const reader = await t.api('PUT', url, { key: keys.tillAms, body });
    expect([reader.status, reader.body.code]).toEqual([403, 'forbidden']);
    const bound = await t.api('PUT', url, { key: keys.boundWriter, body });
    expect([bound.status, bound.body.code]).toEqual([403, 'channel_forbidden']);
    const publishable = await t.api('PUT', url, { key: keys.publishable, body });
    expect([publishable.status, publishable.body.code]).toEqual([403, 'key_kind_forbidden']);
    const grid = await t.api('GET', url);
    expect(grid.body).toEqual({ skus: [], items: [] });
  });

  it('sets the grid in order, names an unknown SKU by its place, and writes nothing then', async () => {
    const url = `/api/channels/${f.channels.tillAms.id}/favourites`;
    const set = await t.api('PUT', url, { key: keys.writer, body: { skus: [f.skus.cap, f.skus.mug] } });
    expect(set.status, JSON.stringify(set.body)).toBe(200);
    expect(set.body).toEqual({ skus: [f.skus.cap, f.skus.mug] });
    const unknown = await t.api('PUT', url, { key: keys.writer, body: { skus: [f.skus.tee, 'NOPE-1'] } });
    expect(unknown.status).toBe(422);
    expect(unknown.body.code).toBe('unknown_sku');
    expect(unknown.body.errors.map((e: { path: string }) => e.path)).toEqual(['body.skus.1']);
    const hostile = await t.api('PUT', url, { key: keys.writer, body: { skus: ['a\u0000b'] } });
    expect(hostile.status).toBe(400);
    expect(hostile.body.errors[0].path).toBe('body.skus.0');
    const tooMany = await t.api('PUT', url, {
      key: keys.writer,
      body: { skus: Array.from({ length: 49 }, (_, i) => `S-${i}`) },
    });
    expect(tooMany.status).toBe(400);
    const events = await t.api(
      'GET',
      `/api/events?types=catalog.favourites_changed&subject=${f.channels.tillAms.id}`,
    );
    expect(events.body.items.map((e: any) => e.data.skus)).toEqual([[f.skus.cap, f.skus.mug]]);
  });

  it('shows the till its own grid with price and stock, and refuses other tills and keys', async () => {
    const url = `/api/channels/${f.channels.tillAms.id}/favourites`;
    const grid = await t.api('GET', `${url}?locale=en`, { key: keys.tillAms });
    expect(grid.status, JSON.stringify(grid.body)).toBe(200);
    expect(grid.body.skus).toEqual([f.skus.cap, f.skus.mug]);
    const variants = grid.body.items.flatMap((p: any) => p.variants);
    expect(variants.map((v: any) => v.sku).sort()).toEqual([f.skus.cap, f.skus.mug].sort());
    expect(variants.every((v: any) => v.price && typeof v.availableToSell === 'number')).toBe(true);
    expect((await t.api('GET', url, { key: null })).status).toBe(401);
    const other = await t.api('GET', url, { key: keys.tillSto });
    expect([other.status, other.body.code]).toEqual([403, 'channel_forbidden']);
    const noScope = await t.api('GET', url, { key: keys.carts });
    expect([noScope.status, noScope.body.code]).toEqual([403, 'forbidden']);
    const publishable = await t.api('GET', url, { key: keys.publishable });
    expect([publishable.status, publishable.body.code]).toEqual([403, 'key_kind_forbidden']);
    const sto = await t.api('GET', `/api/channels/${f.channels.tillSto.id}/favourites`, {
      key: keys.tillSto,
    });
    expect(sto.body).toEqual({ skus: [], items: [] });
  });
});
