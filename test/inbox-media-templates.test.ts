// The messaging connectors beyond text: replies go out through the account (number, page) the
// customer wrote to; media from WhatsApp (Graph media id, fetched with the account's token),
// Messenger (a CDN URL) and Twilio MMS (basic auth on Twilio's host only) kept as attachments, with
// the size limit; and WhatsApp's 24-hour window: a free-form reply after it is refused, an approved
// template (checked against the business account's list) goes, others are refused with the reason.
import { createHash, randomBytes } from 'node:crypto';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { signMetaBody } from '../src/connectors/meta/index.js';
import { signTwilioRequest } from '../src/connectors/twilio/index.js';
import { type ChannelReceiver, startChannelReceiver } from './helpers/channel-receiver.js';
import { eventually } from './helpers/eventually.js';
import { describeEachHub, type TestHub } from './helpers/test-hub.js';

const PUBLIC_URL = 'https://hub.example.test';
const APP_SECRET = 'meta-app-secret-media-0123';
const TWILIO_TOKEN = 'twilio-auth-token-media-0123';
const ACCOUNT_SID = `AC${'1b'.repeat(16)}`;
const JPEG = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), randomBytes(600)]);
const BIG = randomBytes(5_000);
const MAX = 4_000;

let graph: ChannelReceiver;
let twilio: ChannelReceiver;
let seq = 0;
beforeAll(async () => {
  graph = await startChannelReceiver();
  graph.handle = (r) => {
    if (r.method === 'GET' && r.path.startsWith('/v20.0/MEDIA'))
      return {
        status: 200,
        body: { url: `${graph.url}/files/${r.path.split('/')[2]}`, mime_type: 'image/jpeg' },
      };
    if (r.method === 'GET' && r.path === '/files/MEDIA1')
      return { status: 200, headers: { 'content-type': 'image/jpeg' }, body: JPEG };
    if (r.method === 'GET' && r.path.startsWith('/cdn/big'))
      return { status: 200, headers: { 'content-type': 'image/png' }, body: BIG };
    if (r.method === 'GET' && r.path.startsWith('/cdn/'))
      return { status: 200, headers: { 'content-type': 'image/png' }, body: JPEG };
    if (r.method === 'GET' && r.path.startsWith('/v20.0/5550001/message_templates'))
      return {
        status: 200,
        body: {
          data: [
            {
              name: 'order_update',
              language: 'en_US',
              status: 'APPROVED',
              components: [{ type: 'BODY', text: 'Hello {{1}}, your order {{2}} is ready.' }],
            },
            { name: 'promo_spring', language: 'en_US', status: 'REJECTED', components: [] },
          ],
        },
      };
    seq++;
    if (r.json?.messaging_product === 'whatsapp')
      return { status: 200, body: { messaging_product: 'whatsapp', messages: [{ id: `wamid.OUT${seq}` }] } };
    return { status: 200, body: { recipient_id: r.json?.recipient?.id, message_id: `m_out${seq}` } };
  };
  twilio = await startChannelReceiver();
  twilio.handle = (r) =>
    r.method === 'GET'
      ? { status: 200, headers: { 'content-type': 'image/jpeg' }, body: JPEG }
      : { status: 201, body: { sid: `SM${'c'.repeat(31)}${twilio.requests.length}`, status: 'queued' } };
});
afterAll(async () => {
  await graph?.close();
  await twilio?.close();
});

async function connect(t: TestHub, body: Record<string, unknown>) {
  const r = await t.api('POST', '/api/inbox/channel-accounts', { body });
  expect(r.status, JSON.stringify(r.body)).toBe(201);
  return r.body as { id: string; webhookPaths: string[] };
}

const whatsApp = (t: TestHub, number: string, token: string) =>
  connect(t, {
    kind: 'whatsapp',
    name: `WhatsApp ${number}`,
    externalAccountId: number,
    appSecret: APP_SECRET,
    verifyToken: 'verify-media',
    accessToken: token,
    apiBaseUrl: graph.url,
    graphVersion: 'v20.0',
    businessAccountId: '5550001',
  });

async function metaPost(t: TestHub, path: string, payload: unknown) {
  const raw = JSON.stringify(payload);
  const r = await t.api('POST', path, {
    key: null,
    body: raw,
    headers: { 'content-type': 'application/json', 'x-hub-signature-256': signMetaBody(APP_SECRET, raw) },
  });
  expect(r.status, JSON.stringify(r.body)).toBe(200);
  return r.body;
}

const waDelivery = (number: string, from: string, message: Record<string, unknown>) => ({
  object: 'whatsapp_business_account',
  entry: [
    {
      id: '5550001',
      changes: [
        {
          field: 'messages',
          value: {
            messaging_product: 'whatsapp',
            metadata: { phone_number_id: number },
            contacts: [{ profile: { name: 'Mira' }, wa_id: from }],
            messages: [{ from, ...message }],
          },
        },
      ],
    },
  ],
});

