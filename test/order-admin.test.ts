// The admin's order actions through the public HTTP API on the demo retailer: refunds without a
// return (partial, then full once delivered; too much is refused naming body.amount, writing
// nothing), staff notes and the confirmation email sent again; each refused to the wrong callers.
import { beforeAll, expect, it } from 'vitest';
import type { HubConfig } from '../src/platform/config.js';
import { eventually } from './helpers/eventually.js';
import { captureMail } from './helpers/smtp-capture-hooks.js';
import { describeEachHub } from './helpers/test-hub.js';

const config: Partial<HubConfig> = {};
const smtp = captureMail(config);

describeEachHub(
  'order admin actions',
  (t) => {
    let order: { id: string; number: string; channelId: string };
    let sku = '';
    const keys: Record<'readOnly' | 'otherChannel' | 'ownChannel' | 'publishable', string> = {
      readOnly: '',
      otherChannel: '',
      ownChannel: '',
      publishable: '',
    };

    beforeAll(async () => {
      const products = await t.api('GET', '/api/catalog/products?limit=1');
      sku = products.body.items[0].variants[0].sku;
      const marketplace = (await t.api('GET', '/api/channels/marketplace')).body;
      const webshop = (await t.api('GET', '/api/channels/webshop')).body;
      const r = await t.api('POST', '/api/orders/import', {
        body: {
          channelId: marketplace.id,
          externalSource: 'marketplace',
          externalId: `adm-${t.kind}`,
          email: 'refund.me@example.com',
          currency: 'EUR',
          lines: [{ sku, quantity: 2, unitPrice: 2500 }],
        },
      });
      expect(r.status).toBe(201);
      order = r.body;
      const key = async (body: Record<string, unknown>) => {
        const k = await t.api('POST', '/api/keys', { body: { name: 'k', ...body } });
        expect(k.status).toBe(201);
        return k.body.secret as string;
      };
      keys.readOnly = await key({ scopes: ['orders:read'] });
      keys.otherChannel = await key({ scopes: ['orders:write'], channelId: webshop.id });
      keys.ownChannel = await key({ scopes: ['orders:write'], channelId: marketplace.id });
      keys.publishable = await key({
        scopes: ['orders:write'],
        channelId: marketplace.id,
        kind: 'publishable',
      });
    });

    it('refuses every action to no key, a read-only key, another channel and a publishable key', async () => {
      const writes: Array<[string, string, unknown]> = [
        ['POST', `/api/orders/${order.id}/refunds`, { amount: 100, reason: 'goodwill' }],
        ['POST', `/api/orders/${order.id}/notes`, { text: 'called the customer' }],
        ['POST', `/api/orders/${order.id}/confirmation`, undefined],
      ];
      for (const [method, path, body] of writes) {
        const as = (key: string | null) => t.api(method, path, { key, ...(body ? { body } : {}) });
        expect((await as(null)).status, path).toBe(401);
        expect((await as(keys.readOnly)).status, path).toBe(403);
        expect((await as(keys.otherChannel)).status, path).toBe(404);
        expect((await as(keys.publishable)).status, path).toBe(403);
      }
      expect((await t.api('GET', `/api/orders/${order.id}/notes`, { key: null })).status).toBe(401);
      expect((await t.api('GET', `/api/orders/${order.id}/notes`, { key: keys.otherChannel })).status).toBe(
        404,
      );
      const notes = await t.api('GET', `/api/orders/${order.id}/notes`);
      expect(notes.body.items).toEqual([]);
      const payments = await t.api('GET', `/api/orders/${order.id}/payments`);
      expect(payments.body.refunds).toEqual([]);
    });

    it('writes notes (own channel key too) and lists them oldest first; blank text is a 400 naming the field', async () => {
      const blank = await t.api('POST', `/api/orders/${order.id}/notes`, { body: { text: '   ' } });
      expect(blank.status).toBe(400);
      expect(blank.body.errors[0].path).toContain('text');
      const first = await t.api('POST', `/api/orders/${order.id}/notes`, {
        body: { text: 'Customer called' },
      });
      expect(first.status).toBe(201);
      const second = await t.api('POST', `/api/orders/${order.id}/notes`, {
        key: keys.ownChannel,
        body: { text: 'Promised delivery Friday' },
      });
      expect(second.status).toBe(201);
      const notes = await t.api('GET', `/api/orders/${order.id}/notes`, { key: keys.readOnly });
      expect(notes.body.items.map((n: { text: string }) => n.text)).toEqual([
        'Customer called',
        'Promised delivery Friday',
      ]);
      // The log shows an event once every transaction that began before its commit has ended.
      const events = await eventually(
        () => t.api('GET', `/api/events?subject=${order.id}&types=order.note_added`),
        (r) => r.body.items?.length === 2,
      );
      expect(events.body.items).toHaveLength(2);
      expect(JSON.stringify(events.body.items)).not.toContain('Promised');
    });

    it('refunds part of the money, refuses more than is left (naming body.amount), then all once delivered', async () => {
      const partial = await t.api('POST', `/api/orders/${order.id}/refunds`, {
        body: { amount: 1000, reason: 'scratched box' },
      });
      expect(partial.status).toBe(201);
      expect(partial.body.order).toMatchObject({ refundedAmount: 1000, status: 'allocated' });
      const tooMuch = await t.api('POST', `/api/orders/${order.id}/refunds`, {
        body: { amount: 999_999, reason: 'oops' },
      });
      expect(tooMuch.status).toBe(422);
      expect(tooMuch.body.errors[0].path).toBe('body.amount');
      const notDelivered = await t.api('POST', `/api/orders/${order.id}/refunds`, {
        body: { reason: 'all' },
      });
      expect(notDelivered.status).toBe(409);
      const after = await t.api('GET', `/api/orders/${order.id}`);
      expect(after.body.refundedAmount).toBe(1000);
      for (const f of after.body.fulfilments) {
        const shipped = await t.api('POST', `/api/fulfilments/${f.id}/ship`, {
          body: { carrier: 'PostNL', trackingNumber: '3SABC123' },
        });
        expect(shipped.status).toBe(200);
      }
      const rest = await t.api('POST', `/api/orders/${order.id}/refunds`, {
        body: { reason: 'never arrived' },
      });
      expect(rest.status).toBe(201);
      expect(rest.body.order).toMatchObject({ refundedAmount: 5000, status: 'refunded' });
      const payments = await t.api('GET', `/api/orders/${order.id}/payments`);
      expect(payments.body.refunds.reduce((s: number, r: { amount: number }) => s + r.amount, 0)).toBe(5000);
      const refunded = await t.api('GET', `/api/events?subject=${order.id}&types=order.refund_issued`);
      expect(refunded.body.items.map((e: { data: { amount: number } }) => e.data.amount)).toEqual([
        1000, 4000,
      ]);
    });

    it('emails the confirmation again with the order number; an order without email is a 422', async () => {
      const sent = await t.api('POST', `/api/orders/${order.id}/confirmation`);
      expect(sent.status).toBe(200);
      expect(sent.body.number).toBe(order.number);
      const mail = await smtp.nextMailTo('refund.me@example.com');
      expect(mail.raw).toContain(order.number);
      const noEmail = await t.api('POST', '/api/orders/import', {
        body: {
          channelId: order.channelId,
          externalSource: 'marketplace',
          externalId: `adm-noemail-${t.kind}`,
          currency: 'EUR',
          lines: [{ sku, quantity: 1, unitPrice: 2500 }],
        },
      });
      const refused = await t.api('POST', `/api/orders/${noEmail.body.id}/confirmation`);
      expect(refused.status).toBe(422);
    });
  },
  { demo: true, config },
);
