// inventory-hot-sku: one SKU with N units, clients of 8 channels (8 channel-bound API keys) reserving
// one unit each as fast as they can through POST /api/inventory/reservations. About 5 % more
// requests than units are sent, so the stock runs out under load. correct = exactly N reservations
// succeeded, every other request was refused cleanly (409 insufficient_stock), and the hub's
// levels, reservations and ledger all agree on N.
// The load generator sends requests serialized before the measured window over kept-alive sockets
// (raw-http-load.ts); its CPU per request is reported beside the hub's and PostgreSQL's.
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import pg from 'pg';
import { api, type BenchContext, type Scenario } from '../harness.js';
import { httpRequestBytes, rawHttpLoad, sortedPercentile } from '../raw-http-load.js';
import { consumersCaughtUp, scaleOf, seedInventory, seedUrl } from '../scale-seed.js';

const SKU = 'HOT-SKU-1';
/** Reserved before the measured window by the same clients, to warm the hub and its database. */
const WARM_SKU = 'WARM-SKU-1';
const CHANNELS = 8;

async function setUp(b: BenchContext, units: number, warmUnits: number): Promise<string[]> {
  const must = async (r: Promise<{ status: number; body: any }>, what: string) => {
    const res = await r;
    if (res.status >= 300) throw new Error(`${what}: ${res.status} ${JSON.stringify(res.body)}`);
    return res.body;
  };
  await must(
    api(b, 'POST', '/api/inventory/locations', { code: 'hot-wh', name: 'Hot warehouse', type: 'warehouse' }),
    'location',
  );
  const keys: string[] = [];
  for (let i = 0; i < CHANNELS; i++) {
    const channel = await must(
      api(b, 'POST', '/api/channels', {
        code: `hot-${i}`,
        name: `Hot channel ${i}`,
        type: i % 2 ? 'marketplace' : 'web',
        currency: 'EUR',
        locales: ['en'],
      }),
      'channel',
    );
    await must(
      api(b, 'PUT', `/api/inventory/channels/${channel.id}/sourcing`, {
        locationIds: ['hot-wh'],
        safetyBuffer: 0,
      }),
      'sourcing',
    );
    const key = await must(
      api(b, 'POST', '/api/keys', { name: `hot ${i}`, scopes: ['inventory:write'], channelId: channel.id }),
      'key',
    );
    keys.push(key.secret);
  }
  // Stock is only received for SKUs the catalog knows.
  await must(
    api(b, 'POST', '/api/catalog/products', {
      handle: 'hot-sku',
      defaultLocale: 'en',
      content: { en: { title: 'Hot SKU' } },
      variants: [{ sku: SKU }, { sku: WARM_SKU }],
    }),
    'product',
  );
  for (const [sku, quantity] of [
    [SKU, units],
    [WARM_SKU, warmUnits],
  ] as const) {
    if (quantity === 0) continue;
    await must(
      api(b, 'POST', '/api/inventory/adjustments', {
        kind: 'receive',
        sku,
        location: 'hot-wh',
        quantity,
        reason: 'bench',
      }),
      'stock',
    );
  }
  return keys;
}

/** CPU seconds the hub process has used, from its Prometheus metrics. */
async function hubCpuSeconds(b: BenchContext): Promise<number | null> {
  const text = await (await fetch(`${b.baseUrl}/metrics`)).text();
  const m = /^omnihub_process_cpu_seconds_total (\S+)$/m.exec(text);
  return m ? Number(m[1]) : null;
}

/**
 * CPU seconds used so far by each server process of the hub's database (PostgreSQL on this machine
 * only; null otherwise). With the hub's figure this gives a cost per reservation that does not
 * depend on what else the machine is doing.
 */
async function databaseCpuSeconds(b: BenchContext): Promise<Map<number, number> | null> {
  if (!b.databaseUrl) return null;
  const client = new pg.Client({ connectionString: b.databaseUrl });
  try {
    await client.connect();
    const r = await client.query<{ pid: number }>(
      'select pid from pg_stat_activity where datname = current_database() and pid <> pg_backend_pid()',
    );
    const seconds = new Map<number, number>();
    for (const { pid } of r.rows) {
      const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
      seconds.set(pid, (Number(fields[11]) + Number(fields[12])) / 100); // utime + stime, in USER_HZ
    }
    return seconds;
  } catch {
    return null;
  } finally {
    await client.end().catch(() => {});
  }
}

