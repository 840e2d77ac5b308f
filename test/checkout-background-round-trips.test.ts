// The bench's checkout (cart, 3 lines, pickup, checkout + pay) with a webhook endpoint and a channel
// sync connection in place, counted on PostgreSQL by this process's pg client (bench/round-trips.ts):
// the fan-out and the channel sync enqueuer read the endpoints and the connections from memory, not
// once per batch of events (it was ~6 and ~3 statements per order, one order at a time: 60 and 30
// for these 10 orders). A reload every 10 s (the staleness bound) is allowed for.
import pg from 'pg';
import { expect, it } from 'vitest';
import { countRoundTrips } from '../bench/round-trips.js';
import { customer, setUp } from '../bench/scenarios/checkout.js';
import { describeEachHub } from './helpers/test-hub.js';

// Loopback targets that answer nothing: deliveries and pushes fail and wait for their retries.
process.env.OMNIHUB_WEBHOOKS_ALLOW_PRIVATE = '1';

const ENDPOINTS_READ = /from webhook_endpoints where true/;
const CONNECTIONS_READ = /from channel_sync_connections where true/;

describeEachHub(
  'checkout: background statements per order',
  (t) => {
    it('reads the webhook endpoints and the sync connections from memory, not per batch', async () => {
      const call = async (_b: unknown, method: string, path: string, body?: unknown) =>
        t.api(method, path, body === undefined ? {} : { body });
      const shop = await setUp({ baseUrl: '', adminKey: '' }, call as never);
      const asShop =
        (step: <T>(s: string, fn: () => Promise<T>) => Promise<T>) =>
        (m: string, p: string, body: unknown, headers?: Record<string, string>) =>
          step(`${m} ${p.split('/')[3] ?? ''}`, () =>
            t.api(m, p, { body, key: shop.key, ...(headers ? { headers } : {}) }),
          );
      const ep = await t.api('POST', '/api/webhooks/endpoints', {
        body: { url: 'http://127.0.0.1:9/hook', types: ['order.created'] },
      });
      expect(ep.status).toBe(201);
      const conn = await t.api('POST', '/api/channel-sync/connections', {
        body: {
          channelId: shop.channelId,
          name: 'Marketplace',
          kind: 'generic',
          baseUrl: 'http://127.0.0.1:9/sync',
          push: ['stock'],
          status: 'paused', // items queue up; nothing is sent
        },
      });
      expect(conn.status, JSON.stringify(conn.body)).toBe(201);
      expect(
        await customer(
          asShop((_s, fn) => fn()),
          shop.skus,
          shop.storeId,
          0,
        ),
      ).toBe(true);

      const seen = { endpoints: 0, connections: 0 };
      const original = pg.Client.prototype.query;
      pg.Client.prototype.query = function (this: pg.Client, ...args: unknown[]) {
        const text = typeof args[0] === 'string' ? args[0] : ((args[0] as { text?: string })?.text ?? '');
        if (ENDPOINTS_READ.test(text)) seen.endpoints++;
        if (CONNECTIONS_READ.test(text)) seen.connections++;
        return (original as (...a: unknown[]) => unknown).apply(this, args);
      } as typeof original;
      try {
        const report = await countRoundTrips({
          order: (n, step) => customer(asShop(step), shop.skus, shop.storeId, n),
          orders: 10,
          concurrency: 5,
          histogram: false,
        });
        expect(report.perOrderSequential.background).toBeGreaterThan(0); // the background was counted
      } finally {
        pg.Client.prototype.query = original;
      }
      // 10 orders one at a time and 20 more five at a time.
      expect(seen.endpoints).toBeLessThanOrEqual(2);
      expect(seen.connections).toBeLessThanOrEqual(2);
    });
  },
  // PGlite is in-process: no round trips to count.
  { config: { paymentProviders: ['manual', 'test'] }, engines: ['postgres'] },
);
