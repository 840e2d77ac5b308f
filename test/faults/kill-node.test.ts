// kill -9 of a hub node under load, three nodes on a private PostgreSQL and NATS: buyers check out
// through all nodes (failing over with the same Idempotency-Key, as a load balancer would) while
// every order is sent to a slow webhook receiver. The node holding the webhook fan-out is killed
// mid-checkout and mid-delivery. No order is lost or placed twice, every order's webhook arrives
// (once per webhook-id in the receiver's view), and the survivors take the dead node's fan-out and
// in-flight deliveries over within 10 s (heartbeat leases).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { customer, setUp } from '../../bench/scenarios/checkout.js';
import { startWebhookReceiver, type WebhookReceiver } from '../helpers/webhook-receiver.js';
import { type Cluster, FAULTS_ADMIN, resilientCall, startCluster } from './cluster.js';
import { privateServersAvailable } from './private-servers.js';

const BUYERS = 48;
const CONCURRENCY = 8;

describe.skipIf(!privateServersAvailable())('kill -9 of a node mid-checkout and mid-delivery', () => {
  let cluster: Cluster;
  let receiver: WebhookReceiver;

  beforeAll(async () => {
    cluster = await startCluster(3);
    receiver = await startWebhookReceiver();
    receiver.delayMs = 300; // deliveries stay in flight long enough to be cut
  }, 180_000);

  afterAll(async () => {
    await receiver?.close();
    await cluster?.close();
  });

  it('loses no order, places none twice, and the survivors take the dead node’s work over within 10 s', async () => {
    const { nodes } = cluster;
    const b = { baseUrl: nodes[0]!.baseUrl, adminKey: FAULTS_ADMIN };
    const shop = await setUp(b);
    const ep = await resilientCall(nodes, 0, FAULTS_ADMIN, {
      method: 'POST',
      path: '/api/webhooks/endpoints',
      body: { url: receiver.url, types: ['order.created'] },
    });
    expect(ep.status).toBe(201);

    // The node to kill: the one running the webhook fan-out (so its lease must move too).
    const fanoutPid = async () => {
      const [row] = await cluster.sql<{ lease_owner: string | null }>(
        `select lease_owner from consumer_cursors where name = 'webhooks-fanout'`,
      );
      return Number(row?.lease_owner?.split('/')[1]);
    };

    const placed: Array<{ buyer: number; ok: boolean }> = [];
    let next = 0;
    const buyer = async () => {
      for (let n = next++; n < BUYERS; n = next++) {
        let step = 0;
        const call = (method: string, path: string, body: unknown, headers?: Record<string, string>) =>
          resilientCall(nodes, n + step, shop.key, {
            method,
            path,
            body,
            idempotencyKey:
              method === 'POST' ? (headers?.['idempotency-key'] ?? `buyer-${n}-${step++}`) : undefined,
          });
        placed.push({ buyer: n, ok: await customer(call, shop.skus, shop.storeId, n) });
      }
    };
    const load = Promise.all(Array.from({ length: CONCURRENCY }, buyer));

    await receiver.waitFor((all) => all.length >= 8, 60_000);
    // Kill it while it has deliveries in flight (mid-delivery, not between two).
    let victimPid = 0;
    let inFlightBefore: Array<{ id: string }> = [];
    for (const until = Date.now() + 30_000; inFlightBefore.length === 0 && Date.now() < until; ) {
      victimPid = await fanoutPid();
      inFlightBefore = await cluster.sql<{ id: string }>(
        `select id from webhook_deliveries where status = 'delivering' and lease_owner like $1`,
        [`%/${victimPid}/%`],
      );
    }
    expect(inFlightBefore.length, 'deliveries in flight on the node to kill').toBeGreaterThan(0);
    const victim = nodes.find((n) => n.pid === victimPid);
    expect(victim, 'a node holds the fan-out lease').toBeDefined();
    await victim!.kill('SIGKILL');
    const killedAt = Date.now();

    // The fan-out lease moves to a survivor within 10 s.
    for (;;) {
      const pid = await fanoutPid();
      if (pid && pid !== victimPid) break;
      expect(Date.now() - killedAt, 'fan-out taken over').toBeLessThan(10_000);
      await new Promise((r) => setTimeout(r, 100));
    }
    // Whatever the dead node had leased is sent by a survivor within 10 s of the kill.
    if (inFlightBefore.length > 0) {
      for (;;) {
        const stuck = await cluster.sql<{ n: number }>(
          `select count(*)::int as n from webhook_deliveries where status = 'delivering' and lease_owner like $1`,
          [`%/${victimPid}/%`],
        );
        if (stuck[0]!.n === 0) break;
        expect(Date.now() - killedAt, 'dead node’s deliveries taken over').toBeLessThan(10_000);
        await new Promise((r) => setTimeout(r, 100));
      }
    }
    const survivors = nodes.filter((n) => n !== victim);
    nodes.splice(0, nodes.length, ...survivors); // buyers still running fail over to these

    await load;
    expect(placed.filter((p) => !p.ok)).toEqual([]);
    expect(placed).toHaveLength(BUYERS);

    // Exactly one order per buyer; each holds 3 units.
    const orders = await cluster.sql<{ id: string; cart_id: string }>(`select id, cart_id from orders`);
    expect(orders).toHaveLength(BUYERS);
    expect(new Set(orders.map((o) => o.cart_id)).size).toBe(BUYERS);
    const [held] = await cluster.sql<{ units: number }>(
      `select coalesce(sum((l->>'quantity')::int), 0)::int as units
       from orders, jsonb_array_elements(lines) l`,
    );
    expect(held!.units).toBe(3 * BUYERS);

    // Every order's webhook arrives; duplicates (a send cut by the kill) share their webhook-id.
    const orderIds = new Set(orders.map((o) => o.id));
    await receiver.waitFor((all) => {
      const seen = new Set(all.map((r) => JSON.parse(r.body).data?.orderId));
      return [...orderIds].every((id) => seen.has(id));
    }, 30_000);
    const byId = new Map<string, string>();
    for (const r of receiver.received) {
      const id = String(r.headers['webhook-id']);
      const order = JSON.parse(r.body).data.orderId as string;
      expect(byId.get(id) ?? order, 'one webhook-id, one order').toBe(order);
      byId.set(id, order);
    }
    expect(byId.size).toBe(BUYERS);
    const lastAt = Math.max(...receiver.received.map((r) => r.at));
    console.info(
      `kill -9: ${inFlightBefore.length} deliveries in flight on the dead node; ` +
        `${receiver.received.length - BUYERS} sent twice; last webhook ${lastAt - killedAt} ms after the kill`,
    );
  }, 240_000);
});
