// A hub in this process on a fresh PostgreSQL database (or a fresh PGlite directory), for the benches
// that count or profile what the hub asks of its database (the statements are seen by wrapping this
// process's pg client, or PGlite's protocol calls).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { HubConfig } from '../src/platform/config.js';

export interface InProcessHubOptions {
  adminKey: string;
  /** Connections of the hub's pool (a waiting query would be counted in another request's context). */
  poolSize?: number;
  /** Settings over loadConfig({}) (port, demo, database and NATS are set here). */
  config?: Partial<HubConfig>;
  /** The embedded database in a fresh temporary directory instead of PostgreSQL. */
  pglite?: boolean;
}

export async function startInProcessHub(options: InProcessHubOptions) {
  const { createHub } = await import('../src/app.js');
  const { loadConfig } = await import('../src/platform/config.js');
  const { openDatabase } = await import('../src/platform/db/database.js');
  const { createFreshPostgresDatabase } = await import('../src/platform/testing/test-databases.js');
  const pino = (await import('pino')).default;
  const store = options.pglite
    ? freshPgliteDirectory()
    : await createFreshPostgresDatabase(
        process.env.BENCH_DATABASE_URL ??
          process.env.TEST_DATABASE_URL ??
          'postgres://postgres@127.0.0.1:5432/test',
      );
  const database =
    'dataDir' in store
      ? await openDatabase({ dataDir: store.dataDir })
      : await openDatabase({ databaseUrl: store.url, poolSize: options.poolSize ?? 20 });
  const { adminKey } = options;
  const hub = await createHub({
    config: {
      ...loadConfig({}),
      ...options.config,
      port: 0,
      adminKey,
      demo: false,
      ...('dataDir' in store
        ? { dataDir: store.dataDir, databaseUrl: undefined }
        : { databaseUrl: store.url }),
      natsUrl: undefined,
    },
    log: pino({ level: 'silent' }),
    database,
  });
  return {
    hub,
    adminKey,
    database,
    databaseUrl: 'url' in store ? store.url : undefined,
    /** Closes the hub and its database, then drops it (KEEP=1 keeps it, printing where it is). */
    async close() {
      await hub.close();
      await database.close();
      if (process.env.KEEP) console.log(`kept ${'url' in store ? store.url : store.dataDir}`);
      else await store.drop();
    },
  };
}

function freshPgliteDirectory() {
  const dataDir = mkdtempSync(join(tmpdir(), 'omnihub-bench-'));
  return { dataDir, drop: async () => rmSync(dataDir, { recursive: true, force: true }) };
}
