// Tags and traits by customer id over HTTP: idempotent tags, newest-wins traits with their channel
// and time, events for each change, the single customer view and search, merged profiles acting on
// the surviving one, and bad input writing nothing.
import { beforeAll, expect, it } from 'vitest';
import { describeEachHub } from './helpers/test-hub.js';

describeEachHub('customer tags and traits by id', (t) => {
  let web = '';
  let store = '';
  const identify = async (email: string, channelId = web) =>
    (
      await t.api('POST', '/api/customers/identify', {
        body: { channelId, identifiers: [{ type: 'email', value: email }] },
      })
    ).body.customerId as string;
  const events = async (type: string, subject: string) =>
    (await t.api('GET', `/api/events?types=${type}&subject=${subject}`)).body.items as Array<{
      omnihubchannel?: string;
      data: Record<string, unknown>;
    }>;
  const payloadOf = (e: { data: Record<string, unknown> }) => e.data;
  const tag = (id: string, body: unknown, key?: string) =>
    t.api('POST', `/api/customers/${id}/tags`, { body, ...(key ? { key } : {}) });
  const traits = (id: string, body: unknown, key?: string) =>
    t.api('PATCH', `/api/customers/${id}/traits`, { body, ...(key ? { key } : {}) });

  beforeAll(async () => {
    const channel = async (code: string, type: string) =>
      (
        await t.api('POST', '/api/channels', {
          body: { code, name: code, type, currency: 'EUR', locales: ['en'] },
        })
      ).body.id as string;
    web = await channel('edits-web', 'web');
    store = await channel('edits-store', 'store');
  });

  it('adds and removes tags idempotently, with one event per real change', async () => {
    const id = await identify('tags@example.com');
    const first = await tag(id, { add: ['VIP ', 'newsletter'] });
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({
      customerId: id,
      added: ['newsletter', 'vip'],
      removed: [],
      tags: ['newsletter', 'vip'],
    });
    const again = await tag(id, { add: ['vip'], remove: ['never-had'] });
    expect(again.body).toMatchObject({ added: [], removed: [], tags: ['newsletter', 'vip'] });
    const removed = await tag(id, { remove: ['newsletter'] });
    expect(removed.body).toMatchObject({ added: [], removed: ['newsletter'], tags: ['vip'] });
    const changes = await events('customer.tags_changed', id);
    expect(changes.map(payloadOf)).toEqual([
      { profileId: id, added: ['newsletter', 'vip'], removed: [] },
      { profileId: id, added: [], removed: ['newsletter'] },
    ]);
    const view = await t.api('GET', `/api/customers/${id}`);
    expect(view.body.tags.map((x: { tag: string }) => x.tag)).toEqual(['vip']);
    const found = await t.api('GET', '/api/customers?tag=VIP');
    expect(found.body.items.map((c: { id: string }) => c.id)).toContain(id);
    expect(found.body.items.find((c: { id: string }) => c.id === id).tags).toEqual(['vip']);
  });

  it('sets traits newest-wins with the channel and time, like ingestion', async () => {
    const id = await identify('traits@example.com');
    const set = await traits(id, {
      traits: { name: 'Tess Traits', tier: 'gold' },
      channelId: store,
      occurredAt: '2026-03-01T10:00:00Z',
    });
    expect(set.status).toBe(200);
    expect(set.body.changed.sort()).toEqual(['name', 'tier']);
    expect(set.body.traits.tier).toEqual({ value: 'gold', channelId: store, at: '2026-03-01T10:00:00.000Z' });
    // An older value loses; a newer one wins.
    const older = await traits(id, { traits: { tier: 'bronze' }, occurredAt: '2026-02-01T00:00:00Z' });
    expect(older.body.changed).toEqual([]);
    expect(older.body.traits.tier.value).toBe('gold');
    const newer = await traits(id, {
      traits: { tier: 'platinum' },
      channelId: web,
      occurredAt: '2026-04-01T00:00:00Z',
    });
    expect(newer.body.changed).toEqual(['tier']);
    const view = await t.api('GET', `/api/customers/${id}`);
    expect(view.body.traits.tier).toEqual({
      value: 'platinum',
      channelId: web,
      at: '2026-04-01T00:00:00.000Z',
    });
    expect(view.body.traits.name.value).toBe('Tess Traits');
    const found = await t.api('GET', '/api/customers?name=tess');
    expect(found.body.items.map((c: { id: string; name: string }) => [c.id, c.name])).toEqual([
      [id, 'Tess Traits'],
    ]);
    const changes = await events('customer.traits_changed', id);
    expect(changes.map((e) => [payloadOf(e).traits, e.omnihubchannel])).toEqual([
      [['name', 'tier'], store],
      [['tier'], web],
    ]);
  });

  it('acts on the surviving profile when given a merged one', async () => {
    const a = await identify('merge-a@example.com');
    const b = await identify('merge-b@example.com');
    await tag(b, { add: ['from-b'] });
    const merged = await t.api('POST', '/api/customers/merges', {
      body: { profileIds: [a, b], reason: 'same person', force: true },
    });
    expect(merged.status).toBe(201);
    const winner = merged.body.winnerId as string;
    const loser = winner === a ? b : a;
    const viaLoser = await tag(loser, { add: ['vip'], remove: ['from-b'] });
    expect(viaLoser.body).toMatchObject({
      customerId: winner,
      added: ['vip'],
      removed: ['from-b'],
      tags: ['vip'],
    });
    const set = await traits(loser, { traits: { tier: 'gold' } });
    expect(set.body.customerId).toBe(winner);
    const view = await t.api('GET', `/api/customers/${winner}`);
    // Shown on the merged view, kept with the profile it was set on (so an unmerge hands it back).
    expect(view.body.tags).toEqual([expect.objectContaining({ tag: 'vip', profileId: loser })]);
    expect(view.body.traits.tier.value).toBe('gold');
    expect(payloadOf((await events('customer.traits_changed', winner))[0]!)).toEqual({
      profileId: winner,
      traits: ['tier'],
    });
  });

  it("a channel-bound key writes with its own channel and can't claim another", async () => {
    const id = await identify('bound@example.com');
    const key = (
      await t.api('POST', '/api/keys', {
        body: { name: 'till', scopes: ['customers:write'], channelId: store },
      })
    ).body.secret as string;
    const ok = await traits(id, { traits: { size: 'M' } }, key);
    expect(ok.body.traits.size.channelId).toBe(store);
    expect((await traits(id, { traits: { size: 'L' }, channelId: web }, key)).status).toBe(403);
    const tagged = await tag(id, { add: ['in-store'] }, key);
    expect(tagged.status).toBe(200);
    expect((await t.api('GET', `/api/customers/${id}`)).body.tags[0]).toMatchObject({
      tag: 'in-store',
      channelId: store,
    });
  });

  it('refuses bad input and writes nothing', async () => {
    const id = await identify('bad@example.com');
    for (const [res, path] of [
      [await tag(id, {}), 'body'],
      [await tag(id, { add: [' '] }), 'body.add.0'],
      [await tag(id, { add: ['x'], remove: ['X'] }), 'body.add.0'],
      [await traits(id, { traits: {} }), 'body.traits'],
      [await traits(id, { traits: { email: 'other@example.com', tier: 'gold' } }), 'body.traits.email'],
      [await traits(id, { traits: { tier: 'gold' }, occurredAt: 'yesterday' }), 'body.occurredAt'],
    ] as const) {
      expect(res.status).toBe(400);
      expect(JSON.stringify(res.body)).toContain(path);
    }
    const view = await t.api('GET', `/api/customers/${id}`);
    expect(view.body.tags).toEqual([]);
    expect(view.body.traits.tier).toBeUndefined();
    expect(await events('customer.t*', id)).toEqual([]);
    expect((await tag('cus_nobody', { add: ['x'] })).status).toBe(404);
    expect((await traits('cus_nobody', { traits: { a: 1 } })).status).toBe(404);
  });
});
