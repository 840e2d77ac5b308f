// The till's conversation routes: a clerk signed in at the till (scope inbox:till) or a key of the
// till's channel with inbox:read reads the conversations of the customer attached to a sale's cart on
// that till and records a shop visit on them, and nothing else (never another customer's, never the
// inbox); refused without a key, without the scope, with another store's key and with a publishable key.
// Live: the page's one event stream, told the sale's cart, carries the inbox events about that customer
// only; without it (or in the event log) a till hears of no conversation at all.
import { afterAll, beforeAll, expect, it } from 'vitest';
import {
  buildCommerceFixture,
  COMMERCE_HUB_OPTIONS,
  type CommerceFixture,
} from './helpers/commerce-fixture.js';
import { openSse, type SseClient } from './helpers/sse-client.js';
import { describeEachHub, type TestHub } from './helpers/test-hub.js';

const PASSWORD = 'correct horse battery';

async function ok(t: TestHub, method: string, path: string, o: { body?: unknown; key?: string | null } = {}) {
  const r = await t.api(method, path, o);
  expect(r.status, `${method} ${path}: ${JSON.stringify(r.body)}`).toBeLessThan(300);
  return r.body;
}

describeEachHub(
  'till conversations',
  (t) => {
    let f: CommerceFixture;
    let conversationId = '';
    let saleCart = '';
    let anonymousCart = '';
    let tillReader = '';
    let clerk = '';
    let otherConversation = '';
    let otherFile = '';

    beforeAll(async () => {
      f = await buildCommerceFixture(t, 'TC');
      const flow = t.hub.services.inboxFlow;
      const inbound = (email: string, id: string, file: string) =>
        flow.receiveInbound(t.hub.systemCtx(), {
          channelKind: 'email',
          externalId: `<${id}@example.com>`,
          from: { identifierType: 'email', value: email, trust: 'claimed' },
          subject: 'Sizes',
          text: 'Does the parka run small?',
          attachments: [{ filename: file, contentType: 'text/html', content: Buffer.from(`<p>${file}</p>`) }],
          occurredAt: new Date(),
        });
      const mine = await inbound('mira.tc@example.com', 'tc-1', 'size chart.html');
      const other = await inbound('someone.tc@example.com', 'tc-2', 'other.html');
      otherConversation = other.conversation.id;
      otherFile = other.message.attachments[0]!.id;
      conversationId = mine.conversation.id;
      await t.hub.services.inbox.queueOutbound(t.hub.systemCtx(), {
        conversationId,
        channelKind: 'email',
        authorId: 'agent',
        address: 'mira.tc@example.com',
        text: 'They run true.',
      });
      await t.hub.services.inbox.addNote(t.hub.systemCtx(), conversationId, {
        authorId: 'agent',
        text: 'Internal: VIP',
        kind: 'internal',
      });
      await ok(t, 'POST', '/api/staff', {
        body: {
          name: 'Tove Clerk',
          email: 'tove.tc@example.com',
          role: 'clerk',
          locationIds: [f.locations.amsterdam.id],
          password: PASSWORD,
        },
      });
      clerk = (
        await ok(t, 'POST', '/api/staff/sign-in', {
          key: null,
          body: { email: 'tove.tc@example.com', password: PASSWORD, channel: f.channels.tillAms.code },
        })
      ).token;
      saleCart = (
        await ok(t, 'POST', '/api/carts', {
          key: f.keys.tillAms,
          body: { profileId: mine.conversation.customerId, lines: [{ sku: f.skus.mug, quantity: 1 }] },
        })
      ).id;
      anonymousCart = (
        await ok(t, 'POST', '/api/carts', {
          key: f.keys.tillAms,
          body: { lines: [{ sku: f.skus.mug, quantity: 1 }] },
        })
      ).id;
      tillReader = (
        await ok(t, 'POST', '/api/keys', {
          body: { name: 'tc-till-inbox', scopes: ['inbox:read'], channelId: f.channels.tillAms.id },
        })
      ).secret;
    });

    it('gives the till the conversations of the sale’s customer only', async () => {
      const r = await ok(t, 'GET', `/api/tills/carts/${saleCart}/conversations`, { key: tillReader });
      expect(r.items.map((c: { id: string }) => c.id)).toEqual([conversationId]);
      const none = await ok(t, 'GET', `/api/tills/carts/${anonymousCart}/conversations`, { key: tillReader });
      expect(none.items).toEqual([]);
      // The till's key is not an inbox key.
      expect((await t.api('GET', '/api/inbox/conversations', { key: tillReader })).status).toBe(403);
    });

    it('lets a clerk at the till read the sale customer’s thread and note a visit, never the inbox', async () => {
      const path = `/api/tills/carts/${saleCart}/conversations`;
      const list = await ok(t, 'GET', path, { key: clerk });
      expect(list.items).toHaveLength(1);
      // The last message the customer sees, not the agents' internal note.
      expect(list.items[0].lastMessage).toMatchObject({ direction: 'outbound', text: 'They run true.' });
      const thread = await ok(t, 'GET', `${path}/${conversationId}`, { key: clerk });
      expect(thread.messages.map((m: { text: string }) => m.text)).toEqual([
        'Does the parka run small?',
        'They run true.',
      ]);
      const note = await t.api('POST', `${path}/${conversationId}/store-notes`, {
        key: clerk,
        body: { text: 'Tried the parka on in M' },
      });
      expect(note.status, JSON.stringify(note.body)).toBe(201);
      expect(note.body).toMatchObject({ direction: 'note', channelKind: 'store_note' });
      // Another customer's conversation does not exist for this sale; hostile text names the field.
      expect((await t.api('GET', `${path}/${otherConversation}`, { key: clerk })).status).toBe(404);
      const bad = await t.api('POST', `${path}/${conversationId}/store-notes`, {
        key: clerk,
        body: { text: 'a\u0000b' },
      });
      expect(bad.status).toBe(400);
      expect(JSON.stringify(bad.body)).toContain('text');
      for (const p of ['/api/inbox/conversations', `/api/inbox/conversations/${conversationId}`]) {
        expect((await t.api('GET', p, { key: clerk })).status).toBe(403);
      }
    });

    const streams: SseClient[] = [];
    afterAll(() => {
      for (const s of streams) s.close();
    });

    it('streams to the till the inbox events of its sale’s customer only, and none without the sale', async () => {
      const base = (await t.hub.listen()).replace('[::1]', 'localhost');
      const stream = async (query: string, key: string | null) => {
        const c = await openSse(`${base}/api/stream?types=inbox.*,cart.created${query}`, {
          ...(key ? { authorization: `Bearer ${key}` } : {}),
        });
        streams.push(c);
        return c;
      };
      const sale = await stream(`&cart=${saleCart}`, clerk);
      const noSale = await stream('', clerk);
      expect([sale.status, noSale.status]).toEqual([200, 200]);
      const stockholmCart = (
        await ok(t, 'POST', '/api/carts', {
          key: f.keys.tillSto,
          body: { lines: [{ sku: f.skus.mug, quantity: 1 }] },
        })
      ).id;
      expect((await stream(`&cart=${stockholmCart}`, clerk)).status).toBe(404);
      expect((await stream(`&cart=${saleCart}`, null)).status).toBe(401);
      expect((await stream('&cart=%00', clerk)).status).toBe(400);
      const eventsOnly = (
        await ok(t, 'POST', '/api/keys', {
          body: { name: 'tc-events', scopes: ['events:read'], channelId: f.channels.tillAms.id },
        })
      ).secret;
      // Without inbox:till the cart grants nothing; the page's stream still flows.
      const notTill = await stream(`&cart=${saleCart}`, eventsOnly);
      expect(notTill.status).toBe(200);
      const pk = (
        await ok(t, 'POST', '/api/keys', {
          body: { name: 'tc-pk-live', kind: 'publishable', channelId: f.channels.tillAms.id },
        })
      ).secret;
      // A publishable key reads public event types only, whatever cart it names.
      expect((await stream(`&cart=${saleCart}`, pk)).status).toBe(403);

      const flow = t.hub.services.inboxFlow;
      const write = (email: string, id: string) =>
        flow.receiveInbound(t.hub.systemCtx(), {
          channelKind: 'email',
          externalId: `<${id}@example.com>`,
          from: { identifierType: 'email', value: email, trust: 'claimed' },
          text: 'Still there?',
          occurredAt: new Date(),
        });
      const others = await write('someone.tc@example.com', `tc-live-other-${t.kind}`);
      const hers = await write('mira.tc@example.com', `tc-live-mira-${t.kind}`);
      // A later event on the till's channel: once it arrives, every earlier one has been offered.
      const marker = (await ok(t, 'POST', '/api/carts', { key: f.keys.tillAms, body: {} })).id;
      const parsed = (c: SseClient) =>
        c.frames.map(
          (x) => JSON.parse(x.data) as { type: string; subject: string; data: Record<string, unknown> },
        );
      const sawMarker = (c: SseClient) => () =>
        parsed(c).some((e) => e.type === 'cart.created' && e.subject === marker);
      await sale.waitFor(sawMarker(sale));
      await noSale.waitFor(sawMarker(noSale));
      await notTill.waitFor(sawMarker(notTill));
      const inboxOf = (c: SseClient) => parsed(c).filter((e) => e.type.startsWith('inbox.'));
      expect(inboxOf(sale).map((e) => e.data.messageId)).toEqual([hers.message.id]);
      expect(inboxOf(sale)[0]!.data.conversationId).toBe(conversationId);
      expect(JSON.stringify(sale.frames)).not.toContain(others.conversation.id);
      expect(inboxOf(noSale)).toEqual([]);
      expect(inboxOf(notTill)).toEqual([]);
      // Polling the event log instead: a till reads no inbox events but its sale customer's (when it
      // names the cart, as the stream); the admin reads them all.
      const log = await ok(t, 'GET', '/api/events?types=inbox.*', { key: clerk });
      expect(log.items).toEqual([]);
      const polled = await ok(t, 'GET', `/api/events?types=inbox.*&cart=${saleCart}`, { key: clerk });
      expect(polled.items.map((e: { data: { messageId?: string } }) => e.data.messageId)).toContain(
        hers.message.id,
      );
      expect(JSON.stringify(polled.items)).not.toContain(others.conversation.id);
      const poll = (cart: string, key: string | null) =>
        t.api('GET', `/api/events?types=inbox.*&cart=${cart}`, { key });
      expect((await poll(stockholmCart, clerk)).status).toBe(404);
      expect((await poll(saleCart, null)).status).toBe(401);
      expect((await poll('%00', clerk)).status).toBe(400);
      expect(
        (await ok(t, 'GET', `/api/events?types=inbox.*&cart=${saleCart}`, { key: eventsOnly })).items,
      ).toEqual([]);
      expect((await ok(t, 'GET', '/api/events?types=inbox.*')).items.length).toBeGreaterThan(0);
    });

    it('serves the till the files of its sale customer’s thread as downloads, and no one else’s', async () => {
      const path = `/api/tills/carts/${saleCart}/conversations/${conversationId}`;
      const thread = await ok(t, 'GET', path, { key: clerk });
      const file = thread.messages[0].attachments[0] as { id: string; filename: string };
      expect(file.filename).toBe('size chart.html');
      const got = await t.api('GET', `${path}/attachments/${file.id}`, { key: clerk });
      expect(got.status).toBe(200);
      expect(got.body).toBe('<p>size chart.html</p>');
      expect(got.headers).toMatchObject({
        'content-type': 'application/octet-stream',
        'content-disposition': 'attachment; filename="size%20chart.html"',
        'x-content-type-options': 'nosniff',
      });
      expect((await t.api('GET', `${path}/attachments/${file.id}`, { key: tillReader })).status).toBe(200);
      // Another customer's file, through this sale's conversation or their own: not there.
      expect((await t.api('GET', `${path}/attachments/${otherFile}`, { key: clerk })).status).toBe(404);
      const theirs = `/api/tills/carts/${saleCart}/conversations/${otherConversation}/attachments/${otherFile}`;
      expect((await t.api('GET', theirs, { key: clerk })).status).toBe(404);
      const anonymous = `/api/tills/carts/${anonymousCart}/conversations/${conversationId}/attachments/${file.id}`;
      expect((await t.api('GET', anonymous, { key: clerk })).status).toBe(404);
      // Refused without a key, without the scope, with another store's key and with a publishable key.
      const url = `${path}/attachments/${file.id}`;
      expect((await t.api('GET', url, { key: null })).status).toBe(401);
      expect((await t.api('GET', url, { key: f.keys.tillAms })).status).toBe(403);
      const otherStore = (
        await ok(t, 'POST', '/api/keys', {
          body: { name: 'tc-sto-files', scopes: ['inbox:read'], channelId: f.channels.tillSto.id },
        })
      ).secret;
      expect([403, 404]).toContain((await t.api('GET', url, { key: otherStore })).status);
      const pk = (
        await ok(t, 'POST', '/api/keys', {
          body: { name: 'tc-pk-files', kind: 'publishable', channelId: f.channels.tillAms.id },
        })
      ).secret;
      expect((await t.api('GET', url, { key: pk })).status).toBe(403);
    });

    it('refuses no key, a key without inbox:read, another store’s key and a publishable key', async () => {
      const path = `/api/tills/carts/${saleCart}/conversations`;
      expect((await t.api('GET', path, { key: null })).status).toBe(401);
      expect((await t.api('GET', `${path}/${conversationId}`, { key: null })).status).toBe(401);
      expect((await t.api('GET', path, { key: f.keys.tillAms })).status).toBe(403);
      const otherStore = (
        await ok(t, 'POST', '/api/keys', {
          body: { name: 'tc-sto-inbox', scopes: ['inbox:read'], channelId: f.channels.tillSto.id },
        })
      ).secret;
      expect([403, 404]).toContain((await t.api('GET', path, { key: otherStore })).status);
      const note = await t.api('POST', `${path}/${conversationId}/store-notes`, {
        key: otherStore,
        body: { text: 'x' },
      });
      expect([403, 404]).toContain(note.status);
      const pk = (
        await ok(t, 'POST', '/api/keys', {
          body: { name: 'tc-pk', kind: 'publishable', channelId: f.channels.tillAms.id },
        })
      ).secret;
      expect((await t.api('GET', path, { key: pk })).status).toBe(403);
      expect((await t.api('GET', `${path}/${conversationId}`, { key: pk })).status).toBe(403);
      // Writing a store note: the same refusals as reading.
      const noteBy = (key: string | null) =>
        t.api('POST', `${path}/${conversationId}/store-notes`, { key, body: { text: 'x' } });
      expect((await noteBy(null)).status).toBe(401);
      expect((await noteBy(f.keys.tillAms)).status).toBe(403);
      expect((await noteBy(pk)).status).toBe(403);
    });
  },
  COMMERCE_HUB_OPTIONS,
);
