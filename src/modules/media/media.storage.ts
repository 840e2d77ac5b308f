// Where image bytes live: files under the data directory by default, a map in memory for an
// in-memory hub. An S3-compatible bucket fits the same interface (keys are plain relative paths).
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';

export interface MediaStorage {
  put(key: string, bytes: Buffer): Promise<void>;
  /** The bytes, or null when nothing is stored under the key. */
  get(key: string): Promise<Buffer | null>;
  /** Removes the key and everything under `key/` (an image's sizes). */
  remove(key: string): Promise<void>;
}

const SAFE_KEY = /^[a-z0-9_]+(\/[a-z0-9_.-]+)*$/;

function checkKey(key: string): void {
  // Keys are made by the module from ids and fixed names; anything else is a bug, never a path.
  if (!SAFE_KEY.test(key) || key.includes('..')) throw new Error(`bad media storage key ${key}`);
}

export function diskMediaStorage(dir: string): MediaStorage {
  return {
    async put(key, bytes) {
      checkKey(key);
      const path = join(dir, key);
      await mkdir(dirname(path), { recursive: true });
      // Written under a temporary name and renamed: a reader never sees half a file.
      const tmp = `${path}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`;
      await writeFile(tmp, bytes);
      await rename(tmp, path);
    },
    async get(key) {
      checkKey(key);
      try {
        return await readFile(join(dir, key));
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code === 'ENOENT') return null;
        throw err;
      }
    },
    async remove(key) {
      checkKey(key);
      await rm(join(dir, key), { force: true });
      await rm(join(dir, `${key}.sizes`), { force: true, recursive: true });
    },
  };
}

export function memoryMediaStorage(): MediaStorage {
  const files = new Map<string, Buffer>();
  return {
    async put(key, bytes) {
      checkKey(key);
      files.set(key, bytes);
    },
    async get(key) {
      return files.get(key) ?? null;
    },
    async remove(key) {
      for (const k of [...files.keys()]) if (k === key || k.startsWith(`${key}.sizes/`)) files.delete(k);
    },
  };
}

/** Disk under `<dataDir>/media`, or memory for an in-memory hub (`memory://`). */
export function mediaStorageFor(dataDir: string): MediaStorage {
  return dataDir.startsWith('memory://') ? memoryMediaStorage() : diskMediaStorage(join(dataDir, 'media'));
}
