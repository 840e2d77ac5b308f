// A fresh embedded database starts from an image of a data directory with every migration applied,
// made once by the build, instead of running initdb and the migrations in the hub's process: that
// takes seconds of CPU at a first start, and initdb's WebAssembly memory stays resident after it.
// The image carries a key (the PGlite version and every migration file); a hub whose migrations or
// PGlite differ from the image's ignores it and initialises the directory itself.
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { PGlite } from '@electric-sql/pglite';
import { type MigrationSet, runMigrations } from './migrate.js';

/** Where the build puts the image: dist/, next to the compiled hub (none beside the sources). */
export const DATABASE_IMAGE_PATH = fileURLToPath(new URL('../../pglite-migrated.tar.gz', import.meta.url));
const keyFile = (image: string) => `${image}.key`;

function pgliteVersion(): string {
  // The package does not export its package.json: read it beside its entry point (dist/).
  const entry = createRequire(import.meta.url).resolve('@electric-sql/pglite');
  return String(JSON.parse(readFileSync(join(dirname(entry), '..', 'package.json'), 'utf8')).version);
}

/** Names what an image holds: the PGlite version and every migration file (wherever they are). */
export function migrationsKey(sets: MigrationSet[]): string {
  const hash = createHash('sha256');
  hash.update(pgliteVersion());
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

/** A directory PostgreSQL has not initialised yet (no PG_VERSION). */
export const needsInitdb = (dataDir: string): boolean =>
  !dataDir.startsWith('memory://') && !existsSync(join(dataDir, 'PG_VERSION'));

/** The image for a data directory that is still empty, when one made for these migrations exists. */
export function freshDatabaseImage(
  dataDir: string,
  sets: MigrationSet[],
  image = DATABASE_IMAGE_PATH,
): Blob | undefined {
  if (!needsInitdb(dataDir) || !existsSync(image) || !existsSync(keyFile(image))) return undefined;
  if (readFileSync(keyFile(image), 'utf8').trim() !== migrationsKey(sets)) return undefined;
  return new Blob([readFileSync(image)]);
}

/** Writes the image (the build calls it); false when the one there already fits. */
export async function writeDatabaseImage(
  sets: MigrationSet[],
  image = DATABASE_IMAGE_PATH,
): Promise<boolean> {
  const key = migrationsKey(sets);
  if (existsSync(image) && existsSync(keyFile(image)) && readFileSync(keyFile(image), 'utf8').trim() === key)
    return false;
  const { openDatabase } = await import('./database.js');
  const database = await openDatabase({ dataDir: 'memory://' });
  try {
    await runMigrations(database, sets);
    const dump = await database.pglite!.dumpDataDir('gzip');
    // Another build may write it at the same time: each renames its own file into place.
    const partial = `${image}.${process.pid}.partial`;
    writeFileSync(partial, Buffer.from(await dump.arrayBuffer()));
    renameSync(partial, image);
    writeFileSync(keyFile(image), `${key}\n`);
  } finally {
    await database.close();
  }
  return true;
}
