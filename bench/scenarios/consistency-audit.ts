// consistency-audit: `--skus` SKUs (default 10,000) listed on 4 channels, each with a generic channel
// sync connection to a stand-in channel in this process that keeps what it was pushed and answers the
// state read-back. After a full push (every acknowledgement recorded), drift is injected: on the
// channels, prices edited (connection 0), stock edited (1), products unpublished (3) and sale prices
// added (3); in the hub, channel prices changed while connection 2 is disabled. The timed figure is one
// `GET /api/channel-sync/audit?remote=true` over all four connections. correct = the distinct
// (connection, kind, SKU) of the findings are exactly the injected ones (every drift found, none
// made up). PostgreSQL only: the three extra channels' listings are copied with SQL.
// Target (#16): audit of 10,000 SKUs on 4 connected channels < 5 s.
import { createServer } from 'node:http';
import pg from 'pg';
import { dbCpuMs, hubCpuMs } from '../cpu-usage.js';
import { api, type Scenario } from '../harness.js';
import { CHANNEL, seedSearchCatalog } from './catalog-search.js';

// The stand-in channels listen on loopback.
export const hubEnv = { OMNIHUB_WEBHOOKS_ALLOW_PRIVATE: '1', OMNIHUB_CHANNEL_SYNC_LINGER_MS: '10' };

const CONNECTIONS = 4;
const PER_KIND = 25;

type State = Map<string, Record<string, unknown>>;
interface PushedItem {
  sku: string;
  changed: string[];
  availableToSell: number;
  price: { decimal: string } | null;
  salePrice?: { decimal: string } | null;
  listed: boolean;
  title: string | null;
  description: string | null;
}

/** The stand-in channels: `/c<n>` keeps connection n's pushes; a GET answers their state. */
async function startStandIn(states: State[]) {
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const url = new URL(req.url ?? '/', 'http://x');
      const state = states[Number(url.pathname.slice(2))]!;
      if (req.method === 'GET') {
        const skus = (url.searchParams.get('skus') ?? '').split(',');
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ items: skus.filter((s) => state.has(s)).map((s) => state.get(s)) }));
        return;
      }
      const body = JSON.parse(Buffer.concat(chunks).toString('utf8')) as {
        items: PushedItem[];
      };
      for (const i of body.items) {
        const s: Record<string, unknown> = state.get(i.sku) ?? { sku: i.sku };
        if (i.changed.includes('stock')) s.availableToSell = i.availableToSell;
        if (i.changed.includes('price')) {
          s.price = i.price?.decimal ?? null;
          s.salePrice = i.salePrice?.decimal ?? null;
        }
        if (i.changed.includes('listing'))
          Object.assign(s, { listed: i.listed, title: i.title, description: i.description });
        state.set(i.sku, s);
      }
      res.writeHead(204);
      res.end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const addr = server.address();
  return { server, url: `http://127.0.0.1:${typeof addr === 'object' && addr ? addr.port : 0}` };
}

