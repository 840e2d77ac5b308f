// history-import: 100,000 historical orders (two lines each, one of them a SKU the catalog no longer
// has) from 50,000 customers, in the hub's own order CSV, streamed to POST /api/imports/orders.
// Target ≥ 1,000 orders/s and no stock moved. correct = the job completed with every order stored
// and no line rejected, the catalog SKUs' stock is what it was, and the same file's first orders
// imported again write nothing ("unchanged"). `--orders N` for a smaller run.
import { loadavg } from 'node:os';
import { Readable } from 'node:stream';
import { dbCpuMs, hubCpuMs } from '../cpu-usage.js';
import { api, type BenchContext, type Scenario } from '../harness.js';
import { type Inject, importRoundTrips } from '../import-round-trips.js';

const SKUS = 20;
const HEADER =
  'order_id,source,placed_at,status,currency,email,sku,title,quantity,unit_price,shipping,discount\n';
const STATUSES = ['completed', 'completed', 'completed', 'fulfilled', 'cancelled', 'refunded'];

function* lines(orders: number, from = 0): Generator<string> {
  yield HEADER;
  const start = Date.parse('2021-01-01T00:00:00Z');
  for (let i = from; i < from + orders; i++) {
    const at = new Date(start + i * 600_000).toISOString();
    const status = STATUSES[i % STATUSES.length];
    const email = `buyer-${i % Math.max(1, Math.floor(orders / 2))}@bench.example.com`;
    yield `H-${i},bench-shop,${at},${status},EUR,${email},HIST-${i % SKUS},Item ${i % SKUS},${1 + (i % 3)},${1500 + (i % 500)},495,${i % 10 === 0 ? 200 : 0}\n` +
      `H-${i},,,,,,GONE-${i % 7},Discontinued ${i % 7},1,990,,\n`;
  }
}

async function stockOf(b: BenchContext): Promise<string> {
  const levels: number[] = [];
  for (let k = 0; k < SKUS; k++) {
    const r = await api<{ levels: Array<{ onHand: number; reserved: number }> }>(
      b,
      'GET',
      `/api/inventory/skus/HIST-${k}`,
    );
    for (const l of r.body.levels ?? []) levels.push(l.onHand, l.reserved);
  }
  return levels.join(',');
}

async function upload(b: BenchContext, orders: number, from = 0) {
  const res = await fetch(
    `${b.baseUrl}/api/imports/orders?format=csv&channel=bench-shop&source=history.csv`,
    {
      method: 'POST',
      headers: { authorization: `Bearer ${b.adminKey}`, 'content-type': 'text/csv' },
      body: Readable.toWeb(Readable.from(lines(orders, from))) as ReadableStream,
      duplex: 'half',
    } as RequestInit,
  );
  return {
    status: res.status,
    job: (await res.json()) as {
      status: string;
      rowsAccepted: number;
      rowsRejected: number;
      counts: Record<string, number>;
      error: string | null;
    },
  };
}

/** A channel, a warehouse and the catalog's SKUs with stock, through `call`. */
async function setUp(call: Inject): Promise<void> {
  await call('POST', '/api/channels', {
    code: 'bench-shop',
    name: 'Bench shop',
    type: 'web',
    currency: 'EUR',
    locales: ['en'],
  });
  await call('POST', '/api/inventory/locations', {
    code: 'bench-wh',
    name: 'Warehouse',
    type: 'warehouse',
  });
  const catalog = ['kind,handle,title,sku,location,quantity\n'];
  for (let k = 0; k < SKUS; k++) {
    catalog.push(
      `product,hist-${k},Item ${k},,,\n`,
      `variant,hist-${k},,HIST-${k},,\n`,
      `stock,,,HIST-${k},bench-wh,${10 + k}\n`,
    );
  }
  const seeded = await call('POST', '/api/imports?format=csv', catalog.join(''), 'text/csv');
  if (seeded.status !== 201) throw new Error(`catalog seed: ${seeded.status} ${JSON.stringify(seeded.body)}`);
}

const scenario: Scenario = async (b) => {
  const orders = Number(b.args.orders ?? 100_000);
  await setUp((m, p, body, type) =>
    type
      ? fetch(`${b.baseUrl}${p}`, {
          method: m,
          headers: { authorization: `Bearer ${b.adminKey}`, 'content-type': type },
          body: body as string,
        }).then(async (r) => ({ status: r.status, body: await r.json() }))
      : api(b, m, p, body),
  );
  const stockBefore = await stockOf(b);

  const [hubCpu0, dbCpu0] = [await hubCpuMs(b), await dbCpuMs(b)];
  const load0 = loadavg()[0]!;
  b.log(`importing ${orders} historical orders`);
  const started = performance.now();
  const { status, job } = await upload(b, orders);
  const seconds = (performance.now() - started) / 1000;
  const [hubCpu1, dbCpu1] = [await hubCpuMs(b), await dbCpuMs(b)];
  const stockAfter = await stockOf(b);
  // The first orders again: already in the hub, so nothing is written.
  const again = await upload(b, Math.min(orders, 200));
  const rate = Math.round(orders / seconds);
  b.log('counting SQL round trips per order on an in-process hub (200 orders)');
  const roundTrips = await importRoundTrips(b, {
    setUp,
    path: '/api/imports/orders?format=csv&channel=bench-shop&source=history.csv',
    contentType: 'text/csv',
    file: [...lines(200)].join(''),
    units: 200,
  });
  const perOrder = (a: number | null, z: number | null) =>
    a === null || z === null ? null : Math.round(((z - a) * 1000) / orders);
  const correct =
    status === 201 &&
    job.status === 'completed' &&
    job.counts.order === orders &&
    job.rowsRejected === 0 &&
    stockAfter === stockBefore &&
    again.job.counts.unchanged === Math.min(orders, 200) &&
    !again.job.counts.order;
  return {
    metric: 'history_import_orders_per_s',
    value: rate,
    unit: 'orders/s',
    p50_ms: 0,
    p99_ms: 0,
    correct,
    target: { op: '>=', value: 1000, unit: 'orders/s', met: rate >= 1000 },
    details: {
      orders,
      rows: orders * 2,
      seconds: Math.round(seconds * 10) / 10,
      job,
      reimport: again.job.counts,
      stockUnchanged: stockAfter === stockBefore,
      hubCpuUsPerOrder: perOrder(hubCpu0, hubCpu1),
      dbCpuUsPerOrder: perOrder(dbCpu0, dbCpu1),
      loadAverage: [load0, loadavg()[0]],
      sqlRoundTripsPerOrder: roundTrips,
    },
  };
};

export default scenario;
