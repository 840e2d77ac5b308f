// The unified inbox end to end: mail sent with a real SMTP client (nodemailer) to the hub's own SMTP
// server and a message of another channel from the same person land in one conversation on one
// profile; an agent's reply reaches the relay (a local capture server) with the right In-Reply-To;
// duplicates are one message; refusals per route; failed sends; reply windows; merges; erasure.
import { createHash } from 'node:crypto';
import nodemailer from 'nodemailer';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { SendFailure } from '../src/flows/inbox/index.js';
import type { HubConfig } from '../src/platform/config.js';
import { eventually } from './helpers/eventually.js';
import { type SmtpCapture, startSmtpCapture } from './helpers/smtp-capture.js';
import { describeEachHub, type TestHub } from './helpers/test-hub.js';

let relay: SmtpCapture;
const config: Partial<HubConfig> = {
  smtpPort: 0,
  maxAttachmentBytes: 2_000,
  inboxMailDomain: 'shop.example.test',
};
beforeAll(async () => {
  relay = await startSmtpCapture();
  config.smtpUrl = relay.url;
  config.mailFrom = 'Shop <support@shop.example.test>';
});
afterAll(async () => relay?.close());

function mailTo(t: TestHub) {
  return nodemailer.createTransport({
    host: '127.0.0.1',
    port: t.hub.smtpInbound!.port,
    secure: false,
    ignoreTLS: true,
    tls: { rejectUnauthorized: false },
  });
}

async function keyWith(t: TestHub, body: Record<string, unknown>): Promise<string> {
  const r = await t.api('POST', '/api/keys', { body: { name: `k-${Math.random()}`, ...body } });
  expect(r.status, JSON.stringify(r.body)).toBe(201);
  return r.body.secret as string;
}

const count = async (t: TestHub, table: string) =>
  Number(
    (
      (await t.hub.database.db.execute(`select count(*)::int as n from ${table}` as never)) as unknown as {
        rows: Array<{ n: number }>;
      }
    ).rows[0]!.n,
  );

