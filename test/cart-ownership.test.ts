// Cart ownership for publishable keys (browsers and apps): a cart made with one answers only to the
// cart token it was given (X-Cart-Token) or to the signed-in shopper it belongs to; a refused
// request writes nothing. WAITS FOR the lead's key kinds: until POST /api/keys accepts
// { kind: 'publishable' }, these tests skip themselves (the rule itself is tested in
// src/flows/commerce/cart-access.test.ts).
import { beforeAll, expect, it } from 'vitest';
import type { HubConfig } from '../src/platform/config.js';
import { buildCommerceFixture, type CommerceFixture } from './helpers/commerce-fixture.js';
import { captureMail } from './helpers/smtp-capture-hooks.js';
import { describeEachHub } from './helpers/test-hub.js';

const config: Partial<HubConfig> = {};
const smtp = captureMail(config);

describeEachHub(
  'cart ownership (publishable keys)',
  (t) => {
    let f: CommerceFixture;
    let pk: string | undefined;
    let cartId: string;
    let cartToken: string;
    const ana = `ana.${Math.random().toString(36).slice(2)}@example.test`;
    const as = (headers: Record<string, string> = {}) => ({ key: pk!, headers });

    beforeAll(async () => {
      f = await buildCommerceFixture(t, `OWN${t.kind === 'pglite' ? 'L' : 'P'}`);
      const key = await t.api('POST', '/api/keys', {
        body: {
          name: 'storefront',
          kind: 'publishable',
          channelId: f.channels.web.id,
          scopes: ['carts:write'],
        },
      });
      pk = key.status === 201 ? key.body.secret : undefined;
    });

    async function signedInCookie(email: string) {
      await t.api('POST', '/api/shopper/sign-in', { ...as(), body: { email } });
      const r = await t.api('POST', '/api/shopper/sign-in/verify', {
        ...as(),
        body: { email, code: await smtp.signInCode(email) },
      });
      expect(r.status, JSON.stringify(r.body)).toBe(200);
      return { cookie: `omnihub_shopper=${r.body.token}`, customerId: r.body.customerId as string };
    }

    it('gives a cart made with a publishable key a token, and asks for it', async (ctx) => {
      if (!pk) ctx.skip();
      const created = await t.api('POST', '/api/carts', {
        ...as(),
        body: { lines: [{ sku: f.skus.tee, quantity: 1 }] },
      });
      expect(created.status, JSON.stringify(created.body)).toBe(201);
      cartId = created.body.id;
      cartToken = created.body.cartToken;
      expect(cartToken).toMatch(/^oct_/);
      const without = await t.api('GET', `/api/carts/${cartId}`, as());
      expect(without.status).toBe(403);
      expect(without.headers['content-type']).toMatch(/application\/problem\+json/);
      expect(without.body.type).toMatch(/cart_not_owned/);
      expect((await t.api('GET', `/api/carts/${cartId}`, as({ 'x-cart-token': 'oct_wrong' }))).status).toBe(
        403,
      );
      expect((await t.api('GET', `/api/carts/${cartId}`, as({ 'x-cart-token': cartToken }))).status).toBe(
        200,
      );
    });

    it('writes nothing for a request without the token', async (ctx) => {
      if (!pk) ctx.skip();
      const before = await t.api('GET', `/api/carts/${cartId}`);
      for (const [method, path, body] of [
        ['POST', `/api/carts/${cartId}/lines`, { sku: f.skus.mug, quantity: 1 }],
        ['PUT', `/api/carts/${cartId}/delivery`, { type: 'carry_out' }],
        ['POST', `/api/carts/${cartId}/identify`, {}],
        ['POST', `/api/carts/${cartId}/checkout`, { payment: { provider: 'test', token: 'tok_visa' } }],
      ] as const) {
        const r = await t.api(method, path, { ...as(), body });
        expect(r.status, `${method} ${path}`).toBe(403);
      }
      const after = await t.api('GET', `/api/carts/${cartId}`);
      expect(after.body.version).toBe(before.body.version);
      expect(after.body.status).toBe('active');
    });

    it('does not let a publishable key attach an email or another profile to a cart', async (ctx) => {
      if (!pk) ctx.skip();
      const byEmail = await t.api('POST', `/api/carts/${cartId}/identify`, {
        ...as({ 'x-cart-token': cartToken }),
        body: { identifiers: [{ type: 'email', value: ana }] },
      });
      expect(byEmail.status).toBe(403);
      expect((await t.api('GET', `/api/carts/${cartId}`)).body.profileId).toBeNull();
      const foreign = await t.api('POST', '/api/carts', { ...as(), body: { profileId: 'cus_someone_else' } });
      expect(foreign.status).toBe(403);
    });

    it('binds the cart to the signed-in shopper, who then uses it without the token; nobody else does', async (ctx) => {
      if (!pk) ctx.skip();
      const shopper = await signedInCookie(ana);
      const bound = await t.api('POST', `/api/carts/${cartId}/identify`, {
        ...as({ 'x-cart-token': cartToken, cookie: shopper.cookie }),
        body: {},
      });
      expect(bound.status, JSON.stringify(bound.body)).toBe(200);
      expect(bound.body.customerId).toBe(shopper.customerId);
      const keptId = bound.body.cart.id;
      expect((await t.api('GET', `/api/carts/${keptId}`, as({ cookie: shopper.cookie }))).status).toBe(200);
      const other = await signedInCookie(`bo.${Math.random().toString(36).slice(2)}@example.test`);
      expect((await t.api('GET', `/api/carts/${keptId}`, as({ cookie: other.cookie }))).status).toBe(403);
    });

    it('refuses a publishable key a cart made with a secret key', async (ctx) => {
      if (!pk) ctx.skip();
      const till = await t.api('POST', '/api/carts', { key: f.keys.web, body: {} });
      expect(till.body.cartToken).toBeUndefined();
      expect((await t.api('GET', `/api/carts/${till.body.id}`, as())).status).toBe(403);
    });
  },
  { config },
);
