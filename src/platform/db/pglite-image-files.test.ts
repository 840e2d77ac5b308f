// The migrated image unpacked on a worker thread (as `serve` does while the modules load) lands in
// the data directory only when it fits the migrations, whole and PG_VERSION last; a directory a
// start cut short is unpacked again. A small stand-in directory is the image: no PGlite needed.
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { platformMigrations } from '../migrations.js';
import type { MigrationSet } from './migrate.js';
import { finishStartedUnpack, migrationsKey, startImageUnpack, unpackDatabaseImage } from './pglite-image.js';
import { stagingDir, tarOf } from './pglite-image-files.js';

const dir = mkdtempSync(join(tmpdir(), 'omnihub-image-files-'));
const image = join(dir, 'image.tar.gz');
const sets: MigrationSet[] = [platformMigrations];
// A relation file with a hole between two written blocks, as the image's are.
const relation = Buffer.concat([Buffer.alloc(8192, 7), Buffer.alloc(8192 * 3), Buffer.alloc(100, 9)]);

beforeAll(() => {
  const source = join(dir, 'source');
  mkdirSync(join(source, 'base/5'), { recursive: true });
  mkdirSync(join(source, 'pg_tblspc'));
  writeFileSync(join(source, 'PG_VERSION'), '18\n');
  writeFileSync(join(source, 'base/5/1249'), relation);
  writeFileSync(join(source, 'base/5/empty'), '');
  writeFileSync(image, gzipSync(tarOf(source)));
  writeFileSync(`${image}.key`, `${migrationsKey(sets)}\n`);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const expectUnpacked = (dataDir: string) => {
  expect(readFileSync(join(dataDir, 'PG_VERSION'), 'utf8')).toBe('18\n');
  expect(readFileSync(join(dataDir, 'base/5/1249')).equals(relation)).toBe(true);
  expect(readFileSync(join(dataDir, 'base/5/empty')).length).toBe(0);
  expect(existsSync(join(dataDir, 'pg_tblspc'))).toBe(true);
  expect(existsSync(stagingDir(dataDir))).toBe(false);
};

it('unpacks on a worker thread, then moves the files into the data directory', async () => {
  const dataDir = join(dir, 'worker');
  startImageUnpack(dataDir, image);
  expect(await finishStartedUnpack(dataDir, sets, image)).toBe(true);
  expectUnpacked(dataDir);
  // Initialised now: nothing is begun again, and nothing waits.
  startImageUnpack(dataDir, image);
  expect(await finishStartedUnpack(dataDir, sets, image)).toBeUndefined();
}, 60_000);

it('drops what the worker unpacked when the image was made for other migrations', async () => {
  const dataDir = join(dir, 'other-migrations');
  const other = join(dir, 'more-migrations');
  mkdirSync(other);
  writeFileSync(join(other, 'x.sql'), 'select 1;');
  startImageUnpack(dataDir, image);
  expect(await finishStartedUnpack(dataDir, [...sets, { name: 'x', folder: other }], image)).toBe(false);
  expect(readdirSync(dataDir)).toEqual([]);
}, 60_000);

it('answers undefined when nothing was begun for the directory, or another image was', async () => {
  expect(await finishStartedUnpack(join(dir, 'never'), sets, image)).toBeUndefined();
  const dataDir = join(dir, 'another-image');
  startImageUnpack(dataDir, image);
  expect(await finishStartedUnpack(dataDir, sets, join(dir, 'another.tar.gz'))).toBeUndefined();
  expect(existsSync(stagingDir(dataDir))).toBe(false);
}, 60_000);

it('unpacks again over what a start cut short left (no PG_VERSION)', () => {
  const dataDir = join(dir, 'cut-short');
  mkdirSync(join(dataDir, 'base/5'), { recursive: true });
  writeFileSync(join(dataDir, 'base/5/1249'), 'half');
  mkdirSync(join(stagingDir(dataDir), 'global'), { recursive: true });
  expect(unpackDatabaseImage(dataDir, sets, image)).toBe(true);
  expectUnpacked(dataDir);
  expect(existsSync(join(dataDir, 'global'))).toBe(false);
});
