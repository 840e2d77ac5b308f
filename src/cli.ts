// The `omnihub` command: serve, migrate, keys (create/list/revoke), demo, backup/restore, imports.
import { readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { Command } from 'commander';
import { HUB_VERSION } from './app/version.js';
import { addImportCommands } from './cli-import.js';
import { type ClusterStarted, isClusterWorker, serveClusterPrimary } from './cluster.js';
import { loadConfig } from './platform/config.js';
import type { Ctx } from './platform/context.js';
import { startImageUnpack } from './platform/db/pglite-image-files.js';
import { startupMark } from './platform/startup-trace.js';

startupMark('cli loaded');

// The hub's modules load at a command's first use (a cluster's primary never loads them).
const commands = () => import('./cli-commands.js');
const withDatabase = async <T>(fn: (ctx: Ctx) => Promise<T>): Promise<T> =>
  (await commands()).withDatabase(fn);

/** Within this, a SIGTERM has stopped the hub (below a process manager's usual 10 s grace). */
const STOP_DEADLINE_MS = 9_000;

const program = new Command('omnihub')
  .description('Omnihub, the omnichannel commerce hub')
  .version(HUB_VERSION);

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
    if (isClusterWorker()) return (await commands()).serveClusterWorker(config);
    const print = (s: ClusterStarted) =>
      process.stdout.write(startBanner({ ...s, natsUrl: config.natsUrl, workers: config.workers }));
    const serving = { stopDeadlineMs: STOP_DEADLINE_MS, started: print };
    if (config.workers > 1) return serveClusterPrimary(config, serving);
    // A new embedded database is unpacked from the build's image on a second core while the
    // modules load (most of a first start's CPU either way).
    if (!config.databaseUrl) startImageUnpack(config.dataDir);
    return (await commands()).serveOneProcess(config, serving);
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
    await (await commands()).loadDemo(!!o.force);
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
    : await (await commands()).createKey(input);
  console.log(`${created.id}  ${created.name}  [${created.scopes.join(',')}]`);
  console.log(`secret (shown once): ${created.secret}`);
});

remoteOptions(keys.command('list').description('list keys (never their secrets)')).action(
  async (o: RemoteOpts) => {
    const items = o.url ? (await remote(o, 'GET', '/api/keys')).items : await (await commands()).listKeys();
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
    else await (await commands()).revokeKey(id);
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
    snapshot = await (await commands()).backupEmbedded();
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
    await (await commands()).restoreEmbeddedDatabase(dataDir, new Uint8Array(readFileSync(file)));
    console.log(`restored ${file} into ${dataDir}; start the hub with OMNIHUB_DATA_DIR=${dataDir}`);
  });

addImportCommands(program, withDatabase);

program.parseAsync(process.argv).catch((err: Error) => {
  console.error(`omnihub: ${err.message}`);
  process.exit(1);
});
