// Optional encryption at rest of the signing secrets the hub must read back (inbound connectors'
// secrets): AES-256-GCM with the key from OMNIHUB_SECRETS_KEY, stored as
// `enc:v1:<iv>:<ciphertext>:<tag>` (base64url), bound to where it is stored (the GCM additional
// data names the table, column and row), so a value copied to another row does not open. Values
// without the prefix are plaintext and read as they are: rows written before a key was set keep
// working, and without a key nothing changes. API keys are not here: they are stored as hashes.
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import type { Executor } from '../db/database.js';
import { getMeta, setMeta } from '../db/hub-meta.js';

const PREFIX = 'enc:v1:';
const CHECK_META_KEY = 'secrets_key_check';
const CHECK_TEXT = 'omnihub secrets key check';

export interface SecretBox {
  /** Whether a key is configured (new values are encrypted). */
  readonly enabled: boolean;
  /** The stored form of a secret: encrypted with a key, else the plaintext itself. */
  seal(plain: string, where: string): string;
  /** The plaintext of a stored value (encrypted or plaintext). */
  open(stored: string, where: string): string;
}

export { parseSecretsKey } from './secrets-key.js';

export const isSealed = (stored: string): boolean => stored.startsWith(PREFIX);

export function createSecretBox(key: Buffer | undefined): SecretBox {
  return {
    enabled: key !== undefined,
    seal(plain, where) {
      if (!key) return plain;
      const iv = randomBytes(12);
      const cipher = createCipheriv('aes-256-gcm', key, iv);
      cipher.setAAD(Buffer.from(where));
      const data = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
      return `${PREFIX}${[iv, data, cipher.getAuthTag()].map((b) => b.toString('base64url')).join(':')}`;
    },
    open(stored, where) {
      if (!isSealed(stored)) return stored;
      if (!key) throw new Error('A stored secret is encrypted but OMNIHUB_SECRETS_KEY is not set');
      const [iv, data, tag] = stored
        .slice(PREFIX.length)
        .split(':')
        .map((p) => Buffer.from(p, 'base64url'));
      try {
        const decipher = createDecipheriv('aes-256-gcm', key, iv!);
        decipher.setAAD(Buffer.from(where));
        decipher.setAuthTag(tag!);
        return Buffer.concat([decipher.update(data!), decipher.final()]).toString('utf8');
      } catch {
        throw new Error(`A stored secret (${where}) does not open with OMNIHUB_SECRETS_KEY`);
      }
    },
  };
}

/**
 * At start: a database whose secrets were encrypted remembers a value sealed with its key, so a
 * wrong or missing OMNIHUB_SECRETS_KEY stops the hub with a clear error instead of failing every
 * signature later. The first start with a key records it.
 */
export async function checkSecretsKey(exec: Executor, box: SecretBox): Promise<void> {
  const check = await getMeta<string>(exec, CHECK_META_KEY);
  if (check === undefined) {
    if (box.enabled) await setMeta(exec, CHECK_META_KEY, box.seal(CHECK_TEXT, CHECK_META_KEY));
    return;
  }
  if (!box.enabled) {
    throw new Error(
      'This database holds secrets encrypted with OMNIHUB_SECRETS_KEY: set it (the same key) to start',
    );
  }
  let opened: string | undefined;
  try {
    opened = box.open(check, CHECK_META_KEY);
  } catch {
    opened = undefined;
  }
  if (opened !== CHECK_TEXT) {
    throw new Error(
      "OMNIHUB_SECRETS_KEY is not the key this database's secrets were encrypted with (wrong key)",
    );
  }
}
