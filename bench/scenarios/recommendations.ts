// recommendations: a product page's recommendations (GET /api/channels/:c/products/:p/recommendations
// with the storefront's publishable key) with 100,000 orders of history, read by 10 concurrent
// clients over every product. The history goes through the streamed order import (each order two or
// three lines of 200 products, pairs skewed so neighbours differ), then the projection counts it from
// the event log (waited for through /metrics: its lag back to 0, then every other consumer's, up to
// 5 minutes, so the reads do not share the cores with the catch-up). Target p99 < 10 ms.
// correct = every answer is 200 with 8 items, each listed and priced on the channel, and the first
// product's top neighbours have the scores a brute-force count over the generated orders gives.
// `--orders N` for a smaller run.
import { Readable } from 'node:stream';
import { RECOMMENDATIONS_CONSUMER } from '../../src/flows/recommendations/projection.js';
import { api, type BenchContext, type Scenario } from '../harness.js';
import { httpRequestBytes, loadFor } from '../raw-http-load.js';

const CHANNEL = 'bench-shop';
const PRODUCTS = 200;
const LIMIT = 8;
const handleOf = (p: number) => `rec-${String(p).padStart(3, '0')}`;

/** The products of order i: two or three, the second and third near the first so pairs repeat. */
function basket(i: number): number[] {
  const a = (i * 7919) % PRODUCTS;
  const b = (a + 1 + (i % 5)) % PRODUCTS;
  const c = (a + 10 + (i % 3)) % PRODUCTS;
  return i % 3 === 0 ? [a, b, c] : [a, b];
}

function* orderLines(orders: number): Generator<string> {
  yield 'order_id,source,placed_at,status,currency,email,sku,title,quantity,unit_price,shipping,discount\n';
  const start = Date.parse('2023-01-01T00:00:00Z');
  let chunk = '';
  for (let i = 0; i < orders; i++) {
    const at = new Date(start + i * 300_000).toISOString();
    basket(i).forEach((p, j) => {
      chunk +=
        j === 0
          ? `R-${i},bench-shop,${at},completed,EUR,buyer-${i % 20_000}@bench.example.com,${handleOf(p)}-1,Item,1,1500,0,0\n`
          : `R-${i},,,,,,${handleOf(p)}-1,Item,1,1500,,\n`;
    });
    if (chunk.length > 64_000) {
      yield chunk;
      chunk = '';
    }
  }
  if (chunk) yield chunk;
}

/** Brute force: the neighbours of product p with their scores (3 per order holding both). */
function expectedNeighbours(orders: number, p: number): Map<number, number> {
  const out = new Map<number, number>();
  for (let i = 0; i < orders; i++) {
    const items = new Set(basket(i));
    if (!items.has(p)) continue;
    for (const q of items) if (q !== p) out.set(q, (out.get(q) ?? 0) + 3);
  }
  return out;
}

