// Where PostgreSQL's work per order goes in the checkout scenario (cart, 3 lines, pickup, checkout and
// pay), against an in-process hub on a fresh database: per statement its count per order, backend
// CPU (from /proc schedstat around it), and for one execution of each an EXPLAIN (ANALYZE, BUFFERS,
// WAL) run in a rolled-back transaction (time, rows, buffers, WAL, triggers); then rows written per
// table and indexes (pg_stat_user_tables), the events per order, backend CPU and WAL per order.
// `npx tsx bench/checkout-pg-profile.ts [orders] [concurrency]` (TEST_DATABASE_URL). A diagnosis aid,
// not a scenario; the numbers are for bench/checkout-limit.md.
import { readFileSync } from 'node:fs';
import pg from 'pg';
import { keepAliveJsonClient } from './harness.js';
import { customer, hubEnv, setUp } from './scenarios/checkout.js';

const orders = Number(process.argv[2] ?? 300);
const concurrency = Number(process.argv[3] ?? 10);
// The execution of each statement that is explained (the earlier ones warm the caches).
const explainAt = Number(process.env.EXPLAIN_AT ?? 20);
const { createHub } = await import('../src/app.js');
const { loadConfig } = await import('../src/platform/config.js');
const { openDatabase } = await import('../src/platform/db/database.js');
const { createFreshPostgresDatabase } = await import('../src/platform/testing/test-databases.js');
const pino = (await import('pino')).default;
const fresh = await createFreshPostgresDatabase(
  process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test',
);
const database = await openDatabase({ databaseUrl: fresh.url, poolSize: 20 });
const adminKey = 'ohk_bench_checkout_profile_admin_key_00000';
const hub = await createHub({
  config: {
    ...loadConfig({}),
    port: 0,
    adminKey,
    demo: false,
    databaseUrl: fresh.url,
    natsUrl: undefined,
    paymentProviders: hubEnv.OMNIHUB_PAYMENT_PROVIDERS.split(','),
  },
  log: pino({ level: 'silent' }),
  database,
});
const baseUrl = await hub.http.listen({ port: 0, host: '127.0.0.1' });
const setup = await setUp({ baseUrl, adminKey });
const admin = new pg.Client({ connectionString: fresh.url });
await admin.connect();
const adminClient = admin as unknown as { processID?: number };

