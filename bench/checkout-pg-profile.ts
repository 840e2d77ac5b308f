// Where PostgreSQL's work per order goes in the checkout scenario (cart, 3 lines, pickup, checkout and
// pay), against an in-process hub on a fresh database: per statement its count per order, backend
// CPU (from /proc schedstat around it), and for one execution of each an EXPLAIN (ANALYZE, BUFFERS,
// WAL) run in a rolled-back transaction (time, rows, buffers, WAL, triggers); then rows written per
// table and indexes (pg_stat_user_tables), the events per order, backend CPU and WAL per order.
// `npx tsx bench/checkout-pg-profile.ts [orders] [concurrency]` (TEST_DATABASE_URL). A diagnosis aid,
// not a scenario; the numbers are for bench/checkout-limit.md.
import type pg from 'pg';
import { keepAliveJsonClient } from './harness.js';
import {
  backendsCpuMs,
  maxEventPosition,
  printEventsSince,
  printRowsWritten,
  profileStatements,
  type StatementEntry,
  settle,
  startProfiledHub,
  tableCounts,
  walBytesBetween,
  walLsn,
} from './pg-statement-profile.js';
import { customer, hubEnv, setUp } from './scenarios/checkout.js';

const orders = Number(process.argv[2] ?? 300);
const concurrency = Number(process.argv[3] ?? 10);
// The execution of each statement that is explained (the earlier ones warm the caches).
const explainAt = Number(process.env.EXPLAIN_AT ?? 20);
const profiled = await startProfiledHub({
  adminKey: 'ohk_bench_checkout_profile_admin_key_00000',
  config: { paymentProviders: hubEnv.OMNIHUB_PAYMENT_PROVIDERS.split(',') },
});
const { admin, baseUrl } = profiled;
const setup = await setUp(profiled.bench);

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
const sumPlan = (plan: Record<string, unknown>, key: string) => Number(plan[key] ?? 0);
async function explain(client: pg.Client, text: string, values: unknown[] | undefined): Promise<Explained> {
  await client.query('begin');
  try {
    await client.query("set local lock_timeout = '2s'");
    const r = await client.query<{ 'QUERY PLAN': unknown }>({
      text: `explain (analyze, buffers, wal, format json) ${text}`,
      values: values ?? [],
    });
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
    await client.query('rollback');
  }
}
const profile = profileStatements<Explained>(admin, {
  keyLength: 100,
  // Statements inside a transaction are not explained apart: their locks would wait.
  shouldExplain: (key, n, inTransaction) =>
    n === explainAt && !inTransaction && /^(select|insert|update|delete|with)/i.test(key),
  async explain(_key, text, values, entry: StatementEntry<Explained>) {
    entry.explained = await explain(admin, text, values);
  },
});

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
const t0 = await tableCounts(admin);
const evMax = await maxEventPosition(admin);
const lsn0 = await walLsn(admin);
const cpu0 = await backendsCpuMs(admin);
profile.start();
const started = performance.now();
const placed = await run(1_000_000 + orders);
const seconds = (performance.now() - started) / 1000;
await settle(3000); // background consumers catch up
profile.stop();
const cpu1 = await backendsCpuMs(admin);
const lsn1 = await walLsn(admin);
const wal = await walBytesBetween(admin, lsn0, lsn1);
await settle(1200); // backends flush their table counters when idle
await admin.query('select pg_stat_clear_snapshot()');
const t1 = await tableCounts(admin);
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
for (const h of profile.histogram.values()) {
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
for (const [sql, h] of [...profile.histogram].sort((a, z) => z[1].cpuUs - a[1].cpuUs).slice(0, 30)) {
  const e = h.explained;
  console.log(
    `| ${per(h.n)} | ${Math.round(h.cpuUs / placed)} | ${Math.round(h.cpuUs / Math.max(1, h.n - (e ? 1 : 0)))} | ${
      e ? e.ms.toFixed(3) : '–'
    } | ${e ? e.rows : '–'} | ${e ? `${e.hit}/${e.dirtied}` : '–'} | ${e ? `${e.walRecords}/${e.walBytes}` : '–'} | \`${sql.slice(0, 70)}\` | ${e?.triggers ?? ''} |`,
  );
}
printRowsWritten(t0, t1, per, 'order');
await printEventsSince(admin, evMax, per, 'order');
client.close();
await profiled.close();
process.exit(0);
