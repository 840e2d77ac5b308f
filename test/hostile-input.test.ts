// Input that cannot hurt (reliability issue, part 1): text the database cannot hold (NUL, unpaired
// surrogates, over-long strings), deep nesting and wrong media types are refused at the edge with a
// 400/415 problem+json naming the field and nothing written; a Segment batch keeps its good events;
// a Shopify or WooCommerce payload of the wrong shape is refused on arrival with a readable reason;
// inventory routes take a channel's code as well as its id.
import { createHmac } from 'node:crypto';
import { beforeAll, expect, it } from 'vitest';
import { describeEachHub, type TestHub } from './helpers/test-hub.js';

const SHOPIFY_SECRET = 'shpss_hostile_input_secret';
const sign = (body: string) => createHmac('sha256', SHOPIFY_SECRET).update(body).digest('base64');

const expectProblem = (
  res: { status: number; headers: Record<string, unknown>; body: any },
  status: number,
  path?: string,
) => {
  expect(res.status, JSON.stringify(res.body)).toBe(status);
  expect(String(res.headers['content-type'])).toContain('application/problem+json');
  if (path) expect(res.body.errors.map((e: { path: string }) => e.path)).toContain(path);
};

async function channelCount(t: TestHub): Promise<number> {
  return (await t.api('GET', '/api/channels')).body.items.length;
}

