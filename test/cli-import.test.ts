// The real `omnihub import --url` against a running hub: its progress lines end with the rows the
// hub stored, and `--dry-run` reports every rejected line, exits 1 and writes nothing. Output is not
// a terminal here, so the bar prints a line each second. The rows the bar shows meanwhile come from
// GET /api/imports, which answers while the import runs (also on PGlite, whose statements run on the
// hub's own thread).
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { ImportJob } from '../src/modules/catalog/index.js';
import { describeEachHub, TEST_ADMIN_KEY } from './helpers/test-hub.js';

const root = join(import.meta.dirname, '..');
const dir = mkdtempSync(join(tmpdir(), 'omnihub-cli-import-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function omnihub(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [join(root, 'bin/omnihub.js'), ...args],
      { cwd: root, env: { ...process.env, OMNIHUB_KEY: TEST_ADMIN_KEY }, maxBuffer: 16 << 20 },
      (err, stdout, stderr) =>
        resolve({ code: err ? ((err as { code?: number }).code ?? 1) : 0, stdout, stderr }),
    );
  });
}

const ndjson = (rows: object[]) => `${rows.map((r) => JSON.stringify(r)).join('\n')}\n`;

/** `n` products with a variant each: 2n rows. */
function catalogRows(prefix: string, n: number): object[] {
  const rows: object[] = [];
  for (let i = 0; i < n; i++) {
    rows.push({ kind: 'product', handle: `${prefix}-${i}`, title: `Product ${i}` });
    rows.push({ kind: 'variant', handle: `${prefix}-${i}`, sku: `${prefix.toUpperCase()}-${i}` });
  }
  return rows;
}

describeEachHub('omnihub import --url', (t) => {
  let url: string;
  beforeAll(async () => {
    url = await t.hub.http.listen({ port: 0, host: '127.0.0.1' });
  });

  it('GET /api/imports reports the rows stored while an import of a file sent whole still runs', async () => {
    const source = 'progress.ndjson';
    const headers = { authorization: `Bearer ${TEST_ADMIN_KEY}` };
    let finished = false;
    const post = fetch(`${url}/api/imports?format=ndjson&source=${source}`, {
      method: 'POST',
      headers: { ...headers, 'content-type': 'application/x-ndjson' },
      body: ndjson(catalogRows('prog', 600)),
    }).then((res) => {
      finished = true;
      return res;
    });
    const seen: number[] = [];
    while (!finished) {
      const res = await fetch(`${url}/api/imports`, { headers });
      const job = ((await res.json()) as { items: ImportJob[] }).items.find((j) => j.source === source);
      if (!finished && job?.status === 'running') seen.push(job.rowsRead);
      await new Promise((r) => setTimeout(r, 5));
    }
    expect((await post).status).toBe(201);
    expect(
      seen.some((n) => n > 0 && n < 1200),
      `rows seen while running: ${seen}`,
    ).toBe(true);
  }, 60_000);

  it('prints progress lines ending with the rows stored, then the totals', async () => {
    const file = join(dir, 'catalog.ndjson');
    writeFileSync(file, ndjson(catalogRows('cli', 500)));
    const run = await omnihub(['import', file, '--url', url]);
    expect(run.code, run.stderr + run.stdout).toBe(0);
    expect(run.stdout).toMatch(/import imp_\w+ completed: 1000 rows stored \(.*\), 0 rejected/);
    const counts = [...run.stderr.matchAll(/\| (\d+) rows, (\d+) rejected/g)].map((m) => Number(m[1]));
    expect(counts.length).toBeGreaterThan(1);
    expect(counts.at(-1)).toBe(1000);
  }, 180_000);

  it('--dry-run reports each rejected line, exits 1 and writes nothing', async () => {
    const file = join(dir, 'dry.ndjson');
    writeFileSync(
      file,
      ndjson([
        { kind: 'product', handle: 'dry-one', title: 'Dry one' },
        { kind: 'variant', handle: 'dry-one', sku: 'DRY-1', gtin: '4006381333932' },
        { kind: 'variant', handle: 'dry-one', sku: 'DRY-2' },
      ]),
    );
    const run = await omnihub(['import', file, '--url', url, '--dry-run']);
    expect(run.code, run.stderr + run.stdout).toBe(1);
    expect(run.stdout).toMatch(
      /dry run completed: 2 rows would be stored \(.*\), 1 rejected; nothing was written/,
    );
    expect(run.stdout).toMatch(/line 2: .*gtin/);
    expect((await t.api('GET', '/api/catalog/products/dry-one')).status).toBe(404);
  }, 60_000);
});
