// The runtime contract of `npm start` / `omnihub`: PORT, HOST, OMNIHUB_DATA_DIR, DATABASE_URL,
// OMNIHUB_ADMIN_KEY, OMNIHUB_DEMO; the admin key printed once; data persisted; the CLI's key commands.
import { type ChildProcess, execFile, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { freePort } from '../bench/harness.js';
import { createFreshPostgresDatabase, postgresTestUrl } from '../src/platform/testing/test-databases.js';

const root = join(import.meta.dirname, '..');
const cli = join(root, 'bin/omnihub.js');
const run = promisify(execFile);
const dirs: string[] = [];
const tempDir = () => {
  const d = mkdtempSync(join(tmpdir(), 'omnihub-contract-'));
  dirs.push(d);
  return d;
};
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

const baseEnv = (extra: Record<string, string>) => ({
  ...process.env,
  DATABASE_URL: '',
  NATS_URL: '',
  OMNIHUB_ADMIN_KEY: '',
  LOG_LEVEL: 'warn',
  // The demo's staff passwords hashed at the lowest cost: the cost is stored with each hash, so it
  // is a test speed only (three hashes at the default cost are a second of CPU and 64 MB each).
  OMNIHUB_STAFF_PASSWORD_COST: '10',
  ...extra,
});

async function serve(
  env: Record<string, string>,
): Promise<{ url: string; output: () => string; stop(): Promise<void> }> {
  const port = await freePort();
  let out = '';
  const child: ChildProcess = spawn(process.execPath, [cli, 'serve'], {
    cwd: root,
    env: baseEnv({ PORT: String(port), ...env }),
  });
  child.stdout?.on('data', (d) => {
    out += d;
  });
  child.stderr?.on('data', (d) => {
    out += d;
  });
  const url = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 1200; i++) {
    if (child.exitCode !== null) throw new Error(`hub exited: ${out}`);
    const ok = await fetch(`${url}/ready`).then(
      (r) => r.status === 200,
      () => false,
    );
    if (ok && out.includes('is running')) break;
    await new Promise((r) => setTimeout(r, 100));
  }
  return {
    url,
    output: () => out,
    async stop() {
      const exited = new Promise((r) => child.once('exit', r));
      child.kill('SIGTERM');
      await exited;
    },
  };
}

// biome-ignore lint/suspicious/noExplicitAny: JSON bodies of the API under test
const get = async (url: string, key?: string): Promise<{ status: number; body: any }> => {
  const r = await fetch(url, key ? { headers: { authorization: `Bearer ${key}` } } : {});
  return { status: r.status, body: await r.json() };
};