interface Explained {
  ms: number;
  rows: number;
  hit: number;
  dirtied: number;
  written: number;
  walRecords: number;
  walBytes: number;
  triggers: string;
}
interface Entry {
  n: number;
  cpuUs: number;
  explained?: Explained;
}
const histogram = new Map<string, Entry>();
// pg.Client.query is overloaded (promise or callback): wrapped untyped, passed through as called.
type AnyQuery = (this: { processID?: number }, ...args: unknown[]) => unknown;
const original = pg.Client.prototype.query as unknown as AnyQuery;
const proto = pg.Client.prototype as unknown as { query: AnyQuery };
let counting = false;
// Clients inside BEGIN … COMMIT: their statements are not explained apart (their locks would wait).
const inTransaction = new WeakSet<object>();
const runtime = (pid: number) => {
  try {
    return Number(readFileSync(`/proc/${pid}/schedstat`, 'utf8').split(' ')[0]);
  } catch {
    return Number.NaN;
  }
};
const sumPlan = (plan: Record<string, unknown>, key: string) => Number(plan[key] ?? 0);
async function explain(text: string, values: unknown[] | undefined): Promise<Explained> {
  await original.call(adminClient, 'begin');
  try {
    await original.call(adminClient, "set local lock_timeout = '2s'");
    const r = (await original.call(adminClient, {
      text: `explain (analyze, buffers, wal, format json) ${text}`,
      values,
    })) as { rows: Array<{ 'QUERY PLAN': unknown }> };
    const top = (r.rows[0]!['QUERY PLAN'] as Array<Record<string, unknown>>)[0]!;
    // PLAN=<start of a statement>: its plan and text in full as well.
    if (process.env.PLAN && text.replace(/\s+/g, ' ').trim().startsWith(process.env.PLAN))
      console.log(`\n${text}\n${JSON.stringify(top, null, 1)}`);
    const plan = top.Plan as Record<string, unknown>;
    const triggers = (top.Triggers as Array<{ 'Trigger Name': string; Time: number }> | undefined) ?? [];
    return {
      ms: Number(top['Execution Time']),
      rows: sumPlan(plan, 'Actual Rows'),
      hit: sumPlan(plan, 'Shared Hit Blocks'),
      dirtied: sumPlan(plan, 'Shared Dirtied Blocks'),
      written: sumPlan(plan, 'Shared Written Blocks'),
      walRecords: sumPlan(plan, 'WAL Records'),
      walBytes: sumPlan(plan, 'WAL Bytes'),
      triggers: triggers.map((t) => `${t['Trigger Name']} ${t.Time.toFixed(2)}ms`).join(', '),
    };
  } finally {
    await original.call(adminClient, 'rollback');
  }
}
proto.query = function (this: { processID?: number }, ...args: unknown[]) {
  if (!counting || this === (admin as unknown)) return original.apply(this, args);
  const text = typeof args[0] === 'string' ? args[0] : ((args[0] as { text?: string })?.text ?? '');
  const key = text.replace(/\s+/g, ' ').trim().slice(0, 100);
  if (/^begin/i.test(key)) inTransaction.add(this);
  if (/^(commit|rollback)/i.test(key)) inTransaction.delete(this);
  const h = histogram.get(key) ?? { n: 0, cpuUs: 0 };
  h.n++;
  histogram.set(key, h);
  const values =
    (args[0] as { values?: unknown[] })?.values ?? (Array.isArray(args[1]) ? args[1] : undefined);
  const last = args[args.length - 1];
  if (h.n === explainAt && !inTransaction.has(this) && /^(select|insert|update|delete|with)/i.test(key)) {
    const p = explain(text, values).then(
      (e) => {
        h.explained = e;
      },
      (err: Error) => console.log(`explain failed: ${err.message}: ${key}`),
    );
    if (typeof last === 'function') {
      void p.then(() => original.apply(this, args));
      return undefined;
    }
    return p.then(() => original.apply(this, args));
  }
  const pid = this.processID;
  const c0 = pid ? runtime(pid) : Number.NaN;
  const done = () => {
    const c1 = pid ? runtime(pid) : Number.NaN;
    if (Number.isFinite(c1 - c0)) h.cpuUs += (c1 - c0) / 1000;
  };
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
const backendsCpuMs = async () => {
  const r = await admin.query<{ pid: number }>(
    'select pid from pg_stat_activity where datname = current_database() and pid <> pg_backend_pid()',
  );
  let ns = 0;
  for (const { pid } of r.rows) ns += runtime(pid) || 0;
  return ns / 1e6;
};
const lsn = async () => (await admin.query<{ l: string }>('select pg_current_wal_lsn()::text l')).rows[0]!.l;
const settle = (ms: number) => new Promise((r) => setTimeout(r, ms));

const client = keepAliveJsonClient(baseUrl, concurrency);
const auth = { authorization: `Bearer ${setup.key}` };
const call = (method: string, path: string, body: unknown, headers: Record<string, string> = {}) =>
  client.call(method, path, body, { ...auth, ...headers });
let next = 0;
const run = async (count: number) => {
  let placed = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < count) {
        const n = next++;
        if (await customer(call, setup.skus, setup.storeId, n)) placed++;
      }
    }),
  );
  return placed;
};
await run(concurrency * 4); // warm-up: JIT, caches, pool, prepared statements
next = 1_000_000;
await settle(2000);
const t0 = await tables();
const evMax = (await admin.query<{ m: string }>('select coalesce(max(position), 0)::text m from events'))
  .rows[0]!.m;
