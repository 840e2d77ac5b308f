// Where PostgreSQL's work per Segment event goes: the ingest scenario's batches (100 mixed events:
// anonymous page/track, identified track, identify linking the two) sent 8 at a time to an in-process
// hub on a fresh database, then per event: statements by text with PostgreSQL's CPU for each, rows
// written per table (pg_stat_user_tables), WAL bytes, backend CPU, and this process's CPU (hub and its
// pg client). `npx tsx bench/ingest-pg-profile.ts [batches] [warm batches]` (TEST_DATABASE_URL).
// EXPLAIN=<start of a statement> explains its 40th execution. A diagnosis aid, not a scenario.

import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import pg from 'pg';
import type { BenchContext } from './harness.js';
import { api } from './harness.js';

const batches = Number(process.argv[2] ?? 200);
// Batches sent before measuring: the bench's 1,500 batches meet each of its 10,000 people 15 times.
const warm = Number(process.argv[3] ?? 100);
const { createHub } = await import('../src/app.js');
const { loadConfig } = await import('../src/platform/config.js');
const { openDatabase } = await import('../src/platform/db/database.js');
const { createFreshPostgresDatabase } = await import('../src/platform/testing/test-databases.js');
const pino = (await import('pino')).default;
const fresh = await createFreshPostgresDatabase(
  process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test',
);
const database = await openDatabase({ databaseUrl: fresh.url, poolSize: 20 });
const adminKey = 'ohk_bench_ingest_profile_admin_key_0000000';
const hub = await createHub({
  config: { ...loadConfig({}), port: 0, adminKey, demo: false, databaseUrl: fresh.url, natsUrl: undefined },
  log: pino({ level: 'silent' }),
  database,
});
const baseUrl = await hub.http.listen({ port: 0, host: '127.0.0.1' });
const b = {
  db: 'postgres',
  baseUrl,
  adminKey,
  args: {},
  databaseUrl: fresh.url,
  log: console.log,
} as unknown as BenchContext;
const channel = await api<{ id: string }>(b, 'POST', '/api/channels', {
  code: 'profile-web',
  name: 'Profile webshop',
  type: 'web',
  currency: 'EUR',
  locales: ['en'],
});
const source = await api<{ writeKey: string }>(b, 'POST', '/api/customers/sources', {
  channelId: channel.body.id,
  name: 'profile',
});
const auth = `Basic ${Buffer.from(`${source.body.writeKey}:`).toString('base64')}`;
const admin = new pg.Client({ connectionString: fresh.url });
await admin.connect();
const histogram = new Map<string, { n: number; ms: number; cpuUs: number }>();
// pg.Client.query is overloaded (promise or callback): wrapped untyped, passed through as called.
type AnyQuery = (this: { processID?: number }, ...args: unknown[]) => unknown;
const original = pg.Client.prototype.query as unknown as AnyQuery;
const proto = pg.Client.prototype as unknown as { query: AnyQuery };
let counting = false;
// A backend's CPU time in ns (/proc/<pid>/schedstat): each client runs one statement at a time, so the
// difference around a statement is that statement's CPU on the server (its commit's WAL flush included).
const runtime = (pid: number) => {
  try {
    return Number(readFileSync(`/proc/${pid}/schedstat`, 'utf8').split(' ')[0]);
  } catch {
    return Number.NaN;
  }
};
proto.query = function (this: { processID?: number }, ...args: unknown[]) {
  if (!counting || this === (admin as unknown)) return original.apply(this, args);
  const text = typeof args[0] === 'string' ? args[0] : ((args[0] as { text?: string })?.text ?? '');
  const key = text.replace(/\s+/g, ' ').trim().slice(0, 90);
  const h = histogram.get(key) ?? { n: 0, ms: 0, cpuUs: 0 };
  h.n++;
  histogram.set(key, h);
  // EXPLAIN=<start of a statement>: its 40th execution is first run under EXPLAIN ANALYZE (rolled back).
  if (process.env.EXPLAIN && h.n === 40 && process.env.EXPLAIN.split('|').some((x) => key.startsWith(x))) {
    const values =
      (args[0] as { values?: unknown[] })?.values ?? (Array.isArray(args[1]) ? args[1] : undefined);
    const explain = async () => {
      await admin.query('begin');
      const e = await admin.query({
        text: `explain (analyze, buffers) ${text}`,
        values: values as unknown[],
      });
      await admin.query('rollback');
      console.log(
        `\nEXPLAIN ${key}\n${e.rows.map((r: Record<string, string>) => r['QUERY PLAN']).join('\n')}`,
      );
    };
    const p = explain().catch((err) => console.log('explain failed', err));
    const last = args[args.length - 1];
    if (typeof last === 'function') {
      void p.then(() => original.apply(this, args));
      return undefined;
    }
    return p.then(() => original.apply(this, args));
  }
  const t0 = performance.now();
  const pid = this.processID;
  const c0 = pid ? runtime(pid) : Number.NaN;
  const done = () => {
    h.ms += performance.now() - t0;
    const c1 = pid ? runtime(pid) : Number.NaN;
    if (Number.isFinite(c1 - c0)) h.cpuUs += (c1 - c0) / 1000;
  };
  const last = args[args.length - 1];
  if (typeof last === 'function')
    args[args.length - 1] = (...a: unknown[]) => {
      done();
      return (last as (...x: unknown[]) => unknown)(...a);
    };
  const r = original.apply(this, args) as Promise<unknown> | undefined;
  if (r && typeof r.then === 'function') r.then(done, done);
  return r;
};
const tables = async () =>
  new Map(
    (
      await admin.query<{ relname: string; ins: string; upd: string; hot: string; del: string; idx: string }>(
        `select relname, n_tup_ins ins, n_tup_upd upd, n_tup_hot_upd hot, n_tup_del del,
           (select count(*) from pg_index i where i.indrelid = relid) idx from pg_stat_user_tables`,
      )
    ).rows.map((r) => [r.relname, r]),
  );
