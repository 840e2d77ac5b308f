// A till's sales kept on the hub: the sale on the screen is found again by the same till from any
// device, can be parked by name and resumed, a second sale cannot silently replace one with lines,
// cancelling or leaving it idle gives the stock back, and only the till's own keys reach them.
import { expect, it } from 'vitest';
import { buildCommerceFixture, type CommerceFixture } from './helpers/commerce-fixture.js';
import { describeEachHub } from './helpers/test-hub.js';

describeEachHub('till sales kept on the hub (parked sales)', (t) => {
  let f: CommerceFixture;
  const amsStock = async (sku: string) => {
    const levels = await t.api('GET', `/api/inventory/locations/${f.locations.amsterdam.id}/levels`);
    return levels.body.items.find((l: { sku: string }) => l.sku === sku) as {
      onHand: number;
      reserved: number;
    };
  };

  it('builds a retailer with two store tills', async () => {
    f = await buildCommerceFixture(t, 'PS');
  });

  it('keeps the sale on the screen for the till, parks it by name and resumes it', async () => {
    const key = f.keys.tillAms;
    const empty = await t.api('GET', '/api/tills/sales', { key });
    expect(empty.status).toBe(200);
    expect(empty.body).toEqual({ current: null, parked: [] });

    const started = await t.api('POST', '/api/tills/sales', {
      key,
      body: { lines: [{ sku: f.skus.mug, quantity: 1 }] },
    });
    expect(started.status, JSON.stringify(started.body)).toBe(201);
    expect(started.body).toMatchObject({ status: 'open', tillChannelId: f.channels.tillAms.id, name: null });
    expect(started.body.cart.lines).toMatchObject([{ sku: f.skus.mug, quantity: 1, holdStatus: 'held' }]);
    const anna = started.body.cartId as string;
    expect((await amsStock(f.skus.mug)).reserved).toBe(1);

    // Another device of the same till (same key) finds it; another store's till does not.
    const again = await t.api('GET', '/api/tills/sales', { key });
    expect(again.body.current).toMatchObject({ cartId: anna, status: 'open' });
    const other = await t.api('GET', '/api/tills/sales', { key: f.keys.tillSto });
    expect(other.body).toEqual({ current: null, parked: [] });

    // A new sale may not push one with lines off the screen.
    const refused = await t.api('POST', '/api/tills/sales', { key, body: {} });
    expect(refused.status).toBe(409);
    expect(refused.body).toMatchObject({ code: 'sale_in_progress', cartId: anna });

    const badName = await t.api('POST', `/api/tills/sales/${anna}/park`, { key, body: { name: '' } });
    expect(badName.status).toBe(400);
    expect(badName.body.errors[0].path).toBe('body.name');

    const parked = await t.api('POST', `/api/tills/sales/${anna}/park`, {
      key,
      body: { name: "Anna's sale" },
    });
    expect(parked.status, JSON.stringify(parked.body)).toBe(200);
    expect(parked.body).toMatchObject({ status: 'parked', name: "Anna's sale" });
    expect(parked.body.parkedAt).toBeTruthy();
    // Parked goods stay held.
    expect((await amsStock(f.skus.mug)).reserved).toBe(1);

    const next = await t.api('POST', '/api/tills/sales', {
      key,
      body: { lines: [{ sku: f.skus.cap, quantity: 1 }] },
    });
    expect(next.status, JSON.stringify(next.body)).toBe(201);
    const list = await t.api('GET', '/api/tills/sales', { key });
    expect(list.body.current.cartId).toBe(next.body.cartId);
    expect(list.body.parked.map((s: { cartId: string; name: string }) => [s.cartId, s.name])).toEqual([
      [anna, "Anna's sale"],
    ]);

    // Resuming Anna's sale while the next one has lines is refused; once that one is cancelled it works.
    const busy = await t.api('POST', `/api/tills/sales/${anna}/resume`, { key });
    expect(busy.status).toBe(409);
    expect(busy.body.code).toBe('sale_in_progress');
    const cancelled = await t.api('DELETE', `/api/tills/sales/${next.body.cartId}`, { key });
    expect(cancelled.status, JSON.stringify(cancelled.body)).toBe(200);
    expect(cancelled.body.status).toBe('abandoned');
    expect((await amsStock(f.skus.cap)).reserved).toBe(0);
    const resumed = await t.api('POST', `/api/tills/sales/${anna}/resume`, { key });
    expect(resumed.status, JSON.stringify(resumed.body)).toBe(200);
    expect(resumed.body).toMatchObject({ cartId: anna, status: 'open', name: "Anna's sale" });

    // Sold: it leaves the till's sales.
    await t.api('PUT', `/api/carts/${anna}/delivery`, { key, body: { type: 'carry_out' } });
    const quote = await t.api('GET', `/api/carts/${anna}/quote`, { key });
    const sold = await t.api('POST', `/api/carts/${anna}/checkout`, {
      key,
      body: { payments: [{ provider: 'manual', amount: quote.body.grand, tendered: quote.body.grand }] },
    });
    expect(sold.status, JSON.stringify(sold.body)).toBe(201);
    expect((await t.api('GET', '/api/tills/sales', { key })).body).toEqual({ current: null, parked: [] });
    const events = await t.api('GET', '/api/events?types=cart.till_sale_*&limit=100');
    const mine = events.body.items.filter((e: { subject: string }) => e.subject === anna);
    expect(mine.map((e: { type: string }) => e.type)).toEqual([
      'cart.till_sale_parked',
      'cart.till_sale_resumed',
    ]);
    expect(JSON.stringify(mine)).not.toContain('Anna');
  });

  it('an empty sale on the screen is replaced; a customer cart moved to the till becomes the sale', async () => {
    const key = f.keys.tillAms;
    const blank = await t.api('POST', '/api/tills/sales', { key, body: {} });
    expect(blank.status).toBe(201);
    const web = await t.api('POST', '/api/carts', {
      key: f.keys.web,
      body: { lines: [{ sku: f.skus.tee, quantity: 1 }] },
    });
    expect(web.status).toBe(201);
    // Not on the till's channel yet: not found for this till.
    const early = await t.api('POST', '/api/tills/sales', { key, body: { cartId: web.body.id } });
    expect(early.status).toBe(404);
    const moved = await t.api('POST', `/api/carts/${web.body.id}/channel`, {
      key,
      body: { handoffCode: web.body.handoff.code },
    });
    expect(moved.status, JSON.stringify(moved.body)).toBe(200);
    const taken = await t.api('POST', '/api/tills/sales', { key, body: { cartId: web.body.id } });
    expect(taken.status, JSON.stringify(taken.body)).toBe(201);
    expect(taken.body.cart.lines).toMatchObject([{ sku: f.skus.tee }]);
    const blankCart = await t.api('GET', `/api/carts/${blank.body.cartId}`, { key });
    expect(blankCart.body.status).toBe('abandoned');
    const cancel = await t.api('DELETE', `/api/tills/sales/${web.body.id}`, { key });
    expect(cancel.status).toBe(200);
  });

  it('gives the stock of sales nobody touched back (idle sweep)', async () => {
    const key = f.keys.tillAms;
    const s = await t.api('POST', '/api/tills/sales', {
      key,
      body: { lines: [{ sku: f.skus.mug, quantity: 1 }] },
    });
    expect(s.status, JSON.stringify(s.body)).toBe(201);
    await t.api('POST', `/api/tills/sales/${s.body.cartId}/park`, { key, body: { name: 'Left behind' } });
    const reservedBefore = (await amsStock(f.skus.mug)).reserved;
    expect(await t.hub.services.commerce.tillSales.abandonIdle(t.hub.systemCtx(), 3600)).toBe(0);
    await new Promise((r) => setTimeout(r, 20));
    expect(await t.hub.services.commerce.tillSales.abandonIdle(t.hub.systemCtx(), 0)).toBe(1);
    expect((await amsStock(f.skus.mug)).reserved).toBe(reservedBefore - 1);
    expect((await t.api('GET', '/api/tills/sales', { key })).body.parked).toEqual([]);
    expect((await t.api('GET', `/api/carts/${s.body.cartId}`, { key })).body.status).toBe('abandoned');
  });

  it('refuses callers that are not this till: no key, wrong scope, another store, a publishable key', async () => {
    const key = f.keys.tillAms;
    const s = await t.api('POST', '/api/tills/sales', {
      key,
      body: { lines: [{ sku: f.skus.cap, quantity: 1 }] },
    });
    const id = s.body.cartId as string;
    const readOnly = (
      await t.api('POST', '/api/keys', {
        body: { name: 'ps-ro', scopes: ['orders:read'], channelId: f.channels.tillAms.id },
      })
    ).body.secret as string;
    const publishable = (
      await t.api('POST', '/api/keys', {
        body: { name: 'ps-pk', kind: 'publishable', channelId: f.channels.tillAms.id },
      })
    ).body.secret as string;
    const calls: Array<[string, string, unknown?]> = [
      ['GET', '/api/tills/sales'],
      ['POST', '/api/tills/sales', {}],
      ['POST', `/api/tills/sales/${id}/park`, { name: 'x' }],
      ['POST', `/api/tills/sales/${id}/resume`, {}],
      ['DELETE', `/api/tills/sales/${id}`],
    ];
    for (const [method, path, body] of calls) {
      const o = body === undefined ? {} : { body };
      expect((await t.api(method, path, { ...o, key: null })).status, `${method} ${path} no key`).toBe(401);
      const scope = await t.api(method, path, { ...o, key: readOnly });
      expect([scope.status, scope.body.code], `${method} ${path} scope`).toEqual([403, 'forbidden']);
      const pk = await t.api(method, path, { ...o, key: publishable });
      expect([pk.status, pk.body.code], `${method} ${path} publishable`).toEqual([403, 'key_kind_forbidden']);
    }
    // Another store's till: the sale is not found; its own list is its own.
    for (const [method, path, body] of calls.slice(2)) {
      const r = await t.api(method, path, { ...(body === undefined ? {} : { body }), key: f.keys.tillSto });
      expect([r.status, r.body.code], `${method} ${path} other till`).toEqual([404, 'not_found']);
    }
    const named = await t.api('GET', `/api/tills/sales?channelId=${f.channels.tillAms.id}`, {
      key: f.keys.tillSto,
    });
    expect([named.status, named.body.code]).toEqual([403, 'channel_forbidden']);
    // Nothing changed: the sale is still on Amsterdam's screen.
    expect((await t.api('GET', '/api/tills/sales', { key })).body.current.cartId).toBe(id);
    // The admin (unbound) names the till.
    const admin = await t.api('GET', `/api/tills/sales?channelId=${f.channels.tillAms.id}`);
    expect(admin.body.current.cartId).toBe(id);
    const unnamed = await t.api('GET', '/api/tills/sales');
    expect([unnamed.status, unnamed.body.errors?.[0]?.path]).toEqual([400, 'query.channelId']);
  });
});
