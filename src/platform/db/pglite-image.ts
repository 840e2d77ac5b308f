// A fresh embedded database starts from an image of a data directory with every migration applied,
// made once by the build, instead of running initdb and the migrations in the hub's process: that
// takes seconds of CPU at a first start, and initdb's WebAssembly memory stays resident after it.
// The image carries a key (the PGlite version and every migration file); a hub whose migrations or
// PGlite differ from the image's ignores it and initialises the directory itself.
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, normalize, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';
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

/** Whether a data directory is still empty and an image made for these migrations exists. */
function imageFits(dataDir: string, sets: MigrationSet[], image: string): boolean {
  if (!needsInitdb(dataDir) || !existsSync(image) || !existsSync(keyFile(image))) return false;
  return readFileSync(keyFile(image), 'utf8').trim() === migrationsKey(sets);
}

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
 * ~120 MB more resident after a first start. PG_VERSION is written last, so a start cut short
 * unpacks again next time.
 */
export function unpackDatabaseImage(
  dataDir: string,
  sets: MigrationSet[],
  image = DATABASE_IMAGE_PATH,
): boolean {
  if (dataDir.startsWith('memory://') || !imageFits(dataDir, sets, image)) return false;
  const tar = gunzipSync(readFileSync(image));
  let last: { path: string; data: Buffer; mode: number } | undefined;
  for (let at = 0; at + 512 <= tar.length; ) {
    const header = tar.subarray(at, at + 512);
    if (header.every((b) => b === 0)) break;
    const text = (from: number, length: number) =>
      header
        .subarray(from, from + length)
        .toString('utf8')
        .replace(/\0.*$/s, '');
    const name = [text(345, 155), text(0, 100)].filter(Boolean).join('/');
    const size = Number.parseInt(text(124, 12).trim() || '0', 8);
    const mode = Number.parseInt(text(100, 8).trim() || '600', 8) & 0o777;
    const type = String.fromCharCode(header[156]!);
    const data = tar.subarray(at + 512, at + 512 + size);
    at += 512 + Math.ceil(size / 512) * 512;
    const path = join(dataDir, normalize(`/${name}`));
    if (type === '5') mkdirSync(path, { recursive: true, mode });
    else if (type === '0' || type === '\0') {
      if (name.replace(/^\/+/, '') === 'PG_VERSION') last = { path, data, mode };
      else {
        mkdirSync(dirname(path), { recursive: true });
        writeFileSync(path, data, { mode });
      }
    }
  }
  if (!last) throw new Error(`${image} holds no PG_VERSION`);
  writeFileSync(last.path, last.data, { mode: last.mode });
  return true;
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
