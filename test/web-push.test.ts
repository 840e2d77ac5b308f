// Web push end to end (#15): a storefront reads the hub's VAPID public key with its publishable key,
// a signed-in shopper saves their browser's subscription, and an abandoned-cart journey with the
// push format sends an encrypted (aes128gcm) request signed with VAPID to a local stand-in for the
// push service. A 410 from the push service removes the subscription. Refusals beside the success.
import { createECDH, randomBytes } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createGuardedPushTransport, createTargetGuard } from '../src/connectors/webhooks-out/index.js';
import type { HubConfig } from '../src/platform/config.js';
import { rows } from '../src/platform/db/database.js';
import { createPushSender } from '../src/platform/push/web-push.js';
import { type ChannelReceiver, startChannelReceiver } from './helpers/channel-receiver.js';
import {
  buildCommerceFixture,
  COMMERCE_HUB_OPTIONS,
  type CommerceFixture,
} from './helpers/commerce-fixture.js';
import { eventually } from './helpers/eventually.js';
import { type SmtpCapture, startSmtpCapture } from './helpers/smtp-capture.js';
import { describeEachHub } from './helpers/test-hub.js';

let smtp: SmtpCapture;
let pushService: ChannelReceiver;
let pushOrigin = '';
// The stand-in push service listens on loopback, which the SSRF guard refuses in production.
process.env.OMNIHUB_WEBHOOKS_ALLOW_PRIVATE = '1';
const config: Partial<HubConfig> = {
  ...COMMERCE_HUB_OPTIONS.config,
  publicUrl: 'http://shop.test',
  secretsKey: randomBytes(32).toString('hex'),
};
beforeAll(async () => {
  smtp = await startSmtpCapture();
  config.smtpUrl = smtp.url;
  pushService = await startChannelReceiver();
  pushService.handle = (r) => ({ status: r.path.includes('/gone/') ? 410 : 201 });
  pushOrigin = pushService.url;
});
afterAll(async () => {
  await smtp?.close();
  await pushService?.close();
});

/** A browser's subscription keys: a P-256 public key and a 16-byte auth secret. */
const browserKeys = () => {
  const ecdh = createECDH('prime256v1');
  ecdh.generateKeys();
  return { p256dh: ecdh.getPublicKey().toString('base64url'), auth: randomBytes(16).toString('base64url') };
};
const RULES = {
  quietHours: null,
  defaultTimeZone: 'UTC',
  capPerDay: { email: 2, sms: 1, whatsapp: 1, push: 3, banner: 100, receipt: 100 },
};

it('refuses a push endpoint on a private address unless allowed (the SSRF guard)', async () => {
  const strict = createGuardedPushTransport(createTargetGuard({ allowPrivate: false }));
  const sender = createPushSender({ transport: strict });
  await expect(sender.checkEndpoint('http://127.0.0.1:9/push', 'endpoint')).rejects.toMatchObject({
    code: 'validation_failed',
  });
  await expect(sender.checkEndpoint('http://169.254.169.254/latest', 'endpoint')).rejects.toThrow(
    /not allowed/,
  );
  strict.close();
});

