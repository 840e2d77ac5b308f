// Product links in a reply: an agent searches the catalog and gets links to the product's page on
// the storefront of the conversation's channel (the app the customer chatted from), or of the first
// web shop for an email conversation, or of a channel named; a channel without a storefront is
// refused naming the field; refused without a key, without inbox:read, with a channel's key and with
// a publishable key. The link goes out in the reply. A WhatsApp number, an SMS number or a support
// address connected for a shop makes the conversations reaching it that shop's (mail through the
// hub's SMTP server, deliveries signed as Meta and Twilio sign them), and links go to its storefront.
import nodemailer from 'nodemailer';
import { beforeAll, expect, it } from 'vitest';
import { signMetaBody } from '../src/connectors/meta/index.js';
import { signTwilioRequest } from '../src/connectors/twilio/index.js';
import {
  buildCommerceFixture,
  COMMERCE_HUB_OPTIONS,
  type CommerceFixture,
} from './helpers/commerce-fixture.js';
import { eventually } from './helpers/eventually.js';
import { describeEachHub, type TestHub } from './helpers/test-hub.js';

const PUBLIC_URL = 'https://hub.example.test';
const SECRET = 'meta-app-secret-links-0123';
const TWILIO_TOKEN = 'twilio-auth-token-links-0123';

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

    it('records the shop a number or support address is connected for, and links to its storefront', async () => {
      const account = (body: Record<string, unknown>) =>
        t.api('POST', '/api/inbox/channel-accounts', { body: { channelId: f.channels.app.code, ...body } });
      const support = await account({
        kind: 'email',
        name: 'App help',
        externalAccountId: 'Help@App.example.test',
      });
      expect(support.status, JSON.stringify(support.body)).toBe(201);
      expect(support.body).toMatchObject({
        channelId: f.channels.app.id,
        webhookPaths: [],
        credentialNames: [],
      });
      const unknown = await account({
        kind: 'email',
        name: 'X',
        externalAccountId: 'x@example.test',
        channelId: 'nope',
      });
      expect(unknown.status).toBe(400);
      expect(JSON.stringify(unknown.body)).toContain('body.channelId');
      const wa = await account({
        kind: 'whatsapp',
        name: 'App WhatsApp',
        externalAccountId: '7770007',
        appSecret: SECRET,
        verifyToken: 'verify-links',
        accessToken: 'token-links',
      });
      const sms = await account({
        kind: 'sms',
        name: 'App SMS',
        externalAccountId: '+15017120007',
        accountSid: `AC${'2c'.repeat(16)}`,
        authToken: TWILIO_TOKEN,
      });
      expect([wa.status, sms.status]).toEqual([201, 201]);

      await nodemailer
        .createTransport({ host: '127.0.0.1', port: t.hub.smtpInbound!.port, secure: false, ignoreTLS: true })
        .sendMail({
          from: 'mail-pl@example.com',
          to: 'help@app.example.test',
          subject: 'Mug',
          text: 'Which mug?',
        });
      const raw = JSON.stringify({
        object: 'whatsapp_business_account',
        entry: [
          {
            id: '1',
            changes: [
              {
                field: 'messages',
                value: {
                  messaging_product: 'whatsapp',
                  metadata: { phone_number_id: '7770007' },
                  contacts: [{ profile: { name: 'Wen' }, wa_id: '46701110007' }],
                  messages: [
                    {
                      from: '46701110007',
                      id: 'wamid.PL1',
                      timestamp: String(Math.floor(Date.now() / 1000)),
                      type: 'text',
                      text: { body: 'A mug link?' },
                    },
                  ],
                },
              },
            ],
          },
        ],
      });
      const meta = await t.api('POST', wa.body.webhookPaths[0], {
        key: null,
        body: raw,
        headers: { 'content-type': 'application/json', 'x-hub-signature-256': signMetaBody(SECRET, raw) },
      });
      expect(meta.status).toBe(200);
      const smsPath = sms.body.webhookPaths[0] as string;
      const form = new URLSearchParams({
        MessageSid: `SM${'7'.repeat(32)}`,
        From: '+14155550007',
        To: '+15017120007',
        Body: 'Mug?',
        NumMedia: '0',
      });
      const twilio = await t.api('POST', smsPath, {
        key: null,
        body: form.toString(),
        headers: {
          'content-type': 'application/x-www-form-urlencoded',
          'x-twilio-signature': signTwilioRequest(TWILIO_TOKEN, `${PUBLIC_URL}${smsPath}`, [
            ...form.entries(),
          ]),
        },
      });
      expect(twilio.status).toBe(200);

      for (const kind of ['email', 'whatsapp', 'sms']) {
        type Item = { id: string; channelId: string | null };
        const shop = await eventually(
          async () =>
            ((await t.api('GET', `/api/inbox/conversations?channelKind=${kind}`)).body.items as Item[]).find(
              (c) => c.channelId === f.channels.app.id,
            ),
          (c) => c !== undefined,
        );
        const id = shop!.id;
        const r = await ok(t, 'GET', links(id, 'q=field%20mug'));
        expect(r.channel.id, kind).toBe(f.channels.app.id);
      }
      // The email conversation that reached no support address stays on the first web shop.
      expect((await ok(t, 'GET', links(mail, 'q=cap'))).channel.id).toBe(f.channels.web.id);
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
  { ...COMMERCE_HUB_OPTIONS, config: { ...COMMERCE_HUB_OPTIONS.config, smtpPort: 0, publicUrl: PUBLIC_URL } },
);
