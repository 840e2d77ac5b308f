// A hub started with OMNIHUB_SECRETS_KEY stores inbound connector secrets and webhook endpoint
// secrets encrypted (enc:v1:…), still verifies the senders' signatures with them and still signs
// its own deliveries (both secrets during a rotation) so the official verifier accepts them.
import { createHmac, randomBytes } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { Webhook } from 'standardwebhooks';
import { expect, it } from 'vitest';
import { firstRow } from '../src/platform/db/database.js';
import { describeEachHub } from './helpers/test-hub.js';
import { startWebhookReceiver } from './helpers/webhook-receiver.js';

// Set before the hubs start: the receiver listens on loopback.
process.env.OMNIHUB_WEBHOOKS_ALLOW_PRIVATE = '1';
process.env.OMNIHUB_WEBHOOK_POLL_MS = '20';

const SECRET = 'shpss_at_rest_0123456789abcdef0123';
const sign = (body: string) => createHmac('sha256', SECRET).update(body).digest('base64');

describeEachHub(
  'secrets at rest',
  (t) => {
    it('stores a connector secret encrypted and verifies Shopify signatures with it', async () => {
      const c = await t.api('POST', '/api/connectors', {
        body: { kind: 'shopify', name: 'Shop', secret: SECRET },
      });
      expect(c.status).toBe(201);
      const row = await firstRow<{ secret: string }>(
        t.hub.database.db,
        sql`select secret from inbound_connectors where id = ${c.body.id}`,
      );
      expect(row!.secret).toMatch(/^enc:v1:/);
      const body = JSON.stringify({ id: 1, title: 'Linen shirt', variants: [] });
      const send = (signature: string) =>
        t.api('POST', `/api/inbound/${c.body.id}`, {
          key: null,
          body,
          headers: {
            'content-type': 'application/json',
            'x-shopify-topic': 'products/update',
            'x-shopify-webhook-id': `wh-${signature.slice(0, 8)}`,
            'x-shopify-hmac-sha256': signature,
          },
        });
      expect((await send(createHmac('sha256', 'wrong').update(body).digest('base64'))).status).toBe(401);
      expect((await send(sign(body))).status).toBe(200);
    });

    it('stores webhook endpoint secrets encrypted and signs with them, both during a rotation', async () => {
      const receiver = await startWebhookReceiver();
      try {
        const channel = await t.api('POST', '/api/channels', {
          body: { code: 'sealed-web', name: 'Webshop', type: 'web', currency: 'EUR', locales: ['en'] },
        });
        const ep = await t.api('POST', '/api/webhooks/endpoints', {
          body: { url: receiver.url, types: ['channel.updated'] },
        });
        expect(ep.status).toBe(201);
        const rotated = await t.api('POST', `/api/webhooks/endpoints/${ep.body.id}/rotate-secret`, {
          body: {},
        });
        expect(rotated.status).toBe(200);
        const row = await firstRow<{ secret: string; previous_secret: string }>(
          t.hub.database.db,
          sql`select secret, previous_secret from webhook_endpoints where id = ${ep.body.id}`,
        );
        expect(row!.secret).toMatch(/^enc:v1:/);
        expect(row!.previous_secret).toMatch(/^enc:v1:/);
        expect(row!.secret).not.toContain(rotated.body.secret);
        await t.api('PATCH', `/api/channels/${channel.body.id}`, { body: { name: 'Webshop 2' } });
        await receiver.waitFor((all) => all.length === 1);
        const got = receiver.received[0]!;
        const headers = {
          'webhook-id': String(got.headers['webhook-id']),
          'webhook-timestamp': String(got.headers['webhook-timestamp']),
          'webhook-signature': String(got.headers['webhook-signature']),
        };
        expect(() => new Webhook(ep.body.secret).verify(got.body, headers)).not.toThrow();
        expect(() => new Webhook(rotated.body.secret).verify(got.body, headers)).not.toThrow();
      } finally {
        await receiver.close();
      }
    });
  },
  { config: { secretsKey: randomBytes(32).toString('base64') } },
);
