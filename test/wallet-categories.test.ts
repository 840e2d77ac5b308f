// Loyalty earning per catalog category (issue 14, item 4: "rules per channel and category"), through
// the HTTP API on both databases: a category earns its own rate on its lines, an excluded one none,
// what is not a line (shipping) the channel's rate; the rules refuse bad categories by field. And what
// the till sees of a wallet: nothing until the clerk scans the customer's loyalty card (or finds them),
// then balances and code hints, never another store's customer, a ledger or an adjustment. A return
// at the till takes back what the returned lines earned (not their money).
import { expect, it } from 'vitest';
import { buildCommerceFixture, type CommerceFixture } from './helpers/commerce-fixture.js';
import { eventually } from './helpers/eventually.js';
import { describeEachHub } from './helpers/test-hub.js';

const ship = {
  type: 'ship',
  method: 'standard',
  address: { line1: 'Damrak 1', postalCode: '1012 LG', city: 'Amsterdam', country: 'NL' },
};

describeEachHub(
  'wallet: points earned per category',
  (t) => {
    let f: CommerceFixture;
    const email = `cat.${Math.random().toString(36).slice(2)}@example.test`;
    const ok = async (method: string, path: string, body?: unknown, key?: string) => {
      const r = await t.api(method, path, { body, ...(key ? { key } : {}) });
      expect([200, 201], `${method} ${path}: ${r.status} ${JSON.stringify(r.body)}`).toContain(r.status);
      return r.body;
    };
    const tag = () => `CAT${t.kind === 'pglite' ? 'L' : 'P'}`;
    const categorise = async (key: 'tee' | 'mug' | 'cap', categories: string[]) => {
      const p = await ok('GET', `/api/catalog/products/${key}-${tag().toLowerCase()}`);
      await ok('PATCH', `/api/catalog/products/${p.id}`, { categories });
    };

    it('each line earns at its category’s rate, an excluded category earns none, the rest the channel’s', async () => {
      f = await buildCommerceFixture(t, tag(), {
        tee: { warehouse: 10, amsterdam: 10 },
        mug: { warehouse: 10, amsterdam: 10 },
      });
      await categorise('tee', ['apparel/tees']);
      await categorise('mug', ['kitchen', 'gift-ideas']);
      const rules = await ok('PUT', '/api/wallet/loyalty-rules', {
        pointsPerUnit: 1,
        categories: { apparel: 3, kitchen: 0 },
      });
      expect(rules.categories).toEqual({ apparel: 3, kitchen: 0 });
      expect((await ok('GET', '/api/wallet/loyalty-rules')).categories).toEqual({ apparel: 3, kitchen: 0 });

      const c = await ok(
        'POST',
        '/api/carts',
        {
          lines: [
            { sku: f.skus.tee, quantity: 2 },
            { sku: f.skus.mug, quantity: 1 },
            { sku: f.skus.cap, quantity: 1 },
          ],
        },
        f.keys.web,
      );
      await ok('PUT', `/api/carts/${c.id}/delivery`, ship, f.keys.web);
      const { order } = await ok(
        'POST',
        `/api/carts/${c.id}/checkout`,
        { email, payment: { provider: 'test', token: 'tok_visa' } },
        f.keys.web,
      );
      const total = (sku: string) => order.lines.find((l: { sku: string }) => l.sku === sku).total as number;
      const rest = order.totals.grand - total(f.skus.tee) - total(f.skus.mug) - total(f.skus.cap);
      expect(rest).toBeGreaterThanOrEqual(0); // shipping, when the fixture charges any
      // Tee: 3 a unit (the `apparel` rule covers `apparel/tees`); mug: excluded; cap and shipping: 1.
      const expected = Math.floor((total(f.skus.tee) * 3 + total(f.skus.cap) + rest) / 100);
      const flat = Math.floor(order.totals.grand / 100);
      expect(expected).not.toBe(flat);
      const points = await eventually(
        async () => (await ok('GET', `/api/customers/${order.customerId}/wallet`)).points?.balance ?? 0,
        (p) => p > 0,
      );
      expect(points).toBe(expected);
    });

    it('the till sees a wallet once the clerk scans the loyalty card: balances and hints, never the ledger', async () => {
      const key = async (name: string, channelId: string) =>
        (
          await ok('POST', '/api/keys', {
            name: `${name}-${t.kind}`,
            scopes: ['carts:write', 'customers:read', 'wallet:read'],
            channelId,
          })
        ).secret as string;
      const till = await key('cat-till-ams', f.channels.tillAms.id);
      const tillSto = await key('cat-till-sto', f.channels.tillSto.id);
      const card = `LC-${Math.random().toString(36).slice(2, 10)}`;
      // The shopper of the first test has points; their card is linked on the webshop.
      const shopper = await ok('POST', '/api/customers/identify', {
        channelId: f.channels.web.id,
        identifiers: [
          { type: 'email', value: email, trust: 'verified' },
          { type: 'loyalty_card', value: card },
        ],
      });
      const id = shopper.customerId as string;
      const points = (await ok('GET', `/api/customers/${id}/wallet`)).points;
      expect(points.balance).toBeGreaterThan(0);
      // Before the customer stands at its counter the till does not see them at all.
      expect((await t.api('GET', `/api/customers/${id}/wallet`, { key: till })).status).toBe(404);
      const c = await ok('POST', '/api/carts', { lines: [{ sku: f.skus.cap, quantity: 1 }] }, till);
      await ok(
        'POST',
        `/api/carts/${c.id}/identify`,
        { identifiers: [{ type: 'loyalty_card', value: card }], strategy: 'keep_both' },
        till,
      );
      const seen = await ok('GET', `/api/customers/${id}/wallet`, undefined, till);
      expect(seen.points).toMatchObject({ balance: points.balance, tier: points.tier });
      expect(JSON.stringify(seen)).not.toMatch(/"code"|codeHash/);
      // Another store's till has still not seen them; no till reads a ledger or changes a balance.
      expect((await t.api('GET', `/api/customers/${id}/wallet`, { key: tillSto })).status).toBe(404);
      const ledger = await t.api('GET', `/api/wallet/accounts/${points.accountId}/entries`, { key: till });
      expect([ledger.status, ledger.body.code]).toEqual([403, 'channel_forbidden']);
      const adjust = await t.api('POST', `/api/wallet/accounts/${points.accountId}/adjustments`, {
        key: till,
        body: { amount: 5, reason: 'x' },
      });
      expect(adjust.status).toBe(403);
    });

    it('a return at the till takes back what the returned lines earned, not their money', async () => {
      const till = (
        await ok('POST', '/api/keys', {
          name: `cat-till-return-${t.kind}`,
          scopes: ['carts:write', 'orders:write', 'customers:read'],
          channelId: f.channels.tillAms.id,
        })
      ).secret as string;
      const c = await ok(
        'POST',
        '/api/carts',
        {
          lines: [
            { sku: f.skus.tee, quantity: 2 },
            { sku: f.skus.mug, quantity: 1 },
          ],
        },
        till,
      );
      await ok(
        'POST',
        `/api/carts/${c.id}/identify`,
        { identifiers: [{ type: 'email', value: email }], strategy: 'keep_both' },
        till,
      );
      await ok('PUT', `/api/carts/${c.id}/delivery`, { type: 'carry_out' }, till);
      const { order } = await ok(
        'POST',
        `/api/carts/${c.id}/checkout`,
        { payment: { provider: 'manual' } },
        till,
      );
      const wallet = () => ok('GET', `/api/customers/${order.customerId}/wallet`);
      const before = (await wallet()).points.lifetime as number;
      const tee = order.lines.find((l: { sku: string }) => l.sku === f.skus.tee).total as number;
      const teePoints = Math.floor((tee * 3) / 100); // apparel: 3 a unit; the mug is excluded
      await eventually(
        async () => (await wallet()).points.lifetime as number,
        (p) => p === before + teePoints,
      );
      const balance = (await wallet()).points.balance as number;
      const giveBack = (lines: Array<{ sku: string; quantity: number }>) =>
        ok('POST', `/api/orders/${order.id}/returns`, { lines, location: f.locations.amsterdam.id }, till);
      // The mug and one tee: half the tee's points (the mug's money takes none back).
      await giveBack([
        { sku: f.skus.mug, quantity: 1 },
        { sku: f.skus.tee, quantity: 1 },
      ]);
      const half = Math.floor(teePoints / 2);
      expect(
        await eventually(
          async () => (await wallet()).points.balance as number,
          (p) => p < balance,
        ),
      ).toBe(balance - half);
      // The other tee: the rest of what the order earned, exactly.
      await giveBack([{ sku: f.skus.tee, quantity: 1 }]);
      expect(
        await eventually(
          async () => (await wallet()).points.balance as number,
          (p) => p < balance - half,
        ),
      ).toBe(balance - teePoints);
    });

    it('refuses a category the catalog could not hold, naming the field', async () => {
      for (const categories of [{ 'Not A Category': 1 }, { apparel: -1 }, { apparel: 'x' }]) {
        const r = await t.api('PUT', '/api/wallet/loyalty-rules', { body: { categories } });
        expect(r.status).toBe(400);
        expect(JSON.stringify(r.body)).toContain('categories');
      }
      // Nothing changed.
      expect((await ok('GET', '/api/wallet/loyalty-rules')).categories).toEqual({ apparel: 3, kitchen: 0 });
    });
  },
  { config: { paymentProviders: ['manual', 'test'] } },
);
