// Issue #13's "Done when", each channel on its real wire: one person (Ana) writes by email (a real
// SMTP client to the hub's SMTP server), by web chat (signed in on the storefront) and on Messenger (a
// webhook signed as Meta signs it: X-Hub-Signature-256, HMAC-SHA256 of the raw body with the app
// secret). All of it ends in ONE conversation on ONE profile, and each reply without a channel named
// goes out on the channel she used last: Messenger through the Graph API, then email through the relay
// with In-Reply-To naming her latest mail. Also: a merge that leaves the conversation on the merged-away
// profile still keeps her next message in it.
import { randomBytes } from 'node:crypto';
import nodemailer from 'nodemailer';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { signMetaBody } from '../src/connectors/meta/index.js';
import type { HubConfig } from '../src/platform/config.js';
import { type ChannelReceiver, startChannelReceiver } from './helpers/channel-receiver.js';
import { eventually } from './helpers/eventually.js';
import { type SmtpCapture, startSmtpCapture } from './helpers/smtp-capture.js';
import { describeEachHub } from './helpers/test-hub.js';

const APP_SECRET = 'meta-app-secret-one-timeline';
const PAGE = '1000200030009999';

let relay: SmtpCapture;
let graph: ChannelReceiver;
const config: Partial<HubConfig> = {
  smtpPort: 0,
  inboxMailDomain: 'shop.example.test',
  publicUrl: 'https://hub.example.test',
  secretsKey: randomBytes(32).toString('base64'),
};
beforeAll(async () => {
  relay = await startSmtpCapture();
  graph = await startChannelReceiver();
  graph.handle = (r) => ({
    status: 200,
    body: { recipient_id: r.json?.recipient?.id, message_id: `m_out_${graph.requests.length}` },
  });
  config.smtpUrl = relay.url;
  config.mailFrom = 'Shop <support@shop.example.test>';
});
afterAll(async () => {
  await relay?.close();
  await graph?.close();
});

