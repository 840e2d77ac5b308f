// Reviews end to end through the HTTP API and a local SMTP capture (#15): an order's review request
// mail links to the order's review page (a signed, expiring token; no sign-in), which lists the
// order's products and takes one review each, signed with the first name and initial; tampered,
// expired and other orders' tokens are refused; hostile text is 4xx naming the field with nothing
// written. Moderation (publish, reject with a reason) and its refusals (no key, wrong scope, a
// channel's key, a publishable key); the product page's published reviews from every channel.
import { simpleParser } from 'mailparser';
import { expect, it } from 'vitest';
import { REVIEW_LINK_BUDGETS } from '../src/flows/reviews/reviews.routes.js';
import type { HubConfig } from '../src/platform/config.js';
import {
  buildCommerceFixture,
  COMMERCE_HUB_OPTIONS,
  type CommerceFixture,
} from './helpers/commerce-fixture.js';
import { eventually } from './helpers/eventually.js';
import { JOURNEY_TEST_BRAND as BRAND, JOURNEY_TEST_RULES } from './helpers/journey-settings.js';
import { captureMail } from './helpers/smtp-capture-hooks.js';
import { describeEachHub, type TestHub } from './helpers/test-hub.js';

const config: Partial<HubConfig> = { ...COMMERCE_HUB_OPTIONS.config, publicUrl: 'http://shop.test' };
const smtp = captureMail(config);
const RULES = { ...JOURNEY_TEST_RULES, capPerDay: { ...JOURNEY_TEST_RULES.capPerDay, email: 20 } };
const card = { provider: 'test', token: 'tok_visa' };
const ship = {
  type: 'ship',
  method: 'standard',
  address: { line1: 'Damrak 1', postalCode: '1012 LG', city: 'Amsterdam', country: 'NL' },
};

/** The review token in the review request mail of order `number`. */
async function reviewToken(to: string, number: string): Promise<string> {
  const mail = await eventually(
    async () => {
      for (const m of smtp.mails.filter((x) => x.to.includes(to))) {
        const p = await simpleParser(m.raw);
        if (new RegExp(`how was order ${number}`).test(p.subject ?? '')) return p.text ?? '';
      }
      return '';
    },
    (text) => text.length > 0,
  );
  const link = /http:\/\/shop\.test\/store\/[^/\s]+\/review\?token=([^&\s]+)&lang=[a-z]{2}/.exec(mail);
  expect(link, mail).not.toBeNull();
  return decodeURIComponent(link![1]!);
}