type Msg = {
  id: string;
  text: string;
  direction: string;
  status: string | null;
  channelAccountId: string | null;
  attachments: Array<{ id: string; size: number; sha256: string; contentType: string }>;
};
const messagesOf = async (t: TestHub, id: string) =>
  (await t.api('GET', `/api/inbox/conversations/${id}`)).body.messages as Msg[];
const conversationWith = async (t: TestHub, kind: string) =>
  (await t.api('GET', `/api/inbox/conversations?channelKind=${kind}`)).body.items[0].id as string;

async function replied(t: TestHub, id: string, body: Record<string, unknown>, receiver: ChannelReceiver) {
  const before = receiver.requests.filter((r) => r.method === 'POST').length;
  const r = await t.api('POST', `/api/inbox/conversations/${id}/replies`, { body });
  expect(r.status, JSON.stringify(r.body)).toBe(202);
  await receiver.waitFor((all) => all.filter((x) => x.method === 'POST').length > before);
  await eventually(
    async () => (await messagesOf(t, id)).find((m) => m.id === r.body.id)!,
    (m) => m.status === 'sent',
  );
  return receiver.requests.filter((x) => x.method === 'POST')[before]!;
}

describeEachHub(
  'inbox media, reply accounts and WhatsApp templates',
  (t) => {
    it('keeps a WhatsApp image fetched with the token of the number it reached, and replies from that number', async () => {
      await whatsApp(t, '1110001', 'token-first-number');
      const second = await whatsApp(t, '2220002', 'token-second-number');
      const mark = graph.requests.length;
      const now = String(Math.floor(Date.now() / 1000));
      await metaPost(
        t,
        second.webhookPaths[0]!,
        waDelivery('2220002', '46701234567', {
          id: 'wamid.IMG1',
          timestamp: now,
          type: 'image',
          image: { id: 'MEDIA1', mime_type: 'image/jpeg', caption: 'The torn sleeve' },
        }),
      );
      const id = await conversationWith(t, 'whatsapp');
      const [msg] = await messagesOf(t, id);
      expect(msg!.text).toContain('The torn sleeve');
      expect(msg!.channelAccountId).toBe(second.id);
      expect(msg!.attachments).toHaveLength(1);
      expect(msg!.attachments[0]).toMatchObject({ contentType: 'image/jpeg', size: JPEG.length });
      expect(msg!.attachments[0]!.sha256).toBe(createHash('sha256').update(JPEG).digest('hex'));
      // Both the lookup and the download carried the second number's token.
      const gets = graph.requests.slice(mark).filter((r) => r.method === 'GET' && /MEDIA1/.test(r.path));
      expect(gets.map((r) => r.headers.authorization)).toEqual([
        'Bearer token-second-number',
        'Bearer token-second-number',
      ]);
      const file = await t.api('GET', `/api/inbox/attachments/${msg!.attachments[0]!.id}`);
      expect(file.status).toBe(200);
      expect(
        (await t.api('GET', `/api/inbox/attachments/${msg!.attachments[0]!.id}`, { key: null })).status,
      ).toBe(401);

      const sent = await replied(t, id, { text: 'We will send a new one.' }, graph);
      expect(sent.path).toBe('/v20.0/2220002/messages');
      expect(sent.headers.authorization).toBe('Bearer token-second-number');
    });

    it('after 24 hours refuses free text and takes only an approved template with its parameters', async () => {
      const wa = await whatsApp(t, '3330003', 'token-third-number');
      const old = String(Math.floor(Date.now() / 1000) - 2 * 24 * 3600);
      await metaPost(
        t,
        wa.webhookPaths[0]!,
        waDelivery('3330003', '46709876543', {
          id: 'wamid.OLD1',
          timestamp: old,
          type: 'text',
          text: { body: 'Any news on order 1042?' },
        }),
      );
      const customer = (await t.api('GET', '/api/customers?phone=%2B46709876543')).body.items[0].id;
      const target = (await t.api('GET', `/api/customers/${customer}/conversations`)).body.items[0]
        .id as string;
      const free = await t.api('POST', `/api/inbox/conversations/${target}/replies`, {
        body: { text: 'Yes' },
      });
      expect(free.status).toBe(409);
      expect(free.body.code).toBe('reply_window_closed');
      expect(free.body.detail).toContain('approved template');

      const listed = await t.api('GET', `/api/inbox/conversations/${target}/templates`);
      expect(listed.status).toBe(200);
      expect(listed.body.items).toEqual([
        {
          name: 'order_update',
          language: 'en_US',
          body: 'Hello {{1}}, your order {{2}} is ready.',
          parameterCount: 2,
        },
      ]);

      const rejected = await t.api('POST', `/api/inbox/conversations/${target}/replies`, {
        body: { template: { name: 'promo_spring', language: 'en_US' } },
      });
      expect(rejected.status).toBe(422);
      expect(rejected.body.code).toBe('template_not_approved');
      const short = await t.api('POST', `/api/inbox/conversations/${target}/replies`, {
        body: { template: { name: 'order_update', language: 'en_US', parameters: ['Mira'] } },
      });
      expect(short.status).toBe(422);
      expect(short.body.code).toBe('template_parameters_mismatch');
      const hostile = await t.api('POST', `/api/inbox/conversations/${target}/replies`, {
        body: { template: { name: '../x', language: 'en_US' } },
      });
      expect(hostile.status).toBe(400);
      const empty = await t.api('POST', `/api/inbox/conversations/${target}/replies`, { body: {} });
      expect(empty.status).toBe(400);

      const sent = await replied(
        t,
        target,
        { template: { name: 'order_update', language: 'en_US', parameters: ['Mira', '1042'] } },
        graph,
      );
      expect(sent.path).toBe('/v20.0/3330003/messages');
      expect(sent.json).toMatchObject({
        messaging_product: 'whatsapp',
        to: '46709876543',
        type: 'template',
        template: {
          name: 'order_update',
          language: { code: 'en_US' },
          components: [
            {
              type: 'body',
              parameters: [
                { type: 'text', text: 'Mira' },
                { type: 'text', text: '1042' },
              ],
            },
          ],
        },
      });
      const out = (await messagesOf(t, target)).find((m) => m.direction === 'outbound')!;
      expect(out.text).toBe('Hello Mira, your order 1042 is ready.');
    });

    it('keeps a Messenger image, and notes (not keeps) one over the size limit', async () => {
      const page = await connect(t, {
        kind: 'messenger',
        name: 'Media page',
        externalAccountId: '7770007',
        appSecret: APP_SECRET,
        verifyToken: 'verify-media',
        accessToken: 'page-token-media',
        apiBaseUrl: graph.url,
      });
      const event = (mid: string, url: string) => ({
        object: 'page',
        entry: [
          {
            id: '7770007',
            messaging: [
              {
                sender: { id: '9990001' },
                recipient: { id: '7770007' },
                timestamp: Date.now(),
                message: { mid, attachments: [{ type: 'image', payload: { url } }] },
              },
            ],
          },
        ],
      });
      await metaPost(t, page.webhookPaths[0]!, event('m_img1', `${graph.url}/cdn/small.png`));
      await metaPost(t, page.webhookPaths[0]!, event('m_img2', `${graph.url}/cdn/big.png`));
      const id = await conversationWith(t, 'messenger');
      const [small, big] = await messagesOf(t, id);
      expect(small!.attachments).toHaveLength(1);
      expect(small!.attachments[0]!.size).toBe(JPEG.length);
      expect(big!.attachments).toHaveLength(0);
      expect(big!.text).toContain(`larger than ${MAX} bytes`);
    });

    it('keeps Twilio MMS media, fetched with basic auth on Twilio’s host', async () => {
      const sms = await connect(t, {
        kind: 'sms',
        name: 'Media number',
        externalAccountId: '+46700000777',
        accountSid: ACCOUNT_SID,
        authToken: TWILIO_TOKEN,
        apiBaseUrl: twilio.url,
      });
      const path = sms.webhookPaths[0]!;
      const mark = twilio.requests.length;
      const form = new URLSearchParams({
        MessageSid: `MM${'d'.repeat(32)}`,
        From: '+46701112233',
        To: '+46700000777',
        Body: '',
        NumMedia: '1',
        MediaUrl0: `${twilio.url}/2010-04-01/Accounts/${ACCOUNT_SID}/Messages/MM1/Media/ME1`,
        MediaContentType0: 'image/jpeg',
      });
      const r = await t.api('POST', path, {
        key: null,
        body: form.toString(),
        headers: {
          'content-type': 'application/x-www-form-urlencoded',
          'x-twilio-signature': signTwilioRequest(TWILIO_TOKEN, `${PUBLIC_URL}${path}`, [...form.entries()]),
        },
      });
      expect(r.status).toBe(200);
      const id = await conversationWith(t, 'sms');
      const [msg] = await messagesOf(t, id);
      expect(msg!.text).toBe('[image]');
      expect(msg!.attachments[0]).toMatchObject({ contentType: 'image/jpeg', size: JPEG.length });
      const get = twilio.requests.slice(mark).find((x) => x.method === 'GET')!;
      expect(get.headers.authorization).toBe(
        `Basic ${Buffer.from(`${ACCOUNT_SID}:${TWILIO_TOKEN}`).toString('base64')}`,
      );
    });
  },
  {
    config: {
      publicUrl: PUBLIC_URL,
      secretsKey: randomBytes(32).toString('base64'),
      maxAttachmentBytes: MAX,
    },
  },
);
