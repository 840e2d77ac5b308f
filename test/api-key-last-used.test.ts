// The admin's Keys page shows when each key was last used: a key's requests stamp it (at most once a
// minute, in the statement that looks the key up), an unused key stays empty.
import { expect, it } from 'vitest';
import { describeEachHub } from './helpers/test-hub.js';

describeEachHub('API key last use', (t) => {
  it('stamps a key when it is used and leaves an unused one empty', async () => {
    const make = async (name: string) =>
      (await t.api('POST', '/api/keys', { body: { name, scopes: ['channels:read'] } })).body as {
        id: string;
        secret: string;
      };
    const used = await make('used reader');
    const idle = await make('idle reader');
    expect((await t.api('GET', '/api/channels', { key: used.secret })).status).toBe(200);
    const keys = (await t.api('GET', '/api/keys')).body.items as Array<{
      id: string;
      lastUsedAt: string | null;
    }>;
    const stamp = keys.find((k) => k.id === used.id)?.lastUsedAt;
    expect(stamp).toBeTruthy();
    expect(Math.abs(Date.parse(stamp!) - Date.now())).toBeLessThan(120_000);
    expect(keys.find((k) => k.id === idle.id)?.lastUsedAt).toBeNull();
  });
});
