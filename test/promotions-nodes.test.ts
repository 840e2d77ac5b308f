// Coupon limits across hub nodes (issue 14, item 3: "on several hub nodes too"): two hubs, each with
// its own connection pool, on one PostgreSQL database check out carts holding the same coupon at the
// same time. A single-use code is carried by exactly one order and a 3-use campaign by exactly three;
// every other checkout is refused with the reason, whichever node took it. The limit is kept by the
// database (a conditional UPDATE re-checked after the row lock), never by a node's memory.
import { expect, it } from 'vitest';
import { createHub, type Hub } from '../src/app.js';
import { systemClock } from '../src/kernel/index.js';
import { loadConfig } from '../src/platform/config.js';
import { type Database, openDatabase } from '../src/platform/db/database.js';
import { testLog } from '../src/platform/testing/test-databases.js';
import {
  buildCommerceFixture,
  COMMERCE_HUB_OPTIONS,
  type CommerceFixture,
} from './helpers/commerce-fixture.js';
import { describeEachHub, TEST_ADMIN_KEY } from './helpers/test-hub.js';

describeEachHub(
  'promotions: coupon limits across two hub nodes',
  (t) => {
    let f: CommerceFixture;
    let other: Hub;
    let otherDb: Database;
    const pay = { payment: { provider: 'test', token: 'tok_visa' } };
    const carry = { type: 'carry_out' };
    /** Calls node B (the second hub) the way t.api calls node A. */
    const onB = async (method: string, url: string, key: string, payload?: unknown) => {
      const r = await other.http.inject({
        method: method as 'POST',
        url,
        headers: { authorization: `Bearer ${key}` },
        ...(payload === undefined ? {} : { payload: payload as object }),
      });
      return { status: r.statusCode, body: r.json() };
    };
    /** A cart with the code on it, made on one node; checked out later on either. */
    const withCode = async (key: string, code: string) => {
      const c = await t.api('POST', '/api/carts', {
        key,
        body: { lines: [{ sku: f.skus.mug, quantity: 1 }] },
      });
      expect(c.status, JSON.stringify(c.body)).toBe(201);
      expect((await t.api('PUT', `/api/carts/${c.body.id}/delivery`, { key, body: carry })).status).toBe(200);
      const r = await t.api('POST', `/api/carts/${c.body.id}/coupons`, { key, body: { code } });
      expect(r.status, JSON.stringify(r.body)).toBe(200);
      return c.body.id as string;
    };
    /** 2n carts hold the code; n check out on node A and n on node B, all at once. */
    const race = async (code: string, n: number) => {
      const keys = [f.keys.app, f.keys.web];
      const carts: Array<{ id: string; key: string }> = [];
      for (let i = 0; i < 2 * n; i++)
        carts.push({ id: await withCode(keys[i % 2]!, code), key: keys[i % 2]! });
      const results = await Promise.all(
        carts.map(({ id, key }, i) =>
          i % 2 === 0
            ? t.api('POST', `/api/carts/${id}/checkout`, { key, body: pay })
            : onB('POST', `/api/carts/${id}/checkout`, key, pay),
        ),
      );
      const placed = results.filter((r) => r.status === 201);
      const refused = results.filter((r) => r.status !== 201);
      expect(
        refused.every((r) => r.status === 409 && r.body.reason === 'usage_exhausted'),
        JSON.stringify(refused.map((r) => [r.status, r.body.reason ?? r.body.code])),
      ).toBe(true);
      expect(placed.every((r) => r.body.order.totals.discount > 0)).toBe(true);
      return { placed, refused, byNode: results.map((r, i) => [i % 2, r.status]) };
    };

    it('builds a retailer and starts a second hub node on the same database (PostgreSQL)', async () => {
      f = await buildCommerceFixture(t, 'PN', { mug: { warehouse: 200 } });
      otherDb = await openDatabase({ databaseUrl: t.url, dataDir: 'memory://' });
      other = await createHub({
        config: {
          ...loadConfig({}),
          ...COMMERCE_HUB_OPTIONS.config,
          port: 0,
          adminKey: TEST_ADMIN_KEY,
          databaseUrl: t.url,
          natsUrl: undefined,
        },
        clock: systemClock,
        log: testLog as never,
        database: otherDb,
      });
    });

    it('a single-use code redeemed on two nodes at once: one order carries it', async () => {
      const c = await t.api('POST', '/api/promotions/campaigns', {
        body: { name: 'Once', kind: 'code', benefit: { type: 'fixed', amount: 300 }, currency: 'EUR' },
      });
      expect(c.status, JSON.stringify(c.body)).toBe(201);
      const code = await t.api('POST', `/api/promotions/campaigns/${c.body.id}/codes`, {
        body: { code: 'ONCE-PN', usageLimit: 1 },
      });
      expect(code.status, JSON.stringify(code.body)).toBe(201);
      const { placed, refused, byNode } = await race('ONCE-PN', 8);
      expect(placed, JSON.stringify(byNode)).toHaveLength(1);
      expect(refused).toHaveLength(15);
    });

    it('a 3-use campaign checked out by 20 carts on two nodes: exactly three orders', async () => {
      const c = await t.api('POST', '/api/promotions/campaigns', {
        body: {
          name: 'Three',
          kind: 'code',
          usageLimit: 3,
          benefit: { type: 'percentage', percentBp: 1000 },
        },
      });
      expect(c.status, JSON.stringify(c.body)).toBe(201);
      await t.api('POST', `/api/promotions/campaigns/${c.body.id}/codes`, {
        body: { code: 'THREE-PN', usageLimit: null },
      });
      const { placed, byNode } = await race('THREE-PN', 10);
      expect(placed, JSON.stringify(byNode)).toHaveLength(3);
      expect((await t.api('GET', `/api/promotions/campaigns/${c.body.id}`)).body.used).toBe(3);
    });

    it('stops the second node', async () => {
      await other.close();
      await otherDb.close();
    });
  },
  // Every test needs the second node on the same database: PostgreSQL only.
  { ...COMMERCE_HUB_OPTIONS, engines: ['postgres'] },
);
