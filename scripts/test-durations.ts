// Writes test/file-durations.json (each test file's duration in seconds, which the longest-first
// sequencer orders the run by) from Vitest's cache of the last results. Run it after a full
// `vitest run`: files the cache does not hold keep their old figure, files that no longer exist go.
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { FILE_DURATIONS_PATH } from '../test/helpers/longest-first-sequencer.js';

const ROOT = join(import.meta.dirname, '..');
const cacheDir = join(ROOT, 'node_modules/.vite/vitest');
const seconds: Record<string, number> = JSON.parse(readFileSync(FILE_DURATIONS_PATH, 'utf8'));
let updated = 0;
for (const dir of existsSync(cacheDir) ? readdirSync(cacheDir) : []) {
  const path = join(cacheDir, dir, 'results.json');
  if (!existsSync(path)) continue;
  const { results } = JSON.parse(readFileSync(path, 'utf8')) as {
    results: Array<[string, { duration?: number }]>;
  };
  for (const [key, result] of results) {
    if (result.duration === undefined) continue;
    seconds[key.slice(key.indexOf(':') + 1)] = Math.round(result.duration / 100) / 10;
    updated++;
  }
}
const kept = Object.entries(seconds)
  .filter(([file]) => existsSync(join(ROOT, file)))
  .sort(([a], [b]) => (a < b ? -1 : 1));
writeFileSync(FILE_DURATIONS_PATH, `${JSON.stringify(Object.fromEntries(kept), null, 2)}\n`);
console.log(`${updated} durations from Vitest's cache; ${kept.length} files listed`);
