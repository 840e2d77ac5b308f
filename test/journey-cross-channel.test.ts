// The cross-channel journey of issue 5, through the HTTP API only: a cart started in the app,
// continued on the webshop after logging in (merged, repriced with the campaign price), click &
// collect at the Amsterdam store (ready, wrong code and wrong store refused, collected at the till),
// another cart finished at a till by its handoff code, and a webshop order returned in a store.
import { describe, expect, it } from 'vitest';
import {
  buildCommerceFixture,
  COMMERCE_HUB_OPTIONS,
  type CommerceFixture,
} from './helpers/commerce-fixture.js';
import { describeEachHub } from './helpers/test-hub.js';

describeEachHub(
  'journey: app → web → till, click & collect, return in a store',
  (t) => {
    let f: CommerceFixture;
    const as = (key: string) => ({ key });
    const email = 'ana.journey@example.com';
    let appCartId = '';
    let webCartId = '';
    let orderId = '';
    let pickupCode = '';

    it('builds the retailer', async () => {
      f = await buildCommerceFixture(t, 'J1');
    });

    it('starts a cart in the app (anonymous) and holds the stock', async () => {
      const created = await t.api('POST', '/api/carts', {
        ...as(f.keys.app),
        body: { anonymousId: 'device-ana-phone' },
      });
      expect(created.status).toBe(201);
      expect(created.body.handoff.code).toMatch(/^[2-9A-Z]{6}$/);
      expect(created.body.handoff.qrPayload).toBe(`omnihub:cart:${created.body.handoff.code}`);
      appCartId = created.body.id;
      const added = await t.api('POST', `/api/carts/${appCartId}/lines`, {
        ...as(f.keys.app),
        body: { sku: f.skus.tee, quantity: 1 },
      });
      expect(added.status).toBe(201);
      expect(added.body.lines[0]).toMatchObject({
        sku: f.skus.tee,
        quantity: 1,
        unitPrice: 2500,
        holdStatus: 'held',
      });
      const mug = await t.api('POST', `/api/carts/${appCartId}/lines`, {
        ...as(f.keys.app),
        body: { sku: f.skus.mug, quantity: 2 },
      });
      expect(mug.body.itemsTotal).toBe(2500 + 2 * 1200);
      const sku = await t.api('GET', `/api/inventory/skus/${f.skus.mug}`);
      expect(sku.status).toBe(200);
      const reserved =
        JSON.stringify(sku.body)
          .match(/"reserved":(\d+)/g)
          ?.map((m) => Number(m.split(':')[1])) ?? [];
      expect(reserved.reduce((s, n) => s + n, 0)).toBe(2);
    });

    it('logs in on the webshop: the app cart and the web cart merge, repriced with the web campaign', async () => {
      // The app identifies the shopper first (logged in there), then the webshop starts its own cart.
      const appLogin = await t.api('POST', `/api/carts/${appCartId}/identify`, {
        ...as(f.keys.app),
        body: { identifiers: [{ type: 'email', value: email }] },
      });
      expect(appLogin.status).toBe(200);
      expect(appLogin.body.merge.summary).toContain('One cart');
      const web = await t.api('POST', '/api/carts', {
        ...as(f.keys.web),
        body: { anonymousId: 'browser-ana-laptop' },
      });
      webCartId = web.body.id;
      await t.api('POST', `/api/carts/${webCartId}/lines`, {
        ...as(f.keys.web),
        body: { sku: f.skus.cap, quantity: 1 },
      });
      const login = await t.api('POST', `/api/carts/${webCartId}/identify`, {
        ...as(f.keys.web),
        body: { identifiers: [{ type: 'email', value: email }], strategy: 'merge_lines' },
      });
      expect(login.status).toBe(200);
      expect(login.body.customerId).toBe(appLogin.body.customerId);
      const { merge, cart, priceChanges } = login.body;
      expect(merge.strategy).toBe('merge_lines');
      expect(merge.cartId).toBe(cart.id);
      expect(merge.mergedCartIds).toHaveLength(1);
      expect(merge.linesAdded).toHaveLength(merge.cartId === appCartId ? 1 : 2);
      // The customer continues on the webshop: web prices (campaign on the tee) and listed changes.
      expect(cart.channelId).toBe(f.channels.web.id);
      expect(cart.lines.map((l: { sku: string }) => l.sku).sort()).toEqual(
        [f.skus.cap, f.skus.mug, f.skus.tee].sort(),
      );
      expect(cart.lines.find((l: { sku: string }) => l.sku === f.skus.tee).unitPrice).toBe(1990);
      if (merge.cartId === appCartId) {
        expect(priceChanges).toContainEqual(
          expect.objectContaining({
            sku: f.skus.tee,
            change: 'price_changed',
            from: { unitPrice: 2500, currency: 'EUR' },
          }),
        );
      }
      webCartId = cart.id;
      const folded = await t.api('GET', `/api/carts/${merge.mergedCartIds[0]}`, as(f.keys.web));
      expect(folded.body.status).toBe('merged');
    });

    it('chooses click & collect in Amsterdam and checks out with the test provider (idempotent)', async () => {
      const bad = await t.api('PUT', `/api/carts/${webCartId}/delivery`, {
        ...as(f.keys.web),
        body: { type: 'pickup', locationId: f.locations.warehouse.id },
      });
      expect(bad.status).toBe(422);
      const chosen = await t.api('PUT', `/api/carts/${webCartId}/delivery`, {
        ...as(f.keys.web),
        body: { type: 'pickup', locationId: f.locations.amsterdam.code, email },
      });
      expect(chosen.status).toBe(200);
      const quote = await t.api('GET', `/api/carts/${webCartId}/quote`, as(f.keys.web));
      expect(quote.body).toMatchObject({
        items: 1990 + 2400 + 1800,
        shipping: 0,
        discount: 0,
        grand: 6190,
        currency: 'EUR',
      });
      expect(quote.body.tax).toBe(6190 - Math.round((6190 * 10000) / 12100) + 0 * 1);
      const headers = { 'idempotency-key': 'checkout-ana-1' };
      const body = { payment: { provider: 'test', token: 'tok_visa' } };
      const first = await t.api('POST', `/api/carts/${webCartId}/checkout`, {
        ...as(f.keys.web),
        body,
        headers,
      });
      expect(first.status, JSON.stringify(first.body)).toBe(201);
      const order = first.body.order;
      expect(order).toMatchObject({ status: 'allocated', channelId: f.channels.web.id, paidAmount: 6190 });
      expect(order.history.map((h: { to: string }) => h.to)).toEqual(['pending', 'paid', 'allocated']);
      expect(order.pickup.locationId).toBe(f.locations.amsterdam.id);
      expect(order.customerId).toBeTruthy();
      orderId = order.id;
      pickupCode = order.pickup.code;
      const retry = await t.api('POST', `/api/carts/${webCartId}/checkout`, {
        ...as(f.keys.web),
        body,
        headers,
      });
      expect(retry.status).toBe(201);
      expect(retry.body.order.id).toBe(orderId);
      expect(retry.headers['idempotent-replayed']).toBe('true');
      // Without the key, the checked-out cart answers with its one order too.
      const again = await t.api('POST', `/api/carts/${webCartId}/checkout`, { ...as(f.keys.web), body });
      expect(again.status).toBe(200);
      expect(again.body.order.id).toBe(orderId);
      // The Amsterdam store holds all three units for the pickup.
      const levels = await t.api('GET', `/api/inventory/locations/${f.locations.amsterdam.id}/levels`);
      const at = (sku: string) => levels.body.items.find((l: { sku: string }) => l.sku === sku);
      expect(at(f.skus.tee).reserved).toBe(1);
      expect(at(f.skus.mug).reserved).toBe(2);
      expect(at(f.skus.cap).reserved).toBe(1);
    });

    it('the store gets the pickup task; staff mark it ready; the till refuses a wrong code or store', async () => {
      const tasks = await t.api('GET', `/api/fulfilments?locationId=${f.locations.amsterdam.id}&status=open`);
      const task = tasks.body.items.find((x: { orderId: string }) => x.orderId === orderId);
      expect(task).toMatchObject({ kind: 'pickup', routing: { strategy: 'customer_choice' } });
      const early = await t.api('POST', `/api/orders/${orderId}/pickup`, {
        ...as(f.keys.tillAms),
        body: { code: pickupCode, locationId: f.locations.amsterdam.id },
      });
      expect(early.status).toBe(422);
      expect(early.body.reason).toBe('not_ready_for_pickup');
      const ready = await t.api('POST', `/api/fulfilments/${task.id}/ready-for-pickup`, as(f.keys.tillAms));
      expect(ready.body.status).toBe('ready_for_pickup');
      const wrongCode = await t.api('POST', `/api/orders/${orderId}/pickup`, {
        ...as(f.keys.tillAms),
        body: { code: 'WRONG123', locationId: f.locations.amsterdam.id },
      });
      expect(wrongCode.status).toBe(422);
      expect(wrongCode.body).toMatchObject({ code: 'pickup_refused', reason: 'wrong_pickup_code' });
      const wrongStore = await t.api('POST', `/api/orders/${orderId}/pickup`, {
        ...as(f.keys.tillSto),
        body: { code: pickupCode, locationId: f.locations.stockholm.id },
      });
      // A till hands over only pickups at its own store: another store's order is not its to see.
      expect(wrongStore.status).toBe(404);
      expect(wrongStore.body.code).toBe('not_found');
      const unchanged = await t.api('GET', `/api/orders/${orderId}`);
      expect(unchanged.body.status).toBe('allocated');
    });

    it('the clerk finds the order by code and hands it over: stock leaves the store, the order completes', async () => {
      const found = await t.api(
        'GET',
        `/api/orders?pickupCode=${pickupCode.toLowerCase()}`,
        as(f.keys.tillAms),
      );
      expect(found.body.items.map((o: { id: string }) => o.id)).toEqual([orderId]);
      const collected = await t.api('POST', `/api/orders/${orderId}/pickup`, {
        ...as(f.keys.tillAms),
        body: { code: pickupCode, locationId: f.locations.amsterdam.code },
      });
      expect(collected.status, JSON.stringify(collected.body)).toBe(200);
      expect(collected.body.status).toBe('completed');
      expect(collected.body.history.map((h: { to: string }) => h.to)).toEqual([
        'pending',
        'paid',
        'allocated',
        'fulfilled',
        'completed',
      ]);
      const levels = await t.api('GET', `/api/inventory/locations/${f.locations.amsterdam.id}/levels`);
      const tee = levels.body.items.find((l: { sku: string }) => l.sku === f.skus.tee);
      expect(tee).toMatchObject({ onHand: 2, reserved: 0 });
    });

    it('another cart started in the app is finished at the Stockholm till by its handoff code', async () => {
      const cart = await t.api('POST', '/api/carts', {
        ...as(f.keys.app),
        body: { anonymousId: 'device-bo', lines: [{ sku: f.skus.cap, quantity: 1 }] },
      });
      expect(cart.status).toBe(201);
      const found = await t.api(
        'GET',
        `/api/tills/carts?code=${encodeURIComponent(cart.body.handoff.qrPayload)}`,
        as(f.keys.tillSto),
      );
      expect(found.body.carts.map((c: { id: string }) => c.id)).toEqual([cart.body.id]);
      const blocked = await t.api('POST', `/api/carts/${cart.body.id}/lines`, {
        ...as(f.keys.tillSto),
        body: { sku: f.skus.mug, quantity: 1 },
      });
      // Another channel's cart is hidden from a bound key until it is taken over with its handoff code.
      expect(blocked.status).toBe(404);
      const noCode = await t.api('POST', `/api/carts/${cart.body.id}/channel`, {
        ...as(f.keys.tillSto),
        body: {},
      });
      expect(noCode.status).toBe(404);
      const wrongCode = await t.api('POST', `/api/carts/${cart.body.id}/channel`, {
        ...as(f.keys.tillSto),
        body: { handoffCode: 'NOTTHIS1' },
      });
      expect(wrongCode.status).toBe(404);
      const moved = await t.api('POST', `/api/carts/${cart.body.id}/channel`, {
        ...as(f.keys.tillSto),
        body: { handoffCode: cart.body.handoff.code },
      });
      expect(moved.status).toBe(200);
      expect(moved.body.cart).toMatchObject({ channelId: f.channels.tillSto.id, currency: 'SEK' });
      expect(moved.body.changes).toEqual([
        expect.objectContaining({
          sku: f.skus.cap,
          change: 'currency_changed',
          to: { unitPrice: 19900, currency: 'SEK' },
        }),
      ]);
      await t.api('PUT', `/api/carts/${cart.body.id}/delivery`, {
        ...as(f.keys.tillSto),
        body: { type: 'carry_out' },
      });
      const sold = await t.api('POST', `/api/carts/${cart.body.id}/checkout`, {
        ...as(f.keys.tillSto),
        body: { payment: { provider: 'manual' } },
      });
      expect(sold.status, JSON.stringify(sold.body)).toBe(201);
      // Cash at the counter: paid and handed over by the checkout itself.
      expect(sold.body.order).toMatchObject({
        status: 'completed',
        paidAmount: sold.body.order.totals.grand,
      });
      const levels = await t.api('GET', `/api/inventory/locations/${f.locations.stockholm.id}/levels`);
      expect(levels.body.items.find((l: { sku: string }) => l.sku === f.skus.cap)).toMatchObject({
        onHand: 1,
        reserved: 0,
      });
    });

    it('returns part of the webshop order in Stockholm... refused beyond what was bought, then accepted', async () => {
      const tooMany = await t.api('POST', `/api/orders/${orderId}/returns`, {
        ...as(f.keys.tillAms),
        body: { lines: [{ sku: f.skus.mug, quantity: 3 }], location: f.locations.amsterdam.id },
      });
      expect(tooMany.status).toBe(422);
      expect(tooMany.body).toMatchObject({
        code: 'return_refused',
        reason: 'return_exceeds_purchase',
        returnable: 2,
      });
      const returned = await t.api('POST', `/api/orders/${orderId}/returns`, {
        ...as(f.keys.tillAms),
        body: {
          lines: [
            { sku: f.skus.mug, quantity: 1 },
            { sku: f.skus.cap, quantity: 1, disposition: 'write_off', reason: 'stained' },
          ],
          location: f.locations.amsterdam.id,
          refundMethod: 'original_payment',
        },
      });
      expect(returned.status, JSON.stringify(returned.body)).toBe(201);
      expect(returned.body.return.refundAmount).toBe(1200 + 1800);
      expect(returned.body.order).toMatchObject({ status: 'completed', refundedAmount: 3000 });
      const levels = await t.api('GET', `/api/inventory/locations/${f.locations.amsterdam.id}/levels`);
      expect(levels.body.items.find((l: { sku: string }) => l.sku === f.skus.mug)).toMatchObject({
        onHand: 1,
      });
      expect(levels.body.items.find((l: { sku: string }) => l.sku === f.skus.cap)).toMatchObject({
        onHand: 1,
      });
      const rest = await t.api('POST', `/api/orders/${orderId}/returns`, {
        ...as(f.keys.tillAms),
        body: {
          lines: [
            { sku: f.skus.mug, quantity: 1 },
            { sku: f.skus.tee, quantity: 1 },
          ],
          location: f.locations.amsterdam.id,
          refundMethod: 'store_credit',
        },
      });
      expect(rest.status, JSON.stringify(rest.body)).toBe(201);
      expect(rest.body.order).toMatchObject({ status: 'refunded', refundedAmount: 6190 });
      expect(rest.body.storeCredit).toMatchObject({ issuedAmount: 1200 + 1990, currency: 'EUR' });
      const payments = await t.api('GET', `/api/orders/${orderId}/payments`);
      expect(payments.body.refunds.map((r: { method: string }) => r.method)).toEqual([
        'original_payment',
        'store_credit',
      ]);
    });

    describe('the customer', () => {
      it('has the order, the pickup and the returns on one timeline, counted in the profile', async () => {
        let view: any;
        for (let i = 0; i < 100; i++) {
          const order = await t.api('GET', `/api/orders/${orderId}`);
          view = await t.api('GET', `/api/customers/${order.body.customerId}`);
          const kinds = JSON.stringify(view.body);
          if (kinds.includes('order.returned') && kinds.includes('order.picked_up')) break;
          await new Promise((r) => setTimeout(r, 50));
        }
        const text = JSON.stringify(view.body);
        expect(text).toContain('order.placed');
        expect(text).toContain('order.ready_for_pickup');
        expect(text).toContain('order.picked_up');
        expect(text).toContain('order.returned');
        expect(text).toContain('Order Completed');
      });
    });
  },
  COMMERCE_HUB_OPTIONS,
);
