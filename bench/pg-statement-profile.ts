// What the diagnosis scripts (bench/*-pg-profile.ts) share: an in-process hub on a fresh PostgreSQL
// database with an admin client beside it, a wrapper of pg.Client.prototype.query that counts the hub's
// statements by text with each backend's CPU around them (and can EXPLAIN one execution in a rolled-back
// transaction first), and snapshots of table writes, WAL position and backend CPU around a window.
import { readFileSync } from 'node:fs';
import pg from 'pg';
import type { BenchContext } from './harness.js';
import { type InProcessHubOptions, startInProcessHub } from './in-process-hub.js';

export async function startProfiledHub(options: InProcessHubOptions) {
  const started = await startInProcessHub(options);
  const baseUrl = await started.hub.http.listen({ port: 0, host: '127.0.0.1' });
  const admin = new pg.Client({ connectionString: started.databaseUrl });
  await admin.connect();
  const bench = {
    db: 'postgres',
    baseUrl,
    adminKey: options.adminKey,
    args: {},
    databaseUrl: started.databaseUrl,
    log: console.log,
  } as unknown as BenchContext;
  return {
    hub: started.hub,
    baseUrl,
    databaseUrl: started.databaseUrl,
    admin,
    bench,
    async close() {
      await admin.end();
      await started.close();
    },
  };
}

export interface StatementEntry<X = never> {
  n: number;
  /** Wall time of the timed executions (the explained one is not timed). */
  ms: number;
  /** The backend's CPU over the timed executions. */
  cpuUs: number;
  explained?: X;
}

export interface ProfileOptions<X> {
  /** Characters of the whitespace-collapsed text that key a statement. */
  keyLength?: number;
  /** Whether this (n-th) execution is first run under EXPLAIN by `explain`; inTransaction: the client is
   * inside BEGIN … COMMIT (explaining apart would wait for its locks). */
  shouldExplain?(key: string, n: number, inTransaction: boolean): boolean;
  explain?(key: string, text: string, values: unknown[] | undefined, entry: StatementEntry<X>): Promise<void>;
}

// pg.Client.query is overloaded (promise or callback): wrapped untyped, passed through as called.
type AnyQuery = (this: { processID?: number }, ...args: unknown[]) => unknown;

/** A backend's CPU time in ns (/proc/<pid>/schedstat): each client runs one statement at a time, so the
 * difference around a statement is that statement's CPU on the server (its commit's WAL flush included). */
export function backendRuntimeNs(pid: number): number {
  try {
    return Number(readFileSync(`/proc/${pid}/schedstat`, 'utf8').split(' ')[0]);
  } catch {
    return Number.NaN;
  }
}

