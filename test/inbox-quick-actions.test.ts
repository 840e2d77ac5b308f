// Quick actions on a conversation: the customer's click & collect pickup code and their cart's
// handoff code, sent as a reply on the channel they wrote on, in the agent's chosen language; another
// customer's order or cart is refused (404, nothing sent); the routes refuse callers without
// inbox:write, publishable keys and no key.
import { beforeAll, expect, it } from 'vitest';
import type { OutboundJob } from '../src/modules/inbox/index.js';
import {
  buildCommerceFixture,
  COMMERCE_HUB_OPTIONS,
  type CommerceFixture,
} from './helpers/commerce-fixture.js';
import { eventually } from './helpers/eventually.js';
import { describeEachHub, type TestHub } from './helpers/test-hub.js';

async function ok(t: TestHub, method: string, path: string, o: { body?: unknown; key?: string } = {}) {
  const r = await t.api(method, path, o);
  expect(r.status, `${method} ${path}: ${JSON.stringify(r.body)}`).toBeLessThan(300);
  return r.body;
}

describeEachHub(
  'inbox quick actions',
  (t) => {
    let f: CommerceFixture;
    let order: { id: string; number: string; pickup: { code: string } };
    let otherOrder: { id: string };
    let cart: { id: string; handoff: { code: string } };
    let conversationId = '';
    const sent: OutboundJob[] = [];

    async function pickupOrder(email: string) {
      const c = await ok(t, 'POST', '/api/carts', {
        key: f.keys.web,
        body: { lines: [{ sku: f.skus.mug, quantity: 1 }] },
      });
      await ok(t, 'PUT', `/api/carts/${c.id}/delivery`, {
        key: f.keys.web,
        body: { type: 'pickup', locationId: f.locations.amsterdam.id, email },
      });
      return (
        await ok(t, 'POST', `/api/carts/${c.id}/checkout`, {
          key: f.keys.web,
          body: { payment: { provider: 'test', token: 'tok_visa' } },
        })
      ).order;
    }

    beforeAll(async () => {
      f = await buildCommerceFixture(t, 'QA');
      order = await pickupOrder('lena.qa@example.com');
      otherOrder = await pickupOrder('someone.else@example.com');
      const flow = t.hub.services.inboxFlow;
      flow.registerSender('email', {
        send: async (_ctx, job) => {
          sent.push(job);
          return { externalId: `<out-${sent.length}@hub.test>` };
        },
      });
      const inbound = await flow.receiveInbound(t.hub.systemCtx(), {
        channelKind: 'email',
        externalId: '<question-qa@example.com>',
        from: { identifierType: 'email', value: 'lena.qa@example.com', trust: 'claimed' },
        subject: 'My order',
        text: 'I lost my pickup code',
        occurredAt: new Date(),
      });
      conversationId = inbound.conversation.id;
      cart = await ok(t, 'POST', '/api/carts', {
        key: f.keys.web,
        body: { profileId: inbound.conversation.customerId, lines: [{ sku: f.skus.mug, quantity: 2 }] },
      });
    });

    it('sends the pickup code of the customer’s order, in the language chosen', async () => {
      const r = await t.api('POST', `/api/inbox/conversations/${conversationId}/actions/pickup-code`, {
        body: { orderId: order.id, language: 'sv' },
      });
      expect(r.status, JSON.stringify(r.body)).toBe(202);
      expect(r.body.channelKind).toBe('email');
      await eventually(
        async () => sent.length,
        (n) => n >= 1,
      );
      const job = sent.at(-1)!;
      expect(job.message.address).toBe('lena.qa@example.com');
      expect(job.message.text).toBe(
        `Din upphämtningskod för order ${order.number} är ${order.pickup.code}. Visa den i butikens kassa.`,
      );
    });

    it('refuses another customer’s order with 404, and sends nothing', async () => {
      const before = sent.length;
      const r = await t.api('POST', `/api/inbox/conversations/${conversationId}/actions/pickup-code`, {
        body: { orderId: otherOrder.id },
      });
      expect(r.status).toBe(404);
      const unknown = await t.api('POST', `/api/inbox/conversations/${conversationId}/actions/pickup-code`, {
        body: { orderId: 'ord_nope' },
      });
      expect(unknown.status).toBe(404);
      const bad = await t.api('POST', `/api/inbox/conversations/${conversationId}/actions/pickup-code`, {
        body: { orderId: order.id, language: 'xx' },
      });
      expect(bad.status).toBe(400);
      const messages = (await t.api('GET', `/api/inbox/conversations/${conversationId}`)).body.messages;
      expect(messages.filter((m: { direction: string }) => m.direction === 'outbound')).toHaveLength(1);
      expect(sent.length).toBe(before);
    });

    it('sends the cart’s handoff code', async () => {
      const r = await t.api('POST', `/api/inbox/conversations/${conversationId}/actions/cart-code`, {
        body: { cartId: cart.id, language: 'nl' },
      });
      expect(r.status, JSON.stringify(r.body)).toBe(202);
      expect(r.body.text).toContain(cart.handoff.code);
      expect(r.body.text).toMatch(/^De code van uw winkelwagen/);
      expect(
        await eventually(
          async () => sent.some((job) => job.message.text === r.body.text),
          (delivered) => delivered,
        ),
      ).toBe(true);
    });

    it('sends a link that opens the cart on its channel’s storefront; another customer’s cart is 404', async () => {
      const r = await t.api('POST', `/api/inbox/conversations/${conversationId}/actions/cart-link`, {
        body: { cartId: cart.id, language: 'en' },
      });
      expect(r.status, JSON.stringify(r.body)).toBe(202);
      const link = /(https?:\/\/\S+) /.exec(r.body.text)?.[1];
      expect(link, r.body.text).toBeDefined();
      const url = new URL(link!);
      expect(url.pathname).toBe(`/store/${encodeURIComponent(f.channels.web.code)}/cart`);
      expect(url.searchParams.get('cart')).toBe(cart.id);
      expect(r.body.text).toMatch(/^Your cart is waiting for you: /);
      // The reply is delivered after the 202; count from after it, so only the refusal is measured.
      expect(
        await eventually(
          async () => sent.some((job) => job.message.text === r.body.text),
          (delivered) => delivered,
        ),
      ).toBe(true);
      const stranger = await ok(t, 'POST', '/api/carts', {
        key: f.keys.web,
        body: { lines: [{ sku: f.skus.mug, quantity: 1 }] },
      });
      const before = sent.length;
      const refused = await t.api('POST', `/api/inbox/conversations/${conversationId}/actions/cart-link`, {
        body: { cartId: stranger.id },
      });
      expect(refused.status).toBe(404);
      expect(JSON.stringify(refused.body)).not.toContain(stranger.id.slice(4));
      expect(sent.length).toBe(before);
    });

    it('refuses the cart link to no key, a reader, a channel-bound key and a publishable key', async () => {
      const path = `/api/inbox/conversations/${conversationId}/actions/cart-link`;
      const body = { cartId: cart.id };
      expect((await t.api('POST', path, { key: null, body })).status).toBe(401);
      const reader = (await ok(t, 'POST', '/api/keys', { body: { name: 'ql-read', scopes: ['inbox:read'] } }))
        .secret;
      expect((await t.api('POST', path, { key: reader, body })).status).toBe(403);
      const bound = (
        await ok(t, 'POST', '/api/keys', {
          body: { name: 'ql-bound', scopes: ['inbox:write'], channelId: f.channels.web.id },
        })
      ).secret;
      expect((await t.api('POST', path, { key: bound, body })).status).toBe(403);
      const pk = (
        await ok(t, 'POST', '/api/keys', {
          body: { name: 'ql-pk', kind: 'publishable', channelId: f.channels.web.id },
        })
      ).secret;
      expect((await t.api('POST', path, { key: pk, body })).status).toBe(403);
    });

    it('refuses no key, a key without inbox:write and a publishable key', async () => {
      const path = `/api/inbox/conversations/${conversationId}/actions/pickup-code`;
      const body = { orderId: order.id };
      expect((await t.api('POST', path, { key: null, body })).status).toBe(401);
      const reader = (await ok(t, 'POST', '/api/keys', { body: { name: 'qa-read', scopes: ['inbox:read'] } }))
        .secret;
      expect((await t.api('POST', path, { key: reader, body })).status).toBe(403);
      const pk = (
        await ok(t, 'POST', '/api/keys', {
          body: { name: 'qa-pk', kind: 'publishable', channelId: f.channels.web.id },
        })
      ).secret;
      expect((await t.api('POST', path, { key: pk, body })).status).toBe(403);
    });
  },
  COMMERCE_HUB_OPTIONS,
);
