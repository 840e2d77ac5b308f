// The receipt's one statement and the partitioned processor: the connector kept in the process is
// confirmed by the write (a connector paused, changed or deleted elsewhere is noticed at once);
// duplicates sent at the same moment are stored once with one announcement; each delivery costs one
// statement at the door; on PostgreSQL deliveries are processed by leased partitions, which a new
// worker takes over from a dead one and which start, after an upgrade, from the single processor's
// cursor.
import { AsyncLocalStorage } from 'node:async_hooks';
import { sql } from 'drizzle-orm';
import pg from 'pg';
import { beforeAll, expect, it } from 'vitest';
import { partitionName, partitionOf } from '../src/connectors/inbound/partitions.js';
import { eventually } from './helpers/eventually.js';
import { deliverShopify, shopifySignature } from './helpers/shopify-delivery.js';
import { describeEachHub } from './helpers/test-hub.js';

const SECRET = 'shpss_rc_0123456789abcdef0123456789abcd';
const BASE_ID = 820982911946154508n;

const orderBody = (id: bigint, sku: string) =>
  JSON.stringify({
    id: 0,
    email: 'rc-buyer@example.com',
    created_at: '2026-11-20T10:00:00+01:00',
    currency: 'EUR',
    financial_status: 'paid',
    customer: { id: 9100, email: 'rc-buyer@example.com', first_name: 'Rc', last_name: 'Buyer' },
    line_items: [{ id: 1, variant_id: 42, sku, title: 'Item', quantity: 1, price: '9.95', tax_lines: [] }],
  }).replace('"id":0,', `"id":${id},`);