const backendsCpu = async () => {
  const r = await admin.query<{ pid: number }>(
    'select pid from pg_stat_activity where datname = current_database() and pid <> pg_backend_pid()',
  );
  let ticks = 0;
  for (const { pid } of r.rows) {
    try {
      const f = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
      ticks += Number(f[11]) + Number(f[12]);
    } catch {}
  }
  return ticks * 10;
};
const lsn = async () => (await admin.query<{ l: string }>('select pg_current_wal_lsn()::text l')).rows[0]!.l;
const settle = (ms: number) => new Promise((r) => setTimeout(r, ms));
const people = 10_000;
let counter = 0;
// The ingest scenario's mix (bench/scenarios/ingest.ts): each person anonymous for a while, then known
// by user id, then linked by an identify.
const makeBatch = () => {
  const batch = [];
  const sentAt = new Date().toISOString();
  for (let i = 0; i < 100; i++) {
    const n = counter++;
    const p = (n * 7919) % people;
    const roll = (i + Math.floor(n / people)) % 10;
    const base = { messageId: randomUUID(), timestamp: sentAt, context: { library: { name: 'bench' } } };
    if (roll < 6)
      batch.push(
        roll % 2 === 0
          ? {
              ...base,
              type: 'page',
              anonymousId: `anon-${p}`,
              name: 'Product',
              properties: { path: `/p/${i}` },
            }
          : {
              ...base,
              type: 'track',
              anonymousId: `anon-${p}`,
              event: 'Product Viewed',
              properties: { sku: `SKU-${i}` },
            },
      );
    else if (roll < 9)
      batch.push({
        ...base,
        type: 'track',
        userId: `user-${p}`,
        event: 'Product Added',
        properties: { sku: `SKU-${i}` },
      });
    else
      batch.push({
        ...base,
        type: 'identify',
        userId: `user-${p}`,
        anonymousId: `anon-${p}`,
        traits: { email: `person${p}@bench.example.com`, name: `Person ${p}` },
      });
  }
  return JSON.stringify({ batch, sentAt });
};
const send = async (body: string) => {
  const r = await fetch(`${baseUrl}/v1/batch`, {
    method: 'POST',
    headers: { authorization: auth, 'content-type': 'application/json' },
    body,
  });
  const j = (await r.json()) as { stored: number };
  if (r.status !== 200) throw new Error(`batch: ${r.status} ${JSON.stringify(j)}`);
  return j.stored;
};
const runBatches = async (count: number) => {
  const bodies = Array.from({ length: count }, makeBatch);
  let n = 0;
  const worker = async () => {
    for (let body = bodies.shift(); body; body = bodies.shift()) {
      const k = await send(body);
      n += k;
    }
  };
  await Promise.all(Array.from({ length: 8 }, worker));
  return n;
};
await runBatches(warm);
await settle(2000);
await admin.query('select pg_stat_clear_snapshot()');
const t0 = await tables();
const evMax = (await admin.query<{ m: string }>('select coalesce(max(position), 0)::text m from events'))
  .rows[0]!.m;
