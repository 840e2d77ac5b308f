// The files of the build's migrated database image (a gzipped ustar archive of a PGlite data
// directory): writing it, unpacking it into a new data directory, and doing that on a worker thread
// while the hub's modules load. This module loads no more than Node's own: `serve` starts the unpack
// before it imports the hub (writing ~1,750 files is ~0.5 s of a first start's CPU, mostly the
// kernel's, which a second core does meanwhile).
import {
  closeSync,
  existsSync,
  ftruncateSync,
  mkdirSync,
  openSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  writeSync,
} from 'node:fs';
import { join, normalize, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { gunzipSync } from 'node:zlib';

/** Where the build puts the image: dist/, next to the compiled hub (none beside the sources). */
export const DATABASE_IMAGE_PATH = fileURLToPath(new URL('../../pglite-migrated.tar.gz', import.meta.url));

/** A directory PostgreSQL has not initialised yet (no PG_VERSION). */
export const needsInitdb = (dataDir: string): boolean =>
  !dataDir.startsWith('memory://') && !existsSync(join(dataDir, 'PG_VERSION'));

/** Where an image is unpacked inside a data directory before its entries are moved into place. */
export const stagingDir = (dataDir: string): string => join(dataDir, '.image-unpacking');

/**
 * Writes the image's files into `into` (emptied first). Blocks of zeros are left as holes (a third
 * of the image: WAL not yet written, free pages), so fewer bytes are written.
 */
export function unpackImageFiles(image: string, into: string): void {
  rmSync(into, { recursive: true, force: true });
  mkdirSync(into, { recursive: true, mode: 0o700 });
  const made = new Set<string>([into]);
  for (const entry of tarEntries(gunzipWhole(readFileSync(image)))) {
    const path = join(into, normalize(`/${entry.name}`));
    if (entry.type === 'dir') {
      mkdirSync(path, { recursive: true, mode: entry.mode });
      made.add(path);
      continue;
    }
    const parent = join(path, '..');
    if (!made.has(parent)) mkdirSync(parent, { recursive: true });
    made.add(parent);
    writeSparse(path, entry.data, entry.mode);
  }
  if (!existsSync(join(into, 'PG_VERSION'))) throw new Error(`${image} holds no PG_VERSION`);
}

/**
 * Gunzips into one buffer of the archive's size (gzip's trailer holds it): zlib's default 16 KB output
 * chunks, copied together at the end, leave ~50 MB of freed small blocks that the C allocator keeps
 * resident (in a worker thread's own arena, where the main thread never reuses them).
 */
function gunzipWhole(gz: Buffer): Buffer {
  const size = gz.readUInt32LE(gz.length - 4); // the size modulo 2^32; a larger archive takes more chunks
  return gunzipSync(gz, { chunkSize: Math.max(64 * 1024, size) });
}

/**
 * Moves an unpacked image from the staging directory into the data directory, PG_VERSION last: a
 * start cut short leaves a directory without it, which the next start unpacks again (what an
 * earlier cut-short start left of the same names is replaced).
 */
export function installStagedImage(dataDir: string): void {
  const staging = stagingDir(dataDir);
  const names = readdirSync(staging).sort((a, b) => Number(a === 'PG_VERSION') - Number(b === 'PG_VERSION'));
  for (const name of names) {
    rmSync(join(dataDir, name), { recursive: true, force: true });
    renameSync(join(staging, name), join(dataDir, name));
  }
  rmSync(staging, { recursive: true, force: true });
}

const started = new Map<string, { image: string; worker: Worker; done: Promise<void> }>();

/**
 * Starts unpacking the image into a new data directory's staging directory on a worker thread,
 * when the directory is not initialised and the image exists. Whether the image fits the hub's
 * migrations is checked once they are loaded (`takeStartedUnpack`); a failure shows there too.
 */
export function startImageUnpack(dataDir: string, image = DATABASE_IMAGE_PATH): void {
  if (!needsInitdb(dataDir) || !existsSync(image) || started.has(dataDir)) return;
  const worker = imageWorker({ image, into: stagingDir(dataDir) });
  // Nothing waits for it yet: it must not keep a start that fails before then alive.
  worker.unref();
  const done = new Promise<void>((resolve, reject) => {
    worker.once('error', reject);
    worker.once('exit', (code) =>
      code === 0 ? resolve() : reject(new Error(`unpacking ${image} stopped with exit code ${code}`)),
    );
  });
  done.catch(() => {}); // reported to whoever takes it
  started.set(dataDir, { image, worker, done });
}

/** Waits for the unpack `startImageUnpack` began of this image; false when none was begun. */
export async function takeStartedUnpack(dataDir: string, image: string): Promise<boolean> {
  const unpack = started.get(dataDir);
  if (!unpack) return false;
  started.delete(dataDir);
  if (unpack.image !== image) {
    await unpack.worker.terminate();
    rmSync(stagingDir(dataDir), { recursive: true, force: true });
    return false;
  }
  unpack.worker.ref();
  await unpack.done;
  return true;
}

/** The worker; from the sources (tests, tsx) it registers tsx before loading its TypeScript entry. */
function imageWorker(workerData: { image: string; into: string }): Worker {
  const fromSources = import.meta.url.endsWith('.ts');
  const entry = new URL(`./pglite-image.worker.${fromSources ? 'ts' : 'js'}`, import.meta.url);
  if (!fromSources) return new Worker(entry, { workerData });
  const tsx = import.meta.resolve('tsx/esm/api');
  const boot = `import(${JSON.stringify(tsx)}).then((tsx) => { tsx.register(); return import(${JSON.stringify(entry.href)}); })`;
  return new Worker(boot, { eval: true, workerData });
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
export function tarOf(root: string): Buffer {
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