const lsn0 = await lsn();
const cpu0 = await backendsCpuMs();
counting = true;
const started = performance.now();
const placed = await run(1_000_000 + orders);
const seconds = (performance.now() - started) / 1000;
await settle(3000); // background consumers catch up
counting = false;
const cpu1 = await backendsCpuMs();
const lsn1 = await lsn();
const wal = Number(
  (await admin.query<{ d: string }>(`select pg_wal_lsn_diff('${lsn1}', '${lsn0}')::text d`)).rows[0]!.d,
);
await settle(1200); // backends flush their table counters when idle
await admin.query('select pg_stat_clear_snapshot()');
const t1 = await tables();
const per = (x: number) => Math.round((x / placed) * 100) / 100;
console.log(
  `${placed} orders in ${seconds.toFixed(1)} s at ${concurrency} customers; PostgreSQL backends ${(
    (cpu1 - cpu0) / placed
  ).toFixed(
    2,
  )} ms of CPU per order; WAL ${Math.round(wal / placed)} B per order (server-wide LSN: includes other databases' writes)`,
);
let total = 0;
let cpuTotal = 0;
let walExplained = 0;
for (const h of histogram.values()) {
  total += h.n;
  cpuTotal += h.cpuUs;
  if (h.explained) walExplained += (h.explained.walBytes * h.n) / placed;
}
console.log(
  `statements per order ${per(total)}; backend CPU attributed to them ${Math.round(cpuTotal / placed)} us per order; WAL of the explained statements x their count ${Math.round(walExplained)} B per order`,
);
console.log(
  '\n| per order | PG CPU µs/order | µs each | EXPLAIN ms | rows | buffers hit/dirtied | WAL records/bytes | statement | triggers |',
);
console.log('|---|---|---|---|---|---|---|---|---|');
for (const [sql, h] of [...histogram].sort((a, z) => z[1].cpuUs - a[1].cpuUs).slice(0, 30)) {
  const e = h.explained;
  console.log(
    `| ${per(h.n)} | ${Math.round(h.cpuUs / placed)} | ${Math.round(h.cpuUs / Math.max(1, h.n - (e ? 1 : 0)))} | ${
      e ? e.ms.toFixed(3) : '–'
    } | ${e ? e.rows : '–'} | ${e ? `${e.hit}/${e.dirtied}` : '–'} | ${e ? `${e.walRecords}/${e.walBytes}` : '–'} | \`${sql.slice(0, 70)}\` | ${e?.triggers ?? ''} |`,
  );
}
console.log('\nrows written per order (ins/upd(hot)/del, indexes):');
const written: Array<[string, number, string]> = [];
for (const [name, r] of t1) {
  const a = t0.get(name);
  const d = (k: 'ins' | 'upd' | 'hot' | 'del') => Number(r[k]) - Number(a?.[k] ?? 0);
  const w = d('ins') + d('upd') + d('del');
  if (w)
    written.push([
      name,
      w,
      `ins ${per(d('ins'))} upd ${per(d('upd'))}(${per(d('hot'))} hot) del ${per(d('del'))} idx ${r.idx}`,
    ]);
}
for (const [name, , s] of written.sort((a, z) => z[1] - a[1])) console.log(`  ${name.padEnd(36)} ${s}`);
for (const r of (
  await admin.query<{ type: string; n: string; b: string }>(
    `select type, count(*)::text n, sum(pg_column_size(payload))::text b from events where position > $1 group by 1 order by 2 desc`,
    [evMax],
  )
).rows)
  console.log(
    `  event ${r.type.padEnd(40)} ${per(Number(r.n))}/order, payload ${Math.round(Number(r.b) / Number(r.n))} B`,
  );
proto.query = original;
client.close();
await admin.end();
await hub.close();
await database.close();
await fresh.drop();
process.exit(0);
