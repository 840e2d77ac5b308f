// The reads behind the admin dashboard and the storefront account, over HTTP on the demo retailer:
// orders and revenue per channel since a moment, active carts per channel, every return with the
// channel it was sold on, and a customer's orders from all channels for a webshop-bound key.
import { expect, it } from 'vitest';
import { describeEachHub, type TestHub } from './helpers/test-hub.js';

interface OrderRow {
  id: string;
  channelId: string;
  customerId: string | null;
  email: string | null;
  status: string;
  currency: string;
  totals: { grand: number };
  lines: Array<{ sku: string; quantity: number }>;
}

async function allOrders(t: TestHub): Promise<OrderRow[]> {
  const r = await t.api('GET', '/api/orders?limit=200');
  expect(r.status).toBe(200);
  return r.body.items;
}

async function channelKey(t: TestHub, code: string, scopes: string[]): Promise<string> {
  const c = await t.api('GET', `/api/channels/${code}`);
  const k = await t.api('POST', '/api/keys', { body: { name: `${code} app`, scopes, channelId: c.body.id } });
  expect(k.status).toBe(201);
  return k.body.secret;
}

describeEachHub(
  'admin and account reads',
  (t) => {
    it('sums orders and revenue per channel and currency since a moment, without cancelled orders; revenue only of paid ones', async () => {
      // An order still awaiting payment counts as an order, not as revenue.
      const marketplace = (await t.api('GET', '/api/channels/marketplace')).body.id as string;
      const unpaid = await t.api('POST', '/api/orders/import', {
        body: {
          channelId: marketplace,
          externalSource: 'stats',
          externalId: 'unpaid-1',
          currency: 'EUR',
          paid: false,
          lines: [{ sku: (await allOrders(t))[0]!.lines[0]!.sku, quantity: 1, unitPrice: 777 }],
        },
      });
      expect(unpaid.status).toBe(201);
      expect(unpaid.body.status).toBe('pending');
      const orders = await allOrders(t);
      const expected = new Map<string, { orders: number; revenue: number }>();
      for (const o of orders.filter((x) => x.status !== 'cancelled')) {
        const k = `${o.channelId}/${o.currency}`;
        const e = expected.get(k) ?? { orders: 0, revenue: 0 };
        e.orders += 1;
        if (o.status !== 'pending') e.revenue += o.totals.grand;
        expected.set(k, e);
      }
      const stats = await t.api('GET', '/api/orders/stats?since=2000-01-01T00:00:00Z');
      expect(stats.status).toBe(200);
      const got = new Map(
        stats.body.items
          .filter((s: { orders: number }) => s.orders > 0)
          .map((s: { channelId: string; currency: string; orders: number; revenue: number }) => [
            `${s.channelId}/${s.currency}`,
            { orders: s.orders, revenue: s.revenue },
          ]),
      );
      expect(got).toEqual(expected);
      expect(expected.size).toBeGreaterThanOrEqual(3);
      const future = await t.api('GET', '/api/orders/stats?since=2999-01-01T00:00:00Z');
      expect(future.body.items).toEqual([]);
      expect((await t.api('GET', '/api/orders/stats?since=yesterday')).status).toBe(400);
    });

    it('counts active carts and their units per channel', async () => {
      const since = new Date(Date.now() - 60_000).toISOString();
      const webshop = (await t.api('GET', '/api/channels/webshop')).body.id as string;
      const before = await t.api('GET', `/api/carts/stats?since=${since}`);
      expect(before.status).toBe(200);
      const mine = (body: { items: Array<{ channelId: string; activeCarts: number; units: number }> }) =>
        body.items.find((s) => s.channelId === webshop) ?? { activeCarts: 0, units: 0 };
      const sku = (await allOrders(t))[0]!.lines[0]!.sku;
      const cart = await t.api('POST', '/api/carts', {
        body: { channelId: webshop, anonymousId: 'stats-shopper', lines: [{ sku, quantity: 2 }] },
      });
      expect(cart.status).toBe(201);
      const after = await t.api('GET', `/api/carts/stats?since=${since}`);
      expect(mine(after.body).activeCarts).toBe(mine(before.body).activeCarts + 1);
      expect(mine(after.body).units).toBe(mine(before.body).units + 2);
    });

    it('lists every return newest first with the channel the order was sold on', async () => {
      const completed = (await allOrders(t)).find((o) => o.status === 'completed')!;
      const line = completed.lines[0]!;
      const returned = await t.api('POST', `/api/orders/${completed.id}/returns`, {
        body: { lines: [{ sku: line.sku, quantity: 1 }], location: 'store-amsterdam' },
      });
      expect(returned.status).toBe(201);
      const list = await t.api('GET', '/api/returns?limit=5');
      expect(list.status).toBe(200);
      expect(list.body.items[0]).toMatchObject({
        id: returned.body.return.id,
        orderId: completed.id,
        orderChannelId: completed.channelId,
        refundAmount: returned.body.return.refundAmount,
      });
      const other = await t.api('GET', '/api/returns?channelId=chn_nowhere');
      expect(other.body.items).toEqual([]);
    });

    it("gives a webshop key a customer's orders from every channel once the webshop has seen them", async () => {
      const email = 'nina.account@example.com';
      const sku = (await allOrders(t))[0]!.lines[0]!.sku;
      const placed: OrderRow[] = [];
      for (const [channel, externalId] of [
        ['marketplace', 'mp-acc-1'],
        ['social-shop', 'so-acc-1'],
      ] as const) {
        const channelId = (await t.api('GET', `/api/channels/${channel}`)).body.id;
        const imported = await t.api('POST', '/api/orders/import', {
          body: {
            channelId,
            externalSource: channel,
            externalId,
            email,
            currency: 'EUR',
            lines: [{ sku, quantity: 1, unitPrice: 1000 }],
          },
        });
        expect(imported.status).toBe(201);
        placed.push(imported.body);
      }
      const customerId = placed[0]!.customerId!;
      expect(placed[1]!.customerId).toBe(customerId);
      const webshopKey = await channelKey(t, 'webshop', ['orders:read', 'customers:write']);
      const webshop = (await t.api('GET', '/api/channels/webshop')).body.id as string;
      // Not seen on the webshop yet: its key may not read this history.
      const hidden = await t.api('GET', `/api/customers/${customerId}/orders`, { key: webshopKey });
      expect(hidden.status).toBe(404);
      // /api/orders stays limited to the key's channel.
      const bound = await t.api('GET', `/api/orders?customerId=${customerId}`, { key: webshopKey });
      expect(bound.body.items).toEqual([]);

      const identified = await t.api('POST', '/api/customers/identify', {
        key: webshopKey,
        body: { channelId: webshop, identifiers: [{ type: 'email', value: email }] },
      });
      expect(identified.status).toBe(200);
      const account = await t.api('GET', `/api/customers/${identified.body.customerId}/orders`, {
        key: webshopKey,
      });
      expect(account.status).toBe(200);
      expect(account.body.items.map((o: OrderRow) => o.id)).toEqual([placed[1]!.id, placed[0]!.id]);
      expect(account.body.items.map((o: { channel: { code: string } }) => o.channel.code)).toEqual([
        'social-shop',
        'marketplace',
      ]);
      const stranger = await t.api('GET', '/api/customers/cus_unknown/orders', { key: webshopKey });
      expect(stranger.status).toBe(404);
    });
  },
  { demo: true },
);
