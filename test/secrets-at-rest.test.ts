// A hub started with OMNIHUB_SECRETS_KEY stores inbound connector secrets encrypted (enc:v1:…)
// and still verifies the sender's signatures with them.
import { createHmac, randomBytes } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { expect, it } from 'vitest';
import { firstRow } from '../src/platform/db/database.js';
import { describeEachHub } from './helpers/test-hub.js';

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
  },
  { config: { secretsKey: randomBytes(32).toString('base64') } },
);
