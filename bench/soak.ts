// `npm run soak -- [--minutes 30] [--db postgres|pglite] [--url http://… --key …]`: mixed load on one
// hub for a long while — Segment ingest, checkouts, till sales, webhooks to a local receiver, SSE
// clients following orders — sampling the hub's memory (RSS, heap), event-loop delay (p99) and the
// checkout's request p99 every interval. Writes bench/results/soak-<db>.json and an SVG plot of
// the three beside it, and says whether memory kept growing after warm-up or p99 drifted, and
// whether every order reached every SSE client and the webhook receiver. Run it before a note,
// not in CI (the lead runs it on a quiet machine).
import { randomUUID } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { openSse, type SseClient } from '../test/helpers/sse-client.js';
import { startWebhookReceiver } from '../test/helpers/webhook-receiver.js';
import { api, BENCH_ADMIN_KEY, type BenchDb, machineInfo, percentile, startHubProcess } from './harness.js';
import { customer, hubEnv, setUp } from './scenarios/checkout.js';
import { plotSoak, type SoakSample } from './soak-plot.js';
import { setUpTill, tillSale } from './soak-till.js';

function args(argv: string[]) {
  const out: Record<string, string> = {};
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (!a.startsWith('--')) continue;
    const [k, inline] = a.slice(2).split('=', 2) as [string, string | undefined];
    out[k] = inline ?? (argv[i + 1] && !argv[i + 1]!.startsWith('--') ? argv[++i]! : 'true');
  }
  return out;
}

/** One gauge from a Prometheus text exposition. */
const metric = (text: string, name: string): number | undefined => {
  const line = text.split('\n').find((l) => l.startsWith(`${name} `) || l.startsWith(`${name}{`));
  return line ? Number(line.slice(line.lastIndexOf(' ') + 1)) : undefined;
};

