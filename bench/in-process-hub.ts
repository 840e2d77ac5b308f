// A hub in this process on a fresh PostgreSQL database, for the benches that count or profile what the
// hub asks of PostgreSQL (the statements are seen by wrapping this process's pg client).
import type { HubConfig } from '../src/platform/config.js';

export interface InProcessHubOptions {
  adminKey: string;
  /** Connections of the hub's pool (a waiting query would be counted in another request's context). */
  poolSize?: number;
  /** Settings over loadConfig({}) (port, demo, database and NATS are set here). */
  config?: Partial<HubConfig>;
}

export async function startInProcessHub(options: InProcessHubOptions) {
  const { createHub } = await import('../src/app.js');
  const { loadConfig } = await import('../src/platform/config.js');
  const { openDatabase } = await import('../src/platform/db/database.js');
  const { createFreshPostgresDatabase } = await import('../src/platform/testing/test-databases.js');
  const pino = (await import('pino')).default;
  const fresh = await createFreshPostgresDatabase(
    process.env.BENCH_DATABASE_URL ??
      process.env.TEST_DATABASE_URL ??
      'postgres://postgres@127.0.0.1:5432/test',
  );
  const database = await openDatabase({ databaseUrl: fresh.url, poolSize: options.poolSize ?? 20 });
  const { adminKey } = options;
  const hub = await createHub({
    config: {
      ...loadConfig({}),
      ...options.config,
      port: 0,
      adminKey,
      demo: false,
      databaseUrl: fresh.url,
      natsUrl: undefined,
    },
    log: pino({ level: 'silent' }),
    database,
  });
  return {
    hub,
    adminKey,
    databaseUrl: fresh.url,
    /** Closes the hub and its pool, then drops the database (KEEP=1 keeps it, printing its URL). */
    async close() {
      await hub.close();
      await database.close();
      if (process.env.KEEP) console.log(`kept ${fresh.url}`);
      else await fresh.drop();
    },
  };
}
