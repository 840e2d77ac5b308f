// What the `omnihub` commands do with the hub's modules loaded: serve in one process, and the
// commands that open the database. src/cli.ts imports this at a command's first use, so a cluster's
// primary (which only supervises its workers) never loads the modules.

import {
  createHub,
  createLogger,
  createServices,
  migrateHubDatabase,
  openHubDatabase,
  prepareDatabase,
} from './app.js';
import type { ClusterStarted } from './cluster.js';
import { DEMO_PAYMENT_PROVIDERS } from './flows/demo/demo-channels.js';
import { loadDemoData } from './flows/demo/load-demo-data.flow.js';
import { systemClock } from './kernel/index.js';
import { mediaStorageFor } from './modules/media/index.js';
import { createApiKey, listApiKeys, revokeApiKey } from './platform/auth/api-keys.js';
import { type HubConfig, loadConfig } from './platform/config.js';
import { createContext } from './platform/context.js';
import { restoreEmbeddedDatabase, snapshotEmbeddedDatabase } from './platform/db/backup.js';
import { openDatabase } from './platform/db/database.js';
import { needsInitdb } from './platform/db/pglite-image.js';
import { startupMark } from './platform/startup-trace.js';

export { serveClusterWorker } from './cluster-worker.js';

export async function withDatabase<T>(fn: (ctx: ReturnType<typeof createContext>) => Promise<T>): Promise<T> {
  const config = loadConfig();
  const database = await openHubDatabase(config);
  try {
    await migrateHubDatabase(database);
    return await fn(createContext(database, { clock: systemClock, log: createLogger('warn') }));
  } finally {
    await database.close();
  }
}

/** `serve` in this one process; a SIGTERM stops it gracefully within `stopDeadlineMs`. */
export async function serveOneProcess(
  config: HubConfig,
  opts: { stopDeadlineMs: number; started: (s: ClusterStarted) => void },
): Promise<void> {
  // A first start with the demo data on the embedded database seeds it in a PGlite of its own,
  // closed before serving: seeding grows PGlite's WebAssembly memory, which it never gives back.
  startupMark('modules loaded');
  const prepared =
    !config.databaseUrl && config.demo && needsInitdb(config.dataDir)
      ? await prepareDatabase(config, createLogger(config.logLevel))
      : undefined;
  const hub = await createHub({
    config,
    backgroundAfterListen: true,
    ...(prepared ? { prepared: true } : {}),
  });
  const address = await hub.listen();
  opts.started({
    address,
    describe: hub.database.describe,
    paymentProviders: hub.paymentProviders,
    preparation: prepared ?? hub,
  });
  // Graceful stop: no new connections, requests in flight finish, consumers save their cursors,
  // pools close. Past the deadline the process exits anyway (a process manager's SIGKILL usually
  // follows at 10 s); a second signal exits at once.
  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) process.exit(1);
    stopping = true;
    hub.log.info({ signal }, 'shutting down');
    const deadline = setTimeout(() => {
      hub.log.error({ signal }, `not stopped within ${opts.stopDeadlineMs} ms: exiting`);
      process.exit(1);
    }, opts.stopDeadlineMs);
    deadline.unref();
    try {
      await hub.close();
      hub.log.info({ signal }, 'stopped');
      process.exit(0);
    } catch (err) {
      hub.log.error({ err, signal }, 'stopping failed');
      process.exit(1);
    }
  };
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));
}

export async function loadDemo(force: boolean): Promise<void> {
  await withDatabase(async (ctx) => {
    // The demo's orders are paid with its own stand-in providers (test card, till cash).
    const config = loadConfig();
    const paymentProviders = config.paymentProviders ?? DEMO_PAYMENT_PROVIDERS;
    const services = createServices({ paymentProviders, mediaStorage: mediaStorageFor(config.dataDir) });
    const r = await loadDemoData(ctx, services, { force });
    console.log(
      r.loaded
        ? `demo data loaded: ${JSON.stringify(r.summary)}`
        : 'demo data was already loaded (use --force)',
    );
  });
}

export const createKey = (input: Parameters<typeof createApiKey>[1]) =>
  withDatabase(async (ctx) => {
    const r = await createApiKey(ctx, input);
    return { ...r.key, secret: r.secret };
  });

export const listKeys = () => withDatabase((ctx) => listApiKeys(ctx.db));

export const revokeKey = (id: string) => withDatabase((ctx) => revokeApiKey(ctx, id));

/** A snapshot of the embedded database of OMNIHUB_DATA_DIR (the hub stopped). */
export async function backupEmbedded(): Promise<Uint8Array> {
  const config = loadConfig();
  if (config.databaseUrl) throw new Error('DATABASE_URL is a PostgreSQL server: back it up with pg_dump');
  const database = await openDatabase({ dataDir: config.dataDir });
  try {
    return await snapshotEmbeddedDatabase(database);
  } finally {
    await database.close();
  }
}

export { restoreEmbeddedDatabase };