describeEachHub(
  'unified inbox',
  (t) => {
    let agentKey: string;
    let conversationId: string;
    const ana = `ana.${Date.now()}@lind.example.org`;

    beforeAll(async () => {
      agentKey = await keyWith(t, { scopes: ['inbox:write'] });
    });

    it('threads an email and a message from another channel of the same person into one conversation', async () => {
      const sent = await mailTo(t).sendMail({
        from: `Ana Lind <${ana}>`,
        to: 'support@shop.example.test',
        subject: 'Where is my order?',
        text: 'Hello, my parcel has not arrived.',
        messageId: '<first-mail@lind.example.org>',
      });
      expect(sent.accepted).toEqual(['support@shop.example.test']);
      const list = await t.api('GET', '/api/inbox/conversations?status=open', { key: agentKey });
      expect(list.status).toBe(200);
      const mine = list.body.items.find((c: { subject: string }) => c.subject === 'Where is my order?');
      expect(mine).toMatchObject({ channelKinds: ['email'], unreadCount: 1, lastInboundChannel: 'email' });
      conversationId = mine.id;

      // The same person on Messenger, whose page-scoped id a signed webhook proved, with the email they gave.
      const flow = t.hub.services.inboxFlow;
      const ctx = t.hub.systemCtx();
      const chat = await flow.receiveInbound(ctx, {
        channelKind: 'messenger',
        externalId: 'm_abc123',
        from: {
          identifierType: 'messenger_psid',
          value: '2480011122233',
          trust: 'verified',
          also: [{ identifierType: 'email', value: ana, trust: 'claimed' }],
        },
        text: 'Also: can I pick it up in the store instead?',
        occurredAt: new Date(),
      });
      expect(chat.conversation.id).toBe(conversationId);
      expect(chat.conversation.channelKinds.sort()).toEqual(['email', 'messenger']);

      const one = await t.api('GET', `/api/inbox/conversations/${conversationId}`, { key: agentKey });
      expect(one.status).toBe(200);
      expect(one.body.messages.map((m: { channelKind: string }) => m.channelKind)).toEqual([
        'email',
        'messenger',
      ]);
      expect(one.body.customer.customer.identities.map((i: { type: string }) => i.type).sort()).toEqual(
        expect.arrayContaining(['email', 'messenger_psid']),
      );
    });

    it('stores a redelivered mail (same Message-ID) once', async () => {
      const before = await count(t, 'inbox_messages');
      await mailTo(t).sendMail({
        from: ana,
        to: 'support@shop.example.test',
        subject: 'Where is my order?',
        text: 'Hello, my parcel has not arrived.',
        messageId: '<first-mail@lind.example.org>',
      });
      expect(await count(t, 'inbox_messages')).toBe(before);
    });

    it("sends the agent's email reply through the relay with In-Reply-To, and threads the answer", async () => {
      const reply = await t.api('POST', `/api/inbox/conversations/${conversationId}/replies`, {
        key: agentKey,
        body: { text: 'It ships today.', channelKind: 'email' },
      });
      expect(reply.status, JSON.stringify(reply.body)).toBe(202);
      expect(reply.body).toMatchObject({ direction: 'outbound', status: 'queued', address: ana });
      const mail = await relay.nextMailTo(ana);
      expect(mail.raw).toMatch(/In-Reply-To: <first-mail@lind\.example\.org>/);
      expect(mail.raw).toMatch(/References: <first-mail@lind\.example\.org>/);
      expect(mail.raw).toMatch(/Reply-To: reply\+[a-f0-9]{32}@shop\.example\.test/);
      const ourId = /Message-ID: <([^>]+)>/i.exec(mail.raw)![1]!;
      const last = await eventually(
        async () =>
          (
            await t.api('GET', `/api/inbox/conversations/${conversationId}/messages`, { key: agentKey })
          ).body.items.at(-1),
        (m) => m.status === 'sent',
      );
      expect(last).toMatchObject({ status: 'sent', externalId: ourId });
      const c = await t.api('GET', `/api/inbox/conversations/${conversationId}`, { key: agentKey });
      expect(c.body.conversation.firstResponseAt).not.toBeNull();

      // Her answer names our Message-ID, from another address of hers: it still joins the thread.
      await mailTo(t).sendMail({
        from: ana,
        to: /Reply-To: (\S+)/.exec(mail.raw)![1]!,
        subject: 'Re: Where is my order?',
        text: 'Thanks!',
        inReplyTo: `<${ourId}>`,
        references: [`<first-mail@lind.example.org>`, `<${ourId}>`],
      });
      // A mail's Date has whole seconds, so her answer may sort just before our reply: find it by text.
      const answer = await eventually(
        async () =>
          (
            await t.api('GET', `/api/inbox/conversations/${conversationId}`, { key: agentKey })
          ).body.messages.find(
            (m: { direction: string; text: string }) => m.direction === 'inbound' && m.text === 'Thanks!\n',
          ),
        (m) => !!m,
      );
      expect(answer).toMatchObject({ direction: 'inbound', text: 'Thanks!\n' });
    });

    it('sends a reply from the support address of the shop the customer wrote to', async () => {
      const code = `lind-${Date.now().toString(36)}`;
      const shop = await t.api('POST', '/api/channels', {
        body: { code, name: 'Lind shop', type: 'web', currency: 'EUR', locales: ['en'] },
      });
      expect(shop.status, JSON.stringify(shop.body)).toBe(201);
      const support = await t.api('POST', '/api/inbox/channel-accounts', {
        body: {
          kind: 'email',
          name: 'Lind help',
          externalAccountId: `help@${code}.example.test`,
          channelId: code,
        },
      });
      expect(support.status, JSON.stringify(support.body)).toBe(201);
      const bo = `bo.${Date.now()}@lind.example.org`;
      await mailTo(t).sendMail({ from: bo, to: `help@${code}.example.test`, subject: 'Sizes?', text: 'Hi' });
      const list = await t.api('GET', '/api/inbox/conversations?status=open&limit=200', { key: agentKey });
      const mine = list.body.items.find((c: { subject: string }) => c.subject === 'Sizes?');
      expect(mine).toMatchObject({ channelId: shop.body.id });
      const reply = await t.api('POST', `/api/inbox/conversations/${mine.id}/replies`, {
        key: agentKey,
        body: { text: 'All of them.' },
      });
      expect(reply.status, JSON.stringify(reply.body)).toBe(202);
      const mail = await relay.nextMailTo(bo);
      expect(mail.raw).toMatch(new RegExp(`From: "?Lind help"? <help@${code}\\.example\\.test>`));
      expect(mail.raw).toMatch(/Reply-To: reply\+[a-f0-9]{32}@shop\.example\.test/);
    });

    it('refuses an attachment over the limit in the SMTP answer and stores nothing', async () => {
      const before = await count(t, 'inbox_messages');
      await expect(
        mailTo(t).sendMail({
          from: ana,
          to: 'support@shop.example.test',
          subject: 'Photo',
          text: 'See attached',
          attachments: [{ filename: 'big.bin', content: Buffer.alloc(5_000, 1) }],
        }),
      ).rejects.toMatchObject({ responseCode: 552 });
      expect(await count(t, 'inbox_messages')).toBe(before);
    });

    it('keeps a small attachment and serves it to agents only', async () => {
      await mailTo(t).sendMail({
        from: ana,
        to: 'support@shop.example.test',
        subject: 'Receipt',
        text: 'Receipt attached',
        attachments: [{ filename: 'receipt.txt', content: 'total 12.50' }],
      });
      const c = await t.api('GET', `/api/inbox/conversations/${conversationId}`, { key: agentKey });
      // Found by its text: a mail's Date has whole seconds, so it may not sort last.
      const att = c.body.messages.find((m: { text: string }) => m.text.startsWith('Receipt attached'))
        .attachments[0];
      expect(att).toMatchObject({ filename: 'receipt.txt', size: 11 });
      expect(att.sha256).toBe(createHash('sha256').update('total 12.50').digest('hex'));
      const file = await t.api('GET', `/api/inbox/attachments/${att.id}`, { key: agentKey });
      expect(file.status).toBe(200);
      expect(file.headers['content-disposition']).toMatch(/^attachment/);
      expect(file.body).toBe('total 12.50');
      expect((await t.api('GET', `/api/inbox/attachments/${att.id}`, { key: null })).status).toBe(401);
    });

    it('keeps mail it cannot read raw, for inspection', async () => {
      const flow = t.hub.services.inboxFlow;
      const { mailToInbound } = await import('../src/connectors/inbox/index.js');
      const input = await mailToInbound(
        Buffer.from('\u0001\u0002 not a mail at all'),
        { mailFrom: ana, rcptTo: [] },
        new Date(),
      );
      expect(input.unparsed).toBe(true);
      const stored = await flow.receiveInbound(t.hub.systemCtx(), input);
      expect(stored.message).toMatchObject({ unparsed: true, channelKind: 'email' });
      expect(stored.conversation.id).toBe(conversationId);
    });

    it('takes web chat from an anonymous visitor and from a signed-in shopper (her email conversation)', async () => {
      const channel = await t.api('POST', '/api/channels', {
        body: { code: `chat-${Date.now()}`, name: 'Web', type: 'web', currency: 'EUR', locales: ['en'] },
      });
      const shop = await keyWith(t, { kind: 'publishable', channelId: channel.body.id });
      const widget = await t.api('GET', '/chat/widget.js', { key: null });
      expect(widget.status).toBe(200);
      expect(String(widget.headers['content-type'])).toMatch(/javascript/);
      expect(String(widget.body).length).toBeLessThan(8_000);

      // Anonymous: the analytics id names the visitor; the token reads their conversation only.
      const first = await t.api('POST', '/api/chat/messages', {
        key: shop,
        body: { text: 'Do you ship to Norway?', anonymousId: 'anon-7f3a9c2e' },
      });
      expect(first.status, JSON.stringify(first.body)).toBe(201);
      const token = first.body.token as string;
      expect(token).toMatch(/^ohc_/);
      const again = await t.api('POST', '/api/chat/messages', {
        key: shop,
        body: { text: 'And to Iceland?', anonymousId: 'anon-7f3a9c2e' },
        headers: { 'x-chat-token': token },
      });
      expect(again.body.conversationId).toBe(first.body.conversationId);
      const reply = await t.api('POST', `/api/inbox/conversations/${first.body.conversationId}/replies`, {
        key: agentKey,
        body: { text: 'Yes to both.' },
      });
      expect(reply.status, JSON.stringify(reply.body)).toBe(202);
      expect(reply.body.channelKind).toBe('web_chat');
      const seen = await eventually(
        async () =>
          (await t.api('GET', '/chat/messages', { key: null, headers: { 'x-chat-token': token } })).body,
        (b) => b.items?.length === 3 && b.items[2].status === 'sent',
      );
      expect(seen.items.map((m: { direction: string }) => m.direction)).toEqual([
        'inbound',
        'inbound',
        'outbound',
      ]);
      expect((await t.api('GET', '/chat/messages', { key: null })).status).toBe(401);
      expect(
        (
          await t.api('GET', '/chat/messages', {
            key: null,
            headers: { 'x-chat-token': 'ohc_forged_token_value' },
          })
        ).status,
      ).toBe(401);
      const before = await count(t, 'inbox_messages');
      expect(
        (
          await t.api('POST', '/api/chat/messages', {
            key: null,
            body: { text: 'x', anonymousId: 'anon-7f3a9c2e' },
          })
        ).status,
      ).toBe(401);
      expect(
        (
          await t.api('POST', '/api/chat/messages', {
            key: shop,
            body: { text: 'a\u0000', anonymousId: 'anon-7f3a9c2e' },
          })
        ).status,
      ).toBe(400);
      expect(
        (
          await t.api('POST', '/api/chat/messages', {
            key: shop,
            body: { text: 'hi', anonymousId: 'anon-7f3a9c2e' },
            headers: { 'x-chat-token': 'ohc_forged_token_value' },
          })
        ).status,
      ).toBe(401);
      expect(await count(t, 'inbox_messages')).toBe(before);

      // Ana signs in on the storefront and chats: her message joins her email conversation.
      expect((await t.api('POST', '/api/shopper/sign-in', { key: shop, body: { email: ana } })).status).toBe(
        202,
      );
      const code = await relay.signInCode(ana);
      const verified = await t.api('POST', '/api/shopper/sign-in/verify', {
        key: shop,
        body: { email: ana, code },
      });
      expect(verified.status, JSON.stringify(verified.body)).toBe(200);
      const chat = await t.api('POST', '/api/chat/messages', {
        key: shop,
        body: { text: 'It is me again, from the shop', anonymousId: 'anon-ana-device' },
        headers: { cookie: `omnihub_shopper=${verified.body.token}` },
      });
      expect(chat.status, JSON.stringify(chat.body)).toBe(201);
      expect(chat.body.conversationId).toBe(conversationId);
      const c = await t.api('GET', `/api/inbox/conversations/${conversationId}`, { key: agentKey });
      expect(c.body.conversation.channelKinds).toEqual(
        expect.arrayContaining(['email', 'messenger', 'web_chat']),
      );
    });

    it('refuses callers without the inbox scopes, from a channel, or with a browser key; writes nothing', async () => {
      const channel = await t.api('POST', '/api/channels', {
        body: { code: `web-${Date.now()}`, name: 'Web', type: 'web', currency: 'EUR', locales: ['en'] },
      });
      expect(channel.status, JSON.stringify(channel.body)).toBe(201);
      const readOnly = await keyWith(t, { scopes: ['inbox:read'] });
      const wrongScope = await keyWith(t, { scopes: ['orders:write'] });
      const bound = await keyWith(t, { scopes: ['inbox:write'], channelId: channel.body.id });
      const publishable = await keyWith(t, { kind: 'publishable', channelId: channel.body.id });
      const path = `/api/inbox/conversations/${conversationId}/notes`;
      const body = { text: 'called her back' };
      const before = await count(t, 'inbox_messages');
      expect((await t.api('POST', path, { key: null, body })).status).toBe(401);
      expect((await t.api('POST', path, { key: wrongScope, body })).status).toBe(403);
      expect((await t.api('POST', path, { key: readOnly, body })).status).toBe(403);
      expect((await t.api('POST', path, { key: bound, body })).status).toBe(403);
      expect((await t.api('POST', path, { key: publishable, body })).status).toBe(403);
      expect((await t.api('GET', '/api/inbox/conversations', { key: wrongScope })).status).toBe(403);
      expect((await t.api('GET', '/api/inbox/conversations', { key: readOnly })).status).toBe(200);
      // Hostile input: named, refused, nothing written.
      const nul = await t.api('POST', path, { key: agentKey, body: { text: 'a\u0000b' } });
      expect(nul.status).toBe(400);
      expect(JSON.stringify(nul.body)).toContain('text');
      const lone = await t.api('POST', path, {
        key: agentKey,
        body: '{"text":"\\ud800x"}',
        headers: { 'content-type': 'application/json' },
      });
      expect(lone.status).toBe(400);
      const shape = await t.api('POST', path, { key: agentKey, body: { text: 42 } });
      expect(shape.status).toBe(400);
      expect(await count(t, 'inbox_messages')).toBe(before);
      const ok = await t.api('POST', path, { key: agentKey, body: { ...body, kind: 'phone_note' } });
      expect(ok.status).toBe(201);
      expect(ok.body).toMatchObject({ direction: 'note', channelKind: 'phone_note', status: null });
    });

    it('assigns by hand and round-robin, changes status and tags, reads, renders canned replies', async () => {
      const path = `/api/inbox/conversations/${conversationId}`;
      expect(
        (await t.api('POST', `${path}/assignment`, { key: agentKey, body: { roundRobin: true } })).body.code,
      ).toBe('no_agent_available');
      for (const [id, name] of [
        ['stf_a', 'Aino'],
        ['stf_b', 'Bram'],
      ])
        expect(
          (await t.api('PUT', `/api/inbox/agents/${id}`, { key: agentKey, body: { name, available: true } }))
            .status,
        ).toBe(200);
      const first = await t.api('POST', `${path}/assignment`, { key: agentKey, body: { roundRobin: true } });
      expect(first.body.assigneeId).toBe('stf_a');
      const second = await t.api('POST', `${path}/assignment`, { key: agentKey, body: { roundRobin: true } });
      expect(second.body.assigneeId).toBe('stf_b');
      const mine = await t.api('GET', '/api/inbox/conversations?assignee=stf_b', { key: agentKey });
      expect(mine.body.items.map((c: { id: string }) => c.id)).toEqual([conversationId]);

      const tagged = await t.api('POST', `${path}/tags`, {
        key: agentKey,
        body: { add: ['Delivery', 'vip'] },
      });
      expect(tagged.body.tags).toEqual(['delivery', 'vip']);
      expect(
        (await t.api('GET', '/api/inbox/conversations?tag=vip', { key: agentKey })).body.items,
      ).toHaveLength(1);

      const counts = await t.api('GET', '/api/inbox/counts', { key: agentKey });
      expect(counts.body.byStatus.open).toBeGreaterThanOrEqual(1);
      expect(counts.body.unread).toBeGreaterThanOrEqual(1);
      const read = await t.api('POST', `${path}/read`, { key: agentKey });
      expect(read.body.unreadCount).toBe(0);

      const snooze = await t.api('POST', `${path}/status`, { key: agentKey, body: { status: 'snoozed' } });
      expect(snooze.status).toBe(400);
      const until = new Date(Date.now() + 3600_000).toISOString();
      const snoozed = await t.api('POST', `${path}/status`, {
        key: agentKey,
        body: { status: 'snoozed', snoozedUntil: until },
      });
      expect(snoozed.body).toMatchObject({ status: 'snoozed' });

      const canned = await t.api('POST', '/api/inbox/canned-replies', {
        key: agentKey,
        body: {
          shortcut: 'hello',
          title: 'Hello',
          body: 'Hi {{customer.name}}, {{agent.name}} here. {{unknown}}',
        },
      });
      expect(canned.status).toBe(201);
      const filled = await t.api('GET', `${path}/canned-replies/${canned.body.id}`, { key: agentKey });
      expect(filled.body.text).toMatch(/^Hi Ana Lind, .+ here\. $/);

      const found = await t.api('GET', '/api/inbox/search?q=pick%20it%20up', { key: agentKey });
      expect(found.body.items.map((c: { id: string }) => c.id)).toContain(conversationId);

      // A new message on any channel opens the snoozed conversation again.
      await t.hub.services.inboxFlow.receiveInbound(t.hub.systemCtx(), {
        channelKind: 'messenger',
        externalId: 'm_def456',
        from: { identifierType: 'messenger_psid', value: '2480011122233', trust: 'verified' },
        text: 'Any news?',
        occurredAt: new Date(),
      });
      const again = await t.api('GET', path, { key: agentKey });
      expect(again.body.conversation).toMatchObject({ status: 'open', snoozedUntil: null, unreadCount: 1 });
    });

    it('fails a send the channel refuses with the reason, retries one that may pass, and enforces reply windows', async () => {
      const flow = t.hub.services.inboxFlow;
      const ctx = t.hub.systemCtx();
      // The first reply's number is refused for good; the second meets a network fault (retried).
      flow.registerSender('sms', {
        send: async (_ctx, job) => {
          throw job.message.text.startsWith('Yes')
            ? new SendFailure('21211: invalid To number', false)
            : new Error('socket hang up');
        },
      });
      flow.registerSender('whatsapp', {
        replyWindowMs: 24 * 3600_000,
        send: async () => ({ externalId: 'wamid.1' }),
      });
      const bob = await flow.receiveInbound(ctx, {
        channelKind: 'sms',
        externalId: `SM${Date.now()}`,
        from: { identifierType: 'phone', value: '+31612345678', trust: 'verified' },
        text: 'Is the shop open on Sunday?',
        occurredAt: new Date(),
      });
      const path = `/api/inbox/conversations/${bob.conversation.id}/replies`;
      const r1 = await t.api('POST', path, { key: agentKey, body: { text: 'Yes, 12-17.' } });
      expect(r1.status).toBe(202);
      const r2 = await t.api('POST', path, { key: agentKey, body: { text: 'See you!' } });
      await flow.deliverDue(ctx);
      const msgs = await eventually(
        async () =>
          (await t.api('GET', `${path.replace('/replies', '')}/messages`, { key: agentKey })).body.items,
        (items: Array<{ id: string; attempts: number; direction: string }>) =>
          items.filter((m) => m.direction === 'outbound').every((m) => m.attempts === 1),
      );
      expect(msgs.find((m: { id: string }) => m.id === r1.body.id)).toMatchObject({
        status: 'failed',
        failureReason: '21211: invalid To number',
        attempts: 1,
      });
      expect(msgs.find((m: { id: string }) => m.id === r2.body.id)).toMatchObject({
        status: 'queued',
        failureReason: 'socket hang up',
        attempts: 1,
      });

      // WhatsApp: a free-form reply more than 24 hours after the customer's last message is refused.
      const old = await flow.receiveInbound(ctx, {
        channelKind: 'whatsapp',
        externalId: 'wamid.in.1',
        from: { identifierType: 'whatsapp_id', value: '31612345678', trust: 'verified' },
        text: 'hello',
        occurredAt: new Date(Date.now() - 25 * 3600_000),
      });
      const late = await t.api('POST', `/api/inbox/conversations/${old.conversation.id}/replies`, {
        key: agentKey,
        body: { text: 'Sorry for the wait', channelKind: 'whatsapp' },
      });
      expect(late.status).toBe(409);
      expect(late.body.code).toBe('reply_window_closed');
      const noSender = await t.api('POST', `/api/inbox/conversations/${old.conversation.id}/replies`, {
        key: agentKey,
        body: { text: 'x', channelKind: 'instagram' },
      });
      expect(noSender.body.code).toBe('channel_not_connected');
    });

    it('merges two conversations and erases a customer’s conversations with them', async () => {
      const ctx = t.hub.systemCtx();
      const flow = t.hub.services.inboxFlow;
      const a = await flow.receiveInbound(ctx, {
        channelKind: 'sms',
        externalId: `SMa${Date.now()}`,
        from: { identifierType: 'phone', value: '+31687654321', trust: 'verified' },
        text: 'first',
        occurredAt: new Date(),
      });
      const b = await flow.receiveInbound(ctx, {
        channelKind: 'instagram',
        externalId: `ig${Date.now()}`,
        from: { identifierType: 'instagram_igsid', value: '17841400000000', trust: 'verified' },
        text: 'second',
        occurredAt: new Date(),
      });
      expect(a.conversation.id).not.toBe(b.conversation.id);
      const merged = await t.api('POST', `/api/inbox/conversations/${b.conversation.id}/merge`, {
        key: agentKey,
        body: { intoId: a.conversation.id },
      });
      expect(merged.status).toBe(200);
      expect(merged.body.channelKinds.sort()).toEqual(['instagram', 'sms']);
      const gone = await t.api('POST', `/api/inbox/conversations/${b.conversation.id}/notes`, {
        key: agentKey,
        body: { text: 'x' },
      });
      expect(gone.body.code).toBe('conversation_merged');

      const exported = await t.api('GET', `/api/customers/${a.conversation.customerId}/export`);
      expect(exported.body.conversations[0].messages.map((m: { text: string }) => m.text).sort()).toEqual([
        'first',
        'second',
      ]);
      const erased = await t.api('POST', `/api/customers/${a.conversation.customerId}/erase`, { body: {} });
      expect(erased.status, JSON.stringify(erased.body)).toBe(200);
      expect(erased.body.redacted).toMatchObject({ conversations: 1, messages: 2 });
      expect(
        (await t.api('GET', `/api/inbox/conversations/${a.conversation.id}`, { key: agentKey })).status,
      ).toBe(404);
    });
  },
  { config },
);
