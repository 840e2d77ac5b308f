// WhatsApp's 24-hour customer-service window end to end: a Cloud API delivery signed as Meta signs it
// (X-Hub-Signature-256 with the app secret), the hub's clock moved past 24 hours, the agent's free-text
// reply refused with the reason (problem+json; the apps' five languages read the code, checked by
// web/i18n/errors.test.ts), an approved
// template still sent; a read receipt does not reopen the window, the customer's next message does.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { signMetaBody } from '../src/connectors/meta/index.js';
import { ManualClock } from '../src/kernel/index.js';
import { type ChannelReceiver, startChannelReceiver } from './helpers/channel-receiver.js';
import { eventually } from './helpers/eventually.js';
import { describeEachHub, type TestHub } from './helpers/test-hub.js';

const APP_SECRET = 'meta-app-secret-window-0123';
const NUMBER = '4440004';
const WA_ID = '46705550123';
const HOUR = 3600_000;
// The hub's time: only the test moves it (webhook timestamps are written from it too).
const clock = new ManualClock(new Date(Math.floor(Date.now() / 1000) * 1000));

let graph: ChannelReceiver;
let seq = 0;
beforeAll(async () => {
  graph = await startChannelReceiver();
  graph.handle = (r) => {
    if (r.method === 'GET' && r.path.startsWith('/v20.0/5550004/message_templates'))
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
          ],
        },
      };
    seq++;
    return { status: 200, body: { messaging_product: 'whatsapp', messages: [{ id: `wamid.WOUT${seq}` }] } };
  };
});
afterAll(async () => {
  await graph?.close();
});

const seconds = () => String(Math.floor(clock.now().getTime() / 1000));
const change = (value: Record<string, unknown>) => ({
  object: 'whatsapp_business_account',
  entry: [
    {
      id: '5550004',
      changes: [
        {
          field: 'messages',
          value: { messaging_product: 'whatsapp', metadata: { phone_number_id: NUMBER }, ...value },
        },
      ],
    },
  ],
});
const inbound = (id: string, text: string) =>
  change({
    contacts: [{ profile: { name: 'Ines' }, wa_id: WA_ID }],
    messages: [{ from: WA_ID, id, timestamp: seconds(), type: 'text', text: { body: text } }],
  });

async function signedDelivery(t: TestHub, path: string, payload: unknown) {
  const raw = JSON.stringify(payload);
  const r = await t.api('POST', path, {
    key: null,
    body: raw,
    headers: { 'content-type': 'application/json', 'x-hub-signature-256': signMetaBody(APP_SECRET, raw) },
  });
  expect(r.status, JSON.stringify(r.body)).toBe(200);
}

const reply = (t: TestHub, id: string, body: Record<string, unknown>) =>
  t.api('POST', `/api/inbox/conversations/${id}/replies`, { body });

async function sent(t: TestHub, id: string, messageId: string) {
  return eventually(
    async () =>
      (
        (await t.api('GET', `/api/inbox/conversations/${id}`)).body.messages as Array<{
          id: string;
          status: string | null;
          externalId: string | null;
        }>
      ).find((m) => m.id === messageId)!,
    (m) => m?.status === 'sent',
  );
}

describeEachHub(
  'WhatsApp reply window through signed deliveries',
  (t) => {
    it('refuses free text 24 hours after the customer wrote, with the reason, and still sends a template', async () => {
      const account = await t.api('POST', '/api/inbox/channel-accounts', {
        body: {
          kind: 'whatsapp',
          name: 'Window number',
          externalAccountId: NUMBER,
          appSecret: APP_SECRET,
          verifyToken: 'verify-window',
          accessToken: 'token-window',
          apiBaseUrl: graph.url,
          graphVersion: 'v20.0',
          businessAccountId: '5550004',
        },
      });
      expect(account.status, JSON.stringify(account.body)).toBe(201);
      const path = account.body.webhookPaths[0] as string;
      await signedDelivery(t, path, inbound(`wamid.W${t.kind}1`, 'Is my order 77 ready?'));
      const id = (await t.api('GET', '/api/inbox/conversations?channelKind=whatsapp')).body.items[0]
        .id as string;

      // Within the window free text goes.
      const early = await reply(t, id, { text: 'Checking now.' });
      expect(early.status, JSON.stringify(early.body)).toBe(202);
      const earlyMessage = await sent(t, id, early.body.id);

      clock.advance(24 * HOUR + 60_000);
      const late = await reply(t, id, { text: 'It is ready.' });
      expect(late.status).toBe(409);
      expect(String(late.headers['content-type'])).toContain('application/problem+json');
      expect(late.body.code).toBe('reply_window_closed');
      expect(late.body.detail).toBe(
        'The whatsapp reply window has closed: only an approved template can go now',
      );
      expect(late.body).toMatchObject({ reason: 'reply_window_closed', channelKind: 'whatsapp' });
      expect(Date.parse(late.body.lastInboundAt)).toBe(clock.now().getTime() - 24 * HOUR - 60_000);
      const postsBefore = graph.requests.filter((r) => r.method === 'POST').length;

      const template = await reply(t, id, {
        template: { name: 'order_update', language: 'en_US', parameters: ['Ines', '77'] },
      });
      expect(template.status, JSON.stringify(template.body)).toBe(202);
      await sent(t, id, template.body.id);
      const posts = graph.requests.filter((r) => r.method === 'POST');
      // Exactly the template went out after the window closed; the refused text never did.
      expect(posts.slice(postsBefore).map((r) => r.json.type)).toEqual(['template']);
      expect(posts.at(-1)!.json).toMatchObject({ to: WA_ID, template: { name: 'order_update' } });

      // A read receipt is not the customer writing: the window stays closed.
      await signedDelivery(
        t,
        path,
        change({
          statuses: [
            { id: earlyMessage.externalId, status: 'read', timestamp: seconds(), recipient_id: WA_ID },
          ],
        }),
      );
      expect((await reply(t, id, { text: 'Still there?' })).body.code).toBe('reply_window_closed');

      // The customer writes again: free text may go for another 24 hours.
      await signedDelivery(t, path, inbound(`wamid.W${t.kind}2`, 'Coming tomorrow'));
      const reopened = await reply(t, id, { text: 'See you then.' });
      expect(reopened.status, JSON.stringify(reopened.body)).toBe(202);
      await sent(t, id, reopened.body.id);
    });
  },
  { clock },
);
