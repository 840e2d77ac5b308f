// Journey messages by SMS and WhatsApp (#15): an abandoned-cart journey whose channel order is
// SMS then WhatsApp sends through the inbox's connected accounts to local stand-ins for Twilio's
// Messages API and the Graph API (never the internet). SMS carries the short text (Bulgarian is
// UCS-2, counted in segments); WhatsApp an approved template with its parameters. Consent is asked
// per format at send time: a customer who refused SMS gets WhatsApp, one without marketing consent
// gets nothing, and a template Meta refuses (4xx) fails the send once, without retries.
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { signTwilioRequest } from '../src/connectors/twilio/index.js';
import { smsSegments } from '../src/modules/messaging/index.js';
import { rows } from '../src/platform/db/database.js';
import { type ChannelReceiver, startChannelReceiver } from './helpers/channel-receiver.js';
import {
  buildCommerceFixture,
  COMMERCE_HUB_OPTIONS,
  type CommerceFixture,
} from './helpers/commerce-fixture.js';
import { eventually } from './helpers/eventually.js';
import { describeEachHub } from './helpers/test-hub.js';

const ACCOUNT_SID = `AC${'0c'.repeat(16)}`;
const TWILIO_TOKEN = 'twilio-auth-token-journeys';
const PUBLIC_URL = 'http://hub.test';
const smsSid = (to: string) => `SM${to.replace(/\D/g, '').padStart(32, '0')}`;
const REFUSED_PHONE = '+46701110099';
let graph: ChannelReceiver;
let twilio: ChannelReceiver;
beforeAll(async () => {
  graph = await startChannelReceiver();
  graph.handle = (r) =>
    r.json?.to === REFUSED_PHONE
      ? { status: 400, body: { error: { code: 132001, message: 'Template name does not exist' } } }
      : {
          status: 200,
          body: { messaging_product: 'whatsapp', messages: [{ id: `wamid.J${graph.requests.length}` }] },
        };
  twilio = await startChannelReceiver();
  // The message's sid names its number: a status callback can be made for the SMS a test sent.
  twilio.handle = (r) => ({
    status: 201,
    body: { sid: smsSid(new URLSearchParams(r.body).get('To') ?? '') },
  });
});
afterAll(async () => {
  await graph?.close();
  await twilio?.close();
});

const RULES = {
  quietHours: null,
  defaultTimeZone: 'UTC',
  capPerDay: { email: 2, sms: 1, whatsapp: 1, push: 3, banner: 100, receipt: 100 },
};

