// A cart charges what the channel sells at NOW: the flow caches channels and prices for speed, and
// a change committed through this hub must reach the very next add-to-cart (a storefront journey
// once failed with "not sold on channel" because a channel read before its price list was set stayed
// cached for two seconds).
import { expect, it } from 'vitest';
import { buildCommerceFixture, type CommerceFixture } from './helpers/commerce-fixture.js';
import { describeEachHub } from './helpers/test-hub.js';

describeEachHub('cart prices follow channel and price changes at once', (t) => {
  let f: CommerceFixture;
  const addMug = async () =>
    t.api('POST', '/api/carts', { key: f.keys.app, body: { lines: [{ sku: f.skus.mug, quantity: 1 }] } });

  it('builds the retailer and warms the caches with one cart', async () => {
    f = await buildCommerceFixture(t, 'PF');
    const first = await addMug();
    expect(first.status).toBe(201);
    expect(first.body.lines[0].unitPrice).toBe(1200);
  });

  it('a new price on the channel price list is charged on the next add', async () => {
    const channel = await t.api('GET', `/api/channels/${f.channels.app.id}`);
    const set = await t.api('PUT', `/api/catalog/price-lists/${channel.body.priceListId}/prices`, {
      body: { prices: [{ sku: f.skus.mug, amount: 1350, currency: 'EUR' }] },
    });
    expect(set.status, JSON.stringify(set.body)).toBeLessThan(300);
    const cart = await addMug();
    expect(cart.status).toBe(201);
    expect(cart.body.lines[0].unitPrice).toBe(1350);
  });

  it('a channel moved to another price list sells from it on the next add', async () => {
    const list = await t.api('POST', '/api/catalog/price-lists', {
      body: { code: 'eur-outlet-pf', name: 'Outlet', currency: 'EUR' },
    });
    expect(list.status).toBe(201);
    const prices = await t.api('PUT', `/api/catalog/price-lists/${list.body.id}/prices`, {
      body: { prices: [{ sku: f.skus.mug, amount: 900, currency: 'EUR' }] },
    });
    expect(prices.status, JSON.stringify(prices.body)).toBeLessThan(300);
    const moved = await t.api('PATCH', `/api/channels/${f.channels.app.id}`, {
      body: { priceListId: list.body.id },
    });
    expect(moved.status).toBe(200);
    const cart = await addMug();
    expect(cart.status, JSON.stringify(cart.body)).toBe(201);
    expect(cart.body.lines[0].unitPrice).toBe(900);
  });

  it('a price list without the SKU makes it unsellable on the next add (not the cached price)', async () => {
    const empty = await t.api('POST', '/api/catalog/price-lists', {
      body: { code: 'eur-empty-pf', name: 'Empty', currency: 'EUR' },
    });
    await t.api('PATCH', `/api/channels/${f.channels.app.id}`, {
      body: { priceListId: empty.body.id },
    });
    const cart = await addMug();
    expect(cart.status).toBe(422);
    expect(cart.body).toMatchObject({ code: 'not_sold_on_channel' });
  });
});
