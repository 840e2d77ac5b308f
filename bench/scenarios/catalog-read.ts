// catalog-read: a channel's product listing (pages of 24 with prices resolved for the channel and
// available-to-sell from inventory) with 10,000 products / 50,000 variants, read by 50 concurrent
// clients. Seeding goes through the public streamed import (NDJSON: products, variants, prices,
// listings and stock in one file). correct = every sampled page has 24 items, every variant is
// priced in the channel currency at the seeded amount, and availability equals the seeded stock
// (product availability = the sum of its variants').
import { Readable } from 'node:stream';
import pg from 'pg';
import { cpuWindow } from '../cpu-usage.js';
import { api, type BenchContext, type Scenario } from '../harness.js';
import { httpRequestBytes, loadFor } from '../raw-http-load.js';
import { consumersCaughtUp, scaleOf } from '../scale-seed.js';

const CHANNEL = 'bench-web';
const PAGE = 24;

const amountOf = (p: number, v: number) => 1900 + ((p * 7 + v * 100) % 30000);
const stockOf = (p: number, v: number) => (p * 5 + v) % 9;
const skuOf = (p: number, v: number) => `BENCH-${String(p).padStart(5, '0')}-${v}`;

function* importRows(products: number, variantsPer: number): Generator<string> {
  for (let p = 0; p < products; p++) {
    const handle = `bench-${String(p).padStart(5, '0')}`;
    const category = `cat-${p % 20}`;
    yield JSON.stringify({
      kind: 'product',
      handle,
      locale: 'en',
      title: `Bench product ${p}`,
      categories: [category],
    });
    if (p % 2 === 0)
      yield JSON.stringify({ kind: 'product', handle, locale: 'nl', title: `Testproduct ${p}` });
    for (let v = 0; v < variantsPer; v++) {
      const sku = skuOf(p, v);
      yield JSON.stringify({ kind: 'variant', handle, sku, options: { size: `S${v}` } });
      yield JSON.stringify({
        kind: 'price',
        sku,
        price_list: 'bench-eur',
        currency: 'EUR',
        amount: amountOf(p, v),
      });
      yield JSON.stringify({ kind: 'stock', sku, location: 'bench-wh', quantity: stockOf(p, v) });
    }
    yield JSON.stringify({ kind: 'listing', channel: CHANNEL, handle, published: true });
  }
}

