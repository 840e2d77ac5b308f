// Channel pages and products are answered from memory when warm and dropped by the events that change
// them: a price, an unpublish, a title edit and a stock change show on the next read; one channel's
// kept page never answers another channel's key; and (PostgreSQL) a change made through another hub
// node reaches this node's cache through the event log.
import { gunzipSync } from 'node:zlib';
import pg from 'pg';
import { expect, it } from 'vitest';
import { createHub, type Hub } from '../src/app.js';
import { openDatabase } from '../src/platform/db/database.js';
import { countStatements } from '../src/platform/testing/statement-count.js';
import { testLog } from '../src/platform/testing/test-databases.js';
import { eventually } from './helpers/eventually.js';
import { describeEachHub, TEST_ADMIN_KEY } from './helpers/test-hub.js';

const rows = (channel: string, n: number) =>
  Array.from({ length: n }, (_, i) => {
    const handle = `${channel}-tee-${i}`;
    const sku = `${channel.toUpperCase()}-TEE-${i}`;
    return [
      { kind: 'product', handle, locale: 'en', title: `Tee ${i}` },
      { kind: 'variant', handle, sku, options: { size: 'M' } },
      { kind: 'price', sku, price_list: 'vc-eur', currency: 'EUR', amount: 1000 + i },
      { kind: 'stock', sku, location: 'vc-wh', quantity: 5 },
      { kind: 'listing', channel, handle, published: true },
    ];
  })
    .flat()
    .map((r) => JSON.stringify(r))
    .join('\n');

type Page = {
  channel: { code: string };
  items: Array<{
    handle: string;
    title: string;
    availableToSell: number;
    variants: Array<{ sku: string; price: { amount: number } }>;
  }>;
};

