// `omnihub` (bin/omnihub.js) in a checkout refuses a dist/ older than the sources, telling to run
// `npm run build`; an installed package (no src/) runs its dist/ as it is. Checked on a copy of the
// bin in a temporary package whose dist/cli.js only says that it ran.
import { execFile } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '..');
const run = promisify(execFile);
const dirs: string[] = [];
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

/** A package with the real bin and a dist/ built at `builtAt`; with src/ changed at `changedAt`. */
function pkg(builtAt: Date, changedAt: Date | null): string {
  const dir = mkdtempSync(join(tmpdir(), 'omnihub-bin-'));
  dirs.push(dir);
  for (const sub of ['bin', 'scripts', 'dist']) mkdirSync(join(dir, sub));
  copyFileSync(join(root, 'bin/omnihub.js'), join(dir, 'bin/omnihub.js'));
  copyFileSync(join(root, 'scripts/dist-freshness.js'), join(dir, 'scripts/dist-freshness.js'));
  writeFileSync(join(dir, 'package.json'), '{"type":"module"}');
  writeFileSync(join(dir, 'dist/cli.js'), "console.log('compiled hub ran');\n");
  writeFileSync(join(dir, 'dist/.build-stamp'), `${builtAt.toISOString()}\n`);
  utimesSync(join(dir, 'dist/.build-stamp'), builtAt, builtAt);
  if (changedAt) {
    mkdirSync(join(dir, 'src/flows'), { recursive: true });
    writeFileSync(join(dir, 'src/flows/import.ts'), 'export {};\n');
    utimesSync(join(dir, 'src/flows/import.ts'), changedAt, changedAt);
  }
  return dir;
}

const omnihub = (dir: string) =>
  run(process.execPath, [join(dir, 'bin/omnihub.js'), '--help'], {
    env: { ...process.env, OMNIHUB_FROM_SOURCE: '' },
  }).then(
    (r) => ({ code: 0, stdout: r.stdout, stderr: r.stderr }),
    (e: { code: number; stdout: string; stderr: string }) => ({
      code: e.code,
      stdout: e.stdout,
      stderr: e.stderr,
    }),
  );

describe('the omnihub bin and a stale dist/', () => {
  const earlier = new Date(Date.now() - 3_600_000);
  const later = new Date(Date.now() - 60_000);

  it('refuses in a checkout whose sources changed after the build, naming the file and `npm run build`', async () => {
    const r = await omnihub(pkg(earlier, later));
    expect(r.code).toBe(1);
    expect(r.stdout).not.toContain('compiled hub ran');
    expect(r.stderr).toContain('src/flows/import.ts changed after the last build');
    expect(r.stderr).toContain('npm run build');
  });

  it('runs dist/ in a checkout built after its last change', async () => {
    const r = await omnihub(pkg(later, earlier));
    expect(r).toMatchObject({ code: 0, stdout: 'compiled hub ran\n' });
  });

  it('runs dist/ of an installed package (no src/)', async () => {
    const r = await omnihub(pkg(earlier, null));
    expect(r).toMatchObject({ code: 0, stdout: 'compiled hub ran\n' });
  });
});
