// SQL round trips per imported row (or order): a small file imported into a second, in-process hub
// on a fresh PostgreSQL database whose pg client counts every statement, BEGIN/COMMIT and the
// background work the import sets off included. Counts do not depend on the machine's load.
import pg from 'pg';
import type { BenchContext } from './harness.js';

/** A call to the in-process hub: JSON bodies, or text with its content type. */
export type Inject = (
  method: string,
  path: string,
  body?: unknown,
  contentType?: string,
) => Promise<{ status: number; body: any }>;

export async function importRoundTrips(
  b: BenchContext,
  opts: {
    setUp: (call: Inject) => Promise<void>;
    path: string;
    contentType: string;
    file: string;
    /** Rows (or orders) in the file, the denominator. */
    units: number;
  },
): Promise<{ perUnit: number; statements: number; units: number; status: string } | null> {
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
  const database = await openDatabase({ databaseUrl: fresh.url });
  const adminKey = 'ohk_bench_import_roundtrip_key_00000000000';
  const hub = await createHub({
    config: { ...loadConfig({}), port: 0, adminKey, demo: false, databaseUrl: fresh.url, natsUrl: undefined },
    log: pino({ level: 'silent' }),
    database,
  });
  const call: Inject = async (method, path, body, contentType = 'application/json') => {
    const res = await hub.http.inject({
      method: method as 'GET',
      url: path,
      headers: { authorization: `Bearer ${adminKey}`, 'content-type': contentType },
      payload: typeof body === 'string' ? body : JSON.stringify(body ?? {}),
    });
    return { status: res.statusCode, body: res.body ? JSON.parse(res.body) : undefined };
  };
  const original = pg.Client.prototype.query;
  try {
    await opts.setUp(call);
    let statements = 0;
    (pg.Client.prototype as any).query = function (this: unknown, ...args: unknown[]) {
      statements++;
      return (original as any).apply(this, args);
    };
    const res = await call('POST', opts.path, opts.file, opts.contentType);
    // Let the consumers the import woke (webhooks, channel sync) run their reads.
    await new Promise((r) => setTimeout(r, 1000));
    pg.Client.prototype.query = original;
    return {
      perUnit: Math.round((statements / opts.units) * 100) / 100,
      statements,
      units: opts.units,
      status: `${res.status} ${res.body?.status ?? ''}`.trim(),
    };
  } finally {
    pg.Client.prototype.query = original;
    await hub.close();
    await database.close();
    await fresh.drop();
  }
}
