// The verified-key caches: a busy key is hashed once and looked up at most once per 2 s, yet a key
// revoked on this node is refused at once, and one revoked on another node (straight in the database
// here) within the cache's 2 s.
import { sql } from 'drizzle-orm';
import { expect, it } from 'vitest';
import { describeEachDatabase } from '../testing/test-databases.js';
import { createApiKey, hashSecret, revokeApiKey, secretHash, verifyApiKey } from './api-keys.js';

const KEY_CACHE_BOUND_MS = 2_000;

describeEachDatabase('API key verification cache', [], (t) => {
  const newKey = async (name: string) => createApiKey(t.ctx(), { name, scopes: ['inventory:write'] });

  it('refuses a key revoked on this node at once, though it was just verified', async () => {
    const { key, secret } = await newKey('local revoke');
    const now = new Date();
    expect((await verifyApiKey(t.database.db, secret, now))?.id).toBe(key.id);
    expect((await verifyApiKey(t.database.db, secret, now))?.id).toBe(key.id); // cached
    await revokeApiKey(t.ctx(), key.id);
    expect(await verifyApiKey(t.database.db, secret, now)).toBeNull();
  });

  it('refuses a key revoked by another node within the cache bound', async () => {
    const { key, secret } = await newKey('remote revoke');
    expect((await verifyApiKey(t.database.db, secret))?.id).toBe(key.id);
    // Another node revokes: this process hears nothing of it.
    await t.database.db.execute(sql`update api_keys set revoked_at = now() where id = ${key.id}`);
    const revokedAt = Date.now();
    let refusedAfter: number | undefined;
    while (Date.now() - revokedAt < KEY_CACHE_BOUND_MS + 1_000) {
      if ((await verifyApiKey(t.database.db, secret)) === null) {
        refusedAfter = Date.now() - revokedAt;
        break;
      }
      await new Promise((r) => setTimeout(r, 50));
    }
    expect(refusedAfter).toBeDefined();
    expect(refusedAfter!).toBeLessThanOrEqual(KEY_CACHE_BOUND_MS + 500);
    // Once refused it stays refused: the remembered hash holds no verdict.
    expect(await verifyApiKey(t.database.db, secret)).toBeNull();
  });

  it('remembers the hash of verified secrets only, and it is the stored hash', async () => {
    const { secret } = await newKey('hash memo');
    await verifyApiKey(t.database.db, secret);
    expect(secretHash(secret)).toBe(hashSecret(secret));
    const guessed = 'ohk_guessed_key_that_does_not_exist_000000';
    expect(await verifyApiKey(t.database.db, guessed)).toBeNull();
    expect(secretHash(guessed)).toBe(hashSecret(guessed));
  });
});
