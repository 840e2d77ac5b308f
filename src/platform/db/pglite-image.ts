// A fresh embedded database starts from an image of a data directory with every migration applied,
// made once by the build, instead of running initdb and the migrations in the hub's process: that
// takes seconds of CPU at a first start, and initdb's WebAssembly memory stays resident after it.
// The image carries a key (the PGlite version and every migration file); a hub whose migrations or
// PGlite differ from the image's ignores it and initialises the directory itself.
import { createHash } from 'node:crypto';
import {
  closeSync,
  existsSync,
  ftruncateSync,
  mkdirSync,
  mkdtempSync,
  openSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  writeFileSync,
  writeSync,
} from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, normalize, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync, gzipSync } from 'node:zlib';
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
  // The image's format: 2 is shut down cleanly (an image of format 1 is made again).
  hash.update(`format 2 ${pgliteVersion()}`);
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
 * ~120 MB more resident after a first start. Blocks of zeros are left as holes (a third of the
 * image: WAL not yet written, free pages), so fewer bytes are written. PG_VERSION is written last,
 * so a start cut short unpacks again next time.
 */
export function unpackDatabaseImage(
  dataDir: string,
  sets: MigrationSet[],
  image = DATABASE_IMAGE_PATH,
): boolean {
  if (dataDir.startsWith('memory://') || !imageFits(dataDir, sets, image)) return false;
  let last: { path: string; data: Buffer; mode: number } | undefined;
  const made = new Set<string>();
  for (const entry of tarEntries(gunzipSync(readFileSync(image)))) {
    const path = join(dataDir, normalize(`/${entry.name}`));
    if (entry.type === 'dir') {
      mkdirSync(path, { recursive: true, mode: entry.mode });
      made.add(path);
    } else if (entry.name.replace(/^\/+/, '') === 'PG_VERSION') last = { path, ...entry };
    else {
      if (!made.has(dirname(path))) mkdirSync(dirname(path), { recursive: true });
      made.add(dirname(path));
      writeSparse(path, entry.data, entry.mode);
    }
  }
  if (!last) throw new Error(`${image} holds no PG_VERSION`);
  writeFileSync(last.path, last.data, { mode: last.mode });
  return true;
}

const BLOCK = 8192;
const ZEROS = Buffer.alloc(BLOCK);

/** Writes a file's runs of non-zero blocks; the zero blocks between them stay holes. */
function writeSparse(path: string, data: Buffer, mode: number): void {
  const fd = openSync(path, 'w', mode);
  try {
    let runStart = -1;
    for (let at = 0; ; at += BLOCK) {
      const end = at >= data.length;
      const zero = end || (at + BLOCK <= data.length && data.subarray(at, at + BLOCK).equals(ZEROS));
      if (!zero && runStart < 0) runStart = at;
      if (zero && runStart >= 0) {
        writeSync(fd, data, runStart, Math.min(at, data.length) - runStart, runStart);
        runStart = -1;
      }
      if (end) break;
    }
    ftruncateSync(fd, data.length);
  } finally {
    closeSync(fd);
  }
}

interface TarEntry {
  name: string;
  type: 'file' | 'dir';
  mode: number;
  data: Buffer;
}

/** The entries of a ustar archive (files and directories; anything else is skipped). */
function* tarEntries(tar: Buffer): Generator<TarEntry> {
  for (let at = 0; at + 512 <= tar.length; ) {
    const header = tar.subarray(at, at + 512);
    if (header.every((b) => b === 0)) return;
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
    if (type === '5') yield { name, type: 'dir', mode, data };
    else if (type === '0' || type === '\0') yield { name, type: 'file', mode, data };
  }
}

/** A ustar archive of a directory, named as PGlite's dumpDataDir names them (`/base/5/1249`). */
function tarOf(root: string): Buffer {
  const parts: Buffer[] = [];
  const header = (name: string, mode: number, size: number, type: '0' | '5') => {
    if (name.length > 99) throw new Error(`${name}: name too long for the image`);
    const h = Buffer.alloc(512);
    const field = (value: string, from: number) => h.write(value, from, 'latin1');
    field(name, 0);
    field(`${(mode & 0o777).toString(8).padStart(7, '0')}\0`, 100);
    field('0000000\0', 108);
    field('0000000\0', 116);
    field(`${size.toString(8).padStart(11, '0')}\0`, 124);
    field(
      `${Math.floor(Date.now() / 1000)
        .toString(8)
        .padStart(11, '0')}\0`,
      136,
    );
    field(type, 156);
    field('ustar\0', 257);
    field('00', 263);
    field('        ', 148);
    let sum = 0;
    for (const b of h) sum += b;
    field(`${sum.toString(8).padStart(6, '0')}\0 `, 148);
    return h;
  };
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) =>
      a.name < b.name ? -1 : 1,
    )) {
      const path = join(dir, entry.name);
      const name = `/${relative(root, path)}`;
      // Private to the hub's user, whatever PGlite made them with (0666 on its Node file system).
      if (entry.isDirectory()) {
        parts.push(header(name, 0o700, 0, '5'));
        walk(path);
      } else if (entry.isFile()) {
        const data = readFileSync(path);
        parts.push(
          header(name, 0o600, data.length, '0'),
          data,
          Buffer.alloc((512 - (data.length % 512)) % 512),
        );
      }
    }
  };
  walk(root);
  parts.push(Buffer.alloc(1024));
  return Buffer.concat(parts);
}

/**
 * Writes the image (the build calls it); false when the one there already fits. The migrations run
 * on a directory on disk that is then shut down cleanly: a database dumped while running
 * (dumpDataDir) is marked in production, so every start from it was a crash recovery (the WAL
 * replayed, every file opened again, a checkpoint written) before the first statement. The
 * migrations' WAL is switched away first, so the image's WAL segment is all zeros but the last
 * checkpoint.
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