// biome-ignore lint/suspicious/noExplicitAny: JSON from our own API
async function must(r: Promise<{ status: number; body: any }>, what: string) {
  const res = await r;
  if (res.status >= 300) throw new Error(`${what}: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body;
}

async function seed(b: BenchContext, products: number, variantsPer: number) {
  const list = await must(
    api(b, 'POST', '/api/catalog/price-lists', { code: 'bench-eur', name: 'Bench EUR', currency: 'EUR' }),
    'price list',
  );
  await must(
    api(b, 'POST', '/api/channels', {
      code: CHANNEL,
      name: 'Bench webshop',
      type: 'web',
      currency: 'EUR',
      locales: ['en', 'nl'],
      priceListId: list.id,
    }),
    'channel',
  );
  await must(
    api(b, 'POST', '/api/inventory/locations', {
      code: 'bench-wh',
      name: 'Bench warehouse',
      type: 'warehouse',
    }),
    'location',
  );
  await must(
    api(b, 'PUT', `/api/inventory/channels/${CHANNEL}/sourcing`, {
      locationIds: ['bench-wh'],
      safetyBuffer: 0,
    }),
    'sourcing',
  );
  const started = performance.now();
  const body = Readable.from(
    (function* () {
      let batch: string[] = [];
      for (const row of importRows(products, variantsPer)) {
        batch.push(row);
        if (batch.length === 1000) {
          yield `${batch.join('\n')}\n`;
          batch = [];
        }
      }
      if (batch.length) yield `${batch.join('\n')}\n`;
    })(),
  );
  const res = await fetch(`${b.baseUrl}/api/imports?format=ndjson&source=catalog-read-bench`, {
    method: 'POST',
    headers: { authorization: `Bearer ${b.adminKey}`, 'content-type': 'application/x-ndjson' },
    body: Readable.toWeb(body) as ReadableStream,
    duplex: 'half',
  } as RequestInit);
  const job = (await res.json()) as {
    status: string;
    rowsAccepted: number;
    rowsRejected: number;
    counts: object;
  };
  const seconds = (performance.now() - started) / 1000;
  if (res.status !== 201 || job.status !== 'completed' || job.rowsRejected > 0) {
    throw new Error(`import: ${res.status} ${JSON.stringify(job)}`);
  }
  b.log(`imported ${job.rowsAccepted} rows in ${seconds.toFixed(1)} s (${JSON.stringify(job.counts)})`);
  return { rows: job.rowsAccepted, seconds };
}

/** A GET that retries once: after a minutes-long import, a pooled keep-alive socket may be stale. */
async function getPage(b: BenchContext, path: string) {
  try {
    return await must(api(b, 'GET', path), 'page');
  } catch (err) {
    if (!(err instanceof TypeError)) throw err;
    return must(api(b, 'GET', path), 'page');
  }
}

interface PageBody {
  items: Array<{
    handle: string;
    currency: string;
    availableToSell: number;
    variants: Array<{
      sku: string;
      price: { amount: number; currency: string } | null;
      availableToSell: number;
    }>;
  }>;
  nextCursor: string | null;
}

function checkPage(page: PageBody): string | null {
  if (page.items.length !== PAGE) return `page has ${page.items.length} items`;
  for (const item of page.items) {
    const p = Number(item.handle.slice('bench-'.length));
    if (item.currency !== 'EUR') return `${item.handle} in ${item.currency}`;
    let sum = 0;
    for (const v of item.variants) {
      const n = Number(v.sku.split('-')[2]);
      if (v.price?.currency !== 'EUR' || v.price.amount !== amountOf(p, n))
        return `${v.sku} price ${JSON.stringify(v.price)}`;
      if (v.availableToSell !== stockOf(p, n))
        return `${v.sku} available ${v.availableToSell}, seeded ${stockOf(p, n)}`;
      sum += v.availableToSell;
    }
    if (sum !== item.availableToSell)
      return `${item.handle} availability ${item.availableToSell} ≠ Σ variants ${sum}`;
  }
  return null;
}

/**
 * PostgreSQL's count of transactions in the hub's database (each statement outside a transaction is
 * one): its growth over the measured run, per request, is what a warm page costs the database,
 * background work included. Counters are flushed by the backends about once a second, so it waits.
 */
async function transactionsSoFar(b: BenchContext): Promise<number | null> {
  if (!b.databaseUrl) return null;
  await new Promise((r) => setTimeout(r, 1500));
  const client = new pg.Client({ connectionString: b.databaseUrl });
  await client.connect();
  try {
    const r = await client.query(
      'select (xact_commit + xact_rollback)::bigint as n from pg_stat_database where datname = current_database()',
    );
    return Number(r.rows[0].n);
  } finally {
    await client.end();
  }
}

const scenario: Scenario = async (b) => {
  // --scale N: N × the products (N × 50,000 variants by default), through the same import.
  const scale = scaleOf(b);
  const products = Number(b.args.products ?? 10_000) * scale;
  const variantsPer = Number(b.args.variants ?? 5);
  const duration = Number(b.args.duration ?? 15);
  const connections = Number(b.args.connections ?? 50);
  b.log(`seeding ${products} products × ${variantsPer} variants through the streamed import`);
  const seeded = await seed(b, products, variantsPer);
  // The reads are measured in the steady state: every event consumer through the import's events
  // first (they share the hub's process), then a warm-up below.
  const caughtUpSeconds = await consumersCaughtUp(b, 1_800_000);
  b.log(`consumers caught up ${Math.round(caughtUpSeconds)} s after the import`);

  // Walk the listing to collect cursors, checking every page on the way.
  const paths: string[] = [];
  let cursor: string | null = null;
  let pagesChecked = 0;
  let problem: string | null = null;
  const pagesToCollect = Number(b.args.pages ?? 200);
  do {
    const path: string = `/api/channels/${CHANNEL}/products?limit=${PAGE}${cursor ? `&cursor=${cursor}` : ''}`;
    const page = await getPage(b, path);
    paths.push(path);
    const full = page.nextCursor !== null || page.items.length === PAGE;
    if (full) problem ??= checkPage(page);
    pagesChecked++;
    cursor = page.nextCursor;
  } while (cursor && paths.length < pagesToCollect);

  // A warm-up run first: it fills the page cache and lets the hub's event consumers work through
  // the seed's events, so the measured run sees the steady state (both runs are reported).
  const warmup = Number(b.args.warmup ?? 10);
  // Requests serialized once and sent on kept-alive sockets (raw-http-load.ts): the load generator
  // shares the hub's two cores, so its own CPU per request must stay small. They accept compressed
  // answers, as every browser's do (--identity: they do not).
  const host = new URL(b.baseUrl).host;
  const headers: Record<string, string> = { authorization: `Bearer ${b.adminKey}` };
  if (!b.args.identity) headers['accept-encoding'] = 'gzip, deflate, br';
  const requests = paths.map((path) => httpRequestBytes('GET', path, host, headers));
  const load = (seconds: number) => loadFor(b.baseUrl, connections, requests, seconds);
  const warm = warmup > 0 ? await load(warmup) : undefined;
  if (warm) b.log(`warm-up: ${Math.round(warm.requestsPerSecond)} req/s, p99 ${warm.p99} ms`);
  b.log(`GET ${paths.length} different listing pages, ${connections} connections, ${duration} s`);
  const txBefore = await transactionsSoFar(b);
  const window = await cpuWindow(b);
  const result = await load(duration);
  const cpuMsPerRequest = await window.end(result.total);
  const txAfter = await transactionsSoFar(b);
  // the look-up after the run and the CPU window's two reads of the backends count one each
  const transactionsPerRequest =
    txBefore !== null && txAfter !== null
      ? Math.round(((txAfter - txBefore - 3) / result.total) * 1000) / 1000
      : null;
  // After the load: the same pages still answer consistently.
  for (const path of paths.slice(0, 20)) {
    const page = await getPage(b, path);
    problem ??= checkPage(page);
  }
  const failed = result.non2xx + result.errors + result.timeouts;
  const p99 = result.p99;
  return {
    metric: 'listing_page_p99',
    value: p99,
    unit: 'ms',
    p50_ms: result.p50,
    p99_ms: p99,
    correct: problem === null && failed === 0 && result.ok > 0,
    target: { op: '<=', value: 20, unit: 'ms', met: p99 <= 20 },
    details: {
      products,
      variants: products * variantsPer,
      scale,
      pageSize: PAGE,
      connections,
      durationSeconds: duration,
      requestsPerSecond: Math.round(result.requestsPerSecond),
      transactionsPerRequest,
      cpuMsPerRequestInWindow: cpuMsPerRequest,
      warmup: warm
        ? {
            seconds: warmup,
            requestsPerSecond: Math.round(warm.requestsPerSecond),
            p50_ms: warm.p50,
            p99_ms: warm.p99,
          }
        : null,
      totalRequests: result.total,
      distinctPages: paths.length,
      pagesChecked: pagesChecked + 20,
      problem,
      non2xx: result.non2xx,
      errors: result.errors,
      timeouts: result.timeouts,
      latencyMaxMs: result.max,
      seedRows: seeded.rows,
      seedSeconds: Math.round(seeded.seconds * 10) / 10,
      seedRowsPerSecond: Math.round(seeded.rows / seeded.seconds),
      consumersCaughtUpSeconds: Math.round(caughtUpSeconds * 10) / 10,
    },
  };
};

export default scenario;