describeEachHub(
  'hostile input is refused at the edge',
  (t) => {
    let channelId = '';
    let channelCode = '';

    beforeAll(async () => {
      const list = await t.api('GET', '/api/channels');
      channelId = list.body.items[0].id;
      channelCode = list.body.items[0].code;
    });

    it('refuses NUL, unpaired surrogates and over-long strings in a body with 400 naming the field', async () => {
      const before = await channelCount(t);
      const cases: Array<[unknown, string, string]> = [
        ['Web\u0000shop', 'body.name', 'nul_character'],
        ['Web\ud800shop', 'body.name', 'unpaired_surrogate'],
        ['\udc00', 'body.name', 'unpaired_surrogate'],
        ['x'.repeat(200_000), 'body.name', 'too_long'],
      ];
      for (const [name, path, code] of cases) {
        const res = await t.api('POST', '/api/channels', {
          body: { code: 'hostile', name, type: 'web', currency: 'EUR', locales: ['en'] },
        });
        expectProblem(res, 400, path);
        expect(res.body.errors[0].code).toBe(code);
      }
      // A paired surrogate (an emoji) is ordinary text.
      const emoji = await t.api('POST', '/api/channels', {
        body: { code: 'emoji-shop', name: 'Shop 🛍️', type: 'web', currency: 'EUR', locales: ['en'] },
      });
      expect(emoji.status).toBe(201);
      expect(await channelCount(t)).toBe(before + 1);
    });

    it('refuses hostile text in nested fields, object keys, the query string and path parameters', async () => {
      const nested = await t.api('POST', '/api/inventory/transfers', {
        body: { sku: 'A', from: 'x\u0000', to: 'y', quantity: 1 },
      });
      expectProblem(nested, 400, 'body.from');
      const key = await t.api('PATCH', `/api/channels/${channelId}`, { body: { 'na\u0000me': 'x' } });
      expectProblem(key, 400, 'body.na\\u0000me');
      expectProblem(await t.api('GET', '/api/customers?q=a%00b'), 400, 'query.q');
      expectProblem(await t.api('GET', '/api/orders/ord_%00'), 400, 'params.id');
      expectProblem(await t.api('GET', `/api/inventory/skus/${'S'.repeat(120_000)}`), 414);
    });

    it('refuses nesting deeper than 32 levels and non-finite numbers', async () => {
      // Built as text: JSON.stringify itself cannot write a document this deep.
      const deep = `${'{"a":'.repeat(5_000)}"leaf"${'}'.repeat(5_000)}`;
      const res = await t.api('POST', '/api/channels', {
        body: `{"code":"deep","name":"Deep","type":"web","currency":"EUR","locales":["en"],"settings":${deep}}`,
        headers: { 'content-type': 'application/json' },
      });
      expectProblem(res, 400);
      expect(res.body.errors[0].code).toBe('too_deep');
      const big = await t.api('POST', '/api/inventory/adjustments', {
        body: '{"kind":"receive","sku":"A","location":"x","quantity":1e999}',
        headers: { 'content-type': 'application/json' },
      });
      expectProblem(big, 400, 'body.quantity');
    });

    it('answers 415 to text/plain on a JSON route', async () => {
      const res = await t.api('POST', '/api/channels', {
        body: '{"code":"x"}',
        headers: { 'content-type': 'text/plain' },
      });
      expectProblem(res, 415);
      expect(res.body.code).toBe('unsupported_media_type');
    });

    it('keeps the good events of a Segment batch and reports the one with a NUL', async () => {
      const src = await t.api('POST', '/api/customers/sources', { body: { channelId, name: 'hostile-web' } });
      const auth = { authorization: `Basic ${Buffer.from(`${src.body.writeKey}:`).toString('base64')}` };
      const batch = {
        batch: [
          { type: 'track', event: 'Good 1', anonymousId: 'anon-h1', messageId: 'm-h1' },
          { type: 'track', event: 'Bad\u0000', anonymousId: 'anon-h2', messageId: 'm-h2' },
          { type: 'track', event: 'Surrogate', anonymousId: 'anon-\ud800', messageId: 'm-h3' },
          { type: 'track', event: 'Good 2', anonymousId: 'anon-h4', messageId: 'm-h4' },
        ],
      };
      const res = await t.api('POST', '/v1/batch', { body: batch, key: null, headers: auth });
      expect(res.status, JSON.stringify(res.body)).toBe(200);
      expect(res.body.stored).toBe(2);
      expect(res.body.rejected.map((r: { index: number }) => r.index)).toEqual([1, 2]);
      expect(res.body.rejected[0].errors[0].path).toBe('event');
      const single = await t.api('POST', '/v1/track', {
        body: { event: 'x', anonymousId: 'a\u0000' },
        key: null,
        headers: auth,
      });
      expectProblem(single, 400, 'body.anonymousId');
      const badKey = await t.api('POST', '/v1/track', {
        body: { event: 'x', anonymousId: 'a', writeKey: 'wk\u0000' },
        key: null,
      });
      expectProblem(badKey, 401);
    });

    it('refuses a Shopify payload of the wrong shape with 400 naming the field, kept as rejected', async () => {
      const shopify = (
        await t.api('POST', '/api/connectors', {
          body: { kind: 'shopify', name: 'Hostile Shopify', secret: SHOPIFY_SECRET, channelId },
        })
      ).body;
      const send = (id: string, payload: unknown) => {
        const body = JSON.stringify(payload);
        return t.hub.http
          .inject({
            method: 'POST',
            url: `/api/inbound/${shopify.id}`,
            payload: body,
            headers: {
              'content-type': 'application/json',
              'x-shopify-topic': 'orders/create',
              'x-shopify-webhook-id': id,
              'x-shopify-hmac-sha256': sign(body),
            },
          })
          .then((r) => ({ status: r.statusCode, headers: r.headers, body: r.json() }));
      };
      const empty = await send('wh-empty', {});
      expectProblem(empty, 400, 'body.line_items');
      const nope = await send('wh-nope', { id: 1, currency: 'EUR', line_items: 'nope' });
      expectProblem(nope, 400, 'body.line_items');
      const nul = await send('wh-nul', {
        id: 2,
        currency: 'EUR',
        line_items: [{ sku: 'A\u0000', quantity: 1, price: '1.00' }],
      });
      expectProblem(nul, 400, 'body.line_items.0.sku');
      const list = await t.api('GET', `/api/connectors/${shopify.id}/deliveries`);
      expect(list.status).toBe(200);
      const reasons = list.body.items.map((d: { status: string; error: string }) => [d.status, d.error]);
      expect(reasons).toHaveLength(3);
      for (const [status, error] of reasons) {
        expect(status).toBe('rejected');
        expect(error).toMatch(/^the payload does not have the expected shape: body\./);
        expect(error).not.toMatch(/is not a function|select |insert /i);
      }
    });

    it('resolves a channel code on inventory routes, and refuses an unknown one', async () => {
      const byId = await t.api('GET', `/api/inventory/channels/${channelId}/availability?limit=5`);
      expect(byId.status).toBe(200);
      const byCode = await t.api('GET', `/api/inventory/channels/${channelCode}/availability?limit=5`);
      expect(byCode.status, JSON.stringify(byCode.body)).toBe(200);
      expect(byCode.body.channelId).toBe(channelId);
      const sku = await t.api('GET', `/api/inventory/skus/ANY?channelId=${channelCode}`);
      expect(sku.body.channel?.channelId).toBe(channelId);
      const unknown = await t.api('GET', '/api/inventory/channels/no-such-channel/availability');
      expect(unknown.status).toBe(404);
      const unknownSku = await t.api('GET', '/api/inventory/skus/ANY?channelId=no-such-channel');
      expect([404, 422]).toContain(unknownSku.status);
    });

    it('refuses a bound key naming another channel in ?channelId= with 403', async () => {
      const other = await t.api('POST', '/api/channels', {
        body: { code: 'other-hostile', name: 'Other', type: 'web', currency: 'EUR', locales: ['en'] },
      });
      const key = await t.api('POST', '/api/keys', {
        body: { name: 'bound-hostile', scopes: ['inventory:read', 'orders:read'], channelId },
      });
      for (const path of [
        `/api/inventory/skus/ANY?channelId=${other.body.id}`,
        `/api/inventory/skus/ANY?channelId=${other.body.code}`,
        `/api/inventory/channels/${other.body.id}/availability`,
        `/api/orders?channelId=${other.body.id}`,
      ]) {
        const res = await t.api('GET', path, { key: key.body.secret });
        expect([res.status, res.body.code], path).toEqual([403, 'channel_forbidden']);
      }
      const own = await t.api('GET', `/api/inventory/channels/${channelCode}/availability`, {
        key: key.body.secret,
      });
      expect(own.status, JSON.stringify(own.body)).toBe(200);
    });
  },
  { demo: true },
);
