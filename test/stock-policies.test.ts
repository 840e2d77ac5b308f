// Pre-order and backorder (#17) on both databases: a variant's stock policy set through the admin
// API (refusals and hostile input named by field, nothing written); a `deny` variant at 0 refuses
// add-to-cart, a `backorder` one sells beyond its stock and the order line says which units wait; a
// pre-order shows its release date in the Google feed, the Meta CSV, the JSON-LD and the channel view.
import { parse } from 'csv-parse/sync';
import { expect, it } from 'vitest';
import { eventually } from './helpers/eventually.js';
import { describeEachHub } from './helpers/test-hub.js';

const RELEASE = '2099-05-01';

describeEachHub(
  'stock policies: pre-order and backorder',
  (t) => {
    let web = '';
    let publishable = '';
    let feedToken = '';
    const product = 'policy-kettle';
    const sku = (p: string) => `KETTLE-${p.toUpperCase()}`;
    const page = (path: string) =>
      t.hub.http.inject({ method: 'GET', url: path, headers: { authorization: '' } });
    const patch = (s: string, body: unknown, key?: string | null) =>
      t.api('PATCH', `/api/catalog/products/${product}/variants/${s}`, {
        body,
        ...(key !== undefined ? { key } : {}),
      });

    it('creates a product whose variants deny, backorder and pre-order, with no stock at all', async () => {
      const channel = (await t.api('GET', '/api/channels/webshop')).body;
      web = channel.id;
      publishable = /content="(ohpk_[^"]+)"/.exec((await page('/store/webshop')).body)![1]!;
      const price = { priceListId: channel.priceListId, amount: 4900, currency: 'EUR' };
      const created = await t.api('POST', '/api/catalog/products', {
        body: {
          handle: product,
          defaultLocale: 'en',
          content: { en: { title: 'Kettle', description: 'A kettle' } },
          variants: [
            { sku: sku('deny'), options: { colour: 'steel' }, prices: [price] },
            { sku: sku('back'), options: { colour: 'black' }, prices: [price], stockPolicy: 'backorder' },
            {
              sku: sku('pre'),
              options: { colour: 'copper' },
              prices: [price],
              stockPolicy: 'preorder',
              availableFrom: RELEASE,
            },
          ],
        },
      });
      expect(created.status, JSON.stringify(created.body)).toBe(201);
      expect(created.body.variants.map((v: { stockPolicy: string }) => v.stockPolicy)).toEqual([
        'deny',
        'backorder',
        'preorder',
      ]);
      const listed = await t.api('PUT', `/api/channels/${web}/listings/${created.body.id}`, {
        body: { published: true },
      });
      expect(listed.status).toBe(200);
      const view = await t.api('GET', `/api/channels/webshop/products/${product}`, { key: publishable });
      expect(view.body.variants.map((v: { availability: string }) => v.availability)).toEqual([
        'out_of_stock',
        'backorder',
        'preorder',
      ]);
    });

    it('refuses the policy change without a key, scope, to another channel or a publishable key', async () => {
      const body = { stockPolicy: 'backorder' };
      expect((await patch(sku('deny'), body, null)).status).toBe(401);
      const reader = await t.api('POST', '/api/keys', { body: { name: 'reader', scopes: ['catalog:read'] } });
      expect((await patch(sku('deny'), body, reader.body.secret)).status).toBe(403);
      const other = (await t.api('GET', '/api/channels/marketplace')).body.id;
      const bound = await t.api('POST', '/api/keys', {
        body: { name: 'bound', scopes: ['catalog:write'], channelId: other },
      });
      expect((await patch(sku('deny'), body, bound.body.secret)).status).toBe(403);
      expect((await patch(sku('deny'), body, publishable)).status).toBe(403);
    });

    it('refuses a bad date, an unknown policy and a pre-order without its date, naming the field', async () => {
      const refused = async (body: unknown, field: string) => {
        const r = await patch(sku('deny'), body);
        expect(r.status, JSON.stringify(r.body)).toBe(400);
        expect(r.headers['content-type']).toContain('application/problem+json');
        expect(JSON.stringify(r.body)).toContain(`body.${field}`);
      };
      await refused({ stockPolicy: 'backorder', availableFrom: '2027-02-30' }, 'availableFrom');
      await refused({ stockPolicy: 'backorder', availableFrom: 'soon' }, 'availableFrom');
      await refused({ stockPolicy: 'sometimes' }, 'stockPolicy');
      await refused({ stockPolicy: 'preorder' }, 'availableFrom');
      await refused({ stockPolicy: 'backorder', backorderLimit: -2 }, 'backorderLimit');
      // Nothing was written.
      const p = (await t.api('GET', `/api/catalog/products/${product}`)).body;
      expect(p.variants[0]).toMatchObject({ stockPolicy: 'deny', availableFrom: null, backorderLimit: null });
    });

    it('refuses a deny variant at 0; sells backorder and pre-order ones and marks the order lines', async () => {
      const cart = await t.api('POST', '/api/carts', { key: publishable, body: { anonymousId: 'policy' } });
      expect(cart.status).toBe(201);
      // A publishable key reaches its own carts only: the cart token says which.
      const headers = { 'x-cart-token': cart.body.cartToken };
      const line = (s: string, quantity: number) =>
        t.api('POST', `/api/carts/${cart.body.id}/lines`, {
          key: publishable,
          headers,
          body: { sku: s, quantity },
        });
      const denied = await line(sku('deny'), 1);
      expect(denied.status).toBe(409);
      expect(denied.body.code).toBe('insufficient_stock');
      const added = await line(sku('back'), 2);
      expect(added.status, JSON.stringify(added.body)).toBe(201);
      const hold = added.body.lines[0].holds[0];
      expect(hold).toMatchObject({ quantity: 2, backordered: 2 });
      // Held at no location: every level of the SKU stays at zero reserved.
      const reservation = (await t.api('GET', `/api/inventory/reservations/${hold.reservationId}`)).body;
      expect(reservation).toMatchObject({ quantity: 2, lines: [] });
      expect((await line(sku('pre'), 1)).status).toBe(201);
      const delivery = await t.api('PUT', `/api/carts/${cart.body.id}/delivery`, {
        key: publishable,
        headers,
        body: {
          type: 'ship',
          method: 'standard',
          address: { line1: 'Damrak 1', postalCode: '1012 LG', city: 'Amsterdam', country: 'NL' },
        },
      });
      expect(delivery.status, JSON.stringify(delivery.body)).toBe(200);
      const placed = await t.api('POST', `/api/carts/${cart.body.id}/checkout`, {
        key: publishable,
        headers: { ...headers, 'idempotency-key': 'policy-back' },
        body: { email: 'shopper@example.com', payment: { provider: 'test', token: 'tok_visa' } },
      });
      expect(placed.status, JSON.stringify(placed.body)).toBe(201);
      expect(placed.body.order.lines[0]).toMatchObject({
        sku: sku('back'),
        quantity: 2,
        backorder: { kind: 'backorder', quantity: 2, expectedFrom: null },
      });
      expect(placed.body.order.lines[1]).toMatchObject({
        sku: sku('pre'),
        backorder: { kind: 'preorder', quantity: 1, expectedFrom: RELEASE },
      });
      // Nothing is planned to leave a location for units that are not there.
      const order = (await t.api('GET', `/api/orders/${placed.body.order.id}`)).body;
      const planned = order.fulfilments.flatMap((f: { lines: Array<{ sku: string }> }) => f.lines);
      expect(planned.filter((l: { sku: string }) => l.sku === sku('back'))).toEqual([]);
    });

    it('caps the units beyond stock at the backorder limit', async () => {
      expect((await patch(sku('back'), { backorderLimit: 3 })).status).toBe(200);
      const over = await t.api('POST', '/api/carts', {
        key: publishable,
        body: { lines: [{ sku: sku('back'), quantity: 4 }] },
      });
      expect(over.status).toBe(409);
      const within = await t.api('POST', '/api/carts', {
        key: publishable,
        body: { lines: [{ sku: sku('back'), quantity: 3 }] },
      });
      expect(within.status, JSON.stringify(within.body)).toBe(201);
    });

    it('shows a pre-order with its date in the Google feed, the Meta CSV and the JSON-LD', async () => {
      // The demo's products have pictures (a feed lists only those): one of its variants pre-orders.
      const demoSku = 'FF-FJELL-PARKA-FJORD-M';
      const set = await t.api('PATCH', `/api/catalog/products/fjell-parka/variants/${demoSku}`, {
        body: { stockPolicy: 'preorder', availableFrom: RELEASE },
      });
      expect(set.status, JSON.stringify(set.body)).toBe(200);
      const key = await t.api('POST', '/api/keys', {
        body: { name: 'feeds', scopes: ['feeds:read'], channelId: web },
      });
      feedToken = key.body.secret;
      // The feed follows the catalog's events, which show once no earlier transaction is open.
      const item = await eventually(
        async () => {
          const xml = (await page(`/feeds/webshop/google.xml?token=${feedToken}`)).body;
          return [...xml.matchAll(/<item>([\s\S]*?)<\/item>/g)]
            .map((m) => m[1]!)
            .find((i) => i.includes(`<g:id>${demoSku}</g:id>`));
        },
        (i) => !!i?.includes('preorder'),
      );
      expect(item).toContain('<g:availability>preorder</g:availability>');
      expect(item).toContain(`<g:availability_date>${RELEASE}T00:00:00Z</g:availability_date>`);
      const csv = (await page(`/feeds/webshop/meta.csv?token=${feedToken}`)).body;
      const rows = parse(csv, { columns: true }) as Array<Record<string, string>>;
      expect(rows.find((r) => r.id === demoSku)).toMatchObject({
        availability: 'preorder',
        availability_date: `${RELEASE}T00:00:00Z`,
      });
      const html = (await page('/store/webshop/p/fjell-parka')).body;
      const ld = JSON.parse(/<script type="application\/ld\+json">([\s\S]*?)<\/script>/.exec(html)![1]!);
      const offer = ld.offers.find((o: { sku: string }) => o.sku === demoSku);
      expect(offer).toMatchObject({
        availability: 'https://schema.org/PreOrder',
        availabilityStarts: RELEASE,
      });
    });
  },
  { demo: true },
);