describeEachHub(
  'inbound receipt and partitions',
  (t) => {
    let channelId: string;
    let locationId: string;
    let n = 0;
    type Rows<T> = { rows: T[] };
    const query = async <T>(q: ReturnType<typeof sql>) =>
      ((await t.hub.database.db.execute(q)) as unknown as Rows<T>).rows;
    const connector = async (name: string) =>
      (
        await t.api('POST', '/api/connectors', {
          body: { kind: 'shopify', name, secret: SECRET, channelId, locationId },
        })
      ).body.id as string;
    const deliver = (connectorId: string, body: string, webhookId = `rc-${n++}`) =>
      deliverShopify(t, { connectorId, secret: SECRET, body, webhookId });
    const stored = async (connectorId: string) =>
      (
        await query<{ n: number }>(
          sql`select count(*)::int as n from inbound_deliveries where connector_id = ${connectorId}`,
        )
      ).map((r) => Number(r.n))[0];
    const allProcessed = async (connectorId: string, count: number) => {
      await t.hub.integration.inboundProcessor!.caughtUp();
      const rs = await eventually(
        () =>
          query<{ status: string }>(
            sql`select status from inbound_deliveries where connector_id = ${connectorId}`,
          ),
        (rs) => rs.length === count && rs.every((r) => r.status === 'processed'),
        30_000,
      );
      expect(rs.map((r) => r.status)).toEqual(rs.map(() => 'processed'));
      expect(rs).toHaveLength(count);
    };

    beforeAll(async () => {
      const ctx = t.hub.systemCtx();
      channelId = (
        await t.api('POST', '/api/channels', {
          body: { code: 'rc-shop', name: 'Shop', type: 'marketplace', currency: 'EUR', locales: ['en'] },
        })
      ).body.id as string;
      locationId = (
        await t.hub.services.inventory.createLocation(ctx, { code: 'rc-wh', name: 'WH', type: 'warehouse' })
      ).id;
      await t.hub.services.inventory.setSourcing(ctx, channelId, { locationIds: [locationId] });
      await t.hub.services.inventory.setOnHand(ctx, { sku: 'RC-1', locationId, quantity: 10_000 });
    });

    it('confirms the kept connector with the write: paused, changed or deleted elsewhere is noticed', async () => {
      const id = await connector('Kept');
      expect((await deliver(id, orderBody(BASE_ID, 'RC-1'))).status).toBe(200);
      // Another node pauses it (the row changes without this process knowing).
      await query(
        sql`update inbound_connectors set status = 'paused', updated_at = updated_at + interval '1 second' where id = ${id}`,
      );
      const paused = await deliver(id, orderBody(BASE_ID + 1n, 'RC-1'));
      expect(paused.status).toBe(503);
      expect(paused.body.code).toBe('connector_paused');
      expect(await stored(id)).toBe(1);
      // Active again with another name: the delivery is stored against the row as it is now.
      await query(
        sql`update inbound_connectors set status = 'active', name = 'Renamed', updated_at = updated_at + interval '1 second' where id = ${id}`,
      );
      expect((await deliver(id, orderBody(BASE_ID + 2n, 'RC-1'))).status).toBe(200);
      expect(await stored(id)).toBe(2);
      // A forged signature is still refused by the kept secret, nothing stored.
      const forged = await t.api('POST', `/api/inbound/${id}`, {
        key: null,
        body: orderBody(BASE_ID + 3n, 'RC-1'),
        headers: {
          'content-type': 'application/json',
          'x-shopify-topic': 'orders/create',
          'x-shopify-webhook-id': 'rc-forged',
          'x-shopify-hmac-sha256': shopifySignature(SECRET, 'something else'),
        },
      });
      expect(forged.status).toBe(401);
      // Deleted by another node: 404 and nothing stored.
      await allProcessed(id, 2);
      await query(sql`delete from inbound_deliveries where connector_id = ${id}`);
      await query(sql`delete from inbound_connectors where id = ${id}`);
      expect((await deliver(id, orderBody(BASE_ID + 4n, 'RC-1'))).status).toBe(404);
      expect(await stored(id)).toBe(0);
    });

    it('stores a delivery sent many times at once once, announced once; every copy answers its id', async () => {
      const id = await connector('Dupes');
      const body = orderBody(BASE_ID + 100n, 'RC-1');
      const answers = await Promise.all(Array.from({ length: 12 }, () => deliver(id, body, 'rc-same')));
      expect(answers.map((a) => a.status)).toEqual(answers.map(() => 200));
      const ids = new Set(answers.map((a) => a.body.deliveryId as string));
      expect(ids.size).toBe(1);
      expect(answers.filter((a) => a.body.duplicate === false)).toHaveLength(1);
      const [deliveryId] = [...ids];
      const announced = await query<{ n: number }>(
        sql`select count(*)::int as n from events where type = 'integration.inbound_received' and subject = ${deliveryId!}`,
      );
      expect(Number(announced[0]!.n)).toBe(1);
      await allProcessed(id, 1);
      const health = (await t.api('GET', '/api/connectors/health')).body.items.find(
        (h: { connectorId: string }) => h.connectorId === id,
      );
      expect(health).toMatchObject({ received: 1, processed: 1, waiting: 0, lagSeconds: 0 });
    });

    it('costs one statement per delivery at the door once the connector is kept', async () => {
      if (t.kind !== 'postgres') return; // PGlite is in-process: no round trips to count
      const id = await connector('Counted');
      const resume = await t.hub.integration.pauseInbound();
      expect((await deliver(id, orderBody(BASE_ID + 200n, 'RC-1'))).status).toBe(200);
      // Only the statements made for the requests (background loops run meanwhile).
      const receipt = new AsyncLocalStorage<boolean>();
      const seen: string[] = [];
      const original = pg.Client.prototype.query;
      pg.Client.prototype.query = function (this: pg.Client, ...args: unknown[]) {
        const text = typeof args[0] === 'string' ? args[0] : ((args[0] as { text?: string })?.text ?? '');
        if (receipt.getStore()) seen.push(text);
        return (original as (...a: unknown[]) => unknown).apply(this, args);
      } as typeof original;
      try {
        await receipt.run(true, async () => {
          for (let i = 1; i <= 10; i++)
            expect((await deliver(id, orderBody(BASE_ID + 200n + BigInt(i), 'RC-1'))).status).toBe(200);
        });
      } finally {
        pg.Client.prototype.query = original;
        resume();
      }
      expect(seen.map((q) => q.replace(/\s+/g, ' ').slice(0, 60))).toHaveLength(10);
      await allProcessed(id, 11);
    });

    it('spreads order keys over the partitions, each key always to the same one', () => {
      const counts = [0, 0, 0, 0];
      for (let i = 0; i < 400; i++)
        counts[partitionOf({ connectorId: 'icn_x', key: `order:${BASE_ID + BigInt(i)}` }, 4)]!++;
      expect(Math.min(...counts)).toBeGreaterThan(50);
      const k = { connectorId: 'icn_x', key: `order:${BASE_ID}` };
      expect(partitionOf(k, 4)).toBe(partitionOf({ ...k }, 4));
      expect(partitionOf(k, 1)).toBe(0);
      expect(partitionName(0)).toBe('inbound-processor');
      expect(partitionName(3)).toBe('inbound-processor/3');
    });

    it('processes every partition: a dead node’s leases are taken over, new partitions start from the old cursor', async () => {
      if (t.kind !== 'postgres') return; // one processor on the embedded database
      const id = await connector('Partitioned');
      const resume = await t.hub.integration.pauseInbound();
      // An upgrade from the single processor: only its cursor exists.
      await query(sql`delete from consumer_cursors where name like 'inbound-processor/%'`);
      // Deliveries of many orders (all four partitions), then a dead node holding every lease.
      const count = 24;
      for (let i = 0; i < count; i++)
        expect((await deliver(id, orderBody(BASE_ID + 1000n + BigInt(i), 'RC-1'))).status).toBe(200);
      await query(
        sql`update consumer_cursors set lease_owner = 'dead-node/1/con_x', lease_until = now() + interval '1 second'
          where name = 'inbound-processor'`,
      );
      resume();
      await allProcessed(id, count);
      const cursors = await query<{ name: string; lease_owner: string | null }>(
        sql`select name, lease_owner from consumer_cursors where name like 'inbound-processor%' order by name`,
      );
      expect(cursors.map((c) => c.name)).toEqual([0, 1, 2, 3].map(partitionName));
      expect(cursors.every((c) => c.lease_owner !== 'dead-node/1/con_x')).toBe(true);
      const orders = await query<{ n: number }>(
        sql`select count(distinct external_id)::int as n from orders
          where external_id = any(${sql.param(Array.from({ length: count }, (_, i) => String(BASE_ID + 1000n + BigInt(i))))}::text[])`,
      );
      expect(Number(orders[0]!.n)).toBe(count);
    }, 60_000);
  },
  { engines: ['pglite', 'postgres'] },
);
