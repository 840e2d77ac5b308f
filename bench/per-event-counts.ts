// Load-independent counts for event scenarios (ingest, audience-live): an in-process hub on a fresh
// PostgreSQL database whose pg client counts every statement (BEGIN/COMMIT included), fed the
// scenario's own batches through Fastify's inject. Reports SQL round trips per event (request path
// and background together: consumers, the CDP worker) and this process's CPU per event, which is
// the hub's work plus its pg client's (PostgreSQL's own CPU is not in it).
import pg from 'pg';
import type { BenchContext } from './harness.js';

export interface PerEventCounts {
  events: number;
  sqlRoundTripsPerEvent: number;
  inProcessHubCpuMicrosPerEvent: number;
}

type Inject = (method: string, path: string, body: unknown, headers?: Record<string, string>) => Promise<any>;

export async function countPerEvent(
  b: BenchContext,
  run: (inject: Inject) => Promise<{
    /** Sends the measured events; resolves with how many were sent. */
    measured: () => Promise<number>;
    /** Checks the outcome after the hub settled (not counted). */
    check?: () => Promise<void>;
  }>,
  settle?: (hub: {
    cdp: {
      idle(): Promise<void>;
      consumer: { caughtUp(): Promise<void> };
      backfill: { caughtUp(): Promise<void> };
    };
  }) => Promise<void>,
): Promise<PerEventCounts | null> {
  if (b.db !== 'postgres') return null;
  const { createHub } = await import('../src/app.js');
  const { loadConfig } = await import('../src/platform/config.js');
  const { openDatabase } = await import('../src/platform/db/database.js');
  const { createFreshPostgresDatabase } = await import('../src/platform/testing/test-databases.js');
  const pino = (await import('pino')).default;
  const base =
    process.env.BENCH_DATABASE_URL ??
    process.env.TEST_DATABASE_URL ??
    'postgres://postgres@127.0.0.1:5432/test';
  const fresh = await createFreshPostgresDatabase(base);
  const database = await openDatabase({ databaseUrl: fresh.url, poolSize: 20 });
  const adminKey = 'ohk_bench_per_event_admin_key_0000000000000';
  const hub = await createHub({
    config: { ...loadConfig({}), port: 0, adminKey, demo: false, databaseUrl: fresh.url, natsUrl: undefined },
    log: pino({ level: 'silent' }),
    database,
  });
  const inject: Inject = async (method, path, body, headers = {}) => {
    const res = await hub.http.inject({
      method: method as 'GET',
      url: path,
      headers: { authorization: `Bearer ${adminKey}`, 'content-type': 'application/json', ...headers },
      payload: JSON.stringify(body),
    });
    return { status: res.statusCode, body: res.body ? JSON.parse(res.body) : undefined };
  };
  const original = pg.Client.prototype.query;
  let statements = 0;
  try {
    const { measured, check } = await run(inject);
    await settle?.(hub); // the set-up's own background work (e.g. a new audience's backfill) is not counted
    (pg.Client.prototype as any).query = function (this: unknown, ...args: unknown[]) {
      statements++;
      return (original as any).apply(this, args);
    };
    const cpu0 = process.cpuUsage();
    const events = await measured();
    await settle?.(hub);
    await new Promise((r) => setTimeout(r, 300)); // consumers' next poll after the last commit
    const cpu = process.cpuUsage(cpu0);
    pg.Client.prototype.query = original;
    await check?.();
    return {
      events,
      sqlRoundTripsPerEvent: Math.round((statements / Math.max(events, 1)) * 1000) / 1000,
      inProcessHubCpuMicrosPerEvent: Math.round((cpu.user + cpu.system) / Math.max(events, 1)),
    };
  } finally {
    pg.Client.prototype.query = original;
    await hub.close();
    await database.close();
    await fresh.drop();
  }
}
