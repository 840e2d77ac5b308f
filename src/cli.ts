// The `omnihub` command: serve, migrate, keys (create/list/revoke), demo, backup/restore, imports.
import { readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { Command } from 'commander';
import {
  ALL_MIGRATIONS,
  createHub,
  createLogger,
  createServices,
  HUB_VERSION,
  openHubDatabase,
  prepareDatabase,
} from './app.js';
import { addImportCommands } from './cli-import.js';
import { type ClusterStarted, isClusterWorker, serveClusterPrimary, serveClusterWorker } from './cluster.js';
import { DEMO_PAYMENT_PROVIDERS } from './flows/demo/demo-channels.js';
import { loadDemoData } from './flows/demo/load-demo-data.flow.js';
import { systemClock } from './kernel/index.js';
import { mediaStorageFor } from './modules/media/index.js';
import { createApiKey, listApiKeys, revokeApiKey } from './platform/auth/api-keys.js';
import { loadConfig } from './platform/config.js';
import { createContext } from './platform/context.js';
import { restoreEmbeddedDatabase, snapshotEmbeddedDatabase } from './platform/db/backup.js';
import { openDatabase } from './platform/db/database.js';
import { runMigrations } from './platform/db/migrate.js';
import { needsInitdb } from './platform/db/pglite-image.js';

/** Within this, a SIGTERM has stopped the hub (below a process manager's usual 10 s grace). */
const STOP_DEADLINE_MS = 9_000;

const program = new Command('omnihub')
  .description('Omnihub, the omnichannel commerce hub')
  .version(HUB_VERSION);

async function withDatabase<T>(fn: (ctx: ReturnType<typeof createContext>) => Promise<T>): Promise<T> {
  const config = loadConfig();
  const database = await openHubDatabase(config);
  try {
    await runMigrations(database, ALL_MIGRATIONS);
    return await fn(createContext(database, { clock: systemClock, log: createLogger('warn') }));
  } finally {
    await database.close();
  }
}

/** What `serve` prints once listening: where everything is, and what was created (shown once). */
function startBanner(s: ClusterStarted & { natsUrl: string | undefined; workers: number }): string {
  const base = s.address.replace('[::1]', 'localhost');
  const prep = s.preparation;
  const lines = [
    '',
    `  Omnihub ${HUB_VERSION} is running on ${s.describe}${s.natsUrl ? ` with NATS at ${s.natsUrl}` : ''}${s.workers > 1 ? ` in ${s.workers} worker processes` : ''}`,
    '',
    `  API        ${base}/api`,
    `  API docs   ${base}/docs   (OpenAPI: ${base}/openapi.json)`,
    `  Health     ${base}/health · ${base}/ready · ${base}/metrics`,
  ];
  if (prep.demoLoaded) lines.push('', '  Demo data  loaded: Fjord & Field (demo), a fictional retailer');
  const payments = s.paymentProviders;
  lines.push(
    '',
    `  Payments   ${payments.names.join(', ')}${payments.source === 'demo' ? ' (demo: test is a stand-in card that approves anything; set OMNIHUB_PAYMENT_PROVIDERS for production)' : ''}`,
  );
  lines.push('', `  Admin      ${base}/admin`);
  for (const k of prep.demoAppKeys) {
    const label = k.app === 'store' ? 'Storefront' : 'Till      ';
    // The storefront's page carries its channel's publishable key: no key in its link.
    lines.push(`  ${label} ${base}/${k.app}/${k.channelCode}${k.app === 'store' ? '' : `?key=${k.secret}`}`);
  }
  if (prep.demoAppKeys.length) lines.push('             (demo app keys: shown once, bound to their channel)');
  if (prep.demoStaff.length) {
    lines.push('', '  Staff      demo accounts (email / password, shown once):');
    for (const m of prep.demoStaff)
      lines.push(`             ${m.email} / ${m.password}  ${m.role}${m.store ? ` at ${m.store}` : ''}`);
  }
  if (prep.bootstrapKey) {
    lines.push(
      '',
      prep.bootstrapKey.generated
        ? `  Admin key  ${prep.bootstrapKey.secret}\n             (shown once: store it; it is saved only as a hash)`
        : '  Admin key  the one given in OMNIHUB_ADMIN_KEY',
    );
  }
  lines.push('', `  Try:  curl -H "Authorization: Bearer <admin key>" ${base}/api/channels`, '');
  return `${lines.join('\n')}\n`;
}

program
  .command('serve', { isDefault: true })
  .description(
    'run the hub (PORT, HOST, OMNIHUB_DATA_DIR, DATABASE_URL, NATS_URL, OMNIHUB_ADMIN_KEY, OMNIHUB_DEMO, OMNIHUB_PAYMENT_PROVIDERS, OMNIHUB_WORKERS)',
  )
  .option(
    '--workers <n>',
    'hub processes serving one port (OMNIHUB_WORKERS; default: the number of cores on PostgreSQL from 4 cores up, else 1; 1 on the embedded database)',
  )
  .action(async (opts: { workers?: string }) => {
    const config = loadConfig(opts.workers ? { ...process.env, OMNIHUB_WORKERS: opts.workers } : process.env);
    if (isClusterWorker()) return serveClusterWorker(config);
    const print = (s: ClusterStarted) =>
      process.stdout.write(startBanner({ ...s, natsUrl: config.natsUrl, workers: config.workers }));
    if (config.workers > 1)
      return serveClusterPrimary(config, { stopDeadlineMs: STOP_DEADLINE_MS, started: print });
    // A first start with the demo data on the embedded database seeds it in a PGlite of its own,
    // closed before serving: seeding grows PGlite's WebAssembly memory, which it never gives back.
    const prepared =
      !config.databaseUrl && config.demo && needsInitdb(config.dataDir)
        ? await prepareDatabase(config, createLogger(config.logLevel))
        : undefined;
    const hub = await createHub({ config, ...(prepared ? { prepared: true } : {}) });
    const address = await hub.listen();
    print({
      address,
      describe: hub.database.describe,
      paymentProviders: hub.paymentProviders,
      preparation: prepared ?? hub,
    });
    // Graceful stop: no new connections, requests in flight finish, consumers save their cursors,
    // pools close. Past STOP_DEADLINE_MS the process exits anyway (a process manager's SIGKILL
    // usually follows at 10 s); a second signal exits at once.
    let stopping = false;
    const stop = async (signal: string) => {
      if (stopping) process.exit(1);
      stopping = true;
      hub.log.info({ signal }, 'shutting down');
      const deadline = setTimeout(() => {
        hub.log.error({ signal }, `not stopped within ${STOP_DEADLINE_MS} ms: exiting`);
        process.exit(1);
      }, STOP_DEADLINE_MS);
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
  });

program
  .command('migrate')
  .description('apply database migrations and exit')
  .action(async () => {
    await withDatabase(async () => {});
    console.log('migrations applied');
  });

program
  .command('demo')
  .description('load the demo retailer (again, with --force)')
  .option('--force', 'load even if demo data was loaded before')
  .action(async (o: { force?: boolean }) => {
    await withDatabase(async (ctx) => {
      // The demo's orders are paid with its own stand-in providers (test card, till cash).
      const config = loadConfig();
      const paymentProviders = config.paymentProviders ?? DEMO_PAYMENT_PROVIDERS;
      const services = createServices({ paymentProviders, mediaStorage: mediaStorageFor(config.dataDir) });
      const r = await loadDemoData(ctx, services, { force: !!o.force });
      console.log(
        r.loaded
          ? `demo data loaded: ${JSON.stringify(r.summary)}`
          : 'demo data was already loaded (use --force)',
      );
    });
  });

const keys = program
  .command('keys')
  .description('manage API keys (directly on the database; on PGlite, stop the hub first or use --url)');

interface RemoteOpts {
  url?: string;
  key?: string;
}
const remoteOptions = (c: Command) =>
  c
    .option('--url <url>', 'talk to a running hub over HTTP instead of opening the database')
    .option('--key <key>', 'admin key for --url (or OMNIHUB_KEY)');

// biome-ignore lint/suspicious/noExplicitAny: JSON from our own API, printed as is
async function remote(o: RemoteOpts, method: string, path: string, body?: unknown): Promise<any> {
  const key = o.key ?? process.env.OMNIHUB_KEY;
  if (!key) throw new Error('--key (or OMNIHUB_KEY) is required with --url');
  const res = await fetch(new URL(path, o.url), {
    method,
    headers: { authorization: `Bearer ${key}`, ...(body ? { 'content-type': 'application/json' } : {}) },
    ...(body ? { body: JSON.stringify(body) } : {}),
  });
  // biome-ignore lint/suspicious/noExplicitAny: problem+json or a resource
  const json = (await res.json()) as any;
  if (!res.ok) throw new Error(`${res.status}: ${json.detail ?? JSON.stringify(json)}`);
  return json;
}

remoteOptions(
  keys
    .command('create')
    .description('create a key; its secret is printed once')
    .requiredOption('--name <name>')
    .option('--scopes <list>', 'comma-separated, e.g. admin or catalog:write,orders:read', 'admin')
    .option('--channel <id>', 'bind the key to one channel'),
).action(async (o: RemoteOpts & { name: string; scopes: string; channel?: string }) => {
  const input = {
    name: o.name,
    scopes: o.scopes.split(',').map((s) => s.trim()),
    channelId: o.channel ?? null,
  };
  const created = o.url
    ? await remote(o, 'POST', '/api/keys', input)
    : await withDatabase(async (ctx) => {
        const r = await createApiKey(ctx, input);
        return { ...r.key, secret: r.secret };
      });
  console.log(`${created.id}  ${created.name}  [${created.scopes.join(',')}]`);
  console.log(`secret (shown once): ${created.secret}`);
});

remoteOptions(keys.command('list').description('list keys (never their secrets)')).action(
  async (o: RemoteOpts) => {
    const items = o.url
      ? (await remote(o, 'GET', '/api/keys')).items
      : await withDatabase((ctx) => listApiKeys(ctx.db));
    for (const k of items) {
      console.log(
        `${k.id}  ${k.prefix}…  ${k.name}  [${k.scopes.join(',')}]${k.channelId ? ` channel=${k.channelId}` : ''}${k.revokedAt ? '  REVOKED' : ''}`,
      );
    }
  },
);

remoteOptions(keys.command('revoke <id>').description('revoke a key')).action(
  async (id: string, o: RemoteOpts) => {
    if (o.url) await remote(o, 'DELETE', `/api/keys/${id}`);
    else await withDatabase((ctx) => revokeApiKey(ctx, id));
    console.log(`revoked ${id}`);
  },
);

remoteOptions(
  program
    .command('backup')
    .description(
      'write a consistent snapshot of the embedded database (PGlite) to a file; with --url from a running hub, else from OMNIHUB_DATA_DIR with the hub stopped. On PostgreSQL use pg_dump',
    )
    .option('--out <file>', 'where to write the .tar.gz', 'omnihub-backup.tar.gz'),
).action(async (o: RemoteOpts & { out: string }) => {
  let snapshot: Uint8Array;
  if (o.url) {
    const key = o.key ?? process.env.OMNIHUB_KEY;
    if (!key) throw new Error('--key (or OMNIHUB_KEY) is required with --url');
    const res = await fetch(new URL('/api/backup', o.url), { headers: { authorization: `Bearer ${key}` } });
    if (!res.ok)
      throw new Error(`${res.status}: ${((await res.json()) as { detail?: string }).detail ?? ''}`);
    snapshot = new Uint8Array(await res.arrayBuffer());
  } else {
    const config = loadConfig();
    if (config.databaseUrl) throw new Error('DATABASE_URL is a PostgreSQL server: back it up with pg_dump');
    const database = await openDatabase({ dataDir: config.dataDir });
    try {
      snapshot = await snapshotEmbeddedDatabase(database);
    } finally {
      await database.close();
    }
  }
  writeFileSync(o.out, snapshot);
  console.log(`backup written to ${o.out} (${snapshot.byteLength} bytes)`);
});

program
  .command('restore <file>')
  .description('restore a backup of the embedded database into an empty data directory')
  .option('--data-dir <dir>', 'the data directory to restore into (default OMNIHUB_DATA_DIR or ./data)')
  .action(async (file: string, o: { dataDir?: string }) => {
    const dataDir = o.dataDir ? resolve(o.dataDir) : loadConfig().dataDir;
    await restoreEmbeddedDatabase(dataDir, new Uint8Array(readFileSync(file)));
    console.log(`restored ${file} into ${dataDir}; start the hub with OMNIHUB_DATA_DIR=${dataDir}`);
  });

addImportCommands(program, withDatabase);

program.parseAsync(process.argv).catch((err: Error) => {
  console.error(`omnihub: ${err.message}`);
  process.exit(1);
});
