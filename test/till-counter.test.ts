// Click & collect and receipts at the counter over HTTP: the store's pickup shelf names each order
// (number, customer, items with titles, status), a pickup is handed over only once ready (with the
// reason otherwise), the customer's order list shows the pickup's state and a store-credit refund's
// code, and a receipt is emailed with the order number. Only the till's own keys reach these.
import { expect, it } from 'vitest';
import type { HubConfig } from '../src/platform/config.js';
import { buildCommerceFixture, type CommerceFixture } from './helpers/commerce-fixture.js';
import { captureMail } from './helpers/smtp-capture-hooks.js';
import { describeEachHub } from './helpers/test-hub.js';

const config: Partial<HubConfig> = {
  paymentProviders: ['manual', 'test'],
  mailFrom: 'Shop <shop@example.test>',
};
const smtp = captureMail(config);

describeEachHub(
  'click & collect and receipts at the counter',
  (t) => {
    let f: CommerceFixture;
    let order: { id: string; number: string; customerId: string; pickup: { code: string } };

    it('builds a retailer and a webshop click & collect order for Amsterdam', async () => {
      f = await buildCommerceFixture(t, 'CC');
      const identified = await t.api('POST', '/api/customers/identify', {
        body: {
          channelId: f.channels.web.id,
          identifiers: [{ type: 'email', value: 'maria@example.com' }],
          traits: { name: 'Maria Lopez' },
        },
      });
      expect(identified.status, JSON.stringify(identified.body)).toBeLessThan(300);
      const cart = await t.api('POST', '/api/carts', {
        body: {
          channelId: f.channels.web.id,
          profileId: identified.body.customerId,
          lines: [{ sku: f.skus.mug, quantity: 1 }],
        },
      });
      await t.api('PUT', `/api/carts/${cart.body.id}/delivery`, {
        body: { type: 'pickup', locationId: f.locations.amsterdam.id, email: 'maria@example.com' },
      });
      const placed = await t.api('POST', `/api/carts/${cart.body.id}/checkout`, {
        body: { payment: { provider: 'test', token: 'tok_visa' } },
      });
      expect(placed.status, JSON.stringify(placed.body)).toBe(201);
      order = placed.body.order;
      expect(order.customerId).toBe(identified.body.customerId);
    });

    it("lists the order on Amsterdam's shelf with its number, customer and item titles; not on Stockholm's", async () => {
      const shelf = await t.api('GET', '/api/tills/pickups', { key: f.keys.tillAms });
      expect(shelf.status, JSON.stringify(shelf.body)).toBe(200);
      const mine = shelf.body.items.filter((p: { orderId: string }) => p.orderId === order.id);
      expect(mine).toMatchObject([
        {
          orderNumber: order.number,
          status: 'open',
          paid: true,
          customer: { name: 'Maria Lopez', email: 'maria@example.com' },
          lines: [{ sku: f.skus.mug, title: 'Field mug', quantity: 1 }],
        },
      ]);
      const elsewhere = await t.api('GET', '/api/tills/pickups', { key: f.keys.tillSto });
      expect(elsewhere.body.items.map((p: { orderId: string }) => p.orderId)).not.toContain(order.id);
    });

    it('refuses the hand-over before the order is ready, with the reason; hands it over once ready', async () => {
      const early = await t.api('POST', `/api/orders/${order.id}/pickup`, {
        key: f.keys.tillAms,
        body: { code: order.pickup.code, locationId: f.locations.amsterdam.id },
      });
      expect(early.status).toBe(422);
      expect(early.body).toMatchObject({ code: 'pickup_refused', reason: 'not_ready_for_pickup' });
      const shelf = await t.api('GET', '/api/tills/pickups', { key: f.keys.tillAms });
      const fulfilmentId = shelf.body.items.find(
        (p: { orderId: string }) => p.orderId === order.id,
      ).fulfilmentId;
      const ready = await t.api('POST', `/api/fulfilments/${fulfilmentId}/ready-for-pickup`, {
        key: f.keys.tillAms,
      });
      expect(ready.status, JSON.stringify(ready.body)).toBe(200);
      const list = await t.api('GET', `/api/customers/${order.customerId}/orders`);
      expect(list.body.items.find((o: { id: string }) => o.id === order.id)).toMatchObject({
        pickupStatus: 'ready_for_pickup',
        refunds: [],
      });
      const wrong = await t.api('POST', `/api/orders/${order.id}/pickup`, {
        key: f.keys.tillAms,
        body: { code: 'WRONG1', locationId: f.locations.amsterdam.id },
      });
      expect(wrong.body).toMatchObject({ code: 'pickup_refused', reason: 'wrong_pickup_code' });
      const handed = await t.api('POST', `/api/orders/${order.id}/pickup`, {
        key: f.keys.tillAms,
        body: { code: order.pickup.code.toLowerCase(), locationId: f.locations.amsterdam.id },
      });
      expect(handed.status, JSON.stringify(handed.body)).toBe(200);
      const after = await t.api('GET', '/api/tills/pickups', { key: f.keys.tillAms });
      expect(after.body.items.map((p: { orderId: string }) => p.orderId)).not.toContain(order.id);
    });

    it("finds the customer's orders of any channel by their loyalty card, for a return", async () => {
      const carded = await t.api('POST', '/api/customers/identify', {
        body: {
          channelId: f.channels.web.id,
          identifiers: [
            { type: 'email', value: 'maria@example.com' },
            { type: 'loyalty_card', value: 'LC-4242' },
          ],
        },
      });
      expect(carded.status, JSON.stringify(carded.body)).toBeLessThan(300);
      const who = await t.api('GET', '/api/tills/carts?loyaltyCard=LC-4242', { key: f.keys.tillAms });
      expect(who.status, JSON.stringify(who.body)).toBe(200);
      expect(who.body.customerIds).toContain(order.customerId);
      const found = await t.api('GET', `/api/orders?q=${order.customerId}`, { key: f.keys.tillAms });
      expect(found.status, JSON.stringify(found.body)).toBe(200);
      expect(found.body.items.map((o: { id: string }) => o.id)).toContain(order.id);
      // An unknown card finds no one.
      const none = await t.api('GET', '/api/tills/carts?loyaltyCard=LC-0000', { key: f.keys.tillAms });
      expect(none.body.customerIds).toEqual([]);
    });

    it('a store-credit return issues a code the customer order list shows', async () => {
      const returned = await t.api('POST', `/api/orders/${order.id}/returns`, {
        key: f.keys.tillAms,
        body: {
          lines: [{ sku: f.skus.mug, quantity: 1 }],
          location: f.locations.amsterdam.id,
          refundMethod: 'store_credit',
          channelId: f.channels.tillAms.id,
        },
      });
      expect(returned.status, JSON.stringify(returned.body)).toBe(201);
      const code = returned.body.storeCredit.code as string;
      expect(code).toBeTruthy();
      const list = await t.api('GET', `/api/customers/${order.customerId}/orders`);
      expect(list.body.items.find((o: { id: string }) => o.id === order.id).refunds).toMatchObject([
        { method: 'store_credit', storeCreditCode: code, amount: returned.body.storeCredit.issuedAmount },
      ]);
    });

    it('emails the receipt with the order number; a bad address names the field and sends nothing', async () => {
      const sent = await t.api('POST', `/api/orders/${order.id}/receipt-email`, {
        key: f.keys.tillAms,
        body: { email: 'Maria@Example.com' },
      });
      expect(sent.status, JSON.stringify(sent.body)).toBe(202);
      // Without a language the store channel's first locale (English here) writes it.
      expect(sent.body).toEqual({ sentTo: 'maria@example.com', orderNumber: order.number, language: 'en' });
      const mail = await smtp.nextMailTo('maria@example.com', 10_000);
      expect(mail.raw).toContain(order.number);
      expect(mail.raw).toContain('Field mug');
      expect(mail.raw).toContain(`Order ${order.number}`);
      // In the till's page language: the receipt's words are Spanish (the product's title is the order's).
      const spanish = await t.api('POST', `/api/orders/${order.id}/receipt-email`, {
        key: f.keys.tillAms,
        body: { email: 'lucia@example.com', locale: 'es' },
      });
      expect(spanish.status, JSON.stringify(spanish.body)).toBe(202);
      expect(spanish.body.language).toBe('es');
      const es = await smtp.nextMailTo('lucia@example.com', 10_000);
      expect(es.raw).toContain(`Pedido ${order.number}`);
      expect(es.raw).toMatch(/Gracias por tu\s*=?\s*compra/);
      const unknownLanguage = await t.api('POST', `/api/orders/${order.id}/receipt-email`, {
        key: f.keys.tillAms,
        body: { email: 'lucia@example.com', locale: 'xx' },
      });
      expect(unknownLanguage.status).toBe(400);
      expect(unknownLanguage.body.errors[0].path).toBe('body.locale');
      // Receipts only: the order's "ready for pickup" mail (an earlier test) may arrive meanwhile.
      const receipts = () =>
        smtp.mails.filter((m) => /^Subject: (Your receipt|Tu recibo) .*$/m.test(m.raw)).length;
      const before = receipts();
      const bad = await t.api('POST', `/api/orders/${order.id}/receipt-email`, {
        key: f.keys.tillAms,
        body: { email: 'not an address' },
      });
      expect(bad.status).toBe(400);
      expect(bad.body.errors[0].path).toBe('body.email');
      await new Promise((r) => setTimeout(r, 200));
      expect(receipts()).toBe(before);
    });

    it('refuses the shelf and receipts to callers that are not this till', async () => {
      const readOnly = (
        await t.api('POST', '/api/keys', {
          body: { name: 'cc-ro', scopes: ['catalog:read'], channelId: f.channels.tillAms.id },
        })
      ).body.secret as string;
      const publishable = (
        await t.api('POST', '/api/keys', {
          body: { name: 'cc-pk', kind: 'publishable', channelId: f.channels.tillAms.id },
        })
      ).body.secret as string;
      const calls: Array<[string, string, unknown?]> = [
        ['GET', '/api/tills/pickups'],
        ['POST', `/api/orders/${order.id}/receipt-email`, { email: 'x@example.com' }],
      ];
      for (const [method, path, body] of calls) {
        const o = body === undefined ? {} : { body };
        expect((await t.api(method, path, { ...o, key: null })).status).toBe(401);
        const scope = await t.api(method, path, { ...o, key: readOnly });
        expect([scope.status, scope.body.code]).toEqual([403, 'forbidden']);
        const pk = await t.api(method, path, { ...o, key: publishable });
        expect([pk.status, pk.body.code]).toEqual([403, 'key_kind_forbidden']);
      }
      // Stockholm's till: Amsterdam's order is not found; naming Amsterdam's channel is refused.
      const other = await t.api('POST', `/api/orders/${order.id}/receipt-email`, {
        key: f.keys.tillSto,
        body: { email: 'x@example.com' },
      });
      expect([other.status, other.body.code]).toEqual([404, 'not_found']);
      const named = await t.api('GET', `/api/tills/pickups?channelId=${f.channels.tillAms.id}`, {
        key: f.keys.tillSto,
      });
      expect([named.status, named.body.code]).toEqual([403, 'channel_forbidden']);
    });
  },
  { config },
);
