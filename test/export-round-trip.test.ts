// Moving a catalog between hubs: the demo retailer's export (products, texts, variants, prices,
// listings and on-hand stock) imports into a fresh hub that has the same channels, price lists and
// locations, and that hub's export is the same file. Re-importing it changes nothing and emits nothing.
import { expect, it } from 'vitest';
import { createHub, type Hub } from '../src/app.js';
import { systemClock } from '../src/kernel/index.js';
import { loadConfig } from '../src/platform/config.js';
import { openFreshPglite, testLog } from '../src/platform/testing/test-databases.js';
import { describeEachHub, TEST_ADMIN_KEY } from './helpers/test-hub.js';

async function freshHub(): Promise<Hub> {
  const database = await openFreshPglite({ migrated: true });
  const config = {
    ...loadConfig({}),
    port: 0,
    adminKey: TEST_ADMIN_KEY,
    demo: false,
    databaseUrl: undefined,
    natsUrl: undefined,
  };
  return createHub({ config, clock: systemClock, log: testLog as never, database });
}

async function call(hub: Hub, method: 'GET' | 'POST', url: string, body?: unknown, type?: string) {
  const res = await hub.http.inject({
    method,
    url,
    headers: {
      authorization: `Bearer ${TEST_ADMIN_KEY}`,
      ...(body !== undefined ? { 'content-type': type ?? 'application/json' } : {}),
    },
    ...(body !== undefined ? { payload: typeof body === 'string' ? body : JSON.stringify(body) } : {}),
  });
  return { status: res.statusCode, text: res.body, json: () => JSON.parse(res.body) };
}

const sortedLines = (file: string) => file.trim().split('\n').sort();

/** The types of the events appended after `cursor` (read to the end), and the new end. */
async function eventsAfter(hub: Hub, cursor: string | undefined) {
  const types: string[] = [];
  let after = cursor;
  for (;;) {
    const page = await call(hub, 'GET', `/api/events?limit=1000${after ? `&after=${after}` : ''}`);
    const body = page.json();
    types.push(...body.items.map((e: { type: string }) => e.type));
    if (body.items.length === 0) return { types, cursor: after };
    after = body.next;
  }
}
const importFile = (hub: Hub, file: string) =>
  call(hub, 'POST', '/api/imports?format=ndjson', file, 'application/x-ndjson');

describeEachHub(
  'catalog export round trip',
  (t) => {
    it('imports the export into a fresh hub, which exports the same rows', async () => {
      // Vendor, tags and a compare-at price travel too.
      const first = await call(t.hub, 'GET', '/api/exports/catalog?format=ndjson');
      const firstRows = sortedLines(first.text).map((l) => JSON.parse(l));
      const someProduct = firstRows.find((r) => r.kind === 'product' && r.status);
      const somePrice = firstRows.find((r) => r.kind === 'price' && r.price_list);
      const patched = await t.api('PATCH', `/api/catalog/products/${someProduct.handle}`, {
        body: { vendor: 'Fjordfield', tags: ['winter', 'gift idea'] },
      });
      expect(patched.status, JSON.stringify(patched.body)).toBe(200);
      expect(patched.body).toMatchObject({ vendor: 'Fjordfield', tags: ['winter', 'gift idea'] });
      const was = somePrice.amount + 1000;
      const priced = await t.api('PUT', `/api/catalog/price-lists/${somePrice.price_list}/prices`, {
        body: {
          prices: [
            {
              sku: somePrice.sku,
              amount: somePrice.amount,
              currency: somePrice.currency,
              compareAtAmount: was,
            },
          ],
        },
      });
      expect(priced.status, JSON.stringify(priced.body)).toBeLessThan(300);

      const exported = await call(t.hub, 'GET', '/api/exports/catalog?format=ndjson');
      expect(exported.status).toBe(200);
      const rows = sortedLines(exported.text).map((l) => JSON.parse(l));
      expect(
        rows.find((r) => r.kind === 'product' && r.handle === someProduct.handle && r.status),
      ).toMatchObject({
        vendor: 'Fjordfield',
        tags: ['winter', 'gift idea'],
      });
      expect(
        rows.find(
          (r) => r.kind === 'price' && r.sku === somePrice.sku && r.price_list === somePrice.price_list,
        ),
      ).toMatchObject({ compare_at: was });
      // Channels and locations by code, never by this hub's ids; stock is in the file.
      expect(rows.some((r) => r.kind === 'stock' && r.location === 'store-stockholm')).toBe(true);
      expect(rows.filter((r) => r.channel).every((r) => !String(r.channel).startsWith('chn_'))).toBe(true);

      const target = await freshHub();
      try {
        const priceLists = (await t.api('GET', '/api/catalog/price-lists')).body.items;
        const listIds = new Map<string, string>();
        for (const l of priceLists) {
          const created = await call(target, 'POST', '/api/catalog/price-lists', {
            code: l.code,
            name: l.name,
            currency: l.currency,
          });
          expect(created.status).toBe(201);
          listIds.set(l.id, created.json().id);
        }
        for (const loc of (await t.api('GET', '/api/inventory/locations')).body.items) {
          const { id: _id, createdAt: _c, updatedAt: _u, ...input } = loc;
          expect((await call(target, 'POST', '/api/inventory/locations', input)).status).toBe(201);
        }
        for (const c of (await t.api('GET', '/api/channels')).body.items) {
          const created = await call(target, 'POST', '/api/channels', {
            code: c.code,
            name: c.name,
            type: c.type,
            currency: c.currency,
            locales: c.locales,
            priceListId: c.priceListId ? listIds.get(c.priceListId) : null,
          });
          expect(created.status, created.text).toBe(201);
        }

        const imported = await importFile(target, exported.text);
        expect(imported.status, imported.text).toBe(201);
        expect(imported.json()).toMatchObject({ status: 'completed', rowsRejected: 0 });

        const again = await call(target, 'GET', '/api/exports/catalog?format=ndjson');
        expect(sortedLines(again.text)).toEqual(sortedLines(exported.text));

        // Importing the same file again changes nothing, so it tells nobody anything.
        const before = await eventsAfter(target, undefined);
        expect((await importFile(target, exported.text)).json()).toMatchObject({ rowsRejected: 0 });
        const quiet = await eventsAfter(target, before.cursor);
        expect(quiet.types.filter((type) => !type.startsWith('catalog.import'))).toEqual([]);

        // One changed price is one event.
        const price = rows.find((r) => r.kind === 'price');
        const changed = JSON.stringify({ ...price, amount: price.amount + 100 });
        const lines = exported.text.trim().split('\n');
        const edited = lines.map((l) => (l === JSON.stringify(price) ? changed : l)).join('\n');
        expect(edited).toContain(changed);
        await importFile(target, `${edited}\n`);
        const one = await eventsAfter(target, quiet.cursor);
        expect(one.types.filter((type) => !type.startsWith('catalog.import'))).toEqual([
          'catalog.price_changed',
        ]);
      } finally {
        await target.close();
        await target.database.close();
      }
    }, 180_000);
  },
  { demo: true },
);
