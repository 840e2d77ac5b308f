// Several hub nodes on one PostgreSQL database and NATS JetStream, as real processes: a change made
// through node A reaches an SSE client of node B and a webhook receiver, each delivery made once;
// when the node sending a delivery is killed mid-request, the other node retries it (same id).
import { jetstreamManager } from '@nats-io/jetstream';
import { connect } from '@nats-io/transport-node';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createFreshPostgresDatabase, postgresTestUrl } from '../src/platform/testing/test-databases.js';
import { startChannelReceiver } from './helpers/channel-receiver.js';
import { eventually } from './helpers/eventually.js';
import { type HubProcess, startHubNode } from './helpers/hub-process.js';
import { openSse, type SseClient } from './helpers/sse-client.js';
import { startWebhookReceiver, type WebhookReceiver } from './helpers/webhook-receiver.js';

const natsUrl = process.env.TEST_NATS_URL?.trim();
const databaseUrl = postgresTestUrl();
const ADMIN = 'ohk_multi_node_admin_key_000000000000000';

if (!natsUrl || !databaseUrl) {
  describe('several hub nodes', () => {
    it('needs TEST_DATABASE_URL and TEST_NATS_URL', () => {
      expect(process.env.OMNIHUB_REQUIRE_SERVICES).not.toBe('1');
    });
  });
} else {
  describe('several hub nodes on one PostgreSQL and NATS', () => {
    let drop: () => Promise<void>;
    let url: string;
    let a: HubProcess;
    let b: HubProcess;
    let receiver: WebhookReceiver;
    let sse: SseClient;
    let channelId: string;
    let endpointId: string;
    const stream =
      `OMNIHUB_MN_${Date.now().toString(36)}_${Math.random().toString(36).slice(2, 8)}`.toUpperCase();

    const call = async (node: HubProcess, method: string, path: string, body?: unknown) => {
      const res = await fetch(`${node.baseUrl}${path}`, {
        method,
        headers: {
          authorization: `Bearer ${ADMIN}`,
          ...(body ? { 'content-type': 'application/json' } : {}),
        },
        ...(body ? { body: JSON.stringify(body) } : {}),
      });
      const text = await res.text();
      return { status: res.status, body: text ? JSON.parse(text) : undefined };
    };
    const sql = async <T>(query: string, params: unknown[] = []) => {
      const c = new pg.Client({ connectionString: url });
      await c.connect();
      try {
        return (await c.query(query, params)).rows as T[];
      } finally {
        await c.end();
      }
    };

    beforeAll(async () => {
      const fresh = await createFreshPostgresDatabase(databaseUrl, { migrated: true });
      url = fresh.url;
      drop = fresh.drop;
      const env = {
        DATABASE_URL: url,
        NATS_URL: natsUrl,
        OMNIHUB_NATS_STREAM: stream,
        OMNIHUB_NATS_SUBJECT_PREFIX: `omnihub.${stream.toLowerCase()}`,
        OMNIHUB_ADMIN_KEY: ADMIN,
        OMNIHUB_WEBHOOKS_ALLOW_PRIVATE: '1',
        // A short lease so the test sees a dead node's delivery retried quickly; sends time out first.
        OMNIHUB_WEBHOOK_LEASE_MS: '3000',
        OMNIHUB_WEBHOOK_TIMEOUT_MS: '2000',
        OMNIHUB_WEBHOOK_RETRY_SCHEDULE_MS: '100,200,400,800,1600',
        OMNIHUB_CHANNEL_SYNC_LINGER_MS: '20',
        OMNIHUB_CHANNEL_SYNC_POLL_MS: '50',
      };
      a = await startHubNode(env);
      b = await startHubNode(env);
      receiver = await startWebhookReceiver();
      const ch = await call(a, 'POST', '/api/channels', {
        code: 'webshop',
        name: 'Webshop',
        type: 'web',
        currency: 'EUR',
        locales: ['en'],
      });
      channelId = ch.body.id;
      const ep = await call(b, 'POST', '/api/webhooks/endpoints', {
        url: receiver.url,
        types: ['channel.updated'],
      });
      expect(ep.status).toBe(201);
      endpointId = ep.body.id;
      sse = await openSse(`${b.baseUrl}/api/stream?types=channel.updated`, {
        authorization: `Bearer ${ADMIN}`,
      });
      expect(sse.status).toBe(200);
    }, 120_000);

    afterAll(async () => {
      sse?.close();
      await a?.kill();
      await b?.kill();
      await receiver?.close();
      await drop?.();
      // JetStream streams may not overlap in subjects: leave none behind for the next run.
      const nc = await connect({ servers: natsUrl });
      await (await jetstreamManager(nc)).streams.delete(stream).catch(() => {});
      await nc.drain();
    });

    it('a change through node A reaches node B’s SSE client and the receiver, each delivery once', async () => {
      for (let i = 1; i <= 30; i++) {
        const node = i % 2 ? a : b;
        expect(
          (await call(node, 'PATCH', `/api/channels/${channelId}`, { name: `Webshop ${i}` })).status,
        ).toBe(200);
      }
      await sse.waitFor((f) => f.length === 30);
      await receiver.waitFor((all) => all.length >= 30);
      // Let any duplicate that would come show up before counting.
      await new Promise((r) => setTimeout(r, 1000));
      const ids = receiver.received.map((r) => String(r.headers['webhook-id']));
      expect(ids).toHaveLength(30);
      expect(new Set(ids).size).toBe(30);
      const names = receiver.received.map((r) => JSON.parse(r.body).data.channel.name as string);
      expect(names).toEqual(Array.from({ length: 30 }, (_, i) => `Webshop ${i + 1}`)); // one subject, in order
      expect(sse.frames.map((f) => JSON.parse(f.data).data.channel.name)).toEqual(names);
    });

    it('pushes each stock change to a channel once, whichever node it was made on', async () => {
      const shop = await startChannelReceiver();
      try {
        const ok = async (node: HubProcess, method: string, path: string, body?: unknown) => {
          const r = await call(node, method, path, body);
          expect(r.status, `${method} ${path}: ${JSON.stringify(r.body)}`).toBeLessThan(300);
          return r.body;
        };
        const loc = await ok(a, 'POST', '/api/inventory/locations', {
          code: 'mn-store',
          name: 'Store',
          type: 'store',
        });
        await ok(a, 'PUT', `/api/inventory/channels/${channelId}/sourcing`, {
          locationIds: [loc.id],
          safetyBuffer: 0,
        });
        const product = await ok(a, 'POST', '/api/catalog/products', {
          handle: 'mn-tee',
          defaultLocale: 'en',
          content: { en: { title: 'Tee' } },
          variants: [{ sku: 'MN-TEE', prices: [] }],
        });
        await ok(a, 'PUT', `/api/channels/${channelId}/listings/${product.id}`, { published: true });
        await ok(a, 'POST', '/api/inventory/adjustments', {
          kind: 'receive',
          sku: 'MN-TEE',
          location: loc.id,
          quantity: 10,
        });
        await ok(b, 'POST', '/api/channel-sync/connections', {
          kind: 'generic',
          channelId,
          baseUrl: `${shop.url}/sync`,
          push: ['stock'],
          ratePerSecond: 100,
          burst: 10,
        });
        const values = () =>
          shop.requests.flatMap((r) =>
            (r.json?.items ?? []).map((i: { availableToSell: number }) => i.availableToSell),
          );
        for (let left = 9; left >= 0; left--) {
          const node = left % 2 ? a : b;
          await ok(node, 'POST', '/api/inventory/adjustments', {
            kind: 'sale',
            sku: 'MN-TEE',
            location: loc.id,
            quantity: 1,
          });
          await shop.waitFor(() => values().includes(left));
        }
        // Let any duplicate that would come show up before counting.
        await new Promise((r) => setTimeout(r, 1000));
        const sold = values().filter((v) => v !== 10); // the receipt may or may not be pushed too
        expect(sold).toEqual([9, 8, 7, 6, 5, 4, 3, 2, 1, 0]);
      } finally {
        await shop.close();
      }
    }, 60_000);

    it('retries on the other node when the node sending a delivery is killed mid-request', async () => {
      receiver.received.length = 0;
      receiver.respond = () => 'hang';
      expect((await call(a, 'PATCH', `/api/channels/${channelId}`, { name: 'Webshop killed' })).status).toBe(
        200,
      );
      await receiver.waitFor((all) => all.length === 1);
      const [inFlight] = await sql<{ id: string; lease_owner: string }>(
        `select id, lease_owner from webhook_deliveries where endpoint_id = $1 and status = 'delivering'`,
        [endpointId],
      );
      expect(inFlight).toBeDefined();
      const pid = Number(inFlight!.lease_owner.split('/')[1]);
      const sender = pid === a.pid ? a : b;
      const survivor = sender === a ? b : a;
      expect([a.pid, b.pid]).toContain(pid);
      receiver.respond = () => ({ status: 200 });
      await sender.kill('SIGKILL');
      await receiver.waitFor((all) => all.length >= 2, 30_000);
      expect(receiver.received[1]!.headers['webhook-id']).toBe(inFlight!.id);
      // The receiver answers before the sender records the outcome: wait for the record.
      const after = await eventually(
        async () =>
          (
            await sql<{ status: string; attempts: number }>(
              'select status, attempts from webhook_deliveries where id = $1',
              [inFlight!.id],
            )
          )[0],
        (r) => r?.status === 'delivered',
      );
      expect(after).toMatchObject({ status: 'delivered' });
      // The survivor keeps serving.
      expect((await call(survivor, 'GET', '/api/webhooks/health')).status).toBe(200);
    }, 60_000);
  });
}