// biome-ignore lint/suspicious/noExplicitAny: JSON from our own API
async function must(r: Promise<{ status: number; body: any }>, what: string) {
  const res = await r;
  if (res.status >= 300) throw new Error(`${what}: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body;
}

const scenario: Scenario = async (b) => {
  if (!b.databaseUrl) throw new Error('consistency-audit needs --db postgres (listings are copied with SQL)');
  const skuCount = Number(b.args.skus ?? 10_000);
  await seedSearchCatalog(b, skuCount, 1);
  const skus = Array.from({ length: skuCount }, (_, p) => `SRCH-${String(p).padStart(6, '0')}-0`);
  const channels = (await must(api(b, 'GET', '/api/channels'), 'channels')).items as Array<{
    id: string;
    code: string;
  }>;
  const ids = [channels.find((c) => c.code === CHANNEL)!.id];
  for (let n = 1; n < CONNECTIONS; n++) {
    const c = await must(
      api(b, 'POST', '/api/channels', {
        code: `audit-${n}`,
        name: `Audit shop ${n}`,
        type: 'web',
        currency: 'EUR',
        locales: ['en'],
        priceListId: (await must(api(b, 'GET', `/api/channels/${ids[0]}`), 'channel')).priceListId,
      }),
      'channel',
    );
    await must(
      api(b, 'PUT', `/api/inventory/channels/${c.id}/sourcing`, {
        locationIds: ['search-wh'],
        safetyBuffer: 0,
      }),
      'sourcing',
    );
    ids.push(c.id);
  }
  const client = new pg.Client({ connectionString: b.databaseUrl });
  await client.connect();
  for (const id of ids.slice(1))
    await client.query(
      `insert into catalog_listings (channel_id, product_id, published, title, description, updated_at)
       select $1, product_id, published, title, description, updated_at from catalog_listings where channel_id = $2`,
      [id, ids[0]],
    );
  await client.end();

  const states: State[] = ids.map(() => new Map());
  const standIn = await startStandIn(states);
  const conns: string[] = [];
  for (let n = 0; n < CONNECTIONS; n++) {
    const c = await must(
      api(b, 'POST', '/api/channel-sync/connections', {
        kind: 'generic',
        channelId: ids[n],
        name: `stand-in ${n}`,
        baseUrl: `${standIn.url}/c${n}`,
        batchSize: 100,
        ratePerSecond: 1000,
        burst: 1000,
      }),
      'connection',
    );
    conns.push(c.id);
    await must(api(b, 'POST', `/api/channel-sync/connections/${c.id}/resync`, {}), 'resync');
  }
  const pushStarted = performance.now();
  for (;;) {
    const health = (await must(api(b, 'GET', '/api/channel-sync/health'), 'health')).items as Array<{
      queueDepth: number;
      deadLettered: number;
    }>;
    if (health.every((h) => h.queueDepth === 0)) break;
    if (performance.now() - pushStarted > 600_000) throw new Error('the full push did not finish in 10 min');
    await new Promise((r) => setTimeout(r, 500));
  }
  const pushSeconds = (performance.now() - pushStarted) / 1000;
  b.log(`full push of ${skuCount} SKUs × ${CONNECTIONS} connections in ${pushSeconds.toFixed(1)} s`);

  // Injected drift, each a distinct (connection, kind, SKU).
  const expected = new Set<string>();
  const pick = (offset: number) => skus.slice(offset, offset + PER_KIND);
  for (const sku of pick(100)) {
    states[0]!.get(sku)!.price = '1.23';
    expected.add(`${conns[0]}|price|${sku}`);
  }
  for (const sku of pick(200)) {
    states[1]!.get(sku)!.availableToSell = 999;
    expected.add(`${conns[1]}|availability|${sku}`);
  }
  for (const sku of pick(300)) {
    states[3]!.get(sku)!.listed = false;
    expected.add(`${conns[3]}|listing|${sku}`);
  }
  for (const sku of pick(400)) {
    states[3]!.get(sku)!.salePrice = '0.99';
    expected.add(`${conns[3]}|campaign|${sku}`);
  }
  await must(api(b, 'PATCH', `/api/channel-sync/connections/${conns[2]}`, { status: 'disabled' }), 'disable');
  await must(
    api(b, 'PUT', `/api/channels/${ids[2]}/prices`, {
      prices: pick(500).map((sku) => ({ sku, amount: 4242, currency: 'EUR' })),
    }),
    'prices',
  );
  for (const sku of pick(500)) expected.add(`${conns[2]}|price|${sku}`);
  // Let the enqueuer see the price events (the disabled connection drops them).
  await new Promise((r) => setTimeout(r, 2000));

  const timings: number[] = [];
  const cpu0 = { hub: await hubCpuMs(b), db: await dbCpuMs(b) };
  let found = new Set<string>();
  let total = 0;
  for (let run = 0; run < 3; run++) {
    const t0 = performance.now();
    const r = await must(api(b, 'GET', '/api/channel-sync/audit?remote=true&limit=5000'), 'audit');
    timings.push(performance.now() - t0);
    found = new Set(
      (r.findings as Array<{ connectionId: string; kind: string; sku: string }>).map(
        (f) => `${f.connectionId}|${f.kind}|${f.sku}`,
      ),
    );
    const rows = r.connections as Array<{ connectionId: string; total: number; remote: unknown }>;
    total = rows.reduce((s, c) => s + c.total, 0);
    for (const c of rows)
      if (c.remote !== 'checked')
        b.log(`run ${run}: ${c.connectionId} read-back ${JSON.stringify(c.remote)}`);
  }
  const cpu1 = { hub: await hubCpuMs(b), db: await dbCpuMs(b) };
  const perAudit = (a: number | null, z: number | null) =>
    a === null || z === null ? null : Math.round((z - a) / 3);
  standIn.server.close();
  const missed = [...expected].filter((k) => !found.has(k));
  const extra = [...found].filter((k) => !expected.has(k));
  b.log(
    `audit: ${timings.map((t) => t.toFixed(0)).join(', ')} ms; missed ${missed.length}, extra ${extra.length}`,
  );
  const value = Math.round(Math.max(...timings));
  return {
    metric: 'audit_ms',
    value,
    unit: 'ms',
    p50_ms: Math.round([...timings].sort((a, c) => a - c)[1]!),
    p99_ms: value,
    correct: missed.length === 0 && extra.length === 0,
    target: { op: '<=', value: 5000, unit: 'ms', met: value <= 5000 },
    details: {
      skus: skuCount,
      connections: CONNECTIONS,
      injected: expected.size,
      findings: total,
      missed: missed.slice(0, 5),
      extra: extra.slice(0, 5),
      auditMs: timings.map(Math.round),
      // CPU per audit (mean of 3, read-back included): the hub's processes and its PostgreSQL backends.
      hubCpuMsPerAudit: perAudit(cpu0.hub, cpu1.hub),
      postgresCpuMsPerAudit: perAudit(cpu0.db, cpu1.db),
      fullPushSeconds: Math.round(pushSeconds * 10) / 10,
    },
  };
};

export default scenario;
