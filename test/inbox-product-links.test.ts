// Product links in a reply: an agent searches the catalog and gets links to the product's page on
// the storefront of the conversation's channel (the app the customer chatted from), or of the first
// web shop for an email conversation, or of a channel named; a channel without a storefront is
// refused naming the field; refused without a key, without inbox:read, with a channel's key and with
// a publishable key. The link goes out in the reply.
import { beforeAll, expect, it } from 'vitest';
import {
  buildCommerceFixture,
  COMMERCE_HUB_OPTIONS,
  type CommerceFixture,
} from './helpers/commerce-fixture.js';
import { describeEachHub, type TestHub } from './helpers/test-hub.js';

async function ok(t: TestHub, method: string, path: string, o: { body?: unknown; key?: string } = {}) {
  const r = await t.api(method, path, o);
  expect(r.status, `${method} ${path}: ${JSON.stringify(r.body)}`).toBeLessThan(300);
  return r.body;
}

describeEachHub(
  'inbox product links',
  (t) => {
    let f: CommerceFixture;
    let chat = '';
    let mail = '';
    const links = (id: string, query: string) => `/api/inbox/conversations/${id}/product-links?${query}`;

    beforeAll(async () => {
      f = await buildCommerceFixture(t, 'PL');
      chat = (
        await ok(t, 'POST', '/api/chat/messages', {
          key: f.keys.app,
          body: { text: 'Is the mug dishwasher safe?', anonymousId: 'anon-pl-1' },
        })
      ).conversationId;
      mail = (
        await t.hub.services.inboxFlow.receiveInbound(t.hub.systemCtx(), {
          channelKind: 'email',
          externalId: '<pl-1@example.com>',
          from: { identifierType: 'email', value: 'pl@example.com', trust: 'claimed' },
          text: 'Which cap?',
          occurredAt: new Date(),
        })
      ).conversation.id;
    });

    it('links to the product page on the storefront the customer chatted from, and sends it', async () => {
      const r = await ok(t, 'GET', links(chat, 'q=field%20mug'));
      expect(r.channel.id).toBe(f.channels.app.id);
      const mug = r.items.find((p: { handle: string }) => p.handle === 'mug-pl');
      expect(mug.title).toBe('Field mug');
      expect(new URL(mug.url).pathname).toBe(`/store/${f.channels.app.code}/p/mug-pl`);
      const sent = await t.api('POST', `/api/inbox/conversations/${chat}/replies`, {
        body: { text: `Yes: ${mug.url}` },
      });
      expect(sent.status, JSON.stringify(sent.body)).toBe(202);
      expect(sent.body.text).toContain(`/store/${f.channels.app.code}/p/mug-pl`);
    });

    it('falls back to the web shop for an email, takes a named channel, refuses a till', async () => {
      const r = await ok(t, 'GET', links(mail, 'q=trail%20cap'));
      expect(r.channel.code).toBe(f.channels.web.code);
      expect(r.items.map((p: { url: string }) => new URL(p.url).pathname)).toContain(
        `/store/${f.channels.web.code}/p/cap-pl`,
      );
      const named = await ok(t, 'GET', links(mail, `q=cap&channel=${f.channels.app.code}`));
      expect(named.channel.id).toBe(f.channels.app.id);
      const till = await t.api('GET', links(mail, `q=cap&channel=${f.channels.tillAms.code}`));
      expect(till.status).toBe(400);
      expect(JSON.stringify(till.body)).toContain('query.channel');
      expect((await t.api('GET', links(mail, 'q=%00'))).status).toBe(400);
    });

    it('refuses no key, a key without inbox:read, a channel’s key and a publishable key', async () => {
      const path = links(chat, 'q=mug');
      expect((await t.api('GET', path, { key: null })).status).toBe(401);
      const catalogOnly = (
        await ok(t, 'POST', '/api/keys', { body: { name: 'pl-cat', scopes: ['catalog:read'] } })
      ).secret;
      expect((await t.api('GET', path, { key: catalogOnly })).status).toBe(403);
      const bound = (
        await ok(t, 'POST', '/api/keys', {
          body: { name: 'pl-bound', scopes: ['inbox:read'], channelId: f.channels.web.id },
        })
      ).secret;
      expect((await t.api('GET', path, { key: bound })).status).toBe(403);
      const pk = (
        await ok(t, 'POST', '/api/keys', {
          body: { name: 'pl-pk', kind: 'publishable', channelId: f.channels.web.id },
        })
      ).secret;
      expect((await t.api('GET', path, { key: pk })).status).toBe(403);
    });
  },
  COMMERCE_HUB_OPTIONS,
);