describeEachHub(
  'journey messages by SMS and WhatsApp',
  (t) => {
    let f: CommerceFixture;
    let seq = 0;
    const ok = async (method: string, path: string, body?: unknown, expected = [200, 201]) => {
      const r = await t.api(method, path, { body });
      expect(expected, `${method} ${path}: ${r.status} ${JSON.stringify(r.body)}`).toContain(r.status);
      return r.body;
    };
    /** A customer with a phone; `consents` are recorded in order (purpose, granted). */
    const customer = async (locale: string, consents: Array<[string, boolean]>) => {
      seq++;
      const phone = `+467011${t.kind === 'pglite' ? 1 : 2}${String(seq).padStart(4, '0')}`;
      const { customerId } = await ok('POST', '/api/customers/identify', {
        channelId: f.channels.app.id,
        identifiers: [{ type: 'phone', value: phone }],
        traits: { locale },
      });
      for (const [purpose, granted] of consents)
        await ok('PUT', `/api/customers/${customerId}/consent`, { purpose, channel: '*', granted });
      return { customerId: customerId as string, phone };
    };
    const leaveCart = async (profileId: string) => {
      const cart = await t.api('POST', '/api/carts', {
        key: f.keys.app,
        body: { profileId, lines: [{ sku: f.skus.tee, quantity: 1 }] },
      });
      expect(cart.status, JSON.stringify(cart.body)).toBe(201);
      return cart.body as { id: string; handoff: { code: string } };
    };
    const settled = (id: string) =>
      eventually(
        () => t.api('GET', `/api/customers/${id}/messages`).then((r) => r.body),
        (b) => b.messages.length > 0 && b.messages.every((m: { status: string }) => m.status !== 'queued'),
      );
    const toTwilio = (phone: string) =>
      twilio.requests.filter((r) => new URLSearchParams(r.body).get('To') === phone);
    const toGraph = (phone: string) => graph.requests.filter((r) => r.json?.to === phone);

    it('connects an SMS and a WhatsApp account; the journey tries SMS, then WhatsApp', async () => {
      f = await buildCommerceFixture(t, 'JS');
      await ok('POST', '/api/inbox/channel-accounts', {
        kind: 'sms',
        name: 'Shop SMS',
        externalAccountId: '+15017122661',
        accountSid: ACCOUNT_SID,
        authToken: TWILIO_TOKEN,
        apiBaseUrl: twilio.url,
      });
      await ok('POST', '/api/inbox/channel-accounts', {
        kind: 'whatsapp',
        name: 'Shop WhatsApp',
        externalAccountId: '106540352242999',
        appSecret: 'meta-app-secret-journeys',
        verifyToken: 'verify-journeys',
        accessToken: 'EAAG-journeys',
        apiBaseUrl: graph.url,
        graphVersion: 'v21.0',
      });
      await ok('PUT', '/api/journeys/abandoned_cart', {
        enabled: true,
        delaySeconds: 1,
        channelOrder: ['sms', 'whatsapp'],
      });
      await ok('PUT', '/api/messaging/settings', {
        brand: (await ok('GET', '/api/messaging/settings')).brand,
        rules: RULES,
      });
    });

    it('sends the short text by SMS through Twilio, Bulgarian as UCS-2 in counted segments', async () => {
      const ana = await customer('bg', [['marketing', true]]);
      const cart = await leaveCart(ana.customerId);
      const m = await settled(ana.customerId);
      expect(m.messages[0]).toMatchObject({ status: 'sent', format: 'sms', templateKey: 'abandoned_cart' });
      const [req, ...more] = toTwilio(ana.phone);
      expect(more).toEqual([]);
      expect(req!.path).toBe(`/2010-04-01/Accounts/${ACCOUNT_SID}/Messages.json`);
      const form = new URLSearchParams(req!.body);
      expect(form.get('From')).toBe('+15017122661');
      const body = form.get('Body')!;
      expect(body).toContain('количката');
      expect(body).toContain(cart.handoff.code);
      expect(body).toContain(`cart=${cart.id}`);
      const segments = smsSegments(body);
      expect(segments.encoding).toBe('UCS-2');
      expect(segments.segments).toBe(Math.ceil(body.length / 67));
      expect(toGraph(ana.phone)).toEqual([]);
    });

    it("learns a journey SMS's delivery from Twilio's signed status callback, forward only", async () => {
      const dee = await customer('en', [['marketing', true]]);
      await leaveCart(dee.customerId);
      const sent = (await settled(dee.customerId)).messages[0];
      expect(sent).toMatchObject({ status: 'sent', format: 'sms', deliveryStatus: null });
      const callback = new URL(new URLSearchParams(toTwilio(dee.phone)[0]!.body).get('StatusCallback')!);
      expect(callback.origin).toBe(PUBLIC_URL);
      const report = (params: Record<string, string>, token = TWILIO_TOKEN) => {
        const form = new URLSearchParams({ AccountSid: ACCOUNT_SID, To: dee.phone, ...params });
        return t.api('POST', callback.pathname, {
          key: null,
          body: form.toString(),
          headers: {
            'content-type': 'application/x-www-form-urlencoded',
            'x-twilio-signature': signTwilioRequest(token, callback.href, [...form.entries()]),
          },
        });
      };
      const deliveryOf = async () =>
        (await ok('GET', `/api/customers/${dee.customerId}/messages`)).messages.find(
          (x: { id: string }) => x.id === sent.id,
        ) as { deliveryStatus: string | null; reason: string | null; status: string };
      const reported = () =>
        rows<{ n: number }>(
          t.hub.database.db,
          sql`select count(*)::int as n from messaging_sends where delivery_status is not null`,
        ).then((r) => r[0]!.n);
      const sid = smsSid(dee.phone);

      // A wrong signature (another account's token) is refused and changes nothing.
      const forged = await report({ MessageSid: sid, MessageStatus: 'delivered' }, 'not-the-token');
      expect(forged.status).toBe(401);
      expect((await deliveryOf()).deliveryStatus).toBeNull();
      // An unknown message id: 2xx (Twilio stops retrying), nothing written.
      const before = await reported();
      expect((await report({ MessageSid: `SM${'f'.repeat(32)}`, MessageStatus: 'delivered' })).status).toBe(
        200,
      );
      expect(await reported()).toBe(before);

      expect((await report({ MessageSid: sid, MessageStatus: 'sent' })).status).toBe(200);
      expect(await deliveryOf()).toMatchObject({ status: 'sent', deliveryStatus: 'sent' });
      expect((await report({ MessageSid: sid, MessageStatus: 'delivered' })).status).toBe(200);
      expect(await deliveryOf()).toMatchObject({ deliveryStatus: 'delivered', reason: null });
      // Late or repeated reports never take it back.
      for (const MessageStatus of ['sent', 'queued', 'undelivered'])
        expect((await report({ MessageSid: sid, MessageStatus, ErrorCode: '30003' })).status).toBe(200);
      expect(await deliveryOf()).toMatchObject({ deliveryStatus: 'delivered', reason: null });
    });

    it('a carrier that could not deliver a journey SMS is on its send with the error code', async () => {
      const eli = await customer('en', [['marketing', true]]);
      await leaveCart(eli.customerId);
      const sent = (await settled(eli.customerId)).messages[0];
      const callback = new URL(new URLSearchParams(toTwilio(eli.phone)[0]!.body).get('StatusCallback')!);
      const form = new URLSearchParams({
        MessageSid: smsSid(eli.phone),
        MessageStatus: 'undelivered',
        ErrorCode: '30003',
      });
      const r = await t.api('POST', callback.pathname, {
        key: null,
        body: form.toString(),
        headers: {
          'content-type': 'application/x-www-form-urlencoded',
          'x-twilio-signature': signTwilioRequest(TWILIO_TOKEN, callback.href, [...form.entries()]),
        },
      });
      expect(r.status).toBe(200);
      const after = (await ok('GET', `/api/customers/${eli.customerId}/messages`)).messages[0];
      expect(after).toMatchObject({ id: sent.id, status: 'sent', deliveryStatus: 'undelivered' });
      expect(after.reason).toContain('30003');
    });

    it('a customer who refused SMS gets the approved WhatsApp template with its parameters', async () => {
      const bo = await customer('en', [
        ['marketing', true],
        ['marketing_sms', false],
      ]);
      const cart = await leaveCart(bo.customerId);
      const m = await settled(bo.customerId);
      expect(m.messages[0]).toMatchObject({ status: 'sent', format: 'whatsapp' });
      expect(toTwilio(bo.phone)).toEqual([]);
      const [req, ...more] = toGraph(bo.phone);
      expect(more).toEqual([]);
      expect(req!.path).toBe('/v21.0/106540352242999/messages');
      expect(req!.headers.authorization).toBe('Bearer EAAG-journeys');
      expect(req!.json).toMatchObject({
        messaging_product: 'whatsapp',
        type: 'template',
        template: { name: 'abandoned_cart', language: { code: 'en' } },
      });
      const params = req!.json.template.components[0].parameters.map((p: { text: string }) => p.text);
      expect(params).toHaveLength(4);
      expect(params[0]).toBe((await ok('GET', '/api/messaging/settings')).brand.name);
      expect(params[2]).toContain(`cart=${cart.id}`);
      expect(params[3]).toBe(cart.handoff.code);
    });

    it('without marketing consent nothing goes to Twilio or Meta; the reason names each format', async () => {
      const cy = await customer('en', []);
      await leaveCart(cy.customerId);
      const m = await settled(cy.customerId);
      expect(m.messages[0].status).toBe('refused');
      expect(m.messages[0].reason).toContain('sms:');
      expect(m.messages[0].reason).toContain('whatsapp:');
      expect([...toTwilio(cy.phone), ...toGraph(cy.phone)]).toEqual([]);
    });

    it('a template Meta refuses (4xx) fails the send at once, never retried', async () => {
      const { customerId } = await ok('POST', '/api/customers/identify', {
        channelId: f.channels.app.id,
        identifiers: [{ type: 'phone', value: REFUSED_PHONE }],
        traits: { locale: 'en', run: t.kind },
      });
      await ok('PUT', `/api/customers/${customerId}/consent`, {
        purpose: 'marketing',
        channel: '*',
        granted: true,
      });
      await ok('PUT', `/api/customers/${customerId}/consent`, {
        purpose: 'marketing_sms',
        channel: '*',
        granted: false,
      });
      const before = toGraph(REFUSED_PHONE).length;
      await leaveCart(customerId);
      const m = await settled(customerId);
      const last = m.messages[0];
      expect(last).toMatchObject({ status: 'failed', format: 'whatsapp' });
      expect(last.reason).toContain('Template name does not exist');
      expect(toGraph(REFUSED_PHONE).length - before).toBe(1);
    });
  },
  { config: { ...COMMERCE_HUB_OPTIONS.config, publicUrl: PUBLIC_URL } },
);
