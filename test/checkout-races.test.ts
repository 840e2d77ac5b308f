// Bad input and races of issue 5 through the HTTP API: two channels checking out the last unit at
// once, a refused payment, holds that expire, cancelling before paying, illegal transitions and a
// marketplace order imported twice.
import { expect, it } from 'vitest';
import { ManualClock } from '../src/kernel/index.js';
import {
  buildCommerceFixture,
  COMMERCE_HUB_OPTIONS,
  type CommerceFixture,
} from './helpers/commerce-fixture.js';
import { describeEachHub } from './helpers/test-hub.js';

const clock = new ManualClock('2026-03-02T10:00:00Z');

describeEachHub(
  'checkout: races and bad input',
  (t) => {
    let f: CommerceFixture;
    const as = (key: string) => ({ key });
    const level = async (locationId: string, sku: string) =>
      (await t.api('GET', `/api/inventory/locations/${locationId}/levels`)).body.items.find(
        (l: { sku: string }) => l.sku === sku,
      );
    const cartWith = async (key: string, sku: string, quantity = 1) => {
      const c = await t.api('POST', '/api/carts', { key, body: { lines: [{ sku, quantity }] } });
      expect(c.status, JSON.stringify(c.body)).toBe(201);
      return c.body.id as string;
    };
    const ship = {
      type: 'ship',
      method: 'standard',
      address: {
        line1: 'Damrak 1',
        postalCode: '1012 LG',
        city: 'Amsterdam',
        country: 'NL',
        latitude: 52.37,
        longitude: 4.89,
      },
    };

    it('builds a retailer with ONE cap in stock (in the warehouse)', async () => {
      f = await buildCommerceFixture(t, 'R1', {
        cap: { warehouse: 1, amsterdam: 0, stockholm: 0 },
        tee: { warehouse: 1, amsterdam: 1, stockholm: 5 },
      });
    });

    it('a cart whose hold expired says which line lost it', async () => {
      const cartId = await cartWith(f.keys.app, f.skus.cap);
      // While the app holds the only cap, the webshop cannot add it.
      const refused = await t.api('POST', '/api/carts', {
        ...as(f.keys.web),
        body: { lines: [{ sku: f.skus.cap, quantity: 1 }] },
      });
      expect(refused.status).toBe(409);
      expect(refused.body).toMatchObject({ code: 'insufficient_stock', sku: f.skus.cap, available: 0 });
      clock.advance(16 * 60 * 1000);
      await t.hub.services.inventory.expireHolds(t.hub.systemCtx());
      const cart = await t.api('GET', `/api/carts/${cartId}`, as(f.keys.app));
      expect(cart.body.linesLostHold).toHaveLength(1);
      expect(cart.body.lines[0].holdStatus).toBe('lost');
      expect((await level(f.locations.warehouse.id, f.skus.cap)).reserved).toBe(0);
    });

    it('two channels check out the last unit at once: exactly one order, the other 409 insufficient_stock', async () => {
      // Both carts were filled while the cap was free (their holds expired), so both reach checkout.
      const appCart = await cartWith(f.keys.app, f.skus.cap);
      clock.advance(16 * 60 * 1000);
      await t.hub.services.inventory.expireHolds(t.hub.systemCtx());
      const webCart = await cartWith(f.keys.web, f.skus.cap);
      clock.advance(16 * 60 * 1000);
      await t.hub.services.inventory.expireHolds(t.hub.systemCtx());
      for (const [id, key] of [
        [appCart, f.keys.app],
        [webCart, f.keys.web],
      ] as const) {
        expect((await t.api('PUT', `/api/carts/${id}/delivery`, { key, body: ship })).status).toBe(200);
      }
      const body = { payment: { provider: 'test', token: 'tok_visa' } };
      const [a, b] = await Promise.all([
        t.api('POST', `/api/carts/${appCart}/checkout`, { key: f.keys.app, body }),
        t.api('POST', `/api/carts/${webCart}/checkout`, { key: f.keys.web, body }),
      ]);
      const statuses = [a.status, b.status].sort();
      expect(statuses).toEqual([201, 409]);
      const loser = a.status === 409 ? a : b;
      expect(loser.body).toMatchObject({
        code: 'insufficient_stock',
        sku: f.skus.cap,
        requested: 1,
        available: 0,
      });
      const orders = await t.api('GET', `/api/orders?status=allocated&limit=200`);
      const capOrders = orders.body.items.filter((o: { lines: Array<{ sku: string }> }) =>
        o.lines.some((l) => l.sku === f.skus.cap),
      );
      expect(capOrders).toHaveLength(1);
      const cap = await level(f.locations.warehouse.id, f.skus.cap);
      expect(cap).toMatchObject({ onHand: 1, reserved: 1 });
      // The winner's shipment says why the warehouse was chosen.
      const detail = await t.api('GET', `/api/orders/${capOrders[0].id}`);
      expect(detail.body.fulfilments[0]).toMatchObject({
        kind: 'ship_from_warehouse',
        locationId: f.locations.warehouse.id,
      });
      expect(detail.body.fulfilments[0].routing.reason).toContain('nearest with stock');
    });

    it('a refused payment leaves no order and releases the holds', async () => {
      const cartId = await cartWith(f.keys.web, f.skus.tee);
      expect((await level(f.locations.warehouse.id, f.skus.tee)).reserved).toBe(1);
      await t.api('PUT', `/api/carts/${cartId}/delivery`, { ...as(f.keys.web), body: ship });
      const failed = await t.api('POST', `/api/carts/${cartId}/checkout`, {
        ...as(f.keys.web),
        body: { payment: { provider: 'test', token: 'tok_decline' } },
      });
      expect(failed.status).toBe(402);
      expect(failed.body).toMatchObject({
        code: 'payment_failed',
        reason: 'card_declined',
        orderPlaced: false,
        holdsReleased: true,
      });
      expect((await level(f.locations.warehouse.id, f.skus.tee)).reserved).toBe(0);
      const cart = await t.api('GET', `/api/carts/${cartId}`, as(f.keys.web));
      expect(cart.body).toMatchObject({ status: 'active', orderId: null });
      expect(cart.body.lines[0].holdStatus).toBe('lost');
      const orders = await t.api('GET', `/api/orders?channelId=${f.channels.web.id}&limit=200`);
      expect(orders.body.items.filter((o: { cartId: string }) => o.cartId === cartId)).toHaveLength(0);
      // Paying again with a good card re-reserves at checkout and places the order.
      const retried = await t.api('POST', `/api/carts/${cartId}/checkout`, {
        ...as(f.keys.web),
        body: { payment: { provider: 'test', token: 'tok_visa' } },
      });
      expect(retried.status, JSON.stringify(retried.body)).toBe(201);
    });

    it('ships from the nearest location with stock, or splits, and says why', async () => {
      // One tee left in Amsterdam and five in Stockholm; a shopper in Stockholm asks for 2.
      const cartId = await cartWith(f.keys.web, f.skus.tee, 2);
      const delivery = await t.api('PUT', `/api/carts/${cartId}/delivery`, {
        ...as(f.keys.web),
        body: {
          ...ship,
          address: {
            ...ship.address,
            city: 'Stockholm',
            postalCode: '111 22',
            country: 'SE',
            latitude: 59.3,
            longitude: 18.1,
          },
        },
      });
      expect(delivery.status, JSON.stringify(delivery.body)).toBe(200);
      const done = await t.api('POST', `/api/carts/${cartId}/checkout`, {
        ...as(f.keys.web),
        body: { payment: { provider: 'test', token: 'tok_visa' } },
      });
      expect(done.status, JSON.stringify(done.body)).toBe(201);
      const detail = await t.api('GET', `/api/orders/${done.body.order.id}`);
      expect(detail.body.fulfilments).toHaveLength(1);
      expect(detail.body.fulfilments[0]).toMatchObject({
        kind: 'ship_from_store',
        locationId: f.locations.stockholm.id,
      });
      expect(detail.body.fulfilments[0].routing.distanceKm).toBeLessThan(20);
      // Shipping it takes the stock out and fulfils the order.
      const shipped = await t.api('POST', `/api/fulfilments/${detail.body.fulfilments[0].id}/ship`, {
        body: { carrier: 'PostNord', trackingNumber: 'PN123' },
      });
      expect(shipped.status, JSON.stringify(shipped.body)).toBe(200);
      expect(shipped.body.status).toBe('completed');
      expect(await level(f.locations.stockholm.id, f.skus.tee)).toMatchObject({ onHand: 3, reserved: 0 });
    });

    it('cancel before paying releases everything; illegal transitions are refused with the reason', async () => {
      const cartId = await cartWith(f.keys.tillAms, f.skus.mug, 2);
      await t.api('PUT', `/api/carts/${cartId}/delivery`, {
        ...as(f.keys.tillAms),
        body: { type: 'pickup', locationId: f.locations.amsterdam.id },
      });
      const placed = await t.api('POST', `/api/carts/${cartId}/checkout`, {
        ...as(f.keys.tillAms),
        body: { payment: { provider: 'manual' }, phone: '+31612345678' },
      });
      expect(placed.status, JSON.stringify(placed.body)).toBe(201);
      expect(placed.body.order.status).toBe('pending');
      expect(placed.body.payment.status).toBe('pending');
      expect((await level(f.locations.amsterdam.id, f.skus.mug)).reserved).toBe(2);
      const cancelled = await t.api('POST', `/api/orders/${placed.body.order.id}/cancel`, {
        body: { reason: 'changed mind' },
      });
      expect(cancelled.status).toBe(200);
      expect(cancelled.body.status).toBe('cancelled');
      expect((await level(f.locations.amsterdam.id, f.skus.mug)).reserved).toBe(0);
      const payments = await t.api('GET', `/api/orders/${placed.body.order.id}/payments`);
      expect(payments.body.payments[0].status).toBe('voided');
      const again = await t.api('POST', `/api/orders/${placed.body.order.id}/payments`, {
        body: { provider: 'manual' },
      });
      expect(again.status).toBe(409);
      expect(again.body.code).toBe('illegal_transition');
      const cancelTwice = await t.api('POST', `/api/orders/${placed.body.order.id}/cancel`, {
        body: { reason: 'again' },
      });
      expect(cancelTwice.status).toBe(409);
      expect(cancelTwice.body.detail).toContain('final');
      const returned = await t.api('POST', `/api/orders/${placed.body.order.id}/returns`, {
        body: { lines: [{ sku: f.skus.mug, quantity: 1 }], location: f.locations.amsterdam.id },
      });
      expect(returned.status).toBe(422);
      expect(returned.body.reason).toBe('return_not_allowed');
    });

    it('uncollected click & collect orders expire: stock back on sale, the order cancelled and refunded', async () => {
      const cartId = await cartWith(f.keys.web, f.skus.mug, 1);
      await t.api('PUT', `/api/carts/${cartId}/delivery`, {
        ...as(f.keys.web),
        body: { type: 'pickup', locationId: f.locations.amsterdam.id },
      });
      const placed = await t.api('POST', `/api/carts/${cartId}/checkout`, {
        ...as(f.keys.web),
        body: { payment: { provider: 'test', token: 'tok_visa' } },
      });
      expect(placed.status).toBe(201);
      clock.advance(4 * 24 * 3600 * 1000);
      const expired = await t.api('POST', '/api/orders/expire-pickups', { body: {} });
      expect(expired.body.expired).toContain(placed.body.order.id);
      const order = await t.api('GET', `/api/orders/${placed.body.order.id}`);
      expect(order.body).toMatchObject({ status: 'cancelled', refundedAmount: placed.body.order.paidAmount });
      expect(order.body.fulfilments[0].status).toBe('cancelled');
      expect((await level(f.locations.amsterdam.id, f.skus.mug)).reserved).toBe(0);
    });

    it('a marketplace order lands in the same order list once, with its external id', async () => {
      const body = {
        externalSource: 'bol',
        externalId: 'BOL-1001',
        email: 'buyer@example.com',
        currency: 'EUR',
        lines: [{ sku: f.skus.mug, quantity: 1, unitPrice: 1250 }],
      };
      const first = await t.api('POST', '/api/orders/import', {
        body: { ...body, channelId: f.channels.web.id },
      });
      expect(first.status, JSON.stringify(first.body)).toBe(201);
      expect(first.body).toMatchObject({ source: 'imported', externalId: 'BOL-1001', status: 'allocated' });
      const again = await t.api('POST', '/api/orders/import', {
        body: { ...body, channelId: f.channels.web.id },
      });
      expect(again.status).toBe(200);
      expect(again.body.id).toBe(first.body.id);
      const soldOut = await t.api('POST', '/api/orders/import', {
        body: {
          ...body,
          externalId: 'BOL-1002',
          channelId: f.channels.web.id,
          lines: [{ sku: f.skus.cap, quantity: 5, unitPrice: 100 }],
        },
      });
      expect(soldOut.status).toBe(409);
      expect(soldOut.body.code).toBe('insufficient_stock');
    });

    it('refuses bad input without writing: unknown fields, empty carts, unknown providers', async () => {
      const unknown = await t.api('POST', '/api/carts', {
        ...as(f.keys.app),
        body: { lines: [], colour: 'red' },
      });
      expect(unknown.status).toBe(400);
      const empty = await t.api('POST', '/api/carts', { ...as(f.keys.app), body: {} });
      await t.api('PUT', `/api/carts/${empty.body.id}/delivery`, {
        ...as(f.keys.app),
        body: { type: 'pickup', locationId: f.locations.amsterdam.id },
      });
      const nothing = await t.api('POST', `/api/carts/${empty.body.id}/checkout`, {
        ...as(f.keys.app),
        body: { payment: { provider: 'test' } },
      });
      expect(nothing.status).toBe(422);
      expect(nothing.body.code).toBe('cart_empty');
      const provider = await t.api('POST', `/api/carts/${empty.body.id}/checkout`, {
        ...as(f.keys.app),
        body: { payment: { provider: 'paypal' } },
      });
      expect(provider.status).toBe(400);
    });
  },
  { clock, ...COMMERCE_HUB_OPTIONS },
);
