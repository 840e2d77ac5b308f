// Customer search for the admin (`q`): any part of a name, an email address or a phone number's
// digits, server side; too short or too long a query is a 400 naming the field; a key without
// customers:read or bound to a channel is refused.
import { beforeAll, expect, it } from 'vitest';
import { describeEachHub } from './helpers/test-hub.js';

describeEachHub('customer search by partial name, email and phone', (t) => {
  let channelId = '';
  const ids: Record<string, string> = {};
  const search = async (q: string, key?: string) =>
    t.api('GET', `/api/customers?q=${encodeURIComponent(q)}`, key ? { key } : {});
  const found = async (q: string) =>
    ((await search(q)).body.items as Array<{ id: string }>).map((c) => c.id).sort();

  beforeAll(async () => {
    channelId = (
      await t.api('POST', '/api/channels', {
        body: { code: 'search-web', name: 'web', type: 'web', currency: 'EUR', locales: ['en'] },
      })
    ).body.id;
    const people = [
      { key: 'ana', email: 'ana.lindqvist@example.com', phone: '+46701234567', name: 'Ana Lindqvist' },
      { key: 'bo', email: 'bo@shop.example.org', phone: '+31612345678', name: 'Bo de Vries' },
    ];
    for (const p of people) {
      const r = await t.api('POST', '/api/customers/identify', {
        body: {
          channelId,
          identifiers: [
            { type: 'email', value: p.email },
            { type: 'phone', value: p.phone },
          ],
          traits: { name: p.name },
        },
      });
      expect(r.status, JSON.stringify(r.body)).toBeLessThan(300);
      ids[p.key] = r.body.customerId;
    }
  });

  it('finds by part of a name, an email or a phone number, case-insensitively', async () => {
    expect(await found('lindq')).toEqual([ids.ana]);
    expect(await found('VRIES')).toEqual([ids.bo]);
    expect(await found('shop.example')).toEqual([ids.bo]);
    expect(await found('example')).toEqual([ids.ana, ids.bo].sort());
    expect(await found('06 1234 5678')).toEqual([ids.bo]);
    expect(await found('70123')).toEqual([ids.ana]);
    expect(await found('nobody-here')).toEqual([]);
    // LIKE's own characters are text, not patterns.
    expect(await found('%_')).toEqual([]);
  });

  it('refuses a too short query (400 naming q), a key without the scope and a channel-bound key', async () => {
    const short = await search('a');
    expect(short.status).toBe(400);
    expect(short.body.errors[0].path).toContain('q');
    const key = async (body: Record<string, unknown>) =>
      (await t.api('POST', '/api/keys', { body: { name: 'k', ...body } })).body.secret as string;
    expect((await search('lindq', await key({ scopes: ['orders:read'] }))).status).toBe(403);
    expect((await search('lindq', await key({ scopes: ['customers:read'], channelId }))).status).toBe(403);
    expect((await t.api('GET', '/api/customers?q=lindq', { key: null })).status).toBe(401);
  });
});
