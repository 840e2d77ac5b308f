// A new embedded data directory starts from the build's migrated image only when the image was made
// for exactly these migrations and this PGlite; an initialised directory never does.
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
import { afterAll, expect, it } from 'vitest';
import { platformMigrations } from '../migrations.js';
import { openDatabase } from './database.js';
import { migrationsApplied } from './migrate.js';
import { freshDatabaseImage, unpackDatabaseImage, writeDatabaseImage } from './pglite-image.js';

const dir = mkdtempSync(join(tmpdir(), 'omnihub-image-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

it('opens a new directory migrated from the image, and ignores an image made for other migrations', async () => {
  const image = join(dir, 'image.tar.gz');
  const sets = [platformMigrations];
  expect(await writeDatabaseImage(sets, image)).toBe(true);
  expect(await writeDatabaseImage(sets, image)).toBe(false); // the one there fits

  const dataDir = join(dir, 'data');
  const blob = freshDatabaseImage(dataDir, sets, image);
  expect(blob).toBeInstanceOf(Blob);
  const database = await openDatabase({ dataDir, pgliteImage: blob });
  try {
    expect(await migrationsApplied(database.db, sets)).toBe(true);
  } finally {
    await database.close();
  }
  // Initialised now: reopening never loads an image over it.
  expect(freshDatabaseImage(dataDir, sets, image)).toBeUndefined();

  // Another migration set (one more file) does not fit the image.
  const other = join(dir, 'other-migrations');
  mkdirSync(other);
  writeFileSync(join(other, 'x.sql'), 'select 1;');
  expect(
    freshDatabaseImage(join(dir, 'data2'), [...sets, { name: 'x', folder: other }], image),
  ).toBeUndefined();
}, 180_000);

it('unpacks the image into a new directory on disk that PGlite opens migrated, and never over an initialised one', async () => {
  const image = join(dir, 'image.tar.gz');
  const sets = [platformMigrations];
  await writeDatabaseImage(sets, image);
  const dataDir = join(dir, 'unpacked');
  expect(unpackDatabaseImage(dataDir, sets, image)).toBe(true);
  expect(existsSync(join(dataDir, 'PG_VERSION'))).toBe(true);
  // Shut down cleanly (pg_control's state DB_SHUTDOWNED): the first start is no crash recovery.
  expect(readFileSync(join(dataDir, 'global/pg_control')).readInt32LE(16)).toBe(1);
  // The `postgres` database alone: the templates' ~600 files are not written at a first start.
  expect(readdirSync(join(dataDir, 'base'))).toEqual(['5']);
  const database = await openDatabase({ dataDir });
  try {
    expect(await migrationsApplied(database.db, sets)).toBe(true);
    const names = await database.pglite!.query<{ datname: string }>('select datname from pg_database');
    expect(names.rows.map((r) => r.datname)).toEqual(['postgres']);
    // Another database can still be made, from `postgres`.
    await database.pglite!.exec('create database other template postgres');
  } finally {
    await database.close();
  }
  expect(unpackDatabaseImage(dataDir, sets, image)).toBe(false);
  expect(unpackDatabaseImage('memory://', sets, image)).toBe(false);
}, 180_000);
