// Promotions through the HTTP API (issue 14, items 1–3): campaigns and coupons, one evaluation on
// every channel's cart with reasons for what does not apply, bulk codes and their CSV, and usage
// limits that hold under concurrent checkouts, with uses given back once on a refused payment or a
// cancellation.
import { expect, it } from 'vitest';
import {
  buildCommerceFixture,
  COMMERCE_HUB_OPTIONS,
  type CommerceFixture,
} from './helpers/commerce-fixture.js';
import { eventually } from './helpers/eventually.js';
import { describeEachHub } from './helpers/test-hub.js';

describeEachHub(
  'promotions: campaigns, coupons and limits under concurrency',
  (t) => {
    let f: CommerceFixture;
    const pay = { payment: { provider: 'test', token: 'tok_visa' } };
    const ship = {
      type: 'ship',
      method: 'standard',
      address: { line1: 'Damrak 1', postalCode: '1012 LG', city: 'Amsterdam', country: 'NL' },
    };
    const campaign = async (body: Record<string, unknown>) => {
      const r = await t.api('POST', '/api/promotions/campaigns', { body });
      expect(r.status, JSON.stringify(r.body)).toBe(201);
      return r.body as { id: string; used: number };
    };
    const cart = async (key: string, lines: Array<{ sku: string; quantity: number }>) => {
      const c = await t.api('POST', '/api/carts', { key, body: { lines } });
      expect(c.status, JSON.stringify(c.body)).toBe(201);
      expect((await t.api('PUT', `/api/carts/${c.body.id}/delivery`, { key, body: ship })).status).toBe(200);
      return c.body.id as string;
    };
    const withCode = async (key: string, code: string, quantity = 1) => {
      const id = await cart(key, [{ sku: f.skus.mug, quantity }]);
      const r = await t.api('POST', `/api/carts/${id}/coupons`, { key, body: { code } });
      expect(r.status, JSON.stringify(r.body)).toBe(200);
      return id;
    };

    it('builds a retailer with plenty of mugs and tees', async () => {
      f = await buildCommerceFixture(t, 'PR', {
        tee: { warehouse: 500 },
        mug: { warehouse: 500 },
        cap: { warehouse: 50 },
      });
    });

    it('an automatic campaign prices the app cart and says how much more to spend for the next one', async () => {
      await campaign({
        name: 'Spend 60 get 10, spend 100 get 25',
        kind: 'automatic',
        currency: 'EUR',
        benefit: {
          type: 'tiered',
          tiers: [
            { minSpend: 6000, amount: 1000 },
            { minSpend: 10000, amount: 2500 },
          ],
        },
        conditions: { channelIds: [f.channels.app.id] },
      });
      const id = await cart(f.keys.app, [
        { sku: f.skus.tee, quantity: 2 },
        { sku: f.skus.mug, quantity: 1 },
      ]); // 2 × 2500 + 1200 = 6200
      const quote = await t.api('GET', `/api/carts/${id}/quote`, { key: f.keys.app });
      expect(quote.body).toMatchObject({ items: 6200, discount: 1000 });
      const view = await t.api('GET', `/api/carts/${id}/promotions`, { key: f.keys.app });
      expect(view.status).toBe(200);
      expect(view.body.applied[0]).toMatchObject({ amount: 1000 });
      expect(view.body.applied[0].lines.reduce((s: number, l: { amount: number }) => s + l.amount, 0)).toBe(
        1000,
      );
      expect(view.body.notApplied).toContainEqual(
        expect.objectContaining({
          reason: 'next_tier',
          missingAmount: 3800,
          currency: 'EUR',
          nextAmount: 2500,
        }),
      );
      // The webshop's cart is not in the campaign's channels.
      const web = await cart(f.keys.web, [{ sku: f.skus.mug, quantity: 6 }]);
      expect((await t.api('GET', `/api/carts/${web}/quote`, { key: f.keys.web })).body.discount).toBe(0);
    });

    it('a code valid only on the webshop is refused on the app with its reason; the cart is unchanged', async () => {
      const c = await campaign({
        name: 'Web 10 %',
        kind: 'code',
        benefit: { type: 'percentage', percentBp: 1000 },
        conditions: { channelIds: [f.channels.web.id] },
      });
      expect(
        (
          await t.api('POST', `/api/promotions/campaigns/${c.id}/codes`, {
            body: { code: 'web10', usageLimit: null },
          })
        ).status,
      ).toBe(201);
      const id = await cart(f.keys.app, [{ sku: f.skus.cap, quantity: 1 }]);
      for (const [code, reason] of [
        ['WEB10', 'not_in_channel'],
        ['NOSUCH', 'unknown_code'],
      ]) {
        const r = await t.api('POST', `/api/carts/${id}/coupons`, { key: f.keys.app, body: { code } });
        expect(r.status).toBe(422);
        expect(r.body).toMatchObject({ code: 'coupon_refused', reason, couponCode: code });
      }
      const bad = await t.api('POST', `/api/carts/${id}/coupons`, { key: f.keys.app, body: { code: 'a b' } });
      expect(bad.status).toBe(400);
      expect((await t.api('GET', `/api/carts/${id}/promotions`, { key: f.keys.app })).body.codes).toEqual([]);
      // On the webshop it applies, and it can be removed again.
      const web = await cart(f.keys.web, [{ sku: f.skus.cap, quantity: 1 }]);
      const ok = await t.api('POST', `/api/carts/${web}/coupons`, {
        key: f.keys.web,
        body: { code: 'web10' },
      });
      expect(ok.body).toMatchObject({ codes: ['WEB10'], applied: [{ code: 'WEB10', amount: 180 }] });
      expect((await t.api('GET', `/api/carts/${web}/quote`, { key: f.keys.web })).body.discount).toBe(180);
      const off = await t.api('DELETE', `/api/carts/${web}/coupons/WEB10`, { key: f.keys.web });
      expect(off.body).toMatchObject({ codes: [], applied: [] });
    });

    it('generates thousands of unique codes and exports them as CSV', async () => {
      const c = await campaign({ name: 'Flyer', kind: 'code', benefit: { type: 'free_shipping' } });
      const r = await t.api('POST', `/api/promotions/campaigns/${c.id}/codes`, {
        body: { count: 3000, prefix: 'fly' },
      });
      expect(r.status, JSON.stringify(r.body)).toBe(201);
      expect(r.body.count).toBe(3000);
      const csv = await t.api('GET', `/api/promotions/campaigns/${c.id}/codes.csv`);
      expect(csv.status).toBe(200);
      expect(String(csv.headers['content-type'])).toContain('text/csv');
      const rows = String(csv.body).trim().split('\n');
      expect(rows[0]).toBe('code,usage_limit,used,batch_id');
      const codes = rows.slice(1).map((l) => l.split(',')[0]!);
      expect(codes).toHaveLength(3000);
      expect(new Set(codes).size).toBe(3000);
      expect(codes.every((x) => /^FLY[2-9A-Z]{10}$/.test(x))).toBe(true);
      // Hostile input names the field, writes nothing.
      const bad = await t.api('POST', '/api/promotions/campaigns', {
        body: { name: 'x', kind: 'automatic', benefit: { type: 'fixed', amount: 100 } },
      });
      expect(bad.status).toBe(400);
      expect(JSON.stringify(bad.body)).toContain('currency');
      const zone = await t.api('POST', '/api/promotions/campaigns', {
        body: { name: 'x', kind: 'automatic', timeZone: 'Mars/Olympus', benefit: { type: 'free_shipping' } },
      });
      expect(zone.status).toBe(400);
      expect(JSON.stringify(zone.body)).toContain('timeZone');
    });

    it('refuses the admin routes to no key, a wrong scope, a publishable key and a channel-bound key', async () => {
      const c = await campaign({ name: 'Guarded', kind: 'code', benefit: { type: 'free_shipping' } });
      const pub = (
        await t.api('POST', '/api/keys', {
          body: { name: 'pr-pub', kind: 'publishable', channelId: f.channels.web.id },
        })
      ).body.secret as string;
      const reader = (
        await t.api('POST', '/api/keys', { body: { name: 'pr-read', scopes: ['promotions:read'] } })
      ).body.secret as string;
      const cases: Array<[string | null, number, string]> = [
        [null, 401, 'unauthenticated'],
        [reader, 403, 'forbidden'],
        [pub, 403, 'key_kind_forbidden'],
        [f.keys.web, 403, 'forbidden'],
      ];
      for (const [key, status, code] of cases) {
        const r = await t.api('POST', `/api/promotions/campaigns/${c.id}/codes`, { key, body: { count: 5 } });
        expect([r.status, r.body.code]).toEqual([status, code]);
      }
      expect((await t.api('GET', `/api/promotions/campaigns/${c.id}`, { key: reader })).status).toBe(200);
      const bound = (
        await t.api('POST', '/api/keys', {
          body: { name: 'pr-bound', scopes: ['promotions:write'], channelId: f.channels.web.id },
        })
      ).body.secret as string;
      expect((await t.api('GET', '/api/promotions/campaigns', { key: bound })).body.code).toBe(
        'channel_forbidden',
      );
      // A cart's coupons: another channel's key does not see the cart.
      const id = await cart(f.keys.app, [{ sku: f.skus.cap, quantity: 1 }]);
      const other = await t.api('POST', `/api/carts/${id}/coupons`, {
        key: f.keys.web,
        body: { code: 'X1X' },
      });
      expect(other.status).toBe(404);
    });

    it('a 5-use coupon checked out by 40 carts at once: exactly 5 orders carry it', async () => {
      const c = await campaign({
        name: 'Five only',
        kind: 'code',
        usageLimit: 5,
        benefit: { type: 'percentage', percentBp: 2000 },
      });
      await t.api('POST', `/api/promotions/campaigns/${c.id}/codes`, {
        body: { code: 'FIVE', usageLimit: null },
      });
      const keys = [f.keys.app, f.keys.web];
      const carts = [];
      for (let i = 0; i < 40; i++) carts.push([await withCode(keys[i % 2]!, 'FIVE'), keys[i % 2]!] as const);
      const results = await Promise.all(
        carts.map(([id, key]) => t.api('POST', `/api/carts/${id}/checkout`, { key, body: pay })),
      );
      const placed = results.filter((r) => r.status === 201);
      const refused = results.filter((r) => r.status !== 201);
      expect(placed).toHaveLength(5);
      expect(placed.every((r) => r.body.order.totals.discount > 0)).toBe(true);
      expect(refused.every((r) => r.status === 409 && r.body.reason === 'usage_exhausted')).toBe(true);
      expect((await t.api('GET', `/api/promotions/campaigns/${c.id}`)).body.used).toBe(5);
    });

    it('a refused payment gives the use back exactly once; a cancelled order gives it back', async () => {
      const c = await campaign({
        name: 'One only',
        kind: 'code',
        usageLimit: 1,
        benefit: { type: 'fixed', amount: 200 },
        currency: 'EUR',
      });
      await t.api('POST', `/api/promotions/campaigns/${c.id}/codes`, {
        body: { code: 'ONE', usageLimit: null },
      });
      const declined = await withCode(f.keys.app, 'ONE');
      const r = await t.api('POST', `/api/carts/${declined}/checkout`, {
        key: f.keys.app,
        body: { payment: { provider: 'test', token: 'tok_decline' } },
      });
      expect(r.status).toBe(402);
      const used = async () => (await t.api('GET', `/api/promotions/campaigns/${c.id}`)).body.used as number;
      expect(await used()).toBe(0);
      const id = await withCode(f.keys.app, 'ONE');
      const placed = await t.api('POST', `/api/carts/${id}/checkout`, { key: f.keys.app, body: pay });
      expect(placed.status, JSON.stringify(placed.body)).toBe(201);
      expect(placed.body.order.totals.discount).toBe(200);
      expect(await used()).toBe(1);
      // The failed order id holds nothing: releasing it again gives nothing back.
      const orderId = placed.body.order.id as string;
      const cancelled = await t.api('POST', `/api/orders/${orderId}/cancel`, {
        body: { reason: 'changed mind' },
      });
      expect(cancelled.status, JSON.stringify(cancelled.body)).toBe(200);
      expect(await eventually(used, (n) => n === 0)).toBe(0);
      expect(await t.hub.services.promotions.releaseUses(t.hub.systemCtx(), orderId)).toBe(0);
      expect(await used()).toBe(0);
      // The use is free again for another shopper.
      const again = await withCode(f.keys.web, 'ONE');
      expect(
        (await t.api('POST', `/api/carts/${again}/checkout`, { key: f.keys.web, body: pay })).status,
      ).toBe(201);
      expect(await used()).toBe(1);
    });

    it('a marketplace order that carries a known code counts one use, past the limit, once per order', async () => {
      const c = await campaign({
        name: 'Marketplace',
        kind: 'code',
        usageLimit: 1,
        benefit: { type: 'free_shipping' },
      });
      await t.api('POST', `/api/promotions/campaigns/${c.id}/codes`, {
        body: { code: 'MKT1', usageLimit: null },
      });
      const promotions = t.hub.services.promotions;
      const ctx = t.hub.systemCtx();
      const given = { channelId: f.channels.web.id, customerId: null, currency: 'EUR', amount: 495 };
      expect(
        await promotions.recordMarketplaceUse(ctx, { ...given, orderId: 'ord_mkt_1', code: 'mkt1' }),
      ).toBe(true);
      expect(
        await promotions.recordMarketplaceUse(ctx, { ...given, orderId: 'ord_mkt_1', code: 'MKT1' }),
      ).toBe(false);
      expect(
        await promotions.recordMarketplaceUse(ctx, { ...given, orderId: 'ord_mkt_2', code: 'MKT1' }),
      ).toBe(true);
      expect(
        await promotions.recordMarketplaceUse(ctx, { ...given, orderId: 'ord_mkt_3', code: 'NOPE' }),
      ).toBe(false);
      expect((await t.api('GET', `/api/promotions/campaigns/${c.id}`)).body.used).toBe(2);
      const id = await cart(f.keys.web, [{ sku: f.skus.cap, quantity: 1 }]);
      const r = await t.api('POST', `/api/carts/${id}/coupons`, { key: f.keys.web, body: { code: 'MKT1' } });
      expect([r.status, r.body.reason]).toEqual([422, 'usage_exhausted']);
    });
  },
  COMMERCE_HUB_OPTIONS,
);
