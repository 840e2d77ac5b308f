// The inbox's messaging connectors on the wire: Meta's webhook handshake and X-Hub-Signature-256
// (Messenger, Instagram, WhatsApp Cloud API), Twilio's X-Twilio-Signature (SMS in, status callbacks),
// replies through a local fake Graph API and a local fake Twilio (never the internet), status reports
// moving replies forward, redeliveries stored once, forged deliveries refused with nothing stored,
// credentials sealed at rest, and replies refused when the customer withdrew consent.
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { signMetaBody } from '../src/connectors/meta/index.js';
import { signTwilioRequest } from '../src/connectors/twilio/index.js';
import { type ChannelReceiver, startChannelReceiver } from './helpers/channel-receiver.js';
import { eventually } from './helpers/eventually.js';
import { describeEachHub, type TestHub } from './helpers/test-hub.js';

const PUBLIC_URL = 'https://hub.example.test';
const APP_SECRET = 'meta-app-secret-0123456789';
const VERIFY = 'verify-token-abcdef';
const TWILIO_TOKEN = 'twilio-auth-token-0123456789';
const ACCOUNT_SID = `AC${'0a'.repeat(16)}`;

let graph: ChannelReceiver;
let twilio: ChannelReceiver;
let graphSeq = 0;
beforeAll(async () => {
  graph = await startChannelReceiver();
  graph.handle = (r) => {
    graphSeq++;
    if (r.json?.messaging_product === 'whatsapp')
      return {
        status: 200,
        body: { messaging_product: 'whatsapp', messages: [{ id: `wamid.OUT${graphSeq}` }] },
      };
    return { status: 200, body: { recipient_id: r.json?.recipient?.id, message_id: `m_out${graphSeq}` } };
  };
  twilio = await startChannelReceiver();
  twilio.handle = () => ({
    status: 201,
    body: { sid: `SM${'b'.repeat(31)}${twilio.requests.length}`, status: 'queued' },
  });
});
afterAll(async () => {
  await graph?.close();
  await twilio?.close();
});

async function connect(t: TestHub, body: Record<string, unknown>) {
  const r = await t.api('POST', '/api/inbox/channel-accounts', { body });
  expect(r.status, JSON.stringify(r.body)).toBe(201);
  return r.body as { id: string; webhookPaths: string[]; credentialNames: string[] };
}

async function metaPost(t: TestHub, path: string, payload: unknown, secret = APP_SECRET) {
  const raw = JSON.stringify(payload);
  return t.api('POST', path, {
    key: null,
    body: raw,
    headers: { 'content-type': 'application/json', 'x-hub-signature-256': signMetaBody(secret, raw) },
  });
}

async function twilioPost(t: TestHub, path: string, params: Record<string, string>, token = TWILIO_TOKEN) {
  const form = new URLSearchParams(params);
  return t.api('POST', path, {
    key: null,
    body: form.toString(),
    headers: {
      'content-type': 'application/x-www-form-urlencoded',
      'x-twilio-signature': signTwilioRequest(token, `${PUBLIC_URL}${path}`, [...form.entries()]),
    },
  });
}

const count = async (t: TestHub) =>
  Number(
    (
      (await t.hub.database.db.execute(
        'select count(*)::int as n from inbox_messages' as never,
      )) as unknown as {
        rows: Array<{ n: number }>;
      }
    ).rows[0]!.n,
  );

async function conversationOf(t: TestHub, id: string) {
  return (await t.api('GET', `/api/inbox/conversations/${id}`)).body as {
    conversation: { id: string; customerId: string };
    messages: Array<{
      id: string;
      direction: string;
      status: string | null;
      externalId: string | null;
      failureReason: string | null;
      text: string;
    }>;
    customer: {
      customer: {
        identities: Array<{ type: string; value: string }>;
        traits: Record<string, { value: unknown }>;
      };
    };
  };
}

async function replyAndWait(t: TestHub, conversationId: string, text: string, receiver: ChannelReceiver) {
  const before = receiver.requests.length;
  const reply = await t.api('POST', `/api/inbox/conversations/${conversationId}/replies`, { body: { text } });
  expect(reply.status, JSON.stringify(reply.body)).toBe(202);
  await receiver.waitFor((all) => all.length > before);
  const sent = await eventually(
    async () => (await conversationOf(t, conversationId)).messages.find((m) => m.id === reply.body.id)!,
    (m) => m.status === 'sent',
  );
  return { request: receiver.requests[before]!, message: sent };
}

