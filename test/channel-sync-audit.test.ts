// The consistency audit end to end through the public API, with a real local HTTP server standing in
// for a generic channel that keeps what it was pushed and answers the state read-back: a price edited
// on the channel shows up (hub vs channel), the fix action pushes it back; a title changed while the
// sync is switched off shows up against what the channel acknowledged; refusals and bad input.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { systemClock } from '../src/kernel/index.js';
import { createContext } from '../src/platform/context.js';
import { type ChannelReceiver, startChannelReceiver } from './helpers/channel-receiver.js';
import { eventually } from './helpers/eventually.js';
import { describeEachHub, ok, type TestHub } from './helpers/test-hub.js';
import { buildWebshop } from './helpers/webshop-fixture.js';

process.env.OMNIHUB_WEBHOOKS_ALLOW_PRIVATE = '1';
process.env.OMNIHUB_CHANNEL_SYNC_POLL_MS = '20';
process.env.OMNIHUB_CHANNEL_SYNC_LINGER_MS = '10';

let seq = 0;

/** A webshop channel with two listed SKUs at 14.50 EUR, 10 in stock each. */
const buildShop = (t: TestHub) =>
  buildWebshop(t, `au${++seq}${t.kind[0]}`, { products: 2, description: 'Organic cotton' });