describe('runtime contract', () => {
  it('first start on an empty data dir: demo data, a generated admin key printed once, data persisted', async () => {
    const dataDir = tempDir();
    const first = await serve({ OMNIHUB_DATA_DIR: dataDir });
    const key = /Admin key\s+(ohk_[A-Za-z0-9_-]+)/.exec(first.output())?.[1];
    expect(key).toBeDefined();
    expect(first.output()).toContain(`${first.url}/docs`);
    // The apps open at once: links with keys bound to the webshop and the Amsterdam till.
    expect(first.output()).toContain(`${first.url}/admin`);
    // The demo's stand-in payment providers are on, and the banner says so.
    expect(first.output()).toMatch(/Payments\s+manual, test, external \(demo: test is a stand-in card/);
    // The storefront opens with no key in its link: its page carries the channel's publishable key
    // (safe in every browser). The till's link carries a secret one.
    expect(first.output()).toContain(`Storefront ${first.url}/store/webshop\n`);
    const storePage = await (await fetch(`${first.url}/store/webshop`)).text();
    const storeKey = /<meta name="omnihub-publishable-key" content="(ohpk_[A-Za-z0-9_-]+)">/.exec(
      storePage,
    )?.[1];
    const tillKey = new RegExp(`${first.url}/pos/store-amsterdam\\?key=(ohk_[A-Za-z0-9_-]+)`).exec(
      first.output(),
    )?.[1];
    const storeMe = await get(`${first.url}/api/me`, storeKey);
    expect(storeMe.body.kind).toBe('publishable');
    expect(storeMe.body.scopes).toEqual(
      expect.arrayContaining(['catalog:read', 'carts:write', 'events:read']),
    );
    const tillMe = await get(`${first.url}/api/me`, tillKey);
    expect(tillMe.body.scopes).toContain('orders:write');
    expect((await get(`${first.url}/api/channels/webshop`, key)).body.id).toBe(storeMe.body.channelId);
    expect((await get(`${first.url}/api/channels/store-amsterdam`, key)).body.id).toBe(tillMe.body.channelId);
    const channels = await get(`${first.url}/api/channels`, key);
    expect(channels.status).toBe(200);
    expect(channels.body.items.length).toBeGreaterThanOrEqual(6);
    expect(channels.body.items.every((c: { metadata: { demo?: boolean } }) => c.metadata.demo === true)).toBe(
      true,
    );
    await first.stop();

    const second = await serve({ OMNIHUB_DATA_DIR: dataDir });
    expect(second.output()).not.toMatch(/Admin key\s+ohk_/);
    expect(second.output()).not.toContain('?key=');
    expect(second.output()).not.toContain('Demo data');
    expect(second.output()).toMatch(/Payments\s+manual, test, external \(demo/); // still the demo database
    expect((await get(`${second.url}/api/channels`, key)).body.items.length).toBe(channels.body.items.length);
    await second.stop();
    // SIGTERM to `omnihub` stops the hub itself (a wrapper process once died and left it running).
    await expect(fetch(`${second.url}/health`)).rejects.toThrow();
  }, 240_000);

  it('OMNIHUB_DEMO=0 starts empty; OMNIHUB_ADMIN_KEY becomes the bootstrap key; the CLI manages keys', async () => {
    const dataDir = tempDir();
    const adminKey = 'ohk_contract_admin_key_1234567890';
    const hub = await serve({ OMNIHUB_DATA_DIR: dataDir, OMNIHUB_DEMO: '0', OMNIHUB_ADMIN_KEY: adminKey });
    expect((await get(`${hub.url}/api/channels`, adminKey)).body.items).toEqual([]);
    expect(hub.output()).toMatch(/Payments\s+manual\n/); // no stand-ins without the demo
    // keys over HTTP through the CLI while the hub runs
    const created = await run(
      process.execPath,
      [
        cli,
        'keys',
        'create',
        '--name',
        'till',
        '--scopes',
        'orders:read',
        '--url',
        hub.url,
        '--key',
        adminKey,
      ],
      { cwd: root, env: baseEnv({}) },
    );
    const secret = /secret \(shown once\): (ohk_\S+)/.exec(created.stdout)?.[1];
    expect(secret).toBeDefined();
    expect((await get(`${hub.url}/api/me`, secret)).body.scopes).toEqual(['orders:read']);
    const listed = await run(process.execPath, [cli, 'keys', 'list', '--url', hub.url, '--key', adminKey], {
      cwd: root,
      env: baseEnv({}),
    });
    const id = /(key_[0-9a-f]+)\s+\S+\s+till/.exec(listed.stdout)?.[1];
    expect(id).toBeDefined();
    await run(process.execPath, [cli, 'keys', 'revoke', id!, '--url', hub.url, '--key', adminKey], {
      cwd: root,
      env: baseEnv({}),
    });
    expect((await get(`${hub.url}/api/me`, secret)).status).toBe(401);
    await hub.stop();
    // directly on the (stopped) embedded database
    const direct = await run(process.execPath, [cli, 'keys', 'list'], {
      cwd: root,
      env: baseEnv({ OMNIHUB_DATA_DIR: dataDir }),
    });
    expect(direct.stdout).toContain('REVOKED');
    const migrated = await run(process.execPath, [cli, 'migrate'], {
      cwd: root,
      env: baseEnv({ OMNIHUB_DATA_DIR: dataDir }),
    });
    expect(migrated.stdout).toContain('migrations applied');
  }, 240_000);

  it.skipIf(!postgresTestUrl())(
    'DATABASE_URL switches to PostgreSQL',
    async () => {
      const fresh = await createFreshPostgresDatabase(postgresTestUrl()!);
      try {
        const hub = await serve({
          DATABASE_URL: fresh.url,
          OMNIHUB_DEMO: '0',
          OMNIHUB_ADMIN_KEY: 'ohk_pg_contract_key_123456',
        });
        expect(hub.output()).toContain('PostgreSQL');
        expect((await get(`${hub.url}/ready`)).body.database).toBe('postgres');
        await hub.stop();
      } finally {
        await fresh.drop();
      }
    },
    180_000,
  );
});