describeEachHub(
  'one person, three channels, one timeline',
  (t) => {
    const ana = `ana.${t.kind}.${Date.now()}@lind.example.org`;
    const psid = t.kind === 'pglite' ? '7010020030041111' : '7010020030042222';
    const smtp = () =>
      nodemailer.createTransport({
        host: '127.0.0.1',
        port: t.hub.smtpInbound!.port,
        secure: false,
        ignoreTLS: true,
      });
    const conversation = async (id: string) =>
      (await t.api('GET', `/api/inbox/conversations/${id}`)).body as {
        conversation: { id: string; customerId: string; channelKinds: string[]; lastInboundChannel: string };
        messages: Array<{ id: string; channelKind: string; direction: string; text: string; status: string }>;
        customer: { customer: { id: string; identities: Array<{ type: string; value: string }> } };
      };
    const messenger = async (path: string, mid: string, text: string, from = psid) => {
      const raw = JSON.stringify({
        object: 'page',
        entry: [
          {
            id: PAGE,
            time: Date.now(),
            messaging: [
              {
                sender: { id: from },
                recipient: { id: PAGE },
                timestamp: Date.now(),
                message: { mid, text },
              },
            ],
          },
        ],
      });
      const r = await t.api('POST', path, {
        key: null,
        body: raw,
        headers: { 'content-type': 'application/json', 'x-hub-signature-256': signMetaBody(APP_SECRET, raw) },
      });
      expect(r.status, JSON.stringify(r.body)).toBe(200);
      expect(r.body).toMatchObject({ stored: 1 });
    };
    const reply = async (id: string, text: string) => {
      const r = await t.api('POST', `/api/inbox/conversations/${id}/replies`, { body: { text } });
      expect(r.status, JSON.stringify(r.body)).toBe(202);
      return r.body as { id: string; channelKind: string; address: string };
    };

    it('joins email, web chat and a signed Messenger delivery on one profile, and answers on her last channel', async () => {
      // 1. Email, by a real SMTP client: her profile (email) and the conversation.
      await smtp().sendMail({
        from: `Ana Lind <${ana}>`,
        to: 'support@shop.example.test',
        subject: 'My parcel',
        text: 'My parcel has not arrived.',
        messageId: `<first.${t.kind}@lind.example.org>`,
      });
      const list = await t.api('GET', '/api/inbox/conversations?channelKind=email');
      const id: string = list.body.items.find((c: { subject: string }) => c.subject === 'My parcel').id;
      const profileId = (await conversation(id)).conversation.customerId;

      // 2. Web chat, signed in on the storefront: the session proved her email (a one-time code to her
      // inbox), so the chat is hers without anyone linking anything.
      const channel = await t.api('POST', '/api/channels', {
        body: { code: `web-${t.kind}`, name: 'Web', type: 'web', currency: 'EUR', locales: ['en'] },
      });
      const key = await t.api('POST', '/api/keys', {
        body: { name: 'storefront', kind: 'publishable', channelId: channel.body.id },
      });
      const shop = key.body.secret as string;
      expect((await t.api('POST', '/api/shopper/sign-in', { key: shop, body: { email: ana } })).status).toBe(
        202,
      );
      const signedIn = await t.api('POST', '/api/shopper/sign-in/verify', {
        key: shop,
        body: { email: ana, code: await relay.signInCode(ana) },
      });
      expect(signedIn.status, JSON.stringify(signedIn.body)).toBe(200);
      const chat = await t.api('POST', '/api/chat/messages', {
        key: shop,
        body: { text: 'Chatting from the shop now', anonymousId: `anon-ana-${t.kind}` },
        headers: { cookie: `omnihub_shopper=${signedIn.body.token}` },
      });
      expect(chat.status, JSON.stringify(chat.body)).toBe(201);
      expect(chat.body.conversationId).toBe(id);

      // 3. Messenger, signed as Meta signs it. A page-scoped id carries no email, so it is NOT joined to
      // her automatically: it opens a conversation on a profile of its own.
      const page = await t.api('POST', '/api/inbox/channel-accounts', {
        body: {
          kind: 'messenger',
          name: 'Shop page',
          externalAccountId: PAGE,
          appSecret: APP_SECRET,
          verifyToken: 'verify-one-timeline',
          accessToken: 'EAAG-one-timeline',
          apiBaseUrl: graph.url,
        },
      });
      expect(page.status, JSON.stringify(page.body)).toBe(201);
      const hook: string = page.body.webhookPaths[0];
      await messenger(hook, `m_${t.kind}_1`, 'Hi, Ana Lind here: any news on my parcel?');
      const apart = (await t.api('GET', '/api/inbox/conversations?channelKind=messenger')).body.items.find(
        (c: { id: string }) => c.id !== id,
      );
      expect(apart).toBeDefined();
      const psidProfile = (await conversation(apart.id)).conversation.customerId;
      expect(psidProfile).not.toBe(profileId);

      // 4. The agent's link, as a retailer does it: a name typed on Messenger proves nothing, so the
      // agent checks (she quotes her order number) and then merges the two profiles, with the reason on
      // record and undoable, and folds the Messenger conversation into hers.
      const merged = await t.api('POST', '/api/customers/merges', {
        body: { profileIds: [profileId, psidProfile], reason: 'agent verified order number on Messenger' },
      });
      expect(merged.status, JSON.stringify(merged.body)).toBe(201);
      expect(
        (await t.api('POST', `/api/inbox/conversations/${apart.id}/merge`, { body: { intoId: id } })).status,
      ).toBe(200);

      // From now on her Messenger messages go straight to her one conversation.
      await messenger(hook, `m_${t.kind}_2`, 'Thanks! Can I pick it up instead?');
      const one = await conversation(id);
      expect(one.messages.filter((m) => m.direction === 'inbound').map((m) => m.channelKind)).toEqual([
        'email',
        'web_chat',
        'messenger',
        'messenger',
      ]);
      expect(one.conversation.channelKinds.sort()).toEqual(['email', 'messenger', 'web_chat']);
      expect(one.conversation.lastInboundChannel).toBe('messenger');
      const types = one.customer.customer.identities.map((i) => `${i.type}:${i.value}`);
      expect(types).toEqual(expect.arrayContaining([`email:${ana}`, `messenger_psid:${psid}`]));
      // One profile: the merged-away Messenger profile reads as hers.
      expect(one.customer.customer.id).toBe(profileId);
      expect((await t.api('GET', `/api/customers/${psidProfile}`)).body.id).toBe(profileId);

      // 5. The agent answers without naming a channel: Messenger, where she wrote last.
      const before = graph.requests.length;
      const r1 = await reply(id, 'Yes, from tomorrow at the Main Street shop.');
      expect(r1).toMatchObject({ channelKind: 'messenger', address: psid });
      await graph.waitFor((all) => all.length > before);
      expect(graph.requests[before]!.json).toMatchObject({ recipient: { id: psid } });

      // 6. She answers that by email, replying to her own first mail; the next answer goes by email,
      // through the relay, threaded on her latest mail.
      await smtp().sendMail({
        from: ana,
        to: 'support@shop.example.test',
        subject: 'Re: My parcel',
        text: 'Great, I will come by.',
        messageId: `<second.${t.kind}@lind.example.org>`,
        inReplyTo: `<first.${t.kind}@lind.example.org>`,
        references: [`<first.${t.kind}@lind.example.org>`],
      });
      const last = await eventually(
        () => conversation(id),
        (c) => c.conversation.lastInboundChannel === 'email',
      );
      expect(last.messages.filter((m) => m.direction === 'inbound')).toHaveLength(5);
      const r2 = await reply(id, 'See you tomorrow.');
      expect(r2).toMatchObject({ channelKind: 'email', address: ana });
      const mail = await relay.nextMailTo(ana, 5_000, /See you tomorrow/);
      expect(mail.raw).toMatch(new RegExp(`In-Reply-To: <second\\.${t.kind}@lind\\.example\\.org>`));
      expect(mail.raw).toMatch(new RegExp(`References: <first\\.${t.kind}@lind\\.example\\.org>`));
      const sent = await eventually(
        () => conversation(id),
        (c) => c.messages.filter((m) => m.direction === 'outbound').every((m) => m.status === 'sent'),
      );
      expect(sent.messages.map((m) => `${m.direction}:${m.channelKind}`)).toEqual(
        expect.arrayContaining(['outbound:messenger', 'outbound:email']),
      );
    });

    it('keeps one open conversation when the surviving one is on the merged-away profile', async () => {
      // The agent may fold the email conversation into the Messenger one instead: the survivor then
      // names the Messenger profile, not the merged profile's root, and her next mail must still join it.
      const bo = `bo.${t.kind}.${Date.now()}@lind.example.org`;
      const boPsid = t.kind === 'pglite' ? '7010020030043333' : '7010020030044444';
      await smtp().sendMail({ from: bo, to: 'support@shop.example.test', subject: 'Bo here', text: 'Hello' });
      const mail = (await t.api('GET', '/api/inbox/conversations?channelKind=email')).body.items.find(
        (c: { subject: string }) => c.subject === 'Bo here',
      );
      const hook: string = (await t.api('GET', '/api/inbox/channel-accounts')).body.items[0].webhookPaths[0];
      await messenger(hook, `m_${t.kind}_bo`, 'Bo on Messenger', boPsid);
      const chat = (await t.api('GET', '/api/inbox/conversations?channelKind=messenger')).body.items.find(
        (c: { id: string; customerId: string }) => c.id !== mail.id && c.customerId !== mail.customerId,
      );
      const mine = await conversation(chat.id);
      expect(mine.messages[0]!.text).toBe('Bo on Messenger');
      const merged = await t.api('POST', '/api/customers/merges', {
        body: { profileIds: [mail.customerId, chat.customerId], reason: 'agent verified' },
      });
      expect(merged.status, JSON.stringify(merged.body)).toBe(201);
      const folded = await t.api('POST', `/api/inbox/conversations/${mail.id}/merge`, {
        body: { intoId: chat.id },
      });
      expect(folded.status).toBe(200);
      await smtp().sendMail({
        from: bo,
        to: 'support@shop.example.test',
        subject: 'New topic',
        text: 'Again',
      });
      const after = await conversation(chat.id);
      // Sorted: a mail's Date has whole seconds, so it may sort before the Messenger message.
      expect(after.messages.map((m) => m.text.trim()).sort()).toEqual(['Again', 'Bo on Messenger', 'Hello']);
    });
  },
  { config },
);