describeEachHub(
  'reviews',
  (t: TestHub) => {
    let f: CommerceFixture;
    const keys: Record<string, string> = {};
    const orders: Record<string, { id: string; number: string; token: string }> = {};
    const email = `eva-${Math.random().toString(36).slice(2, 8)}@example.test`;
    const ok = async (method: string, path: string, body?: unknown, key?: string) => {
      const r = await t.api(method, path, { body, ...(key ? { key } : {}) });
      expect([200, 201], `${method} ${path}: ${r.status} ${JSON.stringify(r.body)}`).toContain(r.status);
      return r.body;
    };
    const product = (sku: string) =>
      ok('GET', `/api/catalog/products/${sku.split('-')[0]!.toLowerCase()}-rv`);
    const order = async (profileId: string, skus: string[]) => {
      const c = await ok(
        'POST',
        '/api/carts',
        { profileId, lines: skus.map((sku) => ({ sku, quantity: 1 })) },
        f.keys.web,
      );
      await ok('PUT', `/api/carts/${c.id}/delivery`, ship, f.keys.web);
      const done = await ok('POST', `/api/carts/${c.id}/checkout`, { email, payment: card }, f.keys.web);
      const { id, number } = done.order as { id: string; number: string };
      return { id, number, token: await reviewToken(email, number) };
    };
    const reviewCount = async () => (await ok('GET', '/api/reviews?limit=200')).items.length as number;

    it('builds the retailer, a customer with a name, and two orders whose review requests arrive', async () => {
      f = await buildCommerceFixture(t, 'RV');
      await ok('PUT', '/api/messaging/settings', { brand: BRAND, rules: RULES });
      await ok('PUT', '/api/journeys/post_purchase', {
        enabled: true,
        delaySeconds: 1,
        channelOrder: ['email'],
      });
      const who = await ok('POST', '/api/customers/identify', {
        channelId: f.channels.web.id,
        identifiers: [{ type: 'email', value: email }],
        traits: { firstName: 'Eva', lastName: 'Mustermann' },
      });
      await ok('PUT', `/api/customers/${who.customerId}/consent`, {
        purpose: 'marketing',
        channel: '*',
        granted: true,
      });
      const key = async (name: string, body: Record<string, unknown>) =>
        (keys[name] = (await ok('POST', '/api/keys', { name, ...body })).secret);
      await key('pkWeb', { kind: 'publishable', channelId: f.channels.web.id });
      await key('pkApp', { kind: 'publishable', channelId: f.channels.app.id });
      await key('wrongScope', { scopes: ['orders:write'] });
      await key('reader', { scopes: ['reviews:read'] });
      await key('boundModerator', { scopes: ['reviews:write'], channelId: f.channels.web.id });
      await key('catalogOfWeb', { scopes: ['catalog:read'], channelId: f.channels.web.id });
      orders.a = await order(who.customerId, [f.skus.tee, f.skus.mug]);
      orders.b = await order(who.customerId, [f.skus.cap]);
    });

    it("opens the order's review page with its token alone: its products, signed with first name and initial", async () => {
      const r = await t.api('GET', `/api/review-requests/${encodeURIComponent(orders.a!.token)}`, {
        key: null,
      });
      expect(r.status, JSON.stringify(r.body)).toBe(200);
      expect(r.body.order).toMatchObject({ id: orders.a!.id, number: orders.a!.number });
      expect(r.body.reviewerName).toBe('Eva M.');
      expect(JSON.stringify(r.body)).not.toContain(email);
      expect(r.body.products.map((p: { sku: string }) => p.sku).sort()).toEqual(
        [f.skus.mug, f.skus.tee].sort(),
      );
      expect(r.body.products.every((p: { review: unknown }) => p.review === null)).toBe(true);
    });

    it('takes one review per product of the order; refuses a second, hostile text and a foreign product', async () => {
      const path = `/api/review-requests/${encodeURIComponent(orders.a!.token)}/reviews`;
      const tee = (await product(f.skus.tee)).id;
      const mug = (await product(f.skus.mug)).id;
      const cap = (await product(f.skus.cap)).id;
      const before = await reviewCount();
      const refused: Array<[Record<string, unknown>, number, string]> = [
        [{ productId: tee, rating: 5, title: 'nul\u0000byte' }, 400, 'body.title'],
        [{ productId: tee, rating: 5, body: 'lone \uD800 half' }, 400, 'body.body'],
        [{ productId: tee, rating: 5, body: 'x'.repeat(4_001) }, 400, 'body'],
        [{ productId: tee, rating: 9 }, 400, 'rating'],
        [{ productId: tee }, 400, 'rating'],
        // The cap is order B's: order A's token cannot review it.
        [{ productId: cap, rating: 5 }, 400, 'productId'],
      ];
      for (const [body, status, field] of refused) {
        const r = await t.api('POST', path, { body, key: null });
        expect(r.status, JSON.stringify(r.body)).toBe(status);
        expect(JSON.stringify(r.body.issues ?? r.body)).toContain(field);
      }
      expect(await reviewCount()).toBe(before);
      const done = await t.api('POST', path, {
        body: { productId: tee, rating: 5, title: 'Soft and warm', body: 'Wears well.', locale: 'nl' },
        key: null,
      });
      expect(done.status, JSON.stringify(done.body)).toBe(201);
      expect(done.body).toMatchObject({ status: 'pending', reviewerName: 'Eva M.', verifiedPurchase: true });
      expect(done.body).not.toHaveProperty('customerId');
      const again = await t.api('POST', path, { body: { productId: tee, rating: 1 }, key: null });
      expect(again).toMatchObject({ status: 409, body: { code: 'review_exists' } });
      await ok('POST', path, { productId: mug, rating: 2, body: 'Chipped on arrival' });
      const page = await ok('GET', `/api/review-requests/${encodeURIComponent(orders.a!.token)}`);
      expect(page.products.every((p: { review: unknown }) => p.review !== null)).toBe(true);
    });

    it('refuses tampered, expired and forged tokens with 404', async () => {
      const [orderId, exp, mac] = orders.a!.token.split('.');
      const expired = await t.hub.services.reviews.linkToken(t.hub.systemCtx(), orders.a!.id, -1_000);
      const flip = (s: string) => (s[0] === 'A' ? 'B' : 'A') + s.slice(1);
      for (const token of [
        `${orders.b!.id}.${exp}.${mac}`, // another order with A's signature
        `${orderId}.${(Number.parseInt(exp!, 36) + 86_400).toString(36)}.${mac}`, // a longer life
        `${orderId}.${exp}.${flip(mac!)}`,
        expired,
        'ord_nothing.zzzzzz.abcdefghijklmnopqrstuv',
      ]) {
        const r = await t.api('GET', `/api/review-requests/${encodeURIComponent(token)}`, { key: null });
        expect(r.status, token).toBe(404);
        const w = await t.api('POST', `/api/review-requests/${encodeURIComponent(token)}/reviews`, {
          body: { productId: 'prod_x', rating: 5 },
          key: null,
        });
        expect(w.status, token).toBe(404);
      }
    });

    it('moderates with reviews:read / reviews:write on unbound secret keys only', async () => {
      const pending = await t.api('GET', '/api/reviews?status=pending', { key: keys.reader });
      expect(pending.status).toBe(200);
      const [mugReview, teeReview] = pending.body.items as Array<{ id: string; rating: number }>;
      expect([mugReview!.rating, teeReview!.rating]).toEqual([2, 5]);
      const refusals: Array<[string | null, number, string]> = [
        [null, 401, 'unauthenticated'],
        [keys.wrongScope!, 403, 'forbidden'],
        [keys.reader!, 403, 'forbidden'],
        [keys.boundModerator!, 403, 'channel_forbidden'],
        [keys.pkWeb!, 403, 'key_kind_forbidden'],
      ];
      for (const [key, status, code] of refusals) {
        const r = await t.api('POST', `/api/reviews/${teeReview!.id}/publish`, { key });
        expect({ status: r.status, code: r.body.code }, String(key)).toEqual({ status, code });
        if (key === keys.reader) continue;
        const l = await t.api('GET', '/api/reviews', { key });
        expect(l.status).toBe(status);
      }
      expect((await ok('GET', `/api/reviews?status=pending`)).items).toHaveLength(2);
      const noReason = await t.api('POST', `/api/reviews/${mugReview!.id}/reject`, { body: { reason: '' } });
      expect(noReason.status).toBe(400);
      expect(JSON.stringify(noReason.body)).toContain('reason');
      await ok('POST', `/api/reviews/${teeReview!.id}/publish`);
      const rejected = await ok('POST', `/api/reviews/${mugReview!.id}/reject`, {
        reason: 'About delivery, not the mug',
      });
      expect(rejected).toMatchObject({ status: 'rejected', rejectReason: 'About delivery, not the mug' });
      const twice = await t.api('POST', `/api/reviews/${teeReview!.id}/publish`);
      expect(twice).toMatchObject({ status: 409, body: { code: 'review_transition_refused' } });
      expect((await ok('GET', '/api/reviews?status=published&rating=5')).items).toHaveLength(1);
      const events = await ok('GET', '/api/events?types=review.submitted,review.published,review.rejected');
      expect(new Set(events.items.map((e: { type: string }) => e.type)).size).toBe(3);
    });

    it("shows a product's published reviews on every channel's product page, with count and average", async () => {
      const path = (channel: string) => `/api/channels/${channel}/products/tee-rv/reviews`;
      const web = await t.api('GET', path(f.channels.web.code), { key: keys.pkWeb });
      expect(web.status, JSON.stringify(web.body)).toBe(200);
      expect(web.body).toMatchObject({ count: 1, average: 5, page: 1 });
      expect(web.body.items[0]).toMatchObject({ rating: 5, title: 'Soft and warm', reviewerName: 'Eva M.' });
      expect(web.body.items[0]).not.toHaveProperty('orderId');
      expect(web.body.items[0]).not.toHaveProperty('customerId');
      // The app sees the webshop's review too; by SKU as well as by handle.
      const app = await t.api('GET', `/api/channels/${f.channels.app.code}/products/${f.skus.tee}/reviews`, {
        key: keys.pkApp,
      });
      expect(app.body).toMatchObject({ count: 1, average: 5 });
      const mug = await t.api('GET', `/api/channels/${f.channels.web.code}/products/mug-rv/reviews`, {
        key: keys.pkWeb,
      });
      expect(mug.body).toMatchObject({ count: 0, average: null, items: [] });
      const refusals: Array<[string | null, string, number, string]> = [
        [null, f.channels.web.code, 401, 'unauthenticated'],
        [keys.wrongScope!, f.channels.web.code, 403, 'forbidden'],
        [keys.pkApp!, f.channels.web.code, 403, 'channel_forbidden'],
        [keys.catalogOfWeb!, f.channels.app.code, 403, 'channel_forbidden'],
      ];
      for (const [key, channel, status, code] of refusals) {
        const r = await t.api('GET', path(channel), { key });
        expect({ status: r.status, code: r.body.code }).toEqual({ status, code });
      }
      const missing = await t.api('GET', path(f.channels.web.code).replace('tee-rv', 'nope'), {
        key: keys.pkWeb,
      });
      expect(missing.status).toBe(404);
    });

    it('keeps its own budgets on the public link routes: per address, per address and link, per product', async () => {
      const budgets = REVIEW_LINK_BUDGETS;
      const link = (token: string) => `/api/review-requests/${encodeURIComponent(token)}`;
      const from = async (remoteAddress: string, method: 'GET' | 'POST', url: string, body?: unknown) => {
        const res = await t.hub.http.inject({
          method,
          url,
          remoteAddress,
          ...(body ? { headers: { 'content-type': 'application/json' }, payload: JSON.stringify(body) } : {}),
        });
        return { status: res.statusCode, headers: res.headers, body: res.json() };
      };
      const limited = (r: Awaited<ReturnType<typeof from>>, per: string) => {
        expect(r.status, JSON.stringify(r.body)).toBe(429);
        expect(String(r.headers['content-type'])).toContain('application/problem+json');
        expect(r.body).toMatchObject({ code: 'rate_limited' });
        expect(r.body.detail).toContain(per);
        expect(Number(r.headers['retry-after'])).toBeGreaterThan(0);
        expect(r.body.retryAfterSeconds).toBe(Number(r.headers['retry-after']));
      };
      const tee = (await product(f.skus.tee)).id;
      const mug = (await product(f.skus.mug)).id;
      const before = await reviewCount();
      const eventsBefore = (await ok('GET', '/api/events?types=review.submitted&limit=500')).items.length;

      // Reading a page: normal use passes, then the address's budget ends; another address goes on.
      for (let i = 0; i < budgets.perAddress.max; i++)
        expect((await from('198.51.100.1', 'GET', link(orders.b!.token))).status).toBe(200);
      limited(await from('198.51.100.1', 'GET', link(orders.b!.token)), 'per client address');
      limited(
        await from('198.51.100.1', 'POST', `${link(orders.b!.token)}/reviews`, {}),
        'per client address',
      );
      expect((await from('198.51.100.2', 'GET', link(orders.b!.token))).status).toBe(200);

      // Submitting through one link from one address (already reviewed: each is a 409).
      const post = (address: string, token: string, productId: string) =>
        from(address, 'POST', `${link(token)}/reviews`, { productId, rating: 1 });
      for (let i = 0; i < budgets.perAddressAndLink.max; i++)
        expect((await post('198.51.100.3', orders.a!.token, tee)).body.code).toBe('review_exists');
      limited(await post('198.51.100.3', orders.a!.token, tee), 'per client address and review link');
      expect((await post('198.51.100.3', orders.b!.token, mug)).status).toBe(400); // another link: its own

      // A product's budget counts proven links only: forged ones cannot use it up.
      for (let i = 0; i < budgets.perProduct.max; i++)
        expect((await post(`198.51.101.${i}`, 'ord_x.zzzzzz.forgedforgedforgedforged', tee)).status).toBe(
          404,
        );
      // The tee's review and its second try in the test above, and the 409s from one address here.
      let used = 2 + budgets.perAddressAndLink.max;
      for (let i = 0; used < budgets.perProduct.max; i++, used++)
        expect((await post(`198.51.102.${i}`, orders.a!.token, tee)).body.code).toBe('review_exists');
      limited(await post('198.51.102.200', orders.a!.token, tee), 'per product');
      expect((await post('198.51.102.200', orders.a!.token, mug)).body.code).toBe('review_exists');

      expect(await reviewCount()).toBe(before);
      const eventsAfter = (await ok('GET', '/api/events?types=review.submitted&limit=500')).items.length;
      expect(eventsAfter).toBe(eventsBefore);
    });
  },
  { config },
);
