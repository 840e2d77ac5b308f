// Compiles the hub (src/ → dist/) with tsc, so `npm start` and the `omnihub` bin run plain
// JavaScript under node: no TypeScript compiler in the serving process, a faster cold start, and one
// process (a SIGTERM reaches the hub itself). Files that are not TypeScript (the modules' migrations)
// are copied next to the compiled code, where each module looks for them.
// Usage: tsx scripts/build.ts [--if-stale] [--tolerant]
//   --if-stale: build only when a source is newer than the last build (prestart);
//   --tolerant: a failed build warns instead of failing (postinstall; prestart builds again).
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, relative } from 'node:path';
import { buildStamp, staleReason } from './dist-freshness.js';

const root = join(import.meta.dirname, '..');
const src = join(root, 'src');
const dist = join(root, 'dist');
const stamp = buildStamp(root);

function* files(dir: string): Generator<string> {
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    if (e.isDirectory()) yield* files(p);
    else yield p;
  }
}

if (process.argv.includes('--if-stale') && staleReason(root) === null) process.exit(0);
try {
  const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
  execFileSync(process.execPath, [tsc, '-p', join(root, 'tsconfig.build.json')], { stdio: 'inherit' });
  let copied = 0;
  for (const f of files(src)) {
    if (f.endsWith('.ts')) continue;
    const to = join(dist, relative(src, f));
    mkdirSync(dirname(to), { recursive: true });
    copyFileSync(f, to);
    copied++;
  }
  // A fresh embedded database starts from this image (see src/platform/db/pglite-image.ts).
  const { writeDatabaseImage } = (await import(
    join(dist, 'platform/db/pglite-image.js')
  )) as typeof import('../src/platform/db/pglite-image.js');
  const { ALL_MIGRATIONS } = (await import(join(dist, 'app.js'))) as typeof import('../src/app.js');
  if (await writeDatabaseImage(ALL_MIGRATIONS))
    console.log('made the migrated embedded database image (dist/pglite-migrated.tar.gz)');
  writeFileSync(stamp, `${new Date().toISOString()}\n`);
  console.log(`hub compiled into dist/ (${copied} migration files copied)`);
} catch (err) {
  console.error('The hub could not be compiled:', err instanceof Error ? err.message : err);
  if (!process.argv.includes('--tolerant')) process.exit(1);
  console.error('`npm start` compiles it again; `npm run build` shows the errors.');
}
