// catalog-import: a 60,000-SKU catalog file in the hub's own CSV (per SKU: texts in two locales, a
// variant, prices in two currencies, a listing, stock at three locations — 9 rows) streamed to
// POST /api/imports while a reader asks for catalog pages. Target ≥ 2,000 rows/s on PostgreSQL
// (≥ 1,000 on PGlite) with catalog reads p99 < 100 ms; hub RSS during the import is reported.
// correct = the job completed with every row accepted and none rejected, and the last SKU's product,
// price and stock read back as written. `--skus N` for a smaller run.
import { loadavg } from 'node:os';
import { Readable } from 'node:stream';
import { dbCpuMs, hubCpuMs } from '../cpu-usage.js';
import { api, type BenchContext, percentile, type Scenario } from '../harness.js';
import { type Inject, importRoundTrips } from '../import-round-trips.js';

const ROWS_PER_SKU = 9;
const HEADER =
  'kind,handle,locale,title,description,sku,price_list,channel,currency,amount,published,location,quantity\n';

function* lines(skus: number): Generator<string> {
  yield HEADER;
  for (let i = 0; i < skus; i++) {
    const h = `bench-item-${i}`;
    const sku = `BENCH-${i}`;
    yield `product,${h},en,Bench item ${i},"A sturdy item, number ${i}",,,,,,,,\n` +
      `product,${h},sv,Testvara ${i},"En stadig vara, nummer ${i}",,,,,,,,\n` +
      `variant,${h},,,,${sku},,,,,,,\n` +
      `price,,,,,${sku},bench-eur,,EUR,${1000 + (i % 9000)},,,\n` +
      `price,,,,,${sku},bench-sek,,SEK,${10000 + (i % 90000)},,,\n` +
      `listing,${h},,,,,,bench-web,,,true,,\n` +
      `stock,,,,,${sku},,,,,,bench-wh1,${i % 50}\n` +
      `stock,,,,,${sku},,,,,,bench-wh2,${i % 7}\n` +
      `stock,,,,,${sku},,,,,,bench-store,${i % 3}\n`;
  }
}

async function rssBytes(b: BenchContext): Promise<number | null> {
  const text = await (await fetch(`${b.baseUrl}/metrics`)).text();
  const m = /^omnihub_process_resident_memory_bytes (\S+)$/m.exec(text);
  return m ? Number(m[1]) : null;
}

/** Price lists, a channel and three locations, through `call` (the bench hub or an in-process one). */
async function setUp(call: Inject): Promise<void> {
  for (const [code, currency] of [
    ['bench-eur', 'EUR'],
    ['bench-sek', 'SEK'],
  ] as const) {
    await call('POST', '/api/catalog/price-lists', { code, name: code, currency });
  }
  await call('POST', '/api/channels', {
    code: 'bench-web',
    name: 'Bench web',
    type: 'web',
    currency: 'EUR',
    locales: ['en', 'sv'],
  });
  for (const code of ['bench-wh1', 'bench-wh2', 'bench-store']) {
    const r = await call('POST', '/api/inventory/locations', {
      code,
      name: code,
      type: code === 'bench-store' ? 'store' : 'warehouse',
    });
    if (r.status !== 201) throw new Error(`location ${code}: ${r.status}`);
  }
}

