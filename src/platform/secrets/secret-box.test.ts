import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { describeEachDatabase } from '../testing/test-databases.js';
import { checkSecretsKey, createSecretBox, isSealed, parseSecretsKey } from './secret-box.js';

const keyA = randomBytes(32);
const keyB = randomBytes(32);

describe('secret box', () => {
  it('seals with AES-256-GCM as enc:v1:…, opens only with the key and at the same place', () => {
    const box = createSecretBox(keyA);
    const sealed = box.seal('shpss_secret', 'inbound_connectors.secret:icn_1');
    expect(sealed).toMatch(/^enc:v1:[\w-]+:[\w-]+:[\w-]+$/);
    expect(sealed).not.toContain('shpss_secret');
    expect(box.seal('shpss_secret', 'inbound_connectors.secret:icn_1')).not.toBe(sealed); // fresh IV
    expect(box.open(sealed, 'inbound_connectors.secret:icn_1')).toBe('shpss_secret');
    expect(() => box.open(sealed, 'inbound_connectors.secret:icn_2')).toThrow(/does not open/);
    expect(() => createSecretBox(keyB).open(sealed, 'inbound_connectors.secret:icn_1')).toThrow(
      /does not open/,
    );
    expect(() => createSecretBox(undefined).open(sealed, 'x')).toThrow(/OMNIHUB_SECRETS_KEY is not set/);
  });

  it('reads plaintext as it is, and without a key stores plaintext (nothing changes)', () => {
    expect(createSecretBox(keyA).open('whsec_plain', 'x')).toBe('whsec_plain');
    const none = createSecretBox(undefined);
    expect(none.enabled).toBe(false);
    expect(none.seal('whsec_plain', 'x')).toBe('whsec_plain');
    expect(isSealed(none.seal('whsec_plain', 'x'))).toBe(false);
  });

  it('takes the key as 64 hex digits or base64 of 32 bytes, and refuses anything else clearly', () => {
    expect(parseSecretsKey(keyA.toString('hex'))).toEqual(keyA);
    expect(parseSecretsKey(keyA.toString('base64'))).toEqual(keyA);
    expect(parseSecretsKey(keyA.toString('base64url'))).toEqual(keyA);
    expect(parseSecretsKey(undefined)).toBeUndefined();
    expect(parseSecretsKey('  ')).toBeUndefined();
    for (const bad of ['short', randomBytes(16).toString('base64'), `${keyA.toString('hex')}00`]) {
      expect(() => parseSecretsKey(bad)).toThrow(/OMNIHUB_SECRETS_KEY must be 32 random bytes/);
    }
  });
});

describeEachDatabase('secrets key check at start', [], (t) => {
  it('records the first key, then refuses a wrong or missing one with a clear error', async () => {
    const exec = t.database.db;
    await checkSecretsKey(exec, createSecretBox(undefined)); // no key, nothing encrypted: unchanged
    await checkSecretsKey(exec, createSecretBox(keyA)); // first start with a key records it
    await checkSecretsKey(exec, createSecretBox(keyA));
    await expect(checkSecretsKey(exec, createSecretBox(keyB))).rejects.toThrow(/wrong key/);
    await expect(checkSecretsKey(exec, createSecretBox(undefined))).rejects.toThrow(
      /encrypted with OMNIHUB_SECRETS_KEY: set it/,
    );
  });
});
