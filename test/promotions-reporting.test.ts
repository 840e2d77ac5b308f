// Promotions, issue 14 items 1, 5 and 6: bundles and product collections through the API, a
// campaign's scheduled start and end announced as events every channel's stream carries (and the
// carts follow), and campaign reporting (orders, discount given, revenue, per channel).
import { expect, it } from 'vitest';
import type { Clock } from '../src/kernel/index.js';
import {
  buildCommerceFixture,
  COMMERCE_HUB_OPTIONS,
  type CommerceFixture,
} from './helpers/commerce-fixture.js';
import { eventually } from './helpers/eventually.js';
import { openSse } from './helpers/sse-client.js';
import { describeEachHub } from './helpers/test-hub.js';

/** The hubs' clock: real time, moved forward by the schedule test instead of waiting for it. */
let ahead = 0;
const clock: Clock = { now: () => new Date(Date.now() + ahead) };

describeEachHub(
  'promotions: bundles, collections, scheduled starts and ends, reporting',
  (t) => {
    let f: CommerceFixture;
    const pay = { payment: { provider: 'test', token: 'tok_visa' } };
    const carry = { type: 'carry_out' };
    const ship = {
      type: 'ship',
      method: 'standard',
      address: { line1: 'Damrak 1', postalCode: '1012 LG', city: 'Amsterdam', country: 'NL' },
    };
    const campaign = async (body: Record<string, unknown>) => {
      const r = await t.api('POST', '/api/promotions/campaigns', { body });
      expect(r.status, JSON.stringify(r.body)).toBe(201);
      return r.body as { id: string };
    };
    const cart = async (
      key: string,
      lines: Array<{ sku: string; quantity: number }>,
      delivery: object = carry,
    ) => {
      const c = await t.api('POST', '/api/carts', { key, body: { lines } });
      expect(c.status, JSON.stringify(c.body)).toBe(201);
      await t.api('PUT', `/api/carts/${c.body.id}/delivery`, { key, body: delivery });
      return c.body.id as string;
    };
    const quote = async (key: string, id: string) =>
      (await t.api('GET', `/api/carts/${id}/quote`, { key })).body;
    const pause = (id: string) =>
      t.api('PATCH', `/api/promotions/campaigns/${id}`, { body: { status: 'paused' } });

    it('builds a retailer', async () => {
      f = await buildCommerceFixture(t, 'RP', {
        tee: { warehouse: 100, amsterdam: 20 },
        mug: { warehouse: 100, amsterdam: 20 },
      });
    });

    it('a bundle: each complete set costs the set price; an incomplete one says how many units it lacks', async () => {
      // Tee 25.00 + 2 mugs 12.00 = 49.00 for 40.00: 9.00 off per set.
      const b = await campaign({
        name: 'Breakfast set',
        kind: 'automatic',
        currency: 'EUR',
        benefit: {
          type: 'bundle',
          items: [
            { sku: f.skus.tee, quantity: 1 },
            { sku: f.skus.mug, quantity: 2 },
          ],
          price: 4000,
        },
      });
      const two = await cart(f.keys.app, [
        { sku: f.skus.tee, quantity: 2 },
        { sku: f.skus.mug, quantity: 5 },
      ]);
      const q = await quote(f.keys.app, two);
      expect(q.discount).toBe(1800);
      const short = await cart(f.keys.app, [{ sku: f.skus.mug, quantity: 2 }]);
      expect((await quote(f.keys.app, short)).discount).toBe(0);
      const why = await t.api('GET', `/api/carts/${short}/promotions`, { key: f.keys.app });
      expect(why.body.notApplied).toContainEqual(
        expect.objectContaining({ campaignId: b.id, reason: 'min_quantity_not_met', missingQuantity: 1 }),
      );
      // A bundle price is an amount: it needs a currency.
      const noCurrency = await t.api('POST', '/api/promotions/campaigns', {
        body: {
          name: 'x',
          kind: 'automatic',
          benefit: { type: 'bundle', items: [{ sku: f.skus.tee, quantity: 1 }], price: 1 },
        },
      });
      expect(noCurrency.status).toBe(400);
      expect(noCurrency.body.errors).toContainEqual(expect.objectContaining({ path: 'body.currency' }));
      await pause(b.id);
    });

    it('a collection narrows a campaign; changing its members reprices carts at once', async () => {
      const made = await t.api('POST', '/api/promotions/collections', {
        body: { name: 'Kitchen', skus: [f.skus.mug] },
      });
      expect(made.status, JSON.stringify(made.body)).toBe(201);
      const kitchen = made.body.id as string;
      const unknown = await t.api('POST', '/api/promotions/campaigns', {
        body: {
          name: 'x',
          kind: 'automatic',
          conditions: { collectionIds: ['pcl_nope'] },
          benefit: { type: 'percentage', percentBp: 1000 },
        },
      });
      expect(unknown.status).toBe(400);
      expect(unknown.body.errors).toContainEqual(
        expect.objectContaining({ path: 'body.conditions.collectionIds' }),
      );
      const c = await campaign({
        name: 'Kitchen 10 %',
        kind: 'automatic',
        conditions: { collectionIds: [kitchen] },
        benefit: { type: 'percentage', percentBp: 1000 },
      });
      const id = await cart(f.keys.web, [
        { sku: f.skus.tee, quantity: 1 },
        { sku: f.skus.mug, quantity: 1 },
      ]);
      // Only the mug is in the collection: 10 % of 12.00.
      expect((await quote(f.keys.web, id)).discount).toBe(120);
      const moved = await t.api('PUT', `/api/promotions/collections/${kitchen}`, {
        body: { name: 'Kitchen', skus: [f.skus.tee] },
      });
      expect(moved.status).toBe(200);
      // The web channel's tee price is 19.90.
      expect((await quote(f.keys.web, id)).discount).toBe(199);
      expect(
        (await t.api('PUT', '/api/promotions/collections/pcl_nope', { body: { name: 'x' } })).status,
      ).toBe(404);
      const hostile = await t.api('POST', '/api/promotions/collections', { body: { name: '', skus: 'x' } });
      expect(hostile.status).toBe(400);
      await pause(c.id);
    });

    it('a scheduled start and end are announced on every channel’s stream, and carts follow', async () => {
      const base = (await t.hub.listen()).replace('[::1]', 'localhost');
      const streamKey = (
        await t.api('POST', '/api/keys', {
          body: { name: 'rp-stream', scopes: ['events:read'], channelId: f.channels.tillAms.id },
        })
      ).body.secret as string;
      const sse = await openSse(`${base}/api/stream?types=promotion.campaign_*`, {
        authorization: `Bearer ${streamKey}`,
      });
      try {
        const local = (ms: number) => new Date(clock.now().getTime() + ms).toISOString().slice(0, 19);
        const c = await campaign({
          name: 'Flash sale',
          kind: 'automatic',
          timeZone: 'UTC',
          // A minute, then two, ahead of the hubs' clock (whole seconds: local() cuts the rest). The
          // test moves the clock there rather than waiting; the job, every second, sees the crossing.
          startsAt: local(60_000),
          endsAt: local(120_000),
          benefit: { type: 'percentage', percentBp: 5000 },
        });
        const till = await cart(f.keys.tillAms, [{ sku: f.skus.mug, quantity: 1 }]);
        expect((await quote(f.keys.tillAms, till)).discount).toBe(0);
        const count = (type: string) =>
          sse.frames.filter((x) => x.event === type && x.data.includes(c.id)).length;
        const heard = (type: string) => count(type) > 0;
        ahead += 60_000;
        await sse.waitFor(() => heard('promotion.campaign_started'), 20_000);
        expect((await quote(f.keys.tillAms, till)).discount).toBe(600);
        ahead += 60_000;
        await sse.waitFor(() => heard('promotion.campaign_ended'), 20_000);
        expect((await quote(f.keys.tillAms, till)).discount).toBe(0);
        // Each crossing is announced once, however often the job runs.
        expect(await t.hub.services.promotions.announceSchedule(t.hub.systemCtx())).toBe(0);
        await new Promise((r) => setTimeout(r, 300));
        expect([count('promotion.campaign_started'), count('promotion.campaign_ended')]).toEqual([1, 1]);
      } finally {
        sse.close();
      }
    }, 60_000);

    it('reports orders, discount given and revenue per channel; a given-back use is not counted', async () => {
      const c = await campaign({
        name: 'Report me',
        kind: 'code',
        benefit: { type: 'percentage', percentBp: 1000 },
      });
      await t.api('POST', `/api/promotions/campaigns/${c.id}/codes`, {
        body: { code: 'REPORT10', usageLimit: null },
      });
      const order = async (key: string, token = 'tok_visa') => {
        const id = await cart(key, [{ sku: f.skus.mug, quantity: 2 }], ship);
        expect(
          (await t.api('POST', `/api/carts/${id}/coupons`, { key, body: { code: 'REPORT10' } })).status,
        ).toBe(200);
        return t.api('POST', `/api/carts/${id}/checkout`, {
          key,
          body: { payment: { provider: 'test', token } },
        });
      };
      const a = await order(f.keys.app);
      const b = await order(f.keys.app);
      const w = await order(f.keys.web);
      expect([a.status, b.status, w.status], JSON.stringify(a.body)).toEqual([201, 201, 201]);
      expect((await order(f.keys.web, 'tok_decline')).status).toBe(402);
      const cancelled = await t.api('POST', `/api/orders/${b.body.order.id}/cancel`, {
        body: { reason: 'test' },
      });
      expect(cancelled.status).toBe(200);
      const report = await eventually(
        async () => (await t.api('GET', `/api/promotions/campaigns/${c.id}/report`)).body,
        (r) =>
          r.channels?.find((x: { channelId: string }) => x.channelId === f.channels.app.id)?.orders === 1,
      );
      const grand = (o: typeof a) => o.body.order.totals.grand as number;
      expect(report.channels).toEqual(
        [
          {
            channelId: f.channels.app.id,
            currency: 'EUR',
            orders: 1,
            discount: 240,
            revenue: grand(a),
            marketplaceOrders: 0,
          },
          {
            channelId: f.channels.web.id,
            currency: 'EUR',
            orders: 1,
            discount: 240,
            revenue: grand(w),
            marketplaceOrders: 0,
          },
        ].sort((x, y) => x.channelId.localeCompare(y.channelId)),
      );
      expect(report.totals).toEqual([
        { currency: 'EUR', orders: 2, discount: 480, revenue: grand(a) + grand(w) },
      ]);
      const future = await t.api('GET', `/api/promotions/campaigns/${c.id}/report?from=2999-01-01T00:00:00Z`);
      expect(future.body.totals).toEqual([]);
      expect((await t.api('GET', `/api/promotions/campaigns/${c.id}/report?from=yesterday`)).status).toBe(
        400,
      );
      expect((await t.api('GET', '/api/promotions/campaigns/cmp_nope/report')).status).toBe(404);
    });

    it('refuses reporting and collections to no key, a wrong scope, a publishable key and a channel-bound key', async () => {
      const make = async (b: Record<string, unknown>) =>
        (await t.api('POST', '/api/keys', { body: b })).body.secret as string;
      const pub = await make({ name: 'rp-pub', kind: 'publishable', channelId: f.channels.web.id });
      const bound = await make({
        name: 'rp-bound',
        scopes: ['promotions:write'],
        channelId: f.channels.web.id,
      });
      const reader = await make({ name: 'rp-read', scopes: ['promotions:read'] });
      const list = await t.api('GET', '/api/promotions/campaigns');
      const id = list.body.items[0].id as string;
      const cases: Array<[string | null, number, string]> = [
        [null, 401, 'unauthenticated'],
        [f.keys.web, 403, 'forbidden'],
        [pub, 403, 'key_kind_forbidden'],
        [bound, 403, 'channel_forbidden'],
      ];
      for (const [key, status, code] of cases) {
        const r = await t.api('GET', `/api/promotions/campaigns/${id}/report`, { key });
        expect([r.status, r.body.code]).toEqual([status, code]);
        const w = await t.api('POST', '/api/promotions/collections', { key, body: { name: 'x' } });
        expect([w.status, w.body.code]).toEqual([status, code]);
      }
      // Reading is not writing.
      expect((await t.api('GET', `/api/promotions/campaigns/${id}/report`, { key: reader })).status).toBe(
        200,
      );
      const w = await t.api('POST', '/api/promotions/collections', { key: reader, body: { name: 'x' } });
      expect([w.status, w.body.code]).toEqual([403, 'forbidden']);
    });
  },
  { ...COMMERCE_HUB_OPTIONS, clock },
);