const scenario: Scenario = async (b) => {
  const skus = Number(b.args.skus ?? 60_000);
  const rows = skus * ROWS_PER_SKU;
  await setUp((m, p, body) => api(b, m, p, body));

  // A reader asks for a page of the catalog every 100 ms while the import runs.
  const reads: number[] = [];
  let badReads = 0;
  let importing = true;
  const headers = { authorization: `Bearer ${b.adminKey}` };
  const reader = (async () => {
    while (importing) {
      const t0 = performance.now();
      const res = await fetch(`${b.baseUrl}/api/catalog/products?limit=24`, { headers });
      await res.text();
      reads.push(performance.now() - t0);
      if (res.status !== 200) badReads++;
      await new Promise((r) => setTimeout(r, 100));
    }
  })();
  const rss: number[] = [];
  const sampler = setInterval(() => {
    rssBytes(b).then(
      (v) => v !== null && rss.push(v),
      () => {},
    );
  }, 1000);

  const [hubCpu0, dbCpu0] = [await hubCpuMs(b), await dbCpuMs(b)];
  const load0 = loadavg()[0]!;
  b.log(`importing ${skus} SKUs (${rows} rows)`);
  const started = performance.now();
  const res = await fetch(`${b.baseUrl}/api/imports?format=csv&source=bench.csv`, {
    method: 'POST',
    headers: { ...headers, 'content-type': 'text/csv' },
    body: Readable.toWeb(Readable.from(lines(skus))) as ReadableStream,
    duplex: 'half',
  } as RequestInit);
  const job = (await res.json()) as {
    status: string;
    rowsAccepted: number;
    rowsRejected: number;
    error: string | null;
  };
  const seconds = (performance.now() - started) / 1000;
  importing = false;
  clearInterval(sampler);
  await reader;
  const [hubCpu1, dbCpu1] = [await hubCpuMs(b), await dbCpuMs(b)];

  const last = skus - 1;
  const product = await api(b, 'GET', `/api/catalog/products/bench-item-${last}`);
  const prices = await api<{ items: Array<{ amount: number; currency: string }> }>(
    b,
    'GET',
    `/api/catalog/products/bench-item-${last}/prices`,
  );
  const stock = await api<{ levels: Array<{ onHand: number }> }>(
    b,
    'GET',
    `/api/inventory/skus/BENCH-${last}`,
  );
  const pricesRight =
    prices.body.items?.some((p) => p.currency === 'EUR' && p.amount === 1000 + (last % 9000)) &&
    prices.body.items?.some((p) => p.currency === 'SEK' && p.amount === 10000 + (last % 90000));
  // A count of 0 on a new SKU may leave no level row: compare the counts above 0.
  const counted = (xs: number[]) => JSON.stringify(xs.filter((x) => x > 0).sort((x, y) => x - y));
  const stockRight =
    counted((stock.body.levels ?? []).map((l) => l.onHand)) === counted([last % 50, last % 7, last % 3]);
  const correct =
    res.status === 201 &&
    job.status === 'completed' &&
    job.rowsAccepted === rows &&
    job.rowsRejected === 0 &&
    product.status === 200 &&
    !!pricesRight &&
    stockRight &&
    badReads === 0;
  const rate = Math.round(rows / seconds);
  const perRow = (a: number | null, z: number | null) =>
    a === null || z === null ? null : Math.round(((z - a) * 1000) / rows);
  const target = b.db === 'postgres' ? 2000 : 1000;
  b.log('counting SQL round trips per row on an in-process hub (200 SKUs)');
  const roundTrips = await importRoundTrips(b, {
    setUp,
    path: '/api/imports?format=csv',
    contentType: 'text/csv',
    file: [...lines(200)].join(''),
    units: 200 * ROWS_PER_SKU,
  });
  return {
    metric: 'catalog_import_rows_per_s',
    value: rate,
    unit: 'rows/s',
    p50_ms: percentile(reads, 50),
    p99_ms: percentile(reads, 99),
    correct,
    target: { op: '>=', value: target, unit: 'rows/s', met: rate >= target },
    details: {
      skus,
      rows,
      seconds: Math.round(seconds * 10) / 10,
      job,
      catalogReads: reads.length,
      catalogReadP99Ms: percentile(reads, 99),
      catalogReadTargetMet: percentile(reads, 99) < 100,
      badReads,
      hubRssMaxMb: rss.length ? Math.round(Math.max(...rss) / 1e6) : null,
      hubCpuUsPerRow: perRow(hubCpu0, hubCpu1),
      dbCpuUsPerRow: perRow(dbCpu0, dbCpu1),
      loadAverage: [load0, loadavg()[0]],
      sqlRoundTripsPerRow: roundTrips,
      checks: { product: product.status, pricesRight, stockRight },
    },
  };
};

export default scenario;
