// checkout: the whole flow per virtual customer through the HTTP API: create a cart, add 3 lines
// (each holds stock), choose click & collect at a store, check out and pay with the `test` provider
// (one request, with an Idempotency-Key), at 50 concurrent customers. correct = every request
// succeeded and the store's reserved units equal 3 × the orders placed (nothing lost, nothing extra).
// SQL round trips per order are counted in this process on a second, in-process hub whose pg client
// (PostgreSQL) counts every query, BEGIN/COMMIT included.
import { cpuWindow } from '../cpu-usage.js';
import { api, type BenchContext, keepAliveJsonClient, percentile, type Scenario } from '../harness.js';
import { startInProcessHub } from '../in-process-hub.js';
import { rawJsonClient } from '../raw-json-client.js';
import { type Call, countRoundTrips, type RoundTripReport } from '../round-trips.js';
import { consumersCaughtUp, scaleOf, seedOrders, seedUrl } from '../scale-seed.js';

// The `test` card stand-in is off unless the hub enables it.
const PAYMENT_PROVIDERS = ['manual', 'test'];
export const hubEnv = { OMNIHUB_PAYMENT_PROVIDERS: PAYMENT_PROVIDERS.join(',') };

const SKUS = 30;
const STOCK = 1_000_000;

async function must(r: Promise<{ status: number; body: any }>, what: string) {
  const res = await r;
  if (res.status >= 300) throw new Error(`${what}: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body;
}

/** `unstockedProducts`: more listed products beside the 30 the customers buy (a bigger catalog). */
export async function setUp(
  b: Pick<BenchContext, 'baseUrl' | 'adminKey'>,
  call = api,
  unstockedProducts = 0,
) {
  const list = await must(
    call(b, 'POST', '/api/catalog/price-lists', { code: 'bench-eur', name: 'EUR', currency: 'EUR' }),
    'price list',
  );
  const channel = await must(
    call(b, 'POST', '/api/channels', {
      code: 'bench-web',
      name: 'Bench web',
      type: 'web',
      currency: 'EUR',
      locales: ['en'],
      priceListId: list.id,
      paymentProviders: ['test'],
    }),
    'channel',
  );
  const store = await must(
    call(b, 'POST', '/api/inventory/locations', {
      code: 'bench-store',
      name: 'Bench store',
      type: 'store',
      address: { country: 'NL' },
    }),
    'location',
  );
  await must(
    call(b, 'PUT', `/api/inventory/channels/${channel.id}/sourcing`, {
      locationIds: [store.id],
      safetyBuffer: 0,
    }),
    'sourcing',
  );
  const skus: string[] = [];
  for (let i = 0; i < SKUS; i++) {
    const sku = `BENCH-${i}`;
    skus.push(sku);
    const product = await must(
      call(b, 'POST', '/api/catalog/products', {
        handle: `bench-${i}`,
        defaultLocale: 'en',
        content: { en: { title: `Bench product ${i}` } },
        variants: [{ sku, prices: [{ priceListId: list.id, amount: 1000 + i * 10, currency: 'EUR' }] }],
      }),
      'product',
    );
    await must(
      call(b, 'PUT', `/api/channels/${channel.id}/listings/${product.id}`, { published: true }),
      'listing',
    );
    await must(
      call(b, 'POST', '/api/inventory/adjustments', {
        kind: 'receive',
        sku,
        location: store.id,
        quantity: STOCK,
      }),
      'stock',
    );
  }
  for (let i = SKUS; i < SKUS + unstockedProducts; i++) {
    const product = await must(
      call(b, 'POST', '/api/catalog/products', {
        handle: `bench-${i}`,
        defaultLocale: 'en',
        content: { en: { title: `Bench product ${i}` } },
        variants: [
          { sku: `BENCH-${i}`, prices: [{ priceListId: list.id, amount: 1000 + i * 10, currency: 'EUR' }] },
        ],
      }),
      'product',
    );
    await must(
      call(b, 'PUT', `/api/channels/${channel.id}/listings/${product.id}`, { published: true }),
      'listing',
    );
  }
  const key = await must(
    call(b, 'POST', '/api/keys', {
      name: 'bench web',
      scopes: ['carts:write', 'orders:write'],
      channelId: channel.id,
    }),
    'key',
  );
  return { channelId: channel.id as string, storeId: store.id as string, skus, key: key.secret as string };
}

/** The last failed step of any customer (its status and body), for the error a failed run prints. */
export let lastFailure: { step: string; status: number; body: unknown } | undefined;
const failed = (step: string, res: { status: number; body: unknown }) => {
  lastFailure = { step, status: res.status, body: res.body };
  return false;
};

/** One virtual customer's whole journey; returns false if any step failed. */
export async function customer(call: Call, skus: string[], storeId: string, n: number): Promise<boolean> {
  const cart = await call('POST', '/api/carts', { anonymousId: `bench-${n}` });
  if (cart.status !== 201) return failed('create cart', cart);
  const id = cart.body.id;
  for (let i = 0; i < 3; i++) {
    const line = await call('POST', `/api/carts/${id}/lines`, {
      sku: skus[(n * 3 + i) % skus.length],
      quantity: 1,
    });
    if (line.status !== 201) return failed('add line', line);
  }
  const pickup = await call('PUT', `/api/carts/${id}/delivery`, { type: 'pickup', locationId: storeId });
  if (pickup.status !== 200) return failed('choose pickup', pickup);
  const order = await call(
    'POST',
    `/api/carts/${id}/checkout`,
    { payment: { provider: 'test', token: 'tok_visa' } },
    {
      'idempotency-key': `bench-${n}`,
    },
  );
  if (order.status === 201 && order.body.order.status === 'allocated') return true;
  return failed('checkout + pay', order);
}

/** Round trips per order on an in-process hub with a counting pg client (PostgreSQL only). */
async function measureRoundTrips(b: BenchContext): Promise<RoundTripReport | null> {
  if (b.db !== 'postgres') return null;
  const started = await startInProcessHub({
    adminKey: 'ohk_bench_roundtrip_admin_key_000000000000',
    // A pool large enough that no request waits for a client (a waiting query would be counted in
    // the context of whoever released the client).
    poolSize: 80,
    config: { paymentProviders: PAYMENT_PROVIDERS },
  });
  const { hub, adminKey } = started;
  const inject = async (
    method: string,
    path: string,
    body: unknown,
    headers: Record<string, string> = {},
    key = adminKey,
  ) => {
    const res = await hub.http.inject({
      method: method as 'GET',
      url: path,
      headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json', ...headers },
      payload: JSON.stringify(body),
    });
    return { status: res.statusCode, body: res.body ? JSON.parse(res.body) : undefined };
  };
  try {
    const setup = await setUp({ baseUrl: '', adminKey }, (_b, method, path, body) =>
      inject(method, path, body),
    );
    const asChannel = (step: (s: string, fn: () => Promise<any>) => Promise<any>): Call => {
      return (m, p, body, h) => {
        const name =
          m === 'POST' && p === '/api/carts'
            ? 'create cart'
            : p.endsWith('/lines')
              ? 'add line (×3)'
              : p.endsWith('/delivery')
                ? 'choose pickup'
                : 'checkout + pay';
        return step(name, () => inject(m, p, body, h, setup.key));
      };
    };
    await customer(
      asChannel((_s, fn) => fn()),
      setup.skus,
      setup.storeId,
      0,
    ); // warm caches
    return await countRoundTrips({
      order: (n, step) => customer(asChannel(step), setup.skus, setup.storeId, n),
      orders: 20,
      concurrency: 50,
      histogram: Boolean(process.env.BENCH_SQL_HISTOGRAM),
    }).catch((err: Error) => {
      throw new Error(`${err.message}: ${JSON.stringify(lastFailure).slice(0, 500)}`);
    });
  } finally {
    await started.close();
  }
}

const scenario: Scenario = async (b) => {
  const duration = Number(b.args.duration ?? 15) * 1000;
  const concurrency = Number(b.args.connections ?? 50);
  if (b.args['round-trips-only']) {
    // Quick look at the statement counts without the load run.
    const report = await measureRoundTrips(b);
    for (const t of report?.topStatements ?? []) b.log(`${t.perOrder}\t${t.where}\t${t.sql}`);
    if (report) delete report.topStatements;
    const total = report?.perOrderSequential.total ?? 0;
    return {
      metric: 'sql_round_trips_per_order',
      value: total,
      unit: 'round trips',
      p50_ms: 0,
      p99_ms: 0,
      correct: report !== null,
      target: { op: '<=', value: 15, unit: 'round trips' },
      details: { sqlRoundTrips: report },
    };
  }
  // --scale N: N × 30 products (the customers still buy the first 30) and N × 10,000 earlier orders.
  const scale = scaleOf(b);
  b.log(`setting up a channel, a store and ${SKUS * scale} products`);
  const setup = await setUp(b, api, SKUS * (scale - 1));
  const earlierOrders = scale > 1 ? scale * 10_000 : 0;
  if (earlierOrders) {
    b.log(`--scale ${scale}: seeding ${earlierOrders} earlier orders`);
    await seedOrders(seedUrl(b), { orders: earlierOrders, channelId: setup.channelId, skus: setup.skus });
    await consumersCaughtUp(b, 600_000);
  }
  const latencies: number[] = [];
  let failedRequests = 0;
  // --client node-http: node:http's client instead, to compare the load generator's own CPU.
  const client =
    b.args.client === 'node-http'
      ? keepAliveJsonClient(b.baseUrl, concurrency)
      : rawJsonClient(b.baseUrl, concurrency);
  const auth = { authorization: `Bearer ${setup.key}` };
  const call: Call = async (method, path, body, headers = {}) => {
    const t0 = performance.now();
    const res = await client.call(method, path, body, { ...auth, ...headers });
    latencies.push(performance.now() - t0);
    if (res.status >= 300) failedRequests++;
    return res;
  };
  // Warm up with the same load for `--warm-up` seconds (5; at least one flow per customer): a new
  // hub's first seconds run on a cold JIT and on PostgreSQL backends that plan each statement
  // anew; then measure.
  const warmUpMs = Number(b.args['warm-up'] ?? 5) * 1000;
  let warmedUp = 0;
  let nextWarm = 1_000_000;
  const warmStarted = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      do {
        if (await customer(call, setup.skus, setup.storeId, nextWarm++)) warmedUp++;
      } while (performance.now() - warmStarted < warmUpMs);
    }),
  );
  const warmUp = {
    seconds: Math.round((performance.now() - warmStarted) / 100) / 10,
    orders: warmedUp,
    requestP99Ms: percentile(latencies, 99),
  };
  latencies.length = 0;
  failedRequests = 0;
  let completed = 0;
  let failedOrders = 0;
  let next = 0;
  // One customer's whole flow (6 requests, cart to paid order), completed ones only.
  const flows: number[] = [];
  b.log(`${concurrency} concurrent customers for ${duration / 1000} s`);
  const window = await cpuWindow(b);
  const started = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (performance.now() - started < duration) {
        const t0 = performance.now();
        if (await customer(call, setup.skus, setup.storeId, next++)) {
          completed++;
          flows.push(performance.now() - t0);
        } else failedOrders++;
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  const windowCpu = await window.end(completed);
  client.close();
  const levels = await api(b, 'GET', `/api/inventory/locations/${setup.storeId}/levels?limit=200`);
  const reserved = (levels.body.items as Array<{ reserved: number }>).reduce((s, l) => s + l.reserved, 0);
  const expectedReserved = 3 * (completed + warmedUp);
  // --no-round-trips: skip the in-process count (e.g. for an A/B of CPU per order).
  const roundTrips = b.args['no-round-trips'] ? null : await measureRoundTrips(b);
  if (roundTrips) b.log('counted SQL round trips per order on an in-process hub');
  if (roundTrips?.topStatements) {
    for (const t of roundTrips.topStatements) b.log(`${t.perOrder}\t${t.where}\t${t.sql}`);
    delete roundTrips.topStatements;
  }
  const ordersPerSecond = Math.round((completed / seconds) * 10) / 10;
  return {
    metric: 'orders_per_second',
    value: ordersPerSecond,
    unit: 'orders/s',
    p50_ms: percentile(latencies, 50),
    p99_ms: percentile(latencies, 99),
    correct: failedRequests === 0 && failedOrders === 0 && completed > 0 && reserved === expectedReserved,
    target: { op: '>=', value: 500, unit: 'orders/s' },
    units: { count: completed, name: 'order' },
    details: {
      concurrency,
      scale,
      products: SKUS * scale,
      earlierOrders,
      warmUp,
      durationSeconds: Math.round(seconds * 10) / 10,
      ordersCompleted: completed,
      failedOrders,
      requests: latencies.length,
      requestsPerOrder: 6,
      orderFlowMs: { p50: percentile(flows, 50), p99: percentile(flows, 99) },
      requestsPerSecond: Math.round(latencies.length / seconds),
      failedRequests,
      ...(lastFailure ? { lastFailure: JSON.stringify(lastFailure).slice(0, 300) } : {}),
      storeReservedUnits: reserved,
      expectedReservedUnits: expectedReserved,
      p99TargetMs: 50,
      cpuMsPerOrderInWindow: windowCpu,
      sqlRoundTrips:
        roundTrips ??
        (b.args['no-round-trips']
          ? 'not measured (--no-round-trips)'
          : 'measured on postgres only (PGlite is in-process: no network round trips)'),
    },
  };
};

export default scenario;
