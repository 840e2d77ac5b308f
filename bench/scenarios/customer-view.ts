// customer-view: the single customer view (GET /api/customers/:id: profile, identities, traits,
// consent, stage and the first timeline page) of a customer with 10,000 events across two merged
// profiles and three channels. Target p99 < 30 ms. correct = every reply is 200 and shows the whole
// cluster (10,000 events counted, a full first page, newest first).
import { loadavg } from 'node:os';
import { dbCpuMs, hubCpuMs } from '../cpu-usage.js';
import { api, percentile, type Scenario } from '../harness.js';

const scenario: Scenario = async (b) => {
  const events = Number(b.args.events ?? 10_000);
  const requests = Number(b.args.requests ?? 1000);
  const concurrency = Number(b.args.concurrency ?? 2);

  const keys: string[] = [];
  for (const code of ['web', 'app', 'store']) {
    const ch = await api<{ id: string }>(b, 'POST', '/api/channels', {
      code: `bench-${code}-${Date.now().toString(36)}`,
      name: code,
      type: code === 'app' ? 'mobile_app' : code === 'store' ? 'store' : 'web',
      currency: 'EUR',
      locales: ['en'],
    });
    const src = await api<{ writeKey: string }>(b, 'POST', '/api/customers/sources', {
      channelId: ch.body.id,
      name: code,
    });
    keys.push(src.body.writeKey);
  }
  const send = async (key: string, batch: unknown[]) => {
    const res = await fetch(`${b.baseUrl}/v1/batch`, {
      method: 'POST',
      headers: {
        authorization: `Basic ${Buffer.from(`${key}:`).toString('base64')}`,
        'content-type': 'application/json',
      },
      body: JSON.stringify({ batch }),
    });
    if (res.status !== 200) throw new Error(`seed: ${res.status} ${await res.text()}`);
  };
  // The anonymous history first (it becomes a merged profile), then the identified one.
  const start = Date.parse('2025-01-01T00:00:00Z');
  b.log(`seeding ${events} events`);
  for (let i = 0; i < events; i += 100) {
    const batch = [];
    for (let j = i; j < Math.min(i + 100, events); j++) {
      const ids = j < events / 5 ? { anonymousId: 'vip-device' } : { userId: 'vip' };
      batch.push({
        type: j % 3 === 0 ? 'page' : 'track',
        event: 'Product Viewed',
        name: 'Product',
        ...ids,
        messageId: `vip-${j}`,
        timestamp: new Date(start + j * 60_000).toISOString(),
        properties: { sku: `SKU-${j % 500}`, price: 19.99 },
      });
    }
    await send(keys[i % 3]!, batch);
  }
  await send(keys[0]!, [
    {
      type: 'identify',
      userId: 'vip',
      anonymousId: 'vip-device',
      messageId: 'vip-link',
      traits: { email: 'vip@bench.example.com', name: 'Very Important' },
    },
  ]);
  const found = await api<{ items: Array<{ id: string }> }>(
    b,
    'GET',
    '/api/customers?email=vip@bench.example.com',
  );
  const id = found.body.items[0]?.id;
  if (!id) throw new Error('seeded customer not found');

  const latencies: number[] = [];
  let bad = 0;
  let remaining = requests;
  const url = `${b.baseUrl}/api/customers/${id}`;
  const headers = { authorization: `Bearer ${b.adminKey}` };
  // warm-up
  for (let i = 0; i < 20; i++) await (await fetch(url, { headers })).text();
  const [hubCpu0, dbCpu0] = [await hubCpuMs(b), await dbCpuMs(b)];
  const load0 = loadavg()[0]!;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (remaining-- > 0) {
        const t0 = performance.now();
        const res = await fetch(url, { headers });
        const body = (await res.json()) as {
          computed?: { eventCount: number };
          timeline?: { items: Array<{ occurredAt: string }> };
        };
        latencies.push(performance.now() - t0);
        const items = body.timeline?.items ?? [];
        const ordered = items.every((e, k) => k === 0 || e.occurredAt <= items[k - 1]!.occurredAt);
        if (res.status !== 200 || body.computed?.eventCount !== events + 1 || items.length !== 25 || !ordered)
          bad++;
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  const [hubCpu1, dbCpu1] = [await hubCpuMs(b), await dbCpuMs(b)];
  const perRequest = (a: number | null, z: number | null) =>
    a === null || z === null ? null : Math.round(((z - a) * 1000) / requests);
  const p99 = percentile(latencies, 99);
  return {
    metric: 'customer_view_p99',
    value: p99,
    unit: 'ms',
    p50_ms: percentile(latencies, 50),
    p99_ms: p99,
    correct: bad === 0,
    target: { op: '<=', value: 30, unit: 'ms', met: p99 <= 30 },
    details: {
      events,
      requests,
      concurrency,
      badReplies: bad,
      requestsPerSecond: Math.round(requests / seconds),
      hubCpuMicrosPerRequest: perRequest(hubCpu0, hubCpu1),
      dbCpuMicrosPerRequest: perRequest(dbCpu0, dbCpu1),
      loadAverage1m: { before: load0, after: loadavg()[0] },
    },
  };
};

export default scenario;
