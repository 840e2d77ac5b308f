// A fresh embedded database starts from an image of a data directory with every migration applied,
// made once by the build, instead of running initdb and the migrations in the hub's process: that
// takes seconds of CPU at a first start, and initdb's WebAssembly memory stays resident after it.
// The image carries a key (the PGlite version and every migration file); a hub whose migrations or
// PGlite differ from the image's ignores it and initialises the directory itself.
import { createHash } from 'node:crypto';
import {
  existsSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { gzipSync } from 'node:zlib';
import { type MigrationSet, runMigrations } from './migrate.js';
import {
  DATABASE_IMAGE_PATH,
  installStagedImage,
  needsInitdb,
  stagingDir,
  takeStartedUnpack,
  tarOf,
  unpackImageFiles,
} from './pglite-image-files.js';

export { DATABASE_IMAGE_PATH, needsInitdb, startImageUnpack } from './pglite-image-files.js';

const keyFile = (image: string) => `${image}.key`;

/**
 * Drop template0 and template1, one statement each (`drop database` refuses to run in the implicit
 * transaction of a multi-statement string; a template cannot be dropped until it is marked not one).
 */
export const DROP_TEMPLATES = [
  `update pg_database set datistemplate = false where datname in ('template0', 'template1')`,
  'drop database template0',
  'drop database template1',
] as const;

function pgliteVersion(): string {
  // The package does not export its package.json: read it beside its entry point (dist/).
  const entry = createRequire(import.meta.url).resolve('@electric-sql/pglite');
  return String(JSON.parse(readFileSync(join(dirname(entry), '..', 'package.json'), 'utf8')).version);
}

/** Names what an image holds: the PGlite version and every migration file (wherever they are). */
export function migrationsKey(sets: MigrationSet[]): string {
  const hash = createHash('sha256');
  // The image's format: 2 is shut down cleanly, 3 holds the `postgres` database alone (an image of
  // an earlier format is made again).
  hash.update(`format 3 ${pgliteVersion()}`);
  for (const set of sets) {
    const files = readdirSync(set.folder, { withFileTypes: true, recursive: true })
      .filter((entry) => entry.isFile())
      .map((entry) => join(entry.parentPath, entry.name))
      .sort();
    for (const path of files) {
      hash.update(`${set.name}/${relative(set.folder, path)}`);
      hash.update(readFileSync(path));
    }
  }
  return hash.digest('hex').slice(0, 16);
}

/** Whether an image exists and was made for exactly these migrations and this PGlite. */
export function imageMadeFor(sets: MigrationSet[], image: string): boolean {
  if (!existsSync(image) || !existsSync(keyFile(image))) return false;
  return readFileSync(keyFile(image), 'utf8').trim() === migrationsKey(sets);
}

/** Whether a data directory is still empty and an image made for these migrations exists. */
const imageFits = (dataDir: string, sets: MigrationSet[], image: string): boolean =>
  needsInitdb(dataDir) && imageMadeFor(sets, image);

/** The image for a data directory that is still empty, when one made for these migrations exists. */
export function freshDatabaseImage(
  dataDir: string,
  sets: MigrationSet[],
  image = DATABASE_IMAGE_PATH,
): Blob | undefined {
  return imageFits(dataDir, sets, image) ? new Blob([readFileSync(image)]) : undefined;
}

/**
 * Writes the image's files into a data directory on disk that is still empty (true when it did).
 * PGlite then opens it as it opens any initialised directory: handing it the image instead
 * (loadDataDir) unpacks it through its WebAssembly file system, which costs more CPU and leaves
 * ~120 MB more resident after a first start. The files are written into a staging directory and
 * moved into place, PG_VERSION last, so a start cut short unpacks again next time.
 */
export function unpackDatabaseImage(
  dataDir: string,
  sets: MigrationSet[],
  image = DATABASE_IMAGE_PATH,
): boolean {
  if (dataDir.startsWith('memory://') || !imageFits(dataDir, sets, image)) return false;
  unpackImageFiles(image, stagingDir(dataDir));
  installStagedImage(dataDir);
  return true;
}

/**
 * Finishes the unpack `startImageUnpack` began on a worker thread for this directory: once it is
 * done, the files are moved into place when the image fits these migrations, else dropped. True
 * when the directory now holds the image, false when not; undefined when no unpack was begun or
 * the worker failed (the caller unpacks in this thread, which reports a lasting cause itself).
 */
export async function finishStartedUnpack(
  dataDir: string,
  sets: MigrationSet[],
  image = DATABASE_IMAGE_PATH,
): Promise<boolean | undefined> {
  const taken = await takeStartedUnpack(dataDir, image).catch(() => 'failed' as const);
  if (taken !== true) {
    if (taken === 'failed') rmSync(stagingDir(dataDir), { recursive: true, force: true });
    return undefined;
  }
  if (!imageFits(dataDir, sets, image)) {
    rmSync(stagingDir(dataDir), { recursive: true, force: true });
    return false;
  }
  installStagedImage(dataDir);
  return true;
}

/**
 * Writes the image (the build calls it); false when the one there already fits. The migrations run
 * on a directory on disk that is then shut down cleanly: a database dumped while running
 * (dumpDataDir) is marked in production, so every start from it was a crash recovery (the WAL
 * replayed, every file opened again, a checkpoint written) before the first statement. The
 * migrations' WAL is switched away first, so the image's WAL segment is all zeros but the last
 * checkpoint. The two template databases are dropped: the hub and PGlite use `postgres` alone, and
 * without them a first start writes a third fewer files (~1,150 instead of ~1,750), which costs
 * 0.3–1 ms each in some directories of an ext4 disk. A `create database` names `template postgres`.
 */
export async function writeDatabaseImage(
  sets: MigrationSet[],
  image = DATABASE_IMAGE_PATH,
): Promise<boolean> {
  if (imageMadeFor(sets, image)) return false;
  const key = migrationsKey(sets);
  const { openDatabase } = await import('./database.js');
  const work = mkdtempSync(join(tmpdir(), 'omnihub-image-'));
  try {
    const dataDir = join(work, 'data');
    // An old WAL segment is removed, not renamed into the next one with its contents. No fsync: a
    // build that fails is made again, and the clean shutdown writes every page out.
    const database = await openDatabase({
      dataDir,
      pgliteConf: ['wal_recycle=off', 'fsync=off', 'synchronous_commit=off', 'full_page_writes=off'],
    });
    try {
      await runMigrations(database, sets);
      for (const statement of DROP_TEMPLATES) await database.pglite!.exec(statement);
      await database.pglite!.exec('select pg_switch_wal(); checkpoint;');
    } finally {
      await database.close();
    }
    // Another build may write it at the same time: each renames its own file into place.
    const partial = `${image}.${process.pid}.partial`;
    writeFileSync(partial, gzipSync(tarOf(dataDir)));
    renameSync(partial, image);
    writeFileSync(keyFile(image), `${key}\n`);
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
  return true;
}