const ceMax = (await admin.query<{ m: string }>('select count(*)::text m from customer_events')).rows[0]!.m;
const lsn0 = await lsn();
const cpu0 = await backendsCpu();
const own0 = process.cpuUsage();
counting = true;
const started = performance.now();
const stored = await runBatches(batches);
const seconds = (performance.now() - started) / 1000;
await settle(3000); // background consumers catch up
counting = false;
const cpu1 = await backendsCpu();
const own1 = process.cpuUsage(own0);
const lsn1 = await lsn();
const wal = Number(
  (await admin.query<{ d: string }>(`select pg_wal_lsn_diff('${lsn1}', '${lsn0}')::text d`)).rows[0]!.d,
);
await admin.query('select pg_stat_clear_snapshot()');
await settle(600); // stats flushed by backends at most every 500 ms... idle
const t1 = await tables();
const per = (x: number) => Math.round((x / stored) * 100) / 100;
console.log(
  `stored ${stored} in ${seconds.toFixed(1)} s (${Math.round(stored / seconds)}/s); PG backends ${Math.round(((cpu1 - cpu0) * 1000) / stored)} us/event; in-process hub+client ${Math.round((own1.user + own1.system) / stored)} us/event; WAL ${Math.round(wal / stored)} B/event`,
);
let total = 0;
for (const h of histogram.values()) total += h.n;
console.log(`statements per event: ${per(total)}`);
console.log(
  `WAL range ${lsn0} ${lsn1} db ${(await admin.query<{ o: string }>('select oid::text o from pg_database where datname = current_database()')).rows[0]!.o}`,
);
let cpuTotal = 0;
for (const h of histogram.values()) cpuTotal += h.cpuUs;
console.log(
  `PG CPU attributed to statements: ${Math.round(cpuTotal / stored)} us/event (count/event, ms each, PG us/event)`,
);
for (const [sql, h] of [...histogram].sort((a, z) => z[1].cpuUs - a[1].cpuUs).slice(0, 40))
  console.log(
    `${per(h.n).toFixed(2).padStart(6)} ${(h.ms / h.n).toFixed(1).padStart(6)}ms ${Math.round(
      h.cpuUs / stored,
    )
      .toString()
      .padStart(5)}us  ${sql}`,
  );
console.log('\nrows written per event (ins/upd(hot)/del, indexes):');
const rows: Array<[string, number, string]> = [];
for (const [name, r] of t1) {
  const a = t0.get(name);
  const d = (k: 'ins' | 'upd' | 'hot' | 'del') => Number(r[k]) - Number(a?.[k] ?? 0);
  const w = d('ins') + d('upd') + d('del');
  if (w)
    rows.push([
      name,
      w,
      `ins ${per(d('ins'))} upd ${per(d('upd'))}(${per(d('hot'))} hot) del ${per(d('del'))} idx ${r.idx}`,
    ]);
}
for (const [name, , s] of rows.sort((a, z) => z[1] - a[1])) console.log(`  ${name.padEnd(36)} ${s}`);
for (const r of (
  await admin.query<{ type: string; n: string; b: string }>(
    `select type, count(*)::text n, sum(pg_column_size(payload))::text b from events where position > $1 group by 1 order by 2 desc`,
    [evMax],
  )
).rows)
  console.log(
    `  event ${r.type.padEnd(40)} ${per(Number(r.n))}/event, payload ${Math.round(Number(r.b) / Number(r.n))} B`,
  );
console.log(
  `  customer_events rows: ${per(((await admin.query<{ m: string }>('select count(*)::text m from customer_events')).rows[0]!.m as unknown as number) - Number(ceMax))}/event`,
);
proto.query = original;
await admin.end();
await hub.close();
await database.close();
if (process.env.KEEP) console.log(`kept ${fresh.url}`);
else await fresh.drop();
process.exit(0);
