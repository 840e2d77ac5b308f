// The fan-out and the channel sync enqueuer keep the active webhook endpoints and the live sync
// connections in memory (issue 18) instead of reading them per batch. A change is honoured by the
// very next event: made through this hub (its commit drops the kept list) and, on PostgreSQL, made
// through a second hub on the same database while this one holds the consumers' leases (this hub
// learns of it only from the change event in the log).
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createHub, type Hub } from '../src/app.js';
import { systemClock } from '../src/kernel/index.js';
import { loadConfig } from '../src/platform/config.js';
import { type Database, openDatabase, rows } from '../src/platform/db/database.js';
import { testLog } from '../src/platform/testing/test-databases.js';
import { describeEachHub, TEST_ADMIN_KEY } from './helpers/test-hub.js';
import { startWebhookReceiver, type WebhookReceiver } from './helpers/webhook-receiver.js';

process.env.OMNIHUB_WEBHOOKS_ALLOW_PRIVATE = '1';
process.env.OMNIHUB_WEBHOOK_POLL_MS = '20';

describeEachHub(
  'background caches: endpoints and connections changed between two events',
  (t) => {
    let receiver: WebhookReceiver;
    let other: Hub | undefined;
    let otherDb: Database | undefined;
    let seq = 0;

    /** Calls the API of this hub, or of the second one. */
    const call = async (method: string, path: string, body?: unknown, hub?: Hub) => {
      if (!hub) return t.api(method, path, body === undefined ? {} : { body });
      const r = await hub.http.inject({
        method: method as 'POST',
        url: path,
        headers: { authorization: `Bearer ${TEST_ADMIN_KEY}` },
        ...(body === undefined ? {} : { payload: body as object }),
      });
      return { status: r.statusCode, body: r.body ? r.json() : undefined };
    };
    const ok = async (method: string, path: string, body?: unknown, hub?: Hub) => {
      const r = await call(method, path, body, hub);
      expect(r.status, `${method} ${path}: ${JSON.stringify(r.body)}`).toBeLessThan(300);
      return r.body;
    };
    /** The endpoints active now (each receives every channel.created). */
    const active = new Set<string>();
    const endpoint = async (hub?: Hub) => {
      const r = await ok(
        'POST',
        '/api/webhooks/endpoints',
        { url: receiver.url, types: ['channel.created'] },
        hub,
      );
      active.add(r.id);
      return r.id as string;
    };
    const disable = async (id: string, hub?: Hub) => {
      expect((await ok('PATCH', `/api/webhooks/endpoints/${id}`, { status: 'disabled' }, hub)).status).toBe(
        'disabled',
      );
      active.delete(id);
    };
    /** A new channel (one channel.created event); resolves once the probe endpoint received it. */
    const nextEvent = async (hub?: Hub) => {
      const code = `bc-${t.kind[0]}-${++seq}`;
      const ch = await ok(
        'POST',
        '/api/channels',
        { code, name: code, type: 'web', currency: 'EUR', locales: ['en'] },
        hub,
      );
      await receiver.waitFor((all) => all.some((r) => r.body.includes(ch.id)));
      return ch.id as string;
    };
    /** The endpoints the fan-out queued the channel's creation for (all of them in one statement). */
    const queuedFor = async (channelId: string) =>
      (
        await rows<{ endpoint_id: string }>(
          t.hub.database.db,
          sql`select d.endpoint_id from webhook_deliveries d join events e on e.id = d.event_id
            where e.type = 'channel.created' and e.subject = ${channelId} order by d.endpoint_id`,
        )
      )
        .map((r) => r.endpoint_id)
        .sort();
    const fanoutOwner = async () =>
      (
        await rows<{ lease_owner: string | null }>(
          t.hub.database.db,
          sql`select lease_owner from consumer_cursors where name = 'webhooks-fanout'`,
        )
      )[0]?.lease_owner;

    beforeAll(async () => {
      receiver = await startWebhookReceiver();
      await endpoint(); // a probe: every channel.created reaches it
    });
    afterAll(async () => {
      await other?.close();
      await otherDb?.close();
      await receiver?.close();
    });

    it('honours an endpoint added or disabled through this hub on the next event', async () => {
      const first = await endpoint();
      await nextEvent(); // the fan-out has read (and kept) the endpoints now
      const added = await endpoint();
      await disable(first);
      const channelId = await nextEvent();
      expect(await queuedFor(channelId)).toEqual([...active].sort());
      expect(active).toContain(added);
    });

    it('honours an endpoint added or disabled through another hub on the same database (PostgreSQL)', async () => {
      if (t.kind !== 'postgres') return;
      await nextEvent();
      const owner = await fanoutOwner();
      expect(owner).toBeTruthy();
      otherDb = await openDatabase({ databaseUrl: t.url, dataDir: 'memory://' });
      other = await createHub({
        config: { ...loadConfig({}), port: 0, adminKey: TEST_ADMIN_KEY, demo: false, databaseUrl: t.url },
        clock: systemClock,
        log: testLog as never,
        database: otherDb,
      });
      const before = await endpoint();
      await nextEvent(); // kept by this hub's fan-out with `before` in it
      const added = await endpoint(other);
      await disable(before, other);
      const channelId = await nextEvent(other);
      // This hub's fan-out still holds the lease: it learned of both changes from the log alone.
      expect(await fanoutOwner()).toBe(owner);
      expect(await queuedFor(channelId)).toEqual([...active].sort());
      expect(active).toContain(added);
      expect(active).not.toContain(before);
    });

    it('queues the next stock change for a connection added through this hub or another one', async () => {
      const tag = `bc${t.kind[0]}`;
      const pl = await ok('POST', '/api/catalog/price-lists', {
        code: `pl-${tag}`,
        name: 'EUR',
        currency: 'EUR',
      });
      const channel = await ok('POST', '/api/channels', {
        code: `shop-${tag}`,
        name: 'Shop',
        type: 'web',
        currency: 'EUR',
        locales: ['en'],
        priceListId: pl.id,
      });
      const loc = await ok('POST', '/api/inventory/locations', {
        code: `st-${tag}`,
        name: 'Store',
        type: 'store',
      });
      await ok('PUT', `/api/inventory/channels/${channel.id}/sourcing`, {
        locationIds: [loc.id],
        safetyBuffer: 0,
      });
      const sku = `BC-${tag}`.toUpperCase();
      const product = await ok('POST', '/api/catalog/products', {
        handle: `bc-${tag}`,
        defaultLocale: 'en',
        content: { en: { title: 'Tee' } },
        variants: [{ sku, prices: [{ priceListId: pl.id, amount: 1000, currency: 'EUR' }] }],
      });
      await ok('PUT', `/api/channels/${channel.id}/listings/${product.id}`, { published: true });
      const enqueuer = t.hub.integration.channelSync!.enqueuer!;
      const connection = async (hub?: Hub) =>
        (
          await ok(
            'POST',
            '/api/channel-sync/connections',
            {
              channelId: channel.id,
              name: `conn ${++seq}`,
              kind: 'generic',
              baseUrl: 'http://127.0.0.1:9/sync',
              push: ['stock'],
              status: 'paused', // changes queue up; nothing is sent
            },
            hub,
          )
        ).id as string;
      /** A stock change of the SKU, handled by this hub's enqueuer; the connections it queued for. */
      const stockChange = async () => {
        await ok('POST', '/api/inventory/adjustments', {
          kind: 'receive',
          sku,
          location: loc.id,
          quantity: 1,
        });
        await enqueuer.caughtUp();
        return (
          await rows<{ connection_id: string }>(
            t.hub.database.db,
            sql`select connection_id from channel_sync_items where key = ${sku} and kind = 'stock'`,
          )
        )
          .map((r) => r.connection_id)
          .sort();
      };
      const first = await connection();
      expect(await stockChange()).toEqual([first]); // the enqueuer keeps [first] now
      const second = await connection(other); // through the second hub on PostgreSQL
      expect(await stockChange()).toEqual([first, second].sort());
    });
  },
  { engines: ['pglite', 'postgres'] },
);