describeEachHub('consistency audit', (t) => {
  let channel: ChannelReceiver;
  // The stand-in channel's catalogue: what it was pushed, editable by the test.
  const state = new Map<string, Record<string, unknown>>();

  beforeAll(async () => {
    channel = await startChannelReceiver();
    channel.handle = (r) => {
      const url = new URL(r.path, 'http://x');
      if (r.method === 'GET') {
        const skus = (url.searchParams.get('skus') ?? '').split(',');
        return { status: 200, body: { items: skus.filter((s) => state.has(s)).map((s) => state.get(s)) } };
      }
      const pushed = (r.json?.items ?? []) as Array<{
        sku: string;
        changed: string[];
        availableToSell: number;
        price: { decimal: string } | null;
        salePrice?: { decimal: string } | null;
        listed: boolean;
        title: string;
        description: string | null;
      }>;
      for (const i of pushed) {
        const s: Record<string, unknown> = state.get(i.sku) ?? { sku: i.sku };
        if (i.changed.includes('stock')) s.availableToSell = i.availableToSell;
        if (i.changed.includes('price')) {
          s.price = i.price?.decimal ?? null;
          s.salePrice = i.salePrice?.decimal ?? null;
        }
        if (i.changed.includes('listing'))
          Object.assign(s, { listed: i.listed, title: i.title, description: i.description });
        state.set(i.sku, s);
      }
      return { status: 204 };
    };
  });
  afterAll(() => channel.close());

  const audit = async (q: string) => ok(t, 'GET', `/api/channel-sync/audit?${q}`);
  const drained = (id: string) =>
    eventually(
      async () => (await ok(t, 'GET', `/api/channel-sync/connections/${id}/items`)).items,
      (items: unknown[]) => items.length === 0,
    );

  it('a price edited on the channel shows up, and its fix action pushes the hub price back', async () => {
    const shop = await buildShop(t);
    const c = await ok(t, 'POST', '/api/channel-sync/connections', {
      kind: 'generic',
      channelId: shop.channelId,
      baseUrl: `${channel.url}/sync`,
      ratePerSecond: 100,
    });
    await ok(t, 'POST', `/api/channel-sync/connections/${c.id}/resync`, {});
    await drained(c.id);
    await eventually(
      async () => state.get(shop.skus[1]!),
      (s) => s?.title === 'Fjord tee 1',
    );
    const clean = await audit(`connectionId=${c.id}&remote=true`);
    expect(clean.findings).toEqual([]);
    expect(clean.connections[0]).toMatchObject({ connectionId: c.id, skus: 2, total: 0, remote: 'checked' });

    // Someone edits the price in the channel's own back office.
    state.get(shop.skus[0]!)!.price = '9.99';
    expect((await audit(`connectionId=${c.id}`)).findings).toEqual([]); // the acknowledgement still agrees
    const drift = await audit(`connectionId=${c.id}&remote=true`);
    expect(drift.findings).toEqual([
      expect.objectContaining({
        kind: 'price',
        syncKind: 'price',
        sku: shop.skus[0],
        source: 'channel',
        hub: 1450,
        channel: 999,
      }),
    ]);
    expect(drift.connections[0].drift).toMatchObject({ price: 1, title: 0, availability: 0 });

    const fix = await t.api('POST', '/api/channel-sync/audit/fix', {
      body: { connectionId: c.id, items: [{ kind: 'price', sku: shop.skus[0] }] },
    });
    expect(fix.status).toBe(202);
    expect(fix.body).toEqual({ queued: 1 });
    await eventually(
      async () => state.get(shop.skus[0]!)?.price,
      (p) => p === '14.50',
    );
    await drained(c.id);
    expect((await audit(`connectionId=${c.id}&remote=true`)).findings).toEqual([]);

    // Sync switched off: a title changed in the hub is drift against what the channel acknowledged.
    await ok(t, 'PATCH', `/api/channel-sync/connections/${c.id}`, { status: 'disabled' });
    await ok(t, 'PATCH', `/api/catalog/products/${shop.productIds[1]}`, {
      content: { en: { title: 'Fjord tee renamed', description: 'Organic cotton' } },
    });
    await t.hub.integration.channelSync!.enqueuer!.caughtUp();
    const off = await audit(`connectionId=${c.id}`);
    expect(off.findings).toEqual([
      expect.objectContaining({
        kind: 'title',
        syncKind: 'listing',
        sku: shop.skus[1],
        source: 'acknowledged',
        hub: 'Fjord tee renamed',
        channel: 'Fjord tee 1',
        queued: null,
      }),
    ]);
    expect(off.connections[0]).toMatchObject({ status: 'disabled', total: 1 });
    const summary = await t.hub.integration.channelSync!.flow.auditSummary(
      createContext(t.hub.database, { clock: systemClock, log: t.hub.log }),
    );
    expect(summary.connections.find((x) => x.connectionId === c.id)).toMatchObject({
      total: 1,
      drift: { title: 1 },
    });

    // The whole connection again: back on, every SKU re-queued.
    await ok(t, 'PATCH', `/api/channel-sync/connections/${c.id}`, { status: 'active' });
    const all = await t.api('POST', '/api/channel-sync/audit/fix', { body: { connectionId: c.id } });
    expect(all.status).toBe(202);
    expect(all.body.queued).toBe(6);
    await drained(c.id);
    expect((await audit(`connectionId=${c.id}&remote=true`)).findings).toEqual([]);
    expect(state.get(shop.skus[1]!)?.title).toBe('Fjord tee renamed');
    await t.api('DELETE', `/api/channel-sync/connections/${c.id}`);
  });

  it('refuses other keys and bad input; writes nothing', async () => {
    const shop = await buildShop(t);
    const c = await ok(t, 'POST', '/api/channel-sync/connections', {
      kind: 'generic',
      channelId: shop.channelId,
      baseUrl: `${channel.url}/sync`,
      status: 'paused',
    });
    const key = async (body: Record<string, unknown>) =>
      (await ok(t, 'POST', '/api/keys', { name: 'k', ...body })).secret as string;
    const wrongScope = await key({ scopes: ['catalog:read'] });
    const reader = await key({ scopes: ['channel_sync:read'] });
    const bound = await key({ scopes: ['channel_sync:write'], channelId: shop.channelId });
    const publishable = await key({ kind: 'publishable', channelId: shop.channelId });
    const fixBody = { connectionId: c.id, items: [{ kind: 'price', sku: shop.skus[0] }] };
    for (const k of [null, wrongScope, bound, publishable]) {
      const get = await t.api('GET', '/api/channel-sync/audit', { key: k });
      expect(get.status, `audit with ${k}`).toBe(k === null ? 401 : 403);
    }
    for (const k of [null, wrongScope, reader, bound, publishable]) {
      const post = await t.api('POST', '/api/channel-sync/audit/fix', { key: k, body: fixBody });
      expect(post.status, `fix with ${k}`).toBe(k === null ? 401 : 403);
    }
    expect((await t.api('GET', '/api/channel-sync/audit', { key: reader })).status).toBe(200);

    const bad = [
      [{ connectionId: c.id, items: [{ kind: 'colour', sku: 'X' }] }, 'body.items.0.kind'],
      [{ connectionId: c.id, items: [] }, 'body.items'],
      [{ connectionId: c.id, extra: 1 }, 'body'],
    ] as const;
    for (const [body, field] of bad) {
      const r = await t.api('POST', '/api/channel-sync/audit/fix', { body });
      expect(r.status, JSON.stringify(body)).toBe(400);
      expect(String(r.headers['content-type'])).toContain('application/problem+json');
      expect(JSON.stringify(r.body)).toContain(field.split('.').at(-1));
    }
    const notPushed = await ok(t, 'POST', '/api/channel-sync/connections', {
      kind: 'generic',
      channelId: shop.channelId,
      baseUrl: `${channel.url}/sync`,
      push: ['stock'],
      status: 'paused',
    });
    const wrongKind = await t.api('POST', '/api/channel-sync/audit/fix', {
      body: { connectionId: notPushed.id, items: [{ kind: 'price', sku: shop.skus[0] }] },
    });
    expect(wrongKind.status).toBe(400);
    expect(JSON.stringify(wrongKind.body)).toContain('body.items.0.kind');
    expect(
      (await t.api('POST', '/api/channel-sync/audit/fix', { body: { connectionId: 'csc_nope' } })).status,
    ).toBe(404);
    expect((await t.api('GET', '/api/channel-sync/audit?limit=0')).status).toBe(400);
    expect((await t.api('GET', '/api/channel-sync/audit?remote=maybe')).status).toBe(400);
    for (const id of [c.id, notPushed.id])
      expect((await ok(t, 'GET', `/api/channel-sync/connections/${id}/items`)).items).toEqual([]);
    await t.api('DELETE', `/api/channel-sync/connections/${c.id}`);
    await t.api('DELETE', `/api/channel-sync/connections/${notPushed.id}`);
  });
});
