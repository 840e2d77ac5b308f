// Product feeds per channel (#17 item 3), on both databases: the Google Merchant Center feed, the
// Google local inventory feed and the Meta catalog CSV validated field by field against what each
// platform requires; kept current incrementally (a price change re-reads one product, not the
// catalog); variants that cannot be exported listed with per-field problems and left out; and the
// feed token refused when missing, wrong, publishable, without feeds:read or bound to another channel.
import { parse } from 'csv-parse/sync';
import { expect, it } from 'vitest';
import { eventually } from './helpers/eventually.js';
import { describeEachHub } from './helpers/test-hub.js';

/** The <item>s of an RSS feed as maps of their g: fields (repeatable fields joined by a space). */
function googleItems(xml: string): Array<Map<string, string>> {
  return [...xml.matchAll(/<item>([\s\S]*?)<\/item>/g)].map((m) => {
    const fields = new Map<string, string>();
    for (const f of m[1]!.matchAll(/<g:([a-z_]+)>([^<]*)<\/g:\1>/g)) {
      fields.set(f[1]!, fields.has(f[1]!) ? `${fields.get(f[1]!)} ${f[2]!}` : f[2]!);
    }
    return fields;
  });
}

const xmlText = (s: string) =>
  s
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, '&');

describeEachHub(
  'product feeds',
  (t) => {
    let token = '';
    const get = (url: string) => t.hub.http.inject({ method: 'GET', url });

    it('issues a feed token: a secret key with feeds:read bound to the channel', async () => {
      const web = await t.api('GET', '/api/channels/webshop');
      const key = await t.api('POST', '/api/keys', {
        body: { name: 'google merchant', scopes: ['feeds:read'], channelId: web.body.id },
      });
      expect(key.status).toBe(201);
      token = key.body.secret;
    });

    it('writes a Google Merchant feed whose every item has the required fields, within limits', async () => {
      const res = await get(`/feeds/webshop/google.xml?token=${token}`);
      expect(res.statusCode).toBe(200);
      expect(res.headers['content-type']).toContain('application/xml');
      expect(res.body).toContain('<rss version="2.0" xmlns:g="http://base.google.com/ns/1.0">');
      const items = googleItems(res.body);
      expect(items.length).toBe(150); // 10 products × 5 colours × 3 sizes
      for (const i of items) {
        expect([...i.get('id')!].length).toBeLessThanOrEqual(50);
        expect([...xmlText(i.get('title')!)].length).toBeLessThanOrEqual(150);
        expect(i.get('description')).toBeTruthy();
        expect(i.get('link')).toMatch(/^https?:\/\/[^/]+\/store\/webshop\/p\/[^?]+\?variant=/);
        expect(i.get('image_link')).toMatch(/^https?:\/\/[^/]+\/media\/[^/]+\/\d+\.jpeg$/);
        expect(['in_stock', 'out_of_stock', 'preorder', 'backorder']).toContain(i.get('availability'));
        expect(i.get('price')).toMatch(/^\d+\.\d{2} EUR$/);
        expect(i.get('condition')).toBe('new');
        const identified = !!i.get('gtin') || (!!i.get('mpn') && !!i.get('brand'));
        expect(identified || i.get('identifier_exists') === 'no').toBe(true);
        expect(i.get('brand')).toBeTruthy();
      }
      // The picture the feed names is served.
      const image = new URL(items[0]!.get('image_link')!);
      expect((await get(image.pathname)).statusCode).toBe(200);
    });

    it('writes the Meta catalog CSV with its required columns, availability spelt "in stock"', async () => {
      const res = await get(`/feeds/webshop/meta.csv?token=${token}`);
      expect(res.statusCode).toBe(200);
      expect(res.headers['content-type']).toContain('text/csv');
      const rows = parse(res.body, { columns: true }) as Array<Record<string, string>>;
      expect(rows.length).toBe(150);
      for (const r of rows) {
        for (const c of [
          'id',
          'title',
          'description',
          'availability',
          'condition',
          'price',
          'link',
          'image_link',
          'brand',
        ]) {
          expect(r[c], c).toBeTruthy();
        }
        expect([...r.title!].length).toBeLessThanOrEqual(200);
        expect(['in stock', 'out of stock', 'available for order', 'discontinued']).toContain(r.availability);
        expect(r.price).toMatch(/^\d+\.\d{2} EUR$/);
      }
    });

    it('writes a local inventory feed per store with pickup method and time', async () => {
      const res = await get(`/feeds/webshop/local-inventory.xml?token=${token}`);
      expect(res.statusCode).toBe(200);
      const items = googleItems(res.body);
      const stores = new Set(items.map((i) => i.get('store_code')));
      expect(stores.has('store-amsterdam')).toBe(true);
      const stocked = items.filter((i) => i.get('availability') === 'in_stock');
      expect(stocked.length).toBeGreaterThan(0);
      for (const i of stocked) {
        expect(i.get('pickup_method')).toBe('buy');
        expect(i.get('pickup_sla')).toBe('same day');
        expect(Number(i.get('quantity'))).toBeGreaterThan(0);
      }
    });

    it('follows a price change incrementally, re-reading only that product', async () => {
      const before = t.hub.services.productFeeds.stats();
      const sku = googleItems((await get(`/feeds/webshop/google.xml?token=${token}`)).body)[0]!.get('id')!;
      const set = await t.api('PUT', '/api/channels/webshop/prices', {
        body: { prices: [{ sku, amount: 12345, currency: 'EUR' }] },
      });
      expect(set.status).toBe(200);
      // The feed reads the event log, which shows a commit once no earlier transaction is open.
      const priceInFeed = async () =>
        googleItems((await get(`/feeds/webshop/google.xml?token=${token}`)).body)
          .find((i) => i.get('id') === sku)!
          .get('price');
      expect(await eventually(priceInFeed, (p) => p === '123.45 EUR', 10_000)).toBe('123.45 EUR');
      const meta = parse((await get(`/feeds/webshop/meta.csv?token=${token}`)).body, {
        columns: true,
      }) as Array<Record<string, string>>;
      expect(meta.find((r) => r.id === sku)!.price).toBe('123.45 EUR');
      const after = t.hub.services.productFeeds.stats();
      expect(after.fullBuilds).toBe(before.fullBuilds);
      expect(after.productsReread - before.productsReread).toBe(1);
    });

    it("writes a campaign's sale price with its dates in the Google and Meta feeds, and drops it when paused", async () => {
      const web = await t.api('GET', '/api/channels/webshop');
      const sku = 'FF-VIDDE-FLEECE-MOSS-M';
      const campaign = await t.api('POST', '/api/promotions/campaigns', {
        body: {
          name: 'Fleece week',
          kind: 'automatic',
          startsAt: '2026-01-01T00:00',
          endsAt: '2099-01-01T00:00',
          conditions: { channelIds: [web.body.id], skus: [sku] },
          benefit: { type: 'percentage', percentBp: 2000 },
        },
      });
      expect(campaign.status, JSON.stringify(campaign.body)).toBe(201);
      const itemOf = async () =>
        googleItems((await get(`/feeds/webshop/google.xml?token=${token}`)).body).find(
          (i) => i.get('id') === sku,
        )!;
      const onSale = await eventually(itemOf, (i) => i.has('sale_price'), 10_000);
      expect(onSale.get('price')).toBe('89.00 EUR');
      expect(onSale.get('sale_price')).toBe('71.20 EUR');
      expect(onSale.get('sale_price_effective_date')).toBe('2026-01-01T00:00:00Z/2099-01-01T00:00:00Z');
      const meta = parse((await get(`/feeds/webshop/meta.csv?token=${token}`)).body, {
        columns: true,
      }) as Array<Record<string, string>>;
      expect(meta.find((r) => r.id === sku)).toMatchObject({
        price: '89.00 EUR',
        sale_price: '71.20 EUR',
        sale_price_effective_date: '2026-01-01T00:00:00Z/2099-01-01T00:00:00Z',
      });
      // Only what the campaign covers is on sale.
      expect(meta.filter((r) => r.sale_price).map((r) => r.id)).toEqual([sku]);
      const paused = await t.api('PATCH', `/api/promotions/campaigns/${campaign.body.id}`, {
        body: { status: 'paused' },
      });
      expect(paused.status).toBe(200);
      expect((await eventually(itemOf, (i) => !i.has('sale_price'), 10_000)).has('sale_price')).toBe(false);
    });

    it('lists the variants it cannot export with per-field problems, and leaves them out', async () => {
      const created = await t.api('POST', '/api/catalog/products', {
        body: {
          handle: 'feed-orphan',
          defaultLocale: 'en',
          content: { en: { title: 'Orphan without price or picture' } },
          variants: [{ sku: 'FEED-ORPHAN-1' }],
        },
      });
      expect(created.status).toBe(201);
      expect(
        (await t.api('PUT', '/api/channels/webshop/listings/feed-orphan', { body: { published: true } }))
          .status,
      ).toBe(200);
      const report = await t.api('GET', '/api/channels/webshop/feeds');
      expect(report.status).toBe(200);
      expect(report.body.urls.google).toMatch(/\/feeds\/webshop\/google\.xml$/);
      const problems = report.body.issues.filter((i: { sku: string }) => i.sku === 'FEED-ORPHAN-1');
      expect(problems.map((p: { field: string }) => p.field).sort()).toEqual([
        'description',
        'image_link',
        'price',
      ]);
      // A code per problem, so the admin words it in its reader's language.
      expect(problems.map((p: { code: string }) => p.code).sort()).toEqual([
        'no_description',
        'no_picture',
        'no_price',
      ]);
      expect(report.body.variants).toBe(150);
      const xml = (await get(`/feeds/webshop/google.xml?token=${token}`)).body;
      expect(xml).not.toContain('FEED-ORPHAN-1');
    });

    it('refuses a missing, wrong, publishable, unscoped or other-channel feed token', async () => {
      expect((await get('/feeds/webshop/google.xml')).statusCode).toBe(401);
      expect((await get('/feeds/webshop/meta.csv?token=ohk_nope')).statusCode).toBe(401);
      const page = (await get('/store/webshop')).body;
      const publishable = /<meta name="omnihub-publishable-key" content="([^"]+)">/.exec(page)![1]!;
      expect((await get(`/feeds/webshop/google.xml?token=${publishable}`)).statusCode).toBe(403);
      const unscoped = await t.api('POST', '/api/keys', {
        body: { name: 'no-feeds', scopes: ['catalog:read'] },
      });
      expect((await get(`/feeds/webshop/google.xml?token=${unscoped.body.secret}`)).statusCode).toBe(403);
      expect((await get(`/feeds/marketplace/google.xml?token=${token}`)).statusCode).toBe(403);
      expect((await get(`/feeds/nowhere/google.xml?token=${token}`)).statusCode).toBe(404);
      expect((await get(`/feeds/webshop/google.xml?token=${token}&extra=1`)).statusCode).toBe(400);
      // The admin report: a secret key with catalog:read, not a storefront's publishable key.
      expect((await t.api('GET', '/api/channels/webshop/feeds', { key: null })).status).toBe(401);
      expect((await t.api('GET', '/api/channels/webshop/feeds', { key: publishable })).status).toBe(403);
      const other = await t.api('GET', '/api/channels/marketplace');
      const bound = await t.api('POST', '/api/keys', {
        body: { name: 'mp', scopes: ['catalog:read'], channelId: other.body.id },
      });
      expect((await t.api('GET', '/api/channels/webshop/feeds', { key: bound.body.secret })).status).toBe(
        403,
      );
    });
  },
  { demo: true },
);
