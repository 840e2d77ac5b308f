// Backups of the embedded database (reliability issue, item 5): `GET /api/backup` snapshots the
// running hub's PGlite, `omnihub restore` writes it into an empty data directory, and a hub started
// there has every order. On a PostgreSQL server the hub refuses and points at pg_dump.
import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, expect, it } from 'vitest';
import { createHub, type Hub } from '../src/app.js';
import { systemClock } from '../src/kernel/index.js';
import { loadConfig } from '../src/platform/config.js';
import { openDatabase } from '../src/platform/db/database.js';
import { testLog } from '../src/platform/testing/test-databases.js';
import { describeEachHub, TEST_ADMIN_KEY, type TestHub } from './helpers/test-hub.js';

const run = promisify(execFile);
const root = join(import.meta.dirname, '..');
const dirs: string[] = [];
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

async function allOrderIds(call: (path: string) => Promise<{ body: any }>): Promise<string[]> {
  const ids: string[] = [];
  let cursor: string | null = null;
  do {
    const page: { body: any } = await call(`/api/orders?limit=200${cursor ? `&cursor=${cursor}` : ''}`);
    ids.push(...page.body.items.map((o: { id: string }) => o.id));
    cursor = page.body.nextCursor;
  } while (cursor);
  return ids.sort();
}

async function backup(t: TestHub, key: string | null = TEST_ADMIN_KEY) {
  const res = await t.hub.http.inject({
    method: 'GET',
    url: '/api/backup',
    headers: key ? { authorization: `Bearer ${key}` } : {},
  });
  return res;
}

describeEachHub(
  'backup and restore of the embedded database',
  (t) => {
    it('refuses callers that are not an unbound admin', async () => {
      const channels = (await t.api('GET', '/api/channels')).body.items as Array<{
        id: string;
        code: string;
      }>;
      const webshop = channels.find((c) => c.code === 'webshop')!;
      const key = async (body: object) => (await t.api('POST', '/api/keys', { body })).body.secret as string;
      const reader = await key({ name: 'orders reader', scopes: ['orders:read'] });
      const bound = await key({ name: 'bound admin', scopes: ['admin'], channelId: webshop.id });
      const publishable = await key({ name: 'shop', kind: 'publishable', channelId: webshop.id });
      expect((await backup(t, null)).statusCode).toBe(401);
      for (const k of [reader, bound, publishable]) {
        const res = await backup(t, k);
        expect(res.statusCode).toBe(403);
        expect(res.headers['content-type']).toContain('application/problem+json');
      }
    });

    it('snapshots the running hub; a hub started on the restored directory has every order', async () => {
      const res = await backup(t);
      if (t.kind === 'postgres') {
        expect(res.statusCode).toBe(409);
        expect(res.json()).toMatchObject({ code: 'backup_not_embedded' });
        return;
      }
      expect(res.statusCode).toBe(200);
      expect(res.headers['content-type']).toBe('application/gzip');
      expect(res.headers['content-disposition']).toMatch(/attachment; filename="omnihub-backup-.*\.tar\.gz"/);
      const before = await allOrderIds((p) => t.api('GET', p));
      expect(before.length).toBeGreaterThan(0);

      const dir = mkdtempSync(join(tmpdir(), 'omnihub-restore-'));
      dirs.push(dir);
      const file = join(dir, 'backup.tar.gz');
      writeFileSync(file, res.rawPayload);
      const dataDir = join(dir, 'data');
      // The command refuses a directory that holds anything, so it never mixes two databases.
      mkdirSync(dataDir);
      writeFileSync(join(dataDir, 'PG_VERSION'), '17');
      const refused = await run(
        process.execPath,
        [join(root, 'bin/omnihub.js'), 'restore', file, '--data-dir', dataDir],
        {
          cwd: root,
        },
      ).catch((err: { code: number; stderr: string }) => err);
      expect(refused).toMatchObject({ code: 1 });
      expect((refused as { stderr: string }).stderr).toContain('is not empty');
      rmSync(dataDir, { recursive: true });
      await run(process.execPath, [join(root, 'bin/omnihub.js'), 'restore', file, '--data-dir', dataDir], {
        cwd: root,
      });

      let restored: Hub | undefined;
      try {
        restored = await createHub({
          config: {
            ...loadConfig({}),
            demo: false,
            adminKey: TEST_ADMIN_KEY,
            databaseUrl: undefined,
            natsUrl: undefined,
            port: 0,
          },
          clock: systemClock,
          log: testLog as never,
          database: await openDatabase({ dataDir }),
        });
        const hub = restored;
        const after = await allOrderIds(async (p) => {
          const r = await hub.http.inject({
            method: 'GET',
            url: p,
            headers: { authorization: `Bearer ${TEST_ADMIN_KEY}` },
          });
          return { body: r.json() };
        });
        expect(after).toEqual(before);
      } finally {
        await restored?.close();
        await restored?.database.close();
      }
    }, 120_000);
  },
  { demo: true, engines: ['pglite', 'postgres'] },
);
