// The send log of a customer (#15): GET /api/customers/:id/messages lists every journey message to
// the customer with its format, template, journey, channel, status and reason, for an unbound
// secret key or staff with customers:read only. Refused without a key, with another scope, with a
// channel-bound key (another channel's customers are not its to read) and with a publishable key.
import { expect, it } from 'vitest';
import {
  buildCommerceFixture,
  COMMERCE_HUB_OPTIONS,
  type CommerceFixture,
} from './helpers/commerce-fixture.js';
import { eventually } from './helpers/eventually.js';
import { describeEachHub } from './helpers/test-hub.js';

describeEachHub(
  'a customer’s send log',
  (t) => {
    let f: CommerceFixture;
    let customerId = '';
    let cartId = '';
    const path = () => `/api/customers/${customerId}/messages`;
    const key = async (body: Record<string, unknown>) => {
      const r = await t.api('POST', '/api/keys', { body: { name: `sl-${Math.random()}`, ...body } });
      expect(r.status, JSON.stringify(r.body)).toBe(201);
      return r.body.secret as string;
    };

    it('lists a journey message with its journey, format order, channel, status and reason', async () => {
      f = await buildCommerceFixture(t, 'SL');
      const j = await t.api('PUT', '/api/journeys/abandoned_cart', {
        body: { enabled: true, delaySeconds: 1, channelOrder: ['email', 'sms'] },
      });
      expect(j.status, JSON.stringify(j.body)).toBe(200);
      // No marketing consent: the message is logged as refused, with the reason per format.
      const who = await t.api('POST', '/api/customers/identify', {
        body: {
          channelId: f.channels.app.id,
          identifiers: [{ type: 'email', value: `sl-${t.kind}@example.test` }],
        },
      });
      customerId = who.body.customerId;
      const cart = await t.api('POST', '/api/carts', {
        key: f.keys.app,
        body: { profileId: customerId, lines: [{ sku: f.skus.tee, quantity: 1 }] },
      });
      expect(cart.status, JSON.stringify(cart.body)).toBe(201);
      cartId = cart.body.id;
      const log = await eventually(
        () => t.api('GET', path()).then((r) => r.body),
        (b) => b.messages?.length > 0,
      );
      expect(log.messages).toHaveLength(1);
      expect(log.messages[0]).toMatchObject({
        journey: 'abandoned_cart',
        templateKey: 'abandoned_cart',
        channelId: f.channels.app.id,
        formats: ['email', 'sms'],
        format: null,
        purpose: 'marketing',
        status: 'refused',
      });
      expect(log.messages[0].reason).toMatch(/email:no_consent.*sms:no_consent/);
      expect(log.runs[0]).toMatchObject({ journey: 'abandoned_cart', ref: expect.stringContaining(cartId) });
      expect(JSON.stringify(log)).not.toContain(`sl-${t.kind}@example.test`);
    });

    it('refuses no key, another scope, a channel-bound key and a publishable key; 404 for no customer', async () => {
      const none = await t.api('GET', path(), { key: null });
      expect(none.status).toBe(401);
      expect(none.headers['content-type']).toContain('application/problem+json');
      const wrongScope = await t.api('GET', path(), { key: await key({ scopes: ['orders:read'] }) });
      expect([wrongScope.status, wrongScope.body.code]).toEqual([403, 'forbidden']);
      // The app channel's own key holds customers:read, but the log spans every channel.
      const bound = await t.api('GET', path(), { key: f.keys.app });
      expect([bound.status, bound.body.code]).toEqual([403, 'channel_forbidden']);
      const other = await t.api('GET', path(), { key: f.keys.web });
      expect([other.status, other.body.code]).toEqual([403, 'channel_forbidden']);
      const pk = await key({ kind: 'publishable', scopes: [], channelId: f.channels.app.id });
      const pub = await t.api('GET', path(), { key: pk });
      expect([pub.status, pub.body.code]).toEqual([403, 'key_kind_forbidden']);
      const reader = await key({ scopes: ['customers:read'] });
      const okay = await t.api('GET', path(), { key: reader });
      expect(okay.status).toBe(200);
      expect(okay.body.messages).toHaveLength(1);
      const missing = await t.api('GET', '/api/customers/cus_nope/messages', { key: reader });
      expect(missing.status).toBe(404);
    });
  },
  { ...COMMERCE_HUB_OPTIONS },
);