describeEachHub(
  'web push: VAPID key, shoppers’ subscriptions, journey messages by push',
  (t) => {
    let f: CommerceFixture;
    let pk = '';
    let otherPk = '';
    let vapidPublic = '';
    const ok = async (method: string, path: string, body?: unknown, key?: string, expected = [200, 201]) => {
      const r = await t.api(method, path, { body, ...(key ? { key } : {}) });
      expect(expected, `${method} ${path}: ${r.status} ${JSON.stringify(r.body)}`).toContain(r.status);
      return r.body;
    };
    const shopper = async (name: string) => {
      const email = `${name}-${t.kind}-${Math.random().toString(36).slice(2)}@example.test`;
      const { customerId } = await ok('POST', '/api/customers/identify', {
        channelId: f.channels.app.id,
        identifiers: [{ type: 'email', value: email }],
      });
      await ok('PUT', `/api/customers/${customerId}/consent`, {
        purpose: 'marketing',
        channel: '*',
        granted: true,
      });
      await ok('POST', '/api/shopper/sign-in', { email }, pk, [202]);
      const code = await smtp.signInCode(email);
      const { token } = await ok('POST', '/api/shopper/sign-in/verify', { email, code }, pk);
      return { customerId: customerId as string, token: token as string };
    };
    const leaveCart = (profileId: string) =>
      ok('POST', '/api/carts', { profileId, lines: [{ sku: f.skus.tee, quantity: 1 }] }, f.keys.app);
    const messages = (id: string) => t.api('GET', `/api/customers/${id}/messages`).then((r) => r.body);

    it('serves the VAPID public key to a publishable key; the same key every time', async () => {
      f = await buildCommerceFixture(t, 'WP');
      const key = async (name: string, channelId: string) =>
        (
          await ok('POST', '/api/keys', {
            name: `${name}-${t.kind}`,
            kind: 'publishable',
            scopes: [],
            channelId,
          })
        ).secret as string;
      pk = await key('wp-app-pk', f.channels.app.id);
      otherPk = await key('wp-web-pk', f.channels.web.id);
      await ok('PUT', '/api/journeys/abandoned_cart', {
        enabled: true,
        delaySeconds: 1,
        channelOrder: ['push'],
      });
      await ok('PUT', '/api/messaging/settings', {
        brand: (await ok('GET', '/api/messaging/settings')).brand,
        rules: RULES,
      });
      vapidPublic = (await ok('GET', '/api/push/vapid-public-key', undefined, pk)).publicKey;
      expect(Buffer.from(vapidPublic, 'base64url')).toHaveLength(65);
      expect((await ok('GET', '/api/push/vapid-public-key', undefined, otherPk)).publicKey).toBe(vapidPublic);
      // The private key is stored sealed with OMNIHUB_SECRETS_KEY.
      const [stored] = await rows<{ private_key: string }>(
        t.hub.database.db,
        sql`select private_key from messaging_push_keys`,
      );
      expect(stored!.private_key).toMatch(/^enc:v1:/);
      expect((await t.api('GET', '/api/push/vapid-public-key', { key: null })).status).toBe(401);
      const noScope = (await ok('POST', '/api/keys', { name: `wp-none-${t.kind}`, scopes: ['orders:read'] }))
        .secret;
      const wrong = await t.api('GET', '/api/push/vapid-public-key', { key: noScope });
      expect([wrong.status, wrong.body.code]).toEqual([403, 'forbidden']);
    });

    it('a signed-in shopper saves a subscription; no key, a publishable or secret key are refused', async () => {
      const ana = await shopper('ana');
      const sub = { endpoint: `${pushOrigin}/ok/${t.kind}`, keys: browserKeys() };
      expect((await t.api('PUT', '/api/me/push-subscriptions', { key: null, body: sub })).status).toBe(401);
      for (const key of [pk, otherPk, f.keys.web]) {
        const r = await t.api('PUT', '/api/me/push-subscriptions', { key, body: sub });
        expect([r.status, r.body.code]).toEqual([403, 'key_kind_forbidden']);
      }
      const bad = await t.api('PUT', '/api/me/push-subscriptions', {
        key: ana.token,
        body: { endpoint: 'ftp://x', keys: sub.keys },
      });
      expect(bad.status).toBe(400);
      await ok('PUT', '/api/me/push-subscriptions', sub, ana.token);
      const mine = await ok('GET', '/api/me/push-subscriptions', undefined, ana.token);
      expect(mine.items.map((s: { endpoint: string }) => s.endpoint)).toEqual([sub.endpoint]);

      // The journey's push: POST, TTL, aes128gcm, VAPID JWT for the push service's origin.
      await leaveCart(ana.customerId);
      const got = await eventually(
        async () => pushService.requests.find((p) => p.path === `/ok/${t.kind}`),
        (p) => p !== undefined,
      );
      expect(got!.method).toBe('POST');
      expect(Number(got!.headers.ttl)).toBeGreaterThan(0);
      expect(got!.headers['content-encoding']).toBe('aes128gcm');
      expect(got!.body.length).toBeGreaterThan(0);
      const auth = /^vapid t=([^,]+), k=(.+)$/.exec(String(got!.headers.authorization));
      expect(auth?.[2]).toBe(vapidPublic);
      const claims = JSON.parse(Buffer.from(auth![1]!.split('.')[1]!, 'base64url').toString());
      expect(claims.aud).toBe(pushOrigin);
      const m = await eventually(
        () => messages(ana.customerId),
        (b) => b.messages[0]?.status === 'sent',
      );
      expect(m.messages[0]).toMatchObject({ status: 'sent', format: 'push' });
    });

    it('a 410 from the push service removes the subscription', async () => {
      const bo = await shopper('bo');
      await ok(
        'PUT',
        '/api/me/push-subscriptions',
        { endpoint: `${pushOrigin}/gone/${t.kind}`, keys: browserKeys() },
        bo.token,
      );
      await leaveCart(bo.customerId);
      const m = await eventually(
        () => messages(bo.customerId),
        (b) => b.messages[0]?.status === 'failed',
      );
      expect(m.messages[0].reason).toContain('gone');
      expect(pushService.requests.some((p) => p.path === `/gone/${t.kind}`)).toBe(true);
      expect((await ok('GET', '/api/me/push-subscriptions', undefined, bo.token)).items).toEqual([]);
      const other = await t.api('DELETE', '/api/me/push-subscriptions', {
        key: bo.token,
        body: { endpoint: `${pushOrigin}/ok/${t.kind}` },
      });
      expect(other.status).toBe(404);
    });

    it("erasing a customer deletes their browsers' subscriptions", async () => {
      const cy = await shopper('cy');
      await ok(
        'PUT',
        '/api/me/push-subscriptions',
        { endpoint: `${pushOrigin}/cy/${t.kind}`, keys: browserKeys() },
        cy.token,
      );
      await ok('POST', `/api/customers/${cy.customerId}/erase`, { reason: 'test' });
      const left = await rows(
        t.hub.database.db,
        sql`select id from messaging_push_subscriptions where customer_id = ${cy.customerId}`,
      );
      expect(left).toEqual([]);
    });
  },
  { ...COMMERCE_HUB_OPTIONS, config },
);
