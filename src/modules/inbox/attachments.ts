// Attachment bytes on disk under the data directory, content-addressed (sha256), so a redelivered or
// forwarded file is stored once and a rolled-back message leaves at most an unreferenced file.
import { createHash } from 'node:crypto';
import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { AppError } from '../../kernel/index.js';
import type { AttachmentInput } from './inbox.interface.js';

export interface StoredFile {
  filename: string;
  contentType: string;
  size: number;
  sha256: string;
  storageKey: string;
}

export interface AttachmentStore {
  readonly maxBytes: number;
  /** Refuses (413 attachment_too_large) before anything is written when one file is over the limit. */
  check(files: AttachmentInput[]): void;
  save(files: AttachmentInput[]): Promise<StoredFile[]>;
  pathOf(storageKey: string): string;
  remove(storageKeys: string[]): Promise<void>;
}

const safeName = (name: string): string =>
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what we strip
  name.replace(/[\u0000-\u001f\u007f/\\]/g, '_').slice(0, 200) || 'attachment';

export function createAttachmentStore(opts: { dir: string; maxBytes: number }): AttachmentStore {
  const pathOf = (key: string) => join(opts.dir, key);
  return {
    maxBytes: opts.maxBytes,
    check(files) {
      files.forEach((f, i) => {
        if (f.content.length > opts.maxBytes)
          throw new AppError(
            'attachment_too_large',
            `${safeName(f.filename)} is over ${opts.maxBytes} bytes`,
            {
              details: { filename: safeName(f.filename), size: f.content.length, maxBytes: opts.maxBytes },
              issues: [{ path: `attachments.${i}`, message: `larger than ${opts.maxBytes} bytes` }],
            },
          );
      });
    },
    async save(files) {
      this.check(files);
      const out: StoredFile[] = [];
      for (const f of files) {
        const sha256 = createHash('sha256').update(f.content).digest('hex');
        const storageKey = `${sha256.slice(0, 2)}/${sha256}`;
        await mkdir(join(opts.dir, sha256.slice(0, 2)), { recursive: true });
        // Written under a temporary name and renamed: a reader never sees half a file.
        const tmp = `${pathOf(storageKey)}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`;
        await writeFile(tmp, f.content);
        await rename(tmp, pathOf(storageKey));
        out.push({
          filename: safeName(f.filename),
          contentType: f.contentType.slice(0, 200) || 'application/octet-stream',
          size: f.content.length,
          sha256,
          storageKey,
        });
      }
      return out;
    },
    pathOf,
    async remove(keys) {
      for (const k of keys) await rm(pathOf(k), { force: true });
    },
  };
}