describeEachHub(
  'inbox messaging connectors',
  (t) => {
    it('answers Meta’s handshake only with the verify token, and keeps the credentials sealed', async () => {
      const page = await connect(t, {
        kind: 'messenger',
        name: 'Shop page',
        externalAccountId: '1000200030004000',
        appSecret: APP_SECRET,
        verifyToken: VERIFY,
        accessToken: 'EAAG-page-token-123',
        apiBaseUrl: graph.url,
      });
      expect(page.credentialNames).toEqual(['accessToken', 'appSecret', 'verifyToken']);
      const path = page.webhookPaths[0]!;
      const ok = await t.api(
        'GET',
        `${path}?hub.mode=subscribe&hub.verify_token=${VERIFY}&hub.challenge=1158201444`,
        { key: null },
      );
      expect(ok.status).toBe(200);
      expect(String(ok.body)).toBe('1158201444');
      const wrong = await t.api('GET', `${path}?hub.mode=subscribe&hub.verify_token=nope&hub.challenge=1`, {
        key: null,
      });
      expect(wrong.status).toBe(403);
      const row = (await t.hub.database.db.execute(
        `select credentials from inbox_channel_accounts where id = '${page.id}'` as never,
      )) as unknown as { rows: Array<{ credentials: string }> };
      expect(row.rows[0]!.credentials).toMatch(/^enc:v1:/);
      expect(row.rows[0]!.credentials).not.toContain(APP_SECRET);
      const listed = await t.api('GET', '/api/inbox/channel-accounts');
      expect(JSON.stringify(listed.body)).not.toContain('EAAG-page-token');
    });

    it('files a signed Messenger message once, refuses a forged one, replies through the Graph API', async () => {
      const accounts = (await t.api('GET', '/api/inbox/channel-accounts')).body.items;
      const page = accounts.find((a: { kind: string }) => a.kind === 'messenger');
      const path = page.webhookPaths[0];
      const delivery = {
        object: 'page',
        entry: [
          {
            id: '1000200030004000',
            time: Date.now(),
            messaging: [
              {
                sender: { id: '7010020030040050' },
                recipient: { id: '1000200030004000' },
                timestamp: Date.now(),
                message: { mid: 'm_in_1', text: 'Is the blue jacket in stock?' },
              },
            ],
          },
        ],
      };
      const before = await count(t);
      const forged = await metaPost(t, path, delivery, 'not-the-app-secret');
      expect(forged.status).toBe(401);
      const unsigned = await t.api('POST', path, { key: null, body: JSON.stringify(delivery) });
      expect(unsigned.status).toBe(401);
      expect(await count(t)).toBe(before);

      const first = await metaPost(t, path, delivery);
      expect(first.status, JSON.stringify(first.body)).toBe(200);
      expect(first.body).toMatchObject({ stored: 1, duplicates: 0 });
      const again = await metaPost(t, path, delivery);
      expect(again.body).toMatchObject({ stored: 0, duplicates: 1 });
      expect(await count(t)).toBe(before + 1);

      const list = await t.api('GET', '/api/inbox/conversations?channelKind=messenger');
      const conversationId = list.body.items[0].id;
      const one = await conversationOf(t, conversationId);
      expect(one.customer.customer.identities).toEqual(
        expect.arrayContaining([
          expect.objectContaining({ type: 'messenger_psid', value: '7010020030040050' }),
        ]),
      );

      const { request, message } = await replyAndWait(t, conversationId, 'Yes, in M and L.', graph);
      expect(request.path).toBe('/v21.0/1000200030004000/messages');
      expect(request.headers.authorization).toBe('Bearer EAAG-page-token-123');
      expect(request.json).toEqual({
        recipient: { id: '7010020030040050' },
        messaging_type: 'RESPONSE',
        message: { text: 'Yes, in M and L.' },
      });
      expect(message.externalId).toMatch(/^m_out/);

      // Meta's delivery report moves it forward.
      const report = {
        object: 'page',
        entry: [
          {
            id: '1000200030004000',
            messaging: [
              {
                sender: { id: '7010020030040050' },
                delivery: { mids: [message.externalId], watermark: Date.now() },
              },
            ],
          },
        ],
      };
      expect((await metaPost(t, path, report)).body).toMatchObject({ statuses: 1 });
      const after = await conversationOf(t, conversationId);
      expect(after.messages.find((m) => m.id === message.id)!.status).toBe('delivered');
    });

    it('takes WhatsApp messages with the profile name and phone, replies, and records read and failed', async () => {
      const wa = await connect(t, {
        kind: 'whatsapp',
        name: 'Shop WhatsApp',
        externalAccountId: '106540352242922',
        appSecret: APP_SECRET,
        verifyToken: VERIFY,
        accessToken: 'EAAG-system-user-token',
        apiBaseUrl: graph.url,
        graphVersion: 'v20.0',
      });
      const incoming = (id: string, text: string) => ({
        object: 'whatsapp_business_account',
        entry: [
          {
            id: '102290129340398',
            changes: [
              {
                field: 'messages',
                value: {
                  messaging_product: 'whatsapp',
                  metadata: { display_phone_number: '15550783881', phone_number_id: '106540352242922' },
                  contacts: [{ profile: { name: 'Sheena Nelson' }, wa_id: '16505551234' }],
                  messages: [
                    {
                      from: '16505551234',
                      id,
                      timestamp: String(Math.floor(Date.now() / 1000)),
                      type: 'text',
                      text: { body: text },
                    },
                  ],
                },
              },
            ],
          },
        ],
      });
      const path = wa.webhookPaths[0]!;
      expect((await metaPost(t, path, incoming('wamid.IN1', 'Where is my order?'))).body).toMatchObject({
        stored: 1,
      });
      expect((await metaPost(t, path, incoming('wamid.IN1', 'Where is my order?'))).body).toMatchObject({
        duplicates: 1,
      });
      const conversationId = (await t.api('GET', '/api/inbox/conversations?channelKind=whatsapp')).body
        .items[0].id;
      const one = await conversationOf(t, conversationId);
      const ids = one.customer.customer.identities.map((i) => `${i.type}:${i.value}`);
      expect(ids).toEqual(expect.arrayContaining(['whatsapp_id:16505551234', 'phone:+16505551234']));
      expect(one.customer.customer.traits.name?.value).toBe('Sheena Nelson');

      const { request, message } = await replyAndWait(t, conversationId, 'It ships today.', graph);
      expect(request.path).toBe('/v20.0/106540352242922/messages');
      expect(request.json).toMatchObject({
        messaging_product: 'whatsapp',
        to: '16505551234',
        type: 'text',
        text: { body: 'It ships today.' },
      });
      const statuses = (list: Array<Record<string, unknown>>) => ({
        object: 'whatsapp_business_account',
        entry: [
          {
            id: '102290129340398',
            changes: [
              {
                field: 'messages',
                value: {
                  messaging_product: 'whatsapp',
                  metadata: { phone_number_id: '106540352242922' },
                  statuses: list,
                },
              },
            ],
          },
        ],
      });
      await metaPost(
        t,
        path,
        statuses([
          { id: message.externalId, status: 'read', timestamp: '1700000000', recipient_id: '16505551234' },
        ]),
      );
      // A late "delivered" never moves a read message back.
      await metaPost(
        t,
        path,
        statuses([
          {
            id: message.externalId,
            status: 'delivered',
            timestamp: '1700000001',
            recipient_id: '16505551234',
          },
        ]),
      );
      expect(
        (await conversationOf(t, conversationId)).messages.find((m) => m.id === message.id)!.status,
      ).toBe('read');

      const second = await replyAndWait(t, conversationId, 'And a tracking link.', graph);
      await metaPost(
        t,
        path,
        statuses([
          {
            id: second.message.externalId,
            status: 'failed',
            recipient_id: '16505551234',
            errors: [{ code: 131047, title: 'Re-engagement message' }],
          },
        ]),
      );
      const failed = (await conversationOf(t, conversationId)).messages.find(
        (m) => m.id === second.message.id,
      )!;
      expect(failed.status).toBe('failed');
      expect(failed.failureReason).toContain('131047');
    });

    it('takes a signed Instagram message, refuses a Messenger payload on the Instagram account', async () => {
      const ig = await connect(t, {
        kind: 'instagram',
        name: 'Shop Instagram',
        externalAccountId: '17841400000000001',
        appSecret: APP_SECRET,
        verifyToken: VERIFY,
        accessToken: 'IGQ-token-0123456789',
        apiBaseUrl: graph.url,
      });
      const path = ig.webhookPaths[0]!;
      const dm = (object: string) => ({
        object,
        entry: [
          {
            id: '17841400000000001',
            messaging: [
              {
                sender: { id: '5500000000000001' },
                timestamp: Date.now(),
                message: { mid: 'ig_mid_1', text: 'Hi!' },
              },
            ],
          },
        ],
      });
      const wrongObject = await metaPost(t, path, dm('page'));
      expect(wrongObject.status).toBe(400);
      expect(JSON.stringify(wrongObject.body)).toContain('body.object');
      expect((await metaPost(t, path, dm('instagram'))).body).toMatchObject({ stored: 1 });
      const conversationId = (await t.api('GET', '/api/inbox/conversations?channelKind=instagram')).body
        .items[0].id;
      const { request } = await replyAndWait(t, conversationId, 'Hello!', graph);
      expect(request.path).toBe('/v21.0/17841400000000001/messages');
      expect(request.json).toEqual({ recipient: { id: '5500000000000001' }, message: { text: 'Hello!' } });
    });

    it('takes Twilio SMS with a valid signature, replies through the Messages API, follows status callbacks', async () => {
      const sms = await connect(t, {
        kind: 'sms',
        name: 'Shop SMS',
        externalAccountId: '+15017122661',
        accountSid: ACCOUNT_SID,
        authToken: TWILIO_TOKEN,
        apiBaseUrl: twilio.url,
      });
      const [inPath, statusPath] = sms.webhookPaths as [string, string];
      const params = {
        MessageSid: 'SM1234567890abcdef1234567890abcdef',
        AccountSid: ACCOUNT_SID,
        From: '+14155552671',
        To: '+15017122661',
        Body: 'Can I collect it tomorrow?',
        NumMedia: '0',
      };
      const before = await count(t);
      expect((await twilioPost(t, inPath, params, 'wrong-token-0123456789')).status).toBe(401);
      // A signature over other parameters than those sent is refused.
      const tampered = new URLSearchParams({ ...params, MessageSid: 'SMother0000000000000000000000000' });
      const stale = await t.api('POST', inPath, {
        key: null,
        body: tampered.toString(),
        headers: {
          'content-type': 'application/x-www-form-urlencoded',
          'x-twilio-signature': signTwilioRequest(
            TWILIO_TOKEN,
            `${PUBLIC_URL}${inPath}`,
            Object.entries(params),
          ),
        },
      });
      expect(stale.status).toBe(401);
      const ok = await twilioPost(t, inPath, params);
      expect(ok.status).toBe(200);
      expect(String(ok.body)).toContain('<Response>');
      expect(await count(t)).toBe(before + 1); // the same MessageSid twice: one message

      const conversationId = (await t.api('GET', '/api/inbox/conversations?channelKind=sms')).body.items[0]
        .id;
      const { request, message } = await replyAndWait(t, conversationId, 'Yes, from 10 am.', twilio);
      expect(request.path).toBe(`/2010-04-01/Accounts/${ACCOUNT_SID}/Messages.json`);
      expect(request.headers.authorization).toBe(
        `Basic ${Buffer.from(`${ACCOUNT_SID}:${TWILIO_TOKEN}`).toString('base64')}`,
      );
      const form = new URLSearchParams(request.body);
      expect(Object.fromEntries(form)).toMatchObject({
        To: '+14155552671',
        From: '+15017122661',
        Body: 'Yes, from 10 am.',
        StatusCallback: `${PUBLIC_URL}${statusPath}`,
      });
      const status = await twilioPost(t, statusPath, {
        MessageSid: message.externalId!,
        MessageStatus: 'undelivered',
        ErrorCode: '30003',
        AccountSid: ACCOUNT_SID,
      });
      expect(status.status).toBe(200);
      const failed = (await conversationOf(t, conversationId)).messages.find((m) => m.id === message.id)!;
      expect(failed).toMatchObject({ status: 'failed', failureReason: 'Twilio: undelivered (error 30003)' });
    });

    it('refuses a reply when the customer withdrew consent for that medium', async () => {
      const conversationId = (await t.api('GET', '/api/inbox/conversations?channelKind=sms')).body.items[0]
        .id;
      const { conversation } = await conversationOf(t, conversationId);
      const ctx = t.hub.systemCtx();
      await t.hub.services.customers.setConsent(ctx, conversation.customerId, {
        purpose: 'support_sms',
        channel: '*',
        granted: false,
      });
      const before = await count(t);
      const refused = await t.api('POST', `/api/inbox/conversations/${conversationId}/replies`, {
        body: { text: 'Hi' },
      });
      expect(refused.status).toBe(409);
      expect(refused.body.code).toBe('contact_not_allowed');
      expect(refused.body.detail).toContain('support_sms consent is denied');
      expect(await count(t)).toBe(before);
      // Granted again: the reply goes.
      await t.hub.services.customers.setConsent(ctx, conversation.customerId, {
        purpose: 'support_sms',
        channel: '*',
        granted: true,
      });
      expect(
        (
          await t.api('POST', `/api/inbox/conversations/${conversationId}/replies`, {
            body: { text: 'Back again' },
          })
        ).status,
      ).toBe(202);
    });
  },
  { config: { publicUrl: PUBLIC_URL, secretsKey: randomBytes(32).toString('base64') } },
);