// biome-ignore lint/suspicious/noExplicitAny: JSON from our own API
async function must(r: Promise<{ status: number; body: any }>, what: string) {
  const res = await r;
  if (res.status >= 300) throw new Error(`${what}: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body;
}

async function post(b: BenchContext, path: string, type: string, body: Iterable<string>) {
  const res = await fetch(`${b.baseUrl}${path}`, {
    method: 'POST',
    headers: { authorization: `Bearer ${b.adminKey}`, 'content-type': type },
    body: Readable.toWeb(Readable.from(body)) as ReadableStream,
    duplex: 'half',
  } as RequestInit);
  const job = (await res.json()) as { status: string; rowsRejected: number; counts: object };
  if (res.status !== 201 || job.status !== 'completed' || job.rowsRejected > 0)
    throw new Error(`${path}: ${res.status} ${JSON.stringify(job)}`);
  return job;
}

async function seedCatalog(b: BenchContext): Promise<string> {
  const list = await must(
    api(b, 'POST', '/api/catalog/price-lists', { code: 'rec-eur', name: 'EUR', currency: 'EUR' }),
    'price list',
  );
  const channel = await must(
    api(b, 'POST', '/api/channels', {
      code: CHANNEL,
      name: 'Bench shop',
      type: 'web',
      currency: 'EUR',
      locales: ['en'],
      priceListId: list.id,
    }),
    'channel',
  );
  await must(
    api(b, 'POST', '/api/inventory/locations', { code: 'rec-wh', name: 'WH', type: 'warehouse' }),
    'wh',
  );
  await must(
    api(b, 'PUT', `/api/inventory/channels/${CHANNEL}/sourcing`, {
      locationIds: ['rec-wh'],
      safetyBuffer: 0,
    }),
    'sourcing',
  );
  const rows: string[] = [];
  for (let p = 0; p < PRODUCTS; p++) {
    const handle = handleOf(p);
    const sku = `${handle}-1`;
    rows.push(
      JSON.stringify({ kind: 'product', handle, locale: 'en', title: `Item ${p}` }),
      JSON.stringify({ kind: 'variant', handle, sku }),
      JSON.stringify({ kind: 'price', sku, price_list: 'rec-eur', currency: 'EUR', amount: 1500 }),
      JSON.stringify({ kind: 'stock', sku, location: 'rec-wh', quantity: 50 }),
      JSON.stringify({ kind: 'listing', channel: CHANNEL, handle, published: true }),
    );
  }
  await post(b, '/api/imports?format=ndjson&source=rec-bench', 'application/x-ndjson', [
    `${rows.join('\n')}\n`,
  ]);
  const key = await must(
    api(b, 'POST', '/api/keys', { name: 'bench storefront', kind: 'publishable', channelId: channel.id }),
    'key',
  );
  return key.secret as string;
}

/** Every consumer's lag in seconds, from /metrics. */
async function consumerLags(b: BenchContext): Promise<Map<string, number>> {
  const text = await (await fetch(`${b.baseUrl}/metrics`)).text();
  const lags = new Map<string, number>();
  for (const line of text.split('\n')) {
    const m = /^omnihub_consumer_lag_seconds\{consumer="([^"]+)"\} (\S+)$/.exec(line);
    if (m) lags.set(m[1]!, Number(m[2]));
  }
  return lags;
}

/**
 * Waits until the recommendations projection has handled the whole log (its lag 0 in /metrics),
 * then, up to `othersMs`, for every other consumer (the customers' projection and the CDP count the
 * same 100,000 orders): reads measured while they still work would share the cores with them.
 */
async function projectionCaughtUp(b: BenchContext, timeoutMs: number, othersMs: number) {
  const started = performance.now();
  for (;;) {
    const lag = (await consumerLags(b)).get(RECOMMENDATIONS_CONSUMER);
    if (lag === 0) break;
    if (performance.now() - started > timeoutMs) throw new Error(`projection not caught up: lag ${lag}`);
    await new Promise((r) => setTimeout(r, 1000));
  }
  const projectionSeconds = (performance.now() - started) / 1000;
  let behind: string[] = [];
  for (const until = performance.now() + othersMs; ; ) {
    behind = [...(await consumerLags(b))].filter(([, lag]) => lag > 0).map(([name]) => name);
    if (behind.length === 0 || performance.now() > until) break;
    await new Promise((r) => setTimeout(r, 1000));
  }
  return { projectionSeconds, allSeconds: (performance.now() - started) / 1000, stillBehind: behind };
}

interface Answer {
  items: Array<{
    score: number;
    reason: string;
    product: { handle: string; listed: boolean; variants: Array<{ price: unknown }> };
  }>;
}

const scenario: Scenario = async (b) => {
  const orders = Number(b.args.orders ?? 100_000);
  const duration = Number(b.args.duration ?? 15);
  const connections = Number(b.args.connections ?? 10);
  const key = await seedCatalog(b);
  b.log(`importing ${orders} orders of history`);
  const started = performance.now();
  await post(
    b,
    '/api/imports/orders?format=csv&channel=bench-shop&source=rec.csv',
    'text/csv',
    orderLines(orders),
  );
  const importSeconds = (performance.now() - started) / 1000;
  const { projectionSeconds, allSeconds, stillBehind } = await projectionCaughtUp(b, 600_000, 300_000);
  b.log(
    `imported in ${importSeconds.toFixed(1)} s; projection caught up ${projectionSeconds.toFixed(1)} s later`,
  );

  const path = (p: number) =>
    `/api/channels/${CHANNEL}/products/${handleOf(p)}/recommendations?limit=${LIMIT}`;
  let problem: string | null = null;
  const first = (await must(api(b, 'GET', path(0)), 'first')) as Answer;
  const expected = [...expectedNeighbours(orders, 0).entries()].sort((x, y) => y[1] - x[1]);
  const got = first.items.filter((i) => i.reason === 'bought_together');
  const wantTop = expected.slice(0, got.length).map(([, s]) => s);
  if (JSON.stringify(got.map((i) => i.score)) !== JSON.stringify(wantTop))
    problem = `product 0: scores ${got.map((i) => i.score)} ≠ brute force ${wantTop}`;
  for (let p = 0; p < PRODUCTS && !problem; p += 17) {
    const a = (await must(api(b, 'GET', path(p)), 'page')) as Answer;
    if (a.items.length !== LIMIT) problem = `${handleOf(p)}: ${a.items.length} items`;
    else if (a.items.some((i) => !i.product.listed || !i.product.variants.some((v) => v.price)))
      problem = `${handleOf(p)}: an item the shop cannot sell`;
  }

  const host = new URL(b.baseUrl).host;
  const headers = { authorization: `Bearer ${key}` };
  const load = (seconds: number, of = path) =>
    loadFor(
      b.baseUrl,
      connections,
      Array.from({ length: PRODUCTS }, (_, p) => httpRequestBytes('GET', of(p), host, headers)),
      seconds,
    );
  // Every product's answer once (each is made on its first request and kept), then a warm-up run.
  for (let p = 0; p < PRODUCTS; p++) await must(api(b, 'GET', path(p)), 'first read');
  const warm = await load(Number(b.args.warmup ?? 5));
  b.log(`warm-up: ${Math.round(warm.requestsPerSecond)} req/s, p99 ${warm.p99} ms`);
  const result = await load(duration);
  // The same products' pages on the same hub right after: what a cached catalog read costs here now
  // (on a loaded machine, compare the two, not the figures alone).
  const pages = await load(
    Math.max(3, Math.round(duration / 3)),
    (p) => `/api/channels/${CHANNEL}/products/${handleOf(p)}`,
  );
  const failed = result.non2xx + result.errors + result.timeouts;
  const p99 = result.p99;
  return {
    metric: 'product_recommendations_p99',
    value: p99,
    unit: 'ms',
    p50_ms: result.p50,
    p99_ms: p99,
    correct: problem === null && failed === 0 && result.ok > 0,
    target: { op: '<=', value: 10, unit: 'ms', met: p99 <= 10 },
    units: { count: result.total, name: 'request' },
    details: {
      orders,
      products: PRODUCTS,
      connections,
      durationSeconds: duration,
      requestsPerSecond: Math.round(result.requestsPerSecond),
      importSeconds: Math.round(importSeconds * 10) / 10,
      projectionSecondsAfterImport: Math.round(projectionSeconds * 10) / 10,
      everyConsumerSecondsAfterImport: Math.round(allSeconds * 10) / 10,
      consumersStillBehindWhenMeasured: stillBehind,
      warmup: { p50_ms: warm.p50, p99_ms: warm.p99 },
      productPageSameHub: {
        p50_ms: pages.p50,
        p99_ms: pages.p99,
        requestsPerSecond: Math.round(pages.requestsPerSecond),
      },
      latencyMaxMs: result.max,
      problem,
      non2xx: result.non2xx,
      errors: result.errors,
    },
  };
};

export default scenario;