async function main() {
  const a = args(process.argv.slice(2));
  const minutes = Number(a.minutes ?? 30);
  const db = (a.db ?? 'postgres') as BenchDb;
  const intervalMs = Number(a.interval ?? Math.max(2_000, Math.min(10_000, (minutes * 60_000) / 60)));
  const started = a.url
    ? undefined
    : await startHubProcess(db, { ...hubEnv, OMNIHUB_WEBHOOKS_ALLOW_PRIVATE: '1' });
  const b = { baseUrl: a.url ?? started!.baseUrl, adminKey: a.key ?? BENCH_ADMIN_KEY };
  const receiver = await startWebhookReceiver();
  const sseClients: SseClient[] = [];
  try {
    const shop = await setUp(b);
    const till = await setUpTill(b, shop);
    const ep = await api(b, 'POST', '/api/webhooks/endpoints', {
      url: receiver.url,
      types: ['order.created'],
    });
    if (ep.status !== 201) throw new Error(`webhook endpoint: ${ep.status}`);
    const source = await api<{ writeKey: string }>(b, 'POST', '/api/customers/sources', {
      channelId: shop.channelId,
      name: 'soak',
    });
    const segmentAuth = `Basic ${Buffer.from(`${source.body.writeKey}:`).toString('base64')}`;
    for (let i = 0; i < 5; i++) {
      sseClients.push(
        await openSse(`${b.baseUrl}/api/stream?types=order.created`, {
          authorization: `Bearer ${b.adminKey}`,
        }),
      );
    }

    const deadline = Date.now() + minutes * 60_000;
    let window: number[] = [];
    const counts = {
      orders: 0,
      failedOrders: 0,
      tillSales: 0,
      failedTillSales: 0,
      ingestBatches: 0,
      failedIngest: 0,
    };
    const timed = async (
      method: string,
      path: string,
      body: unknown,
      headers: Record<string, string> = {},
      key = shop.key,
    ) => {
      const t0 = performance.now();
      const res = await fetch(`${b.baseUrl}${path}`, {
        method,
        headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json', ...headers },
        body: JSON.stringify(body),
      });
      const text = await res.text();
      window.push(performance.now() - t0);
      return { status: res.status, body: text ? JSON.parse(text) : undefined };
    };
    let n = 0;
    const buyer = async () => {
      while (Date.now() < deadline) {
        const ok = await customer(timed, shop.skus, shop.storeId, n++).catch(() => false);
        if (ok) counts.orders++;
        else counts.failedOrders++;
      }
    };
    // A clerk ringing up sales at the till (the store channel's key), a short pause between them.
    let sale = 0;
    const clerk = async () => {
      while (Date.now() < deadline) {
        const ok = await tillSale((m, p, body, h) => timed(m, p, body, h, till.key), shop.skus, sale++).catch(
          () => false,
        );
        if (ok) counts.tillSales++;
        else counts.failedTillSales++;
        await new Promise((r) => setTimeout(r, 100));
      }
    };
    const ingest = async () => {
      while (Date.now() < deadline) {
        const batch = Array.from({ length: 50 }, (_, i) => ({
          type: 'track',
          messageId: randomUUID(),
          anonymousId: `soak-${(counts.ingestBatches * 50 + i) % 5000}`,
          event: 'Product Viewed',
          properties: { sku: shop.skus[i % shop.skus.length] },
        }));
        const res = await fetch(`${b.baseUrl}/v1/batch`, {
          method: 'POST',
          headers: { authorization: segmentAuth, 'content-type': 'application/json' },
          body: JSON.stringify({ batch }),
        }).catch(() => undefined);
        await res?.arrayBuffer();
        if (res?.ok) counts.ingestBatches++;
        else counts.failedIngest++;
        await new Promise((r) => setTimeout(r, 200));
      }
    };
    const samples: SoakSample[] = [];
    const t0 = Date.now();
    const sampler = (async () => {
      while (Date.now() < deadline) {
        await new Promise((r) => setTimeout(r, Math.min(intervalMs, Math.max(0, deadline - Date.now()))));
        const text = await (await fetch(`${b.baseUrl}/metrics`)).text();
        samples.push({
          atSeconds: Math.round((Date.now() - t0) / 1000),
          rssMb: (metric(text, 'omnihub_process_resident_memory_bytes') ?? 0) / 1048576,
          heapMb: (metric(text, 'omnihub_nodejs_heap_size_used_bytes') ?? 0) / 1048576,
          eventLoopP99Ms: (metric(text, 'omnihub_nodejs_eventloop_lag_p99_seconds') ?? 0) * 1000,
          requestP99Ms: window.length ? percentile(window, 99) : 0,
          requests: window.length,
          orders: counts.orders,
        });
        window = [];
        const s = samples[samples.length - 1]!;
        console.log(
          `${s.atSeconds}s rss ${s.rssMb.toFixed(0)} MB heap ${s.heapMb.toFixed(0)} MB loop p99 ${s.eventLoopP99Ms.toFixed(1)} ms request p99 ${s.requestP99Ms.toFixed(0)} ms orders ${s.orders} till ${counts.tillSales}`,
        );
      }
    })();
    await Promise.all([buyer(), buyer(), buyer(), clerk(), ingest(), sampler]);

    // Every order, online or at the till, reaches the receiver and every SSE client.
    const settle = Date.now() + 30_000;
    const sold = () => counts.orders + counts.tillSales;
    const done = () =>
      receiver.received.length >= sold() && sseClients.every((c) => c.frames.length >= sold());
    while (!done() && Date.now() < settle) await new Promise((r) => setTimeout(r, 200));
    const third = Math.max(1, Math.floor(samples.length / 3));
    const avg = (xs: number[]) => xs.reduce((s, x) => s + x, 0) / Math.max(1, xs.length);
    const early = samples.slice(third, 2 * third);
    const late = samples.slice(-third);
    const result = {
      scenario: 'soak',
      db,
      minutes,
      machine: machineInfo(),
      counts: {
        ...counts,
        webhooksReceived: receiver.received.length,
        sseFramesPerClient: sseClients.map((c) => c.frames.length),
      },
      correct: counts.failedOrders === 0 && counts.failedTillSales === 0 && done(),
      // After warm-up (the first third): memory and p99 of the middle third against the last third.
      heapGrowthMb: avg(late.map((s) => s.heapMb)) - avg(early.map((s) => s.heapMb)),
      rssGrowthMb: avg(late.map((s) => s.rssMb)) - avg(early.map((s) => s.rssMb)),
      requestP99Ms: {
        middle: avg(early.map((s) => s.requestP99Ms)),
        last: avg(late.map((s) => s.requestP99Ms)),
      },
      samples,
    };
    const dir = join(import.meta.dirname, 'results');
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, `soak-${db}.json`), `${JSON.stringify(result, null, 2)}\n`);
    writeFileSync(join(dir, `soak-${db}.svg`), plotSoak(samples, `soak ${db}, ${minutes} min`));
    console.log(JSON.stringify({ ...result, samples: samples.length }, null, 2));
    console.log(`wrote bench/results/soak-${db}.json and .svg`);
    if (!result.correct) process.exitCode = 1;
  } finally {
    for (const c of sseClients) c.close();
    await receiver.close();
    await started?.stop();
  }
}

await main();
