// The consistency audit end to end through the public API, with a real local HTTP server standing in
// for a generic channel that keeps what it was pushed and answers the state read-back: a price edited
// on the channel shows up (hub vs channel), the fix action pushes it back; a title changed while the
// sync is switched off shows up against what the channel acknowledged; refusals and bad input.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { systemClock } from '../src/kernel/index.js';
import { createContext } from '../src/platform/context.js';
import {
  type ChannelReceiver,
  keepPushedCatalogue,
  type StandInItem,
  startChannelReceiver,
} from './helpers/channel-receiver.js';
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
  let state: Map<string, StandInItem>;

  beforeAll(async () => {
    channel = await startChannelReceiver();
    state = keepPushedCatalogue(channel);
  });
  afterAll(() => channel.close());

  const audit = async (q: string) => ok(t, 'GET', `/api/channel-sync/audit?${q}`);
  const drained = (id: string) =>
    eventually(
      async () => (await ok(t, 'GET', `/api/channel-sync/connections/${id}/items`)).items,
      (items: unknown[]) => items.length === 0,
    );

  /** A shop connected to the stand-in, every SKU pushed and acknowledged. */
  async function connectedShop() {
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
    return { shop, c };
  }

  it('a price edited on the channel shows up, and its fix action pushes the hub price back', async () => {
    const { shop, c } = await connectedShop();
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

  it('the periodic audit keeps each result, once per interval, and leaves a connection another node audits', async () => {
    const { shop, c } = await connectedShop();
    // The channel's own back office changes a stock figure; the background job's tick finds it.
    state.get(shop.skus[0]!)!.availableToSell = 3;
    await t.hub.jobs.consistencyAudit.runNow();
    const kept = async () =>
      (await ok(t, 'GET', '/api/channel-sync/audit/last')).items.find(
        (a: { connectionId: string }) => a.connectionId === c.id,
      );
    const first = await kept();
    expect(first).toMatchObject({
      channelId: shop.channelId,
      status: 'active',
      skus: 2,
      remote: 'checked',
      drift: { availability: 1, price: 0 },
      driftBySync: { stock: 1, price: 0, listing: 0 },
      sample: [{ sku: shop.skus[0], kind: 'availability', source: 'channel', hub: 10, channel: 3 }],
    });
    // Audited within the interval: the next tick leaves it (its result, drift included, stays).
    state.get(shop.skus[0]!)!.availableToSell = 10;
    await t.hub.jobs.consistencyAudit.runNow();
    expect((await kept()).auditedAt).toBe(first.auditedAt);

    // Another node holds the connection's audit lease: running it now here leaves that connection.
    const ctx = createContext(t.hub.database, { clock: systemClock, log: t.hub.log });
    const service = t.hub.integration.channelSync!.service;
    const lease = { owner: 'other-node', leaseMs: 60_000, dueBefore: new Date(Date.now() + 60_000) };
    const held = await service.claimAudits(ctx, { ...lease, limit: 1000 });
    expect(held).toContain(c.id);
    const run = await ok(t, 'POST', '/api/channel-sync/audit/run', {});
    expect(run.items.map((a: { connectionId: string }) => a.connectionId)).not.toContain(c.id);
    for (const id of held) await service.releaseAudit(ctx, id, 'other-node');
    const again = await ok(t, 'POST', '/api/channel-sync/audit/run', {});
    expect(again.items.find((a: { connectionId: string }) => a.connectionId === c.id)).toMatchObject({
      driftBySync: { stock: 0, price: 0, listing: 0 },
      sample: [],
    });
    expect((await kept()).auditedAt > first.auditedAt).toBe(true);
    await t.api('DELETE', `/api/channel-sync/connections/${c.id}`);
    expect(await kept()).toBeUndefined();
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
    // The periodic audit's kept results and running it now.
    for (const k of [null, wrongScope, bound, publishable]) {
      const last = await t.api('GET', '/api/channel-sync/audit/last', { key: k });
      expect(last.status, `last audits with ${k}`).toBe(k === null ? 401 : 403);
    }
    for (const k of [null, wrongScope, reader, bound, publishable]) {
      const run = await t.api('POST', '/api/channel-sync/audit/run', { key: k, body: {} });
      expect(run.status, `run with ${k}`).toBe(k === null ? 401 : 403);
    }
    const hostileRun = await t.api('POST', '/api/channel-sync/audit/run', { body: { connectionId: c.id } });
    expect(hostileRun.status).toBe(400);
    expect(String(hostileRun.headers['content-type'])).toContain('application/problem+json');
    const kept = await t.api('GET', '/api/channel-sync/audit/last', { key: reader });
    expect(kept.status).toBe(200);
    expect(kept.body.items.filter((a: { connectionId: string }) => a.connectionId === c.id)).toEqual([]);

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