const cpuSpent = (before: Map<number, number> | null, after: Map<number, number> | null): number | null =>
  before && after ? [...after].reduce((sum, [pid, s]) => sum + s - (before.get(pid) ?? 0), 0) : null;

/** Pages through a list endpoint, summing what `count` returns per item. */
async function sumPages(b: BenchContext, path: string, count: (item: any) => number): Promise<number> {
  let total = 0;
  let cursor: string | null = null;
  do {
    const sep = path.includes('?') ? '&' : '?';
    const res: { status: number; body: any } = await api(
      b,
      'GET',
      `${path}${sep}limit=500${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`,
    );
    if (res.status !== 200) throw new Error(`${path}: ${res.status}`);
    for (const item of res.body.items) total += count(item);
    cursor = res.body.nextCursor;
  } while (cursor);
  return total;
}

const scenario: Scenario = async (b) => {
  const units = Number(b.args.units ?? 20_000);
  // Connections per channel: more clients make bigger group commits; PGlite (one thread with the
  // HTTP server) does best with fewer. Measured on the 2-core machines; override with --connections.
  const perChannel = Number(b.args.connections ?? (b.db === 'postgres' ? 32 : 8));
  // autocannon under-reports onResponse with pipelining > 1, so counts (and `correct`) need 1.
  const pipelining = Number(b.args.pipelining ?? 1);
  const requestsPerChannel = Math.ceil((units * 1.05) / CHANNELS);
  // --warm-up N: N reservations of another SKU first, by the same clients (default: as many as the
  // run's units). A new hub's first seconds run on a cold JIT and on PostgreSQL backends that plan
  // each statement anew; without a warm-up this whole run (a few seconds) would be those seconds.
  const warmUnits = Number(b.args['warm-up'] ?? units);
  const keys = await setUp(b, units, warmUnits);
  // --scale N: other SKUs' stock (N × 1,000 SKUs at N locations) and N × 20,000 earlier reservations
  // with their ledger, beside the hot SKU.
  const scale = scaleOf(b);
  const preloaded = scale > 1 ? { skus: scale * 1_000, locations: scale, movements: scale * 20_000 } : null;
  if (preloaded) {
    b.log(`--scale ${scale}: seeding ${JSON.stringify(preloaded)}`);
    await seedInventory(seedUrl(b), preloaded);
    await consumersCaughtUp(b, 600_000);
  }
  b.log(
    `${units} units of ${SKU}; ${CHANNELS} channels × ${perChannel} connections (pipelining ${pipelining}), ${requestsPerChannel * CHANNELS} requests`,
  );

  // Every request's bytes before the window: the channels' requests interleaved, so that each
  // channel's clients are busy the whole run, as they were with one load generator per channel.
  const host = new URL(b.baseUrl).host;
  const run = randomBytes(4).toString('hex');
  const requestsFor = (sku: string, perChannel: number): Buffer[] => {
    const requests: Buffer[] = [];
    for (let n = 0; n < perChannel; n++) {
      keys.forEach((key, channel) => {
        const body = JSON.stringify({ sku, quantity: 1, idempotencyKey: `${sku}-c${channel}-${run}-${n}` });
        requests.push(
          httpRequestBytes(
            'POST',
            '/api/inventory/reservations',
            host,
            { authorization: `Bearer ${key}`, 'content-type': 'application/json' },
            body,
          ),
        );
      });
    }
    return requests;
  };
  const requests = requestsFor(SKU, requestsPerChannel);
  if (pipelining !== 1) b.log('--pipelining is ignored: one request in flight per connection');

  let warmUp: { reservations: number; perSecond: number } | null = null;
  if (warmUnits > 0) {
    const warmStarted = performance.now();
    const warm = await rawHttpLoad({
      baseUrl: b.baseUrl,
      connections: perChannel * CHANNELS,
      requests: requestsFor(WARM_SKU, Math.ceil(warmUnits / CHANNELS)),
      timeoutMs: 120_000,
      wantBody: () => false,
    });
    const reserved = warm.statuses.get(201) ?? 0;
    warmUp = {
      reservations: reserved,
      perSecond: Math.round((reserved / (performance.now() - warmStarted)) * 1000),
    };
    b.log(`warm-up: ${reserved} reservations of ${WARM_SKU}, ${warmUp.perSecond}/s`);
  }

  const hubCpuBefore = await hubCpuSeconds(b);
  const databaseCpuBefore = await databaseCpuSeconds(b);
  const loadCpuBefore = process.cpuUsage();
  let lastSuccessAt = 0;
  let badBodies = 0;
  const started = performance.now();
  const load = await rawHttpLoad({
    baseUrl: b.baseUrl,
    connections: perChannel * CHANNELS,
    requests,
    // Generous: on a machine loaded by other work a batch can wait long; a timeout fails `correct`.
    timeoutMs: 120_000,
    wantBody: (status) => status !== 201,
    onReply: (status, body) => {
      if (status === 201) lastSuccessAt = performance.now();
      else if (status !== 409 || !body?.includes('"code":"insufficient_stock"')) badBodies++;
    },
  });
  const loadCpu = process.cpuUsage(loadCpuBefore);
  const elapsedMs = lastSuccessAt - started;
  const hubCpuAfter = await hubCpuSeconds(b);
  const databaseCpu = cpuSpent(databaseCpuBefore, await databaseCpuSeconds(b));
  const hubCpu = hubCpuBefore !== null && hubCpuAfter !== null ? hubCpuAfter - hubCpuBefore : null;
  const perReservationUs = (seconds: number | null) =>
    seconds === null ? null : Math.round((seconds / (requestsPerChannel * CHANNELS)) * 1e6);
  const ok = load.statuses.get(201) ?? 0;
  const refused = load.statuses.get(409) ?? 0;
  const errors = load.errors + load.timeouts + (load.sent - load.answered);

  const sku = await api(b, 'GET', `/api/inventory/skus/${SKU}`);
  const level = sku.body.levels[0];
  const reservations = await sumPages(
    b,
    `/api/inventory/reservations?sku=${SKU}&status=held`,
    (r) => r.quantity,
  );
  const ledgerReserved = await sumPages(b, `/api/inventory/movements?sku=${SKU}`, (m) => m.reservedDelta);
  const groupCommit = (await api(b, 'GET', '/api/inventory/group-commit')).body;

  const correct =
    ok === units &&
    refused + ok === requestsPerChannel * CHANNELS &&
    badBodies === 0 &&
    errors === 0 &&
    level.reserved === units &&
    level.onHand === units &&
    reservations === units &&
    ledgerReserved === units;
  return {
    metric: 'successful_reservations_per_second',
    value: Math.round((ok / elapsedMs) * 1000),
    unit: 'reservations/s',
    p50_ms: sortedPercentile(load.latencies, 50),
    p99_ms: sortedPercentile(load.latencies, 99),
    correct,
    target: { op: '>=', value: 10_000, unit: 'reservations/s' },
    units: { count: ok, name: 'reservation' },
    details: {
      units,
      warmUp,
      scale,
      preloaded,
      channels: CHANNELS,
      connectionsPerChannel: perChannel,
      pipelining,
      requests: requestsPerChannel * CHANNELS,
      succeeded: ok,
      refused409: refused,
      otherStatuses: Object.fromEntries([...load.statuses].filter(([s]) => s !== 201 && s !== 409)),
      unexpectedBodies: badBodies,
      errors,
      secondsUntilSoldOut: Math.round(elapsedMs) / 1000,
      totalSeconds: Math.round(performance.now() - started) / 1000,
      latencyMaxMs: sortedPercentile(load.latencies, 100),
      level,
      heldReservationUnits: reservations,
      ledgerReservedSum: ledgerReserved,
      groupCommit,
      // CPU per request (hub process; the database's server processes when local), whatever the load.
      cpu: {
        hubSeconds: hubCpu === null ? null : Math.round(hubCpu * 100) / 100,
        databaseSeconds: databaseCpu === null ? null : Math.round(databaseCpu * 100) / 100,
        loadGeneratorSeconds: Math.round((loadCpu.user + loadCpu.system) / 1e4) / 100,
        hubMicrosecondsPerRequest: perReservationUs(hubCpu),
        databaseMicrosecondsPerRequest: perReservationUs(databaseCpu),
        loadGeneratorMicrosecondsPerRequest: perReservationUs((loadCpu.user + loadCpu.system) / 1e6),
      },
      loadAverage: loadavg().map((l) => Math.round(l * 10) / 10),
    },
  };
};

export default scenario;
