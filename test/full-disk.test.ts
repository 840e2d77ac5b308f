// A full disk under the embedded database: the hub's PGlite data directory on a small tmpfs, filled
// up by a filler file until writes fail. Writes are refused with 503 problem+json (never 500, no SQL
// text), reads go on, writes work again once space returns, and reopening the directory finds every
// acknowledged write (no corruption). Needs root to mount the tmpfs; skipped (and says so) otherwise.
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, statfsSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHub, type Hub } from '../src/app.js';
import { systemClock } from '../src/kernel/index.js';
import { loadConfig } from '../src/platform/config.js';
import { openDatabase, rows } from '../src/platform/db/database.js';
import { testLog } from '../src/platform/testing/test-databases.js';
import { TEST_ADMIN_KEY } from './helpers/test-hub.js';

function mountTmpfs(sizeMb: number): string | undefined {
  if (process.getuid?.() !== 0 || process.platform !== 'linux') return undefined;
  const dir = mkdtempSync(join(tmpdir(), 'omnihub-full-disk-'));
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', `size=${sizeMb}m`, 'tmpfs', dir], { stdio: 'ignore' });
    return dir;
  } catch {
    rmSync(dir, { recursive: true, force: true });
    return undefined;
  }
}

const mount = mountTmpfs(160);
if (!mount) console.warn('full-disk test skipped: cannot mount a tmpfs here (needs root on Linux)');

describe.skipIf(!mount)('a full disk under PGlite', () => {
  const dataDir = join(mount ?? '/nonexistent', 'data');
  const filler = join(mount ?? '/nonexistent', 'filler');
  let hub: Hub;
  const open = async () =>
    createHub({
      config: { ...loadConfig({}), port: 0, adminKey: TEST_ADMIN_KEY, demo: false, natsUrl: undefined },
      clock: systemClock,
      log: testLog as never,
      database: await openDatabase({ dataDir }),
    });
  const api = async (method: string, url: string, body?: unknown) => {
    const res = await hub.http.inject({
      method: method as 'GET',
      url,
      headers: {
        authorization: `Bearer ${TEST_ADMIN_KEY}`,
        ...(body ? { 'content-type': 'application/json' } : {}),
      },
      ...(body ? { payload: JSON.stringify(body) } : {}),
    });
    return { status: res.statusCode, type: String(res.headers['content-type']), text: res.body };
  };
  const product = (i: number) => ({
    handle: `disk-${i}`,
    defaultLocale: 'en',
    // Random text: it does not compress, so each product takes its room on disk.
    content: { en: { title: `Disk ${i}`, description: randomBytes(12_000).toString('base64') } },
    variants: [{ sku: `DISK-${i}`, prices: [] }],
  });

  beforeAll(async () => {
    hub = await open();
  }, 120_000);

  afterAll(async () => {
    await hub?.close().catch(() => {});
    await hub?.database.close().catch(() => {});
    if (mount) {
      execFileSync('umount', [mount]);
      rmSync(mount, { recursive: true, force: true });
    }
  });

  it('refuses writes with 503 while full, serves reads, resumes when space returns, loses nothing', async () => {
    const acknowledged: string[] = [];
    let i = 0;
    for (; i < 20; i++) {
      const r = await api('POST', '/api/catalog/products', product(i));
      expect(r.status).toBe(201);
      acknowledged.push(`disk-${i}`);
    }
    const free = () => {
      const s = statfsSync(mount!);
      return s.bavail * s.bsize;
    };
    writeFileSync(filler, Buffer.alloc(Math.max(0, free() - 1_500_000)));
    let refused: Awaited<ReturnType<typeof api>> | undefined;
    for (; i < 400 && !refused; i++) {
      const r = await api('POST', '/api/catalog/products', product(i));
      if (r.status === 201) acknowledged.push(`disk-${i}`);
      else refused = r;
    }
    expect(refused, 'the disk filled up').toBeDefined();
    expect(refused!.status).toBe(503);
    expect(refused!.type).toContain('application/problem+json');
    expect(refused!.text).not.toMatch(/insert into|could not extend|base\/\d+/i);
    // Reads go on while the disk is full.
    expect((await api('GET', '/api/catalog/products?limit=5')).status).toBe(200);

    rmSync(filler);
    let again = await api('POST', '/api/catalog/products', product(i));
    for (let tries = 0; again.status === 503 && tries < 20; tries++) {
      await new Promise((r) => setTimeout(r, 250));
      again = await api('POST', '/api/catalog/products', product(i));
    }
    expect(again.status).toBe(201);
    acknowledged.push(`disk-${i}`);

    // Reopened from its directory: every acknowledged product is there.
    await hub.close();
    await hub.database.close();
    hub = await open();
    const handles = await rows<{ handle: string }>(hub.database.db, sql`select handle from catalog_products`);
    expect(new Set(handles.map((h) => h.handle))).toEqual(new Set(acknowledged));
  }, 240_000);
});