/** Counts the statements of every pg client but `admin` between start() and stop(). */
export function profileStatements<X = never>(admin: pg.Client, options: ProfileOptions<X> = {}) {
  const histogram = new Map<string, StatementEntry<X>>();
  const proto = pg.Client.prototype as unknown as { query: AnyQuery };
  const original = proto.query;
  const inTransaction = new WeakSet<object>();
  const keyLength = options.keyLength ?? 90;
  const wrapped = function (this: { processID?: number }, ...args: unknown[]) {
    if (this === (admin as unknown)) return original.apply(this, args);
    const text = typeof args[0] === 'string' ? args[0] : ((args[0] as { text?: string })?.text ?? '');
    const key = text.replace(/\s+/g, ' ').trim().slice(0, keyLength);
    if (/^begin/i.test(key)) inTransaction.add(this);
    if (/^(commit|rollback)/i.test(key)) inTransaction.delete(this);
    const h = histogram.get(key) ?? { n: 0, ms: 0, cpuUs: 0 };
    h.n++;
    histogram.set(key, h);
    const last = args[args.length - 1];
    if (options.explain && options.shouldExplain?.(key, h.n, inTransaction.has(this))) {
      const values =
        (args[0] as { values?: unknown[] })?.values ?? (Array.isArray(args[1]) ? args[1] : undefined);
      const p = options.explain(key, text, values, h).catch((err: Error) => {
        console.log(`explain failed: ${err.message}: ${key}`);
      });
      if (typeof last === 'function') {
        void p.then(() => original.apply(this, args));
        return undefined;
      }
      return p.then(() => original.apply(this, args));
    }
    const t0 = performance.now();
    const pid = this.processID;
    const c0 = pid ? backendRuntimeNs(pid) : Number.NaN;
    const done = () => {
      h.ms += performance.now() - t0;
      const c1 = pid ? backendRuntimeNs(pid) : Number.NaN;
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
  return {
    histogram,
    start() {
      proto.query = wrapped;
    },
    stop() {
      proto.query = original;
    },
  };
}

export interface TableCounts {
  relname: string;
  ins: string;
  upd: string;
  hot: string;
  del: string;
  idx: string;
  /** Partial indexes: only the rows their predicate matches get an entry. */
  partial: string;
  heap_bytes: string;
  idx_bytes: string;
}

/**
 * Rows inserted/updated (HOT)/deleted so far per table (pg_stat_user_tables), with its index count
 * (partial ones apart) and the sizes of its heap and indexes.
 */
export async function tableCounts(admin: pg.Client): Promise<Map<string, TableCounts>> {
  const r = await admin.query<TableCounts>(
    `select relname, n_tup_ins ins, n_tup_upd upd, n_tup_hot_upd hot, n_tup_del del,
       (select count(*) from pg_index i where i.indrelid = relid and i.indpred is null) idx,
       (select count(*) from pg_index i where i.indrelid = relid and i.indpred is not null) partial,
       pg_relation_size(relid) heap_bytes, pg_indexes_size(relid) idx_bytes from pg_stat_user_tables`,
  );
  return new Map(r.rows.map((row) => [row.relname, row]));
}

/** CPU so far of the database's other backends (the hub's connections). */
export async function backendsCpuMs(admin: pg.Client): Promise<number> {
  const r = await admin.query<{ pid: number }>(
    'select pid from pg_stat_activity where datname = current_database() and pid <> pg_backend_pid()',
  );
  let ns = 0;
  for (const { pid } of r.rows) ns += backendRuntimeNs(pid) || 0;
  return ns / 1e6;
}

export async function walLsn(admin: pg.Client): Promise<string> {
  return (await admin.query<{ l: string }>('select pg_current_wal_lsn()::text l')).rows[0]!.l;
}

export async function walBytesBetween(admin: pg.Client, from: string, to: string): Promise<number> {
  const r = await admin.query<{ d: string }>('select pg_wal_lsn_diff($1, $2)::text d', [to, from]);
  return Number(r.rows[0]!.d);
}

export async function maxEventPosition(admin: pg.Client): Promise<string> {
  return (await admin.query<{ m: string }>('select coalesce(max(position), 0)::text m from events')).rows[0]!
    .m;
}

export const settle = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** "ins/upd(hot)/del per unit, indexes" for each table written between the two snapshots, most first. */
export function printRowsWritten(
  before: Map<string, TableCounts>,
  after: Map<string, TableCounts>,
  per: (x: number) => number,
  unit: string,
) {
  console.log(`\nrows written per ${unit} (ins/upd(hot)/del, indexes (+ partial), heap/index bytes grown):`);
  const written: Array<[string, number, string]> = [];
  for (const [name, r] of after) {
    const a = before.get(name);
    const d = (k: 'ins' | 'upd' | 'hot' | 'del' | 'heap_bytes' | 'idx_bytes') =>
      Number(r[k]) - Number(a?.[k] ?? 0);
    const w = d('ins') + d('upd') + d('del');
    if (w)
      written.push([
        name,
        w,
        `ins ${per(d('ins'))} upd ${per(d('upd'))}(${per(d('hot'))} hot) del ${per(d('del'))} idx ${r.idx}` +
          `${Number(r.partial) ? ` (+${r.partial} partial)` : ''} bytes ${Math.round(per(d('heap_bytes')))}/${Math.round(per(d('idx_bytes')))}`,
      ]);
  }
  for (const [name, , s] of written.sort((a, z) => z[1] - a[1])) console.log(`  ${name.padEnd(36)} ${s}`);
}

/** The events appended after `position`, by type: count per unit and mean payload size. */
export async function printEventsSince(
  admin: pg.Client,
  position: string,
  per: (x: number) => number,
  unit: string,
) {
  const r = await admin.query<{ type: string; n: string; b: string }>(
    `select type, count(*)::text n, sum(pg_column_size(payload))::text b from events where position > $1
     group by 1 order by 2 desc`,
    [position],
  );
  for (const row of r.rows)
    console.log(
      `  event ${row.type.padEnd(40)} ${per(Number(row.n))}/${unit}, payload ${Math.round(Number(row.b) / Number(row.n))} B`,
    );
}

/** EXPLAIN=<start of a statement>[|<another>]: its 40th execution is first run under EXPLAIN ANALYZE
 * (rolled back) and the plan printed. */
export function explainFromEnv(admin: pg.Client): ProfileOptions<never> {
  const prefixes = process.env.EXPLAIN?.split('|') ?? [];
  return {
    shouldExplain: (key, n) => n === 40 && prefixes.some((p) => key.startsWith(p)),
    async explain(key, text, values) {
      await admin.query('begin');
      try {
        const e = await admin.query({ text: `explain (analyze, buffers) ${text}`, values: values ?? [] });
        console.log(
          `\nEXPLAIN ${key}\n${e.rows.map((r: Record<string, string>) => r['QUERY PLAN']).join('\n')}`,
        );
      } finally {
        await admin.query('rollback');
      }
    },
  };
}

type ProfiledHub = Awaited<ReturnType<typeof startProfiledHub>>;

/** Runs `run` (returning the units it stored) under the statement profile and prints, per unit: backend
 * and in-process CPU, WAL, statements by PostgreSQL CPU, rows written per table, events and customer
 * events appended. */
export async function printUnitProfile(
  profiled: ProfiledHub,
  unit: { short: string; long: string },
  run: () => Promise<number>,
) {
  const { admin } = profiled;
  const profile = profileStatements(admin, explainFromEnv(admin));
  const customerEvents = async () =>
    Number((await admin.query<{ m: string }>('select count(*)::text m from customer_events')).rows[0]!.m);
  await admin.query('select pg_stat_clear_snapshot()');
  const t0 = await tableCounts(admin);
  const evMax = await maxEventPosition(admin);
  const ce0 = await customerEvents();
  const lsn0 = await walLsn(admin);
  const cpu0 = await backendsCpuMs(admin);
  const own0 = process.cpuUsage();
  profile.start();
  const started = performance.now();
  const stored = await run();
  const seconds = (performance.now() - started) / 1000;
  await settle(3000); // background consumers catch up
  profile.stop();
  const cpu1 = await backendsCpuMs(admin);
  const own1 = process.cpuUsage(own0);
  const lsn1 = await walLsn(admin);
  const wal = await walBytesBetween(admin, lsn0, lsn1);
  await admin.query('select pg_stat_clear_snapshot()');
  await settle(600); // backends flush their table counters at most every 500 ms when idle
  const t1 = await tableCounts(admin);
  const per = (x: number) => Math.round((x / stored) * 100) / 100;
  console.log(
    `stored ${stored} in ${seconds.toFixed(1)} s (${Math.round(stored / seconds)}/s); PG backends ${Math.round(((cpu1 - cpu0) * 1000) / stored)} us/${unit.short}; in-process hub+client ${Math.round((own1.user + own1.system) / stored)} us/${unit.short}; WAL ${Math.round(wal / stored)} B/${unit.short}`,
  );
  const entries = [...profile.histogram];
  const total = entries.reduce((sum, [, h]) => sum + h.n, 0);
  const cpuTotal = entries.reduce((sum, [, h]) => sum + h.cpuUs, 0);
  console.log(`statements per ${unit.long}: ${per(total)}`);
  const oid = await admin.query<{ o: string }>(
    'select oid::text o from pg_database where datname = current_database()',
  );
  console.log(`WAL range ${lsn0} ${lsn1} db ${oid.rows[0]!.o}`);
  console.log(
    `PG CPU attributed to statements: ${Math.round(cpuTotal / stored)} us/${unit.short} (count/${unit.short}, ms each, PG us/${unit.short})`,
  );
  for (const [sql, h] of entries.sort((a, z) => z[1].cpuUs - a[1].cpuUs).slice(0, 40)) {
    const cpu = Math.round(h.cpuUs / stored).toString();
    console.log(
      `${per(h.n).toFixed(2).padStart(6)} ${(h.ms / h.n).toFixed(1).padStart(6)}ms ${cpu.padStart(5)}us  ${sql}`,
    );
  }
  printRowsWritten(t0, t1, per, unit.long);
  await printEventsSince(admin, evMax, per, unit.short);
  console.log(`  customer_events rows: ${per((await customerEvents()) - ce0)}/${unit.short}`);
}