describeEachHub(
  'channel views kept in memory until an event changes them',
  (t) => {
    const page = async (channel: string, key?: string) => {
      const res = await t.api('GET', `/api/channels/${channel}/products?limit=10`, { key });
      expect(res.status).toBe(200);
      return res.body as Page;
    };
    const stats = () => t.hub.services.channelCatalog.cacheStats();

    it('sets up two channels on one price list', async () => {
      const list = await t.api('POST', '/api/catalog/price-lists', {
        body: { code: 'vc-eur', name: 'EUR', currency: 'EUR' },
      });
      await t.api('POST', '/api/inventory/locations', {
        body: { code: 'vc-wh', name: 'Warehouse', type: 'warehouse' },
      });
      for (const code of ['vc-a', 'vc-b']) {
        const made = await t.api('POST', '/api/channels', {
          body: {
            code,
            name: code,
            type: 'web',
            currency: 'EUR',
            locales: ['en'],
            priceListId: list.body.id,
          },
        });
        expect(made.status).toBe(201);
        await t.api('PUT', `/api/inventory/channels/${code}/sourcing`, {
          body: { locationIds: ['vc-wh'], safetyBuffer: 0 },
        });
      }
      const imported = await t.api('POST', '/api/imports?format=ndjson', {
        body: `${rows('vc-a', 12)}\n${rows('vc-b', 3)}\n`,
        headers: { 'content-type': 'application/x-ndjson' },
      });
      expect(imported.body).toMatchObject({ status: 'completed', rowsRejected: 0 });
    });

    it('answers a warm page from memory, and shows each change on the next read', async () => {
      const first = await page('vc-a');
      expect(first.items).toHaveLength(10);
      const before = stats();
      // Warm: the same page again is a hit, and on PostgreSQL costs (next to) no statement.
      const { statements } = await countStatements(async () => {
        for (let i = 0; i < 30; i++) expect(await page('vc-a')).toEqual(first);
      });
      expect(stats().hits - before.hits).toBeGreaterThanOrEqual(30);
      // Background jobs of the hub may run meanwhile; the reads themselves issue none.
      if (t.kind === 'postgres') expect(statements).toBeLessThan(10);

      const price = await t.api('PUT', '/api/catalog/price-lists/vc-eur/prices', {
        body: { prices: [{ sku: 'VC-A-TEE-0', amount: 4321, currency: 'EUR' }] },
      });
      expect(price.status).toBe(200);
      expect((await page('vc-a')).items[0]!.variants[0]!.price.amount).toBe(4321);

      const product = (await t.api('GET', '/api/channels/vc-a/products/vc-a-tee-1')).body;
      expect(product.title).toBe('Tee 1');
      await t.api('PATCH', `/api/catalog/products/${product.id}`, {
        body: { content: { en: { title: 'Renamed tee' } } },
      });
      expect((await page('vc-a')).items[1]!.title).toBe('Renamed tee');
      expect((await t.api('GET', '/api/channels/vc-a/products/vc-a-tee-1')).body.title).toBe('Renamed tee');

      const stock = await t.api('POST', '/api/inventory/adjustments', {
        body: { kind: 'receive', sku: 'VC-A-TEE-2', location: 'vc-wh', quantity: 3 },
      });
      expect(stock.status).toBe(201);
      expect((await page('vc-a')).items[2]!.availableToSell).toBe(8);
      expect((await t.api('GET', '/api/channels/vc-a/products/VC-A-TEE-2')).body.availableToSell).toBe(8);

      const hidden = await t.api('PUT', '/api/channels/vc-a/listings/vc-a-tee-3', {
        body: { published: false },
      });
      expect(hidden.status).toBe(200);
      expect((await page('vc-a')).items.map((p) => p.handle)).not.toContain('vc-a-tee-3');
    });

    it("never answers one channel's key with another channel's kept page", async () => {
      const channelB = (await t.api('GET', '/api/channels/vc-b')).body;
      const key = (
        await t.api('POST', '/api/keys', {
          body: { name: 'vc-b shop', scopes: ['catalog:read'], channelId: channelB.id },
        })
      ).body.secret;
      const shop = (
        await t.api('POST', '/api/keys', {
          body: { name: 'vc-b web', kind: 'publishable', channelId: channelB.id },
        })
      ).body.secret;
      await page('vc-a'); // kept
      expect((await t.api('GET', '/api/channels/vc-a/products?limit=10', { key })).status).toBe(403);
      expect((await t.api('GET', '/api/channels/vc-a/products?limit=10', { key: shop })).status).toBe(403);
      expect((await t.api('GET', '/api/channels/vc-a/products/vc-a-tee-0', { key })).status).toBe(403);
      expect((await t.api('GET', '/api/channels/vc-a/products?limit=10', { key: null })).status).toBe(401);
      for (const k of [key, shop]) {
        const own = await page('vc-b', k);
        expect(own.channel.code).toBe('vc-b');
        expect(own.items.map((p) => p.handle)).toEqual(['vc-b-tee-0', 'vc-b-tee-1', 'vc-b-tee-2']);
      }
      // Not listed on vc-b: the admin's kept product view does not leak to the bound key.
      expect((await t.api('GET', '/api/channels/vc-b/products/vc-a-tee-0')).body.listed).toBe(false);
      expect((await t.api('GET', '/api/channels/vc-b/products/vc-a-tee-0', { key })).status).toBe(404);
    });

    it('sends a kept page gzip-compressed to a client that accepts it, and plain to one that does not', async () => {
      const get = (path: string, acceptEncoding?: string) =>
        t.hub.http.inject({
          method: 'GET',
          url: path,
          headers: {
            authorization: `Bearer ${TEST_ADMIN_KEY}`,
            ...(acceptEncoding === undefined ? {} : { 'accept-encoding': acceptEncoding }),
          },
        });
      const path = '/api/channels/vc-a/products?limit=10';
      const plain = await get(path);
      expect(plain.headers['content-encoding']).toBeUndefined();
      expect(plain.headers.vary).toContain('accept-encoding');
      const expected = JSON.parse(plain.body);
      for (const accepts of ['gzip, deflate, br', 'br;q=1, gzip;q=0.5', '*', 'GZip']) {
        const zipped = await get(path, accepts);
        expect(zipped.statusCode).toBe(200);
        expect(zipped.headers['content-encoding']).toBe('gzip');
        expect(zipped.headers['content-type']).toBe('application/json; charset=utf-8');
        expect(Number(zipped.headers['content-length'])).toBe(zipped.rawPayload.length);
        expect(zipped.rawPayload.length).toBeLessThan(Buffer.byteLength(plain.body));
        expect(JSON.parse(gunzipSync(zipped.rawPayload).toString('utf8'))).toEqual(expected);
      }
      // Refused or unknown encodings get the plain bytes.
      for (const accepts of ['gzip;q=0', 'br', 'identity', '']) {
        const res = await get(path, accepts);
        expect(res.headers['content-encoding'], accepts).toBeUndefined();
        expect(JSON.parse(res.body)).toEqual(expected);
      }
      // A small answer (one product) is not worth compressing.
      const one = await get('/api/channels/vc-a/products/vc-a-tee-0', 'gzip');
      expect(one.statusCode).toBe(200);
      expect(Buffer.byteLength(one.body)).toBeLessThan(1024);
      expect(one.headers['content-encoding']).toBeUndefined();
      // Search pages are kept the same way.
      const search = await get('/api/channels/vc-a/search?q=tee&limit=10', 'gzip');
      expect(search.statusCode).toBe(200);
      expect(search.headers['content-encoding']).toBe('gzip');
      expect(JSON.parse(gunzipSync(search.rawPayload).toString('utf8')).items.length).toBeGreaterThan(0);
    });

    it('sees a change at once while an older transaction holds the read horizon (PostgreSQL)', async () => {
      if (t.kind !== 'postgres' || !t.url) return;
      const holder = new pg.Client({ connectionString: t.url });
      await holder.connect();
      try {
        await holder.query('begin');
        await holder.query('select pg_current_xact_id()'); // an id older than the change below
        expect((await page('vc-a')).items[0]!.variants[0]!.price.amount).toBe(4321);
        await t.api('PUT', '/api/catalog/price-lists/vc-eur/prices', {
          body: { prices: [{ sku: 'VC-A-TEE-0', amount: 1234, currency: 'EUR' }] },
        });
        expect((await page('vc-a')).items[0]!.variants[0]!.price.amount).toBe(1234);
      } finally {
        await holder.query('rollback').catch(() => {});
        await holder.end();
      }
    });

    it('drops what another node changed, through the event log (PostgreSQL)', async () => {
      if (t.kind !== 'postgres' || !t.url) return;
      let other: Hub | undefined;
      const database = await openDatabase({ databaseUrl: t.url });
      try {
        other = await createHub({
          config: { ...t.hub.config, port: 0, demo: false },
          log: testLog as never,
          database,
        });
        const tee4 = (p: Page) => p.items.find((i) => i.handle === 'vc-a-tee-4')!;
        const kept = tee4(await page('vc-a'));
        expect(kept.variants[0]!.price.amount).toBe(1004);
        const res = await other.http.inject({
          method: 'PUT',
          url: '/api/catalog/price-lists/vc-eur/prices',
          headers: { authorization: `Bearer ${t.hub.config.adminKey}`, 'content-type': 'application/json' },
          payload: JSON.stringify({ prices: [{ sku: 'VC-A-TEE-4', amount: 777, currency: 'EUR' }] }),
        });
        expect(res.statusCode).toBe(200);
        const seen = await eventually(
          () => page('vc-a'),
          (p) => tee4(p).variants[0]!.price.amount === 777,
          10_000,
        );
        expect(tee4(seen).variants[0]!.price.amount).toBe(777);
      } finally {
        await other?.close();
        await database.close();
      }
    });
  },
  { engines: ['pglite', 'postgres'] },
);
