// Shopper sign-in end to end on both databases: a code mailed through a real (local) SMTP relay,
// the session it opens, what a wrong, spent or expired code gets, and that a signed-in shopper
// reads their own orders (from every channel) and nobody else's.
import { beforeAll, expect, it } from 'vitest';
import { deleteEndedShopperRecords } from '../src/modules/shoppers/index.js';
import type { HubConfig } from '../src/platform/config.js';
import { buildCommerceFixture, type CommerceFixture } from './helpers/commerce-fixture.js';
import { captureMail } from './helpers/smtp-capture-hooks.js';
import { describeEachHub, TEST_ADMIN_KEY, type TestHub } from './helpers/test-hub.js';

const config: Partial<HubConfig> = {
  paymentProviders: ['manual', 'test'],
  mailFrom: 'Shop <shop@example.test>',
};
const smtp = captureMail(config);
let offsetMs = 0;
const clock = { now: () => new Date(Date.now() + offsetMs) };

const address = {
  name: 'Ana Lind',
  line1: 'Damrak 1',
  postalCode: '1012 LG',
  city: 'Amsterdam',
  country: 'NL',
  latitude: 52.37,
  longitude: 4.89,
};

async function placeOrder(t: TestHub, key: string, sku: string, email: string) {
  const cart = await t.api('POST', '/api/carts', { key, body: { lines: [{ sku, quantity: 1 }] } });
  expect(cart.status, JSON.stringify(cart.body)).toBe(201);
  const delivery = await t.api('PUT', `/api/carts/${cart.body.id}/delivery`, {
    key,
    body: { type: 'ship', method: 'standard', address },
  });
  expect(delivery.status, JSON.stringify(delivery.body)).toBe(200);
  const done = await t.api('POST', `/api/carts/${cart.body.id}/checkout`, {
    key,
    body: { email, payment: { provider: 'test', token: 'tok_visa' } },
  });
  expect(done.status, JSON.stringify(done.body)).toBe(201);
  return done.body.order as { id: string; customerId: string };
}

const cookieOf = (headers: Record<string, unknown>) => String(headers['set-cookie'] ?? '');

describeEachHub(
  'shopper sign-in',
  (t) => {
    let f: CommerceFixture;
    const ana = `ana.${Math.random().toString(36).slice(2)}@example.test`;
    const bo = `bo.${Math.random().toString(36).slice(2)}@example.test`;
    let anaWebOrder: string;
    let anaAppOrder: string;
    let boOrder: string;
    let token: string;
    let secondToken: string;

    const signIn = (key: string, email: string) =>
      t.api('POST', '/api/shopper/sign-in', { key, body: { email } });
    const verify = (key: string, email: string, code: string) =>
      t.api('POST', '/api/shopper/sign-in/verify', { key, body: { email, code } });
    const asShopper = (tok: string) => ({ key: tok });

    beforeAll(async () => {
      f = await buildCommerceFixture(t, `SHP${t.kind === 'pglite' ? 'L' : 'P'}`);
      anaWebOrder = (await placeOrder(t, f.keys.web, f.skus.tee, ana)).id;
      anaAppOrder = (await placeOrder(t, f.keys.app, f.skus.mug, ana.toUpperCase())).id;
      boOrder = (await placeOrder(t, f.keys.web, f.skus.cap, bo)).id;
    });

    it('mails a code through the relay and opens a session with a cookie and a bearer token', async () => {
      const started = await signIn(f.keys.web, ana);
      expect(started.status).toBe(202);
      const mail = await smtp.nextMailTo(ana, undefined, /sign-in code is (\d{6})/);
      expect(mail.raw).toContain('From: Shop <shop@example.test>');
      const code = /sign-in code is (\d{6})/.exec(mail.raw)![1]!;
      const signedIn = await verify(f.keys.web, ana, code);
      expect(signedIn.status, JSON.stringify(signedIn.body)).toBe(200);
      token = signedIn.body.token;
      expect(token).toMatch(/^ohs_[A-Za-z0-9_-]{43}$/);
      const cookie = cookieOf(signedIn.headers);
      expect(cookie).toContain(`omnihub_shopper=${token}`);
      expect(cookie).toMatch(/HttpOnly/);
      expect(cookie).toMatch(/SameSite=Lax/);
      expect(cookie).toMatch(/Path=\//);
      expect(cookie).not.toMatch(/Secure/); // plain http here
      // The code is spent.
      expect((await verify(f.keys.web, ana, code)).status).toBe(401);

      const me = await t.api('GET', '/api/me/profile', asShopper(token));
      expect(me.status, JSON.stringify(me.body)).toBe(200);
      expect(me.body).toMatchObject({ email: ana, scopes: ['account:read', 'account:write'] });
      const byCookie = await t.api('GET', '/api/me/profile', {
        key: null,
        headers: { cookie: `omnihub_shopper=${token}` },
      });
      expect(byCookie.body.customerId).toBe(me.body.customerId);
      const events = await t.api(
        'GET',
        `/api/events?types=shopper.signed_in&subject=${me.body.customerId}&limit=50`,
      );
      expect(events.status).toBe(200);
      expect(events.body.items).toHaveLength(1);
      expect(events.body.items[0].data).toMatchObject({
        profileId: me.body.customerId,
        channelId: f.channels.web.id,
      });
      expect(JSON.stringify(events.body.items[0])).not.toContain(ana);
    });

    it('shows the shopper their orders from every channel and nobody else’s', async () => {
      const mine = await t.api('GET', '/api/me/orders', asShopper(token));
      expect(mine.status, JSON.stringify(mine.body)).toBe(200);
      const ids = mine.body.items.map((o: { id: string }) => o.id);
      expect(ids.sort()).toEqual([anaWebOrder, anaAppOrder].sort());
      expect(new Set(mine.body.items.map((o: { channel: { code: string } }) => o.channel.code)).size).toBe(2);
      expect((await t.api('GET', `/api/me/orders/${anaAppOrder}`, asShopper(token))).status).toBe(200);
      const other = await t.api('GET', `/api/me/orders/${boOrder}`, asShopper(token));
      expect(other.status).toBe(404);
      expect(other.headers['content-type']).toMatch(/application\/problem\+json/);
      const addresses = await t.api('GET', '/api/me/addresses', asShopper(token));
      expect(addresses.body.items).toEqual([
        expect.objectContaining({ line1: 'Damrak 1', city: 'Amsterdam' }),
      ]);
    });

    it('lets the shopper read and change their consent, and export their data', async () => {
      const put = await t.api('PUT', '/api/me/consent', {
        ...asShopper(token),
        body: { purpose: 'email_marketing', granted: true },
      });
      expect(put.status, JSON.stringify(put.body)).toBe(200);
      expect(put.body.items).toEqual([
        expect.objectContaining({ purpose: 'email_marketing', status: 'granted' }),
      ]);
      const exported = await t.api('GET', '/api/me/export', asShopper(token));
      expect(exported.status).toBe(200);
      expect(JSON.stringify(exported.body)).toContain(ana);
      expect(JSON.stringify(exported.body)).not.toContain(bo);
    });

    it('binds a cart to the signed-in shopper when the shop identifies it without identifiers', async () => {
      const cart = await t.api('POST', '/api/carts', { key: f.keys.web, body: {} });
      const cookie = { cookie: `omnihub_shopper=${token}` };
      const anonymous = await t.api('POST', `/api/carts/${cart.body.id}/identify`, {
        key: f.keys.web,
        body: {},
      });
      expect(anonymous.status).toBe(400);
      const bound = await t.api('POST', `/api/carts/${cart.body.id}/identify`, {
        key: f.keys.web,
        headers: cookie,
        body: {},
      });
      expect(bound.status, JSON.stringify(bound.body)).toBe(200);
      const me = await t.api('GET', '/api/me/profile', asShopper(token));
      expect(bound.body.customerId).toBe(me.body.customerId);
    });

    it('gives a shopper session nothing but their own account', async () => {
      for (const [method, path] of [
        ['GET', '/api/orders'],
        ['GET', `/api/orders/${boOrder}`],
        ['GET', '/api/customers'],
        ['GET', `/api/customers/${'cus_x'}/orders`],
        ['POST', '/api/carts'],
      ] as const) {
        const r = await t.api(method, path, {
          ...asShopper(token),
          ...(method === 'POST' ? { body: {} } : {}),
        });
        expect([401, 403], `${method} ${path}`).toContain(r.status);
      }
      expect((await t.api('GET', '/api/me/profile', { key: null })).status).toBe(401);
      expect((await t.api('GET', '/api/me/profile', asShopper('ohs_not-a-real-session'))).status).toBe(401);
    });

    it('lets the shopper set their own name and birthday, refusing a bad date by name and any other key', async () => {
      const patch = (body: unknown, key: string | null = token) =>
        t.api('PATCH', '/api/me/profile', { key, body });
      const set = await patch({ name: '  Ana Lind ', birthday: '1991-04-30' });
      expect(set.status, JSON.stringify(set.body)).toBe(200);
      expect(set.body).toMatchObject({ name: 'Ana Lind', birthday: '1991-04-30' });
      for (const bad of [{ birthday: '1991-04-31' }, { birthday: '30.04.1991' }, { birthday: 19910430 }]) {
        const r = await patch(bad);
        expect(r.status, JSON.stringify(bad)).toBe(400);
        expect(JSON.stringify(r.body)).toContain('birthday');
      }
      expect((await patch({ name: 'x', customerId: 'cus_other' })).status).toBe(400);
      expect((await patch({ name: '\u0000' })).status).toBe(400);
      expect((await t.api('GET', '/api/me/profile', asShopper(token))).body).toMatchObject({
        name: 'Ana Lind',
        birthday: '1991-04-30',
      });
      // Only the shopper's own session: no key, a publishable key, the admin key are refused.
      expect((await patch({ name: 'Eve' }, null)).status).toBe(401);
      expect([401, 403]).toContain((await patch({ name: 'Eve' }, f.keys.web)).status);
      expect([401, 403]).toContain((await patch({ name: 'Eve' }, TEST_ADMIN_KEY)).status);
      const cleared = await patch({ birthday: null });
      expect(cleared.body).toMatchObject({ name: 'Ana Lind', birthday: null });
    });

    it('answers an unknown address exactly like a known one (no enumeration)', async () => {
      const stranger = `nobody.${Math.random().toString(36).slice(2)}@example.test`;
      const known = await signIn(f.keys.web, bo);
      const unknown = await signIn(f.keys.web, stranger);
      expect(unknown.status).toBe(known.status);
      expect(unknown.body).toEqual(known.body);
      // Both get a code; only a verified code makes (or finds) a customer.
      await smtp.signInCode(bo);
      await smtp.signInCode(stranger);
      const found = await t.api('GET', `/api/customers?email=${encodeURIComponent(stranger)}`);
      expect(found.status).toBe(200);
      expect(found.body.items).toEqual([]);
      const boFound = await t.api('GET', `/api/customers?email=${encodeURIComponent(bo)}`);
      expect(boFound.body.items).toHaveLength(1);
    });

    it('refuses a wrong code, and voids the code after five wrong guesses', async () => {
      await signIn(f.keys.web, bo);
      const code = await smtp.signInCode(bo);
      const wrong = code === '000000' ? '000001' : '000000';
      const refused = await verify(f.keys.web, bo, wrong);
      expect(refused.status).toBe(401);
      expect(refused.body.type).toMatch(/sign_in_code_invalid/);
      for (let i = 0; i < 4; i++) expect((await verify(f.keys.web, bo, wrong)).status).toBe(401);
      // The sixth try is the right code, but the code is void.
      expect((await verify(f.keys.web, bo, code)).status).toBe(401);
      // A new code works, and Bo sees only Bo's order.
      await signIn(f.keys.web, bo);
      const fresh = await verify(f.keys.web, bo, await smtp.signInCode(bo));
      expect(fresh.status).toBe(200);
      const orders = await t.api('GET', '/api/me/orders', asShopper(fresh.body.token));
      expect(orders.body.items.map((o: { id: string }) => o.id)).toEqual([boOrder]);
    });

    it('refuses an expired code', async () => {
      await signIn(f.keys.web, bo);
      const code = await smtp.signInCode(bo);
      offsetMs = 11 * 60_000;
      try {
        expect((await verify(f.keys.web, bo, code)).status).toBe(401);
      } finally {
        offsetMs = 0;
      }
    });

    it('keeps a code per channel: a code asked for on the webshop does not open the app', async () => {
      await signIn(f.keys.web, ana);
      const code = await smtp.signInCode(ana);
      expect((await verify(f.keys.app, ana, code)).status).toBe(401);
      const second = await verify(f.keys.web, ana, code);
      expect(second.status).toBe(200);
      secondToken = second.body.token;
    });

    it('signs out: the session no longer opens the account', async () => {
      const out = await t.api('POST', '/api/shopper/sign-out', asShopper(token));
      expect(out.status).toBe(204);
      expect(cookieOf(out.headers)).toContain('omnihub_shopper=;');
      expect((await t.api('GET', '/api/me/profile', asShopper(token))).status).toBe(401);
    });

    it('erases the shopper through the admin’s erasure and ends their sessions', async () => {
      await signIn(f.keys.web, bo);
      const s = await verify(f.keys.web, bo, await smtp.signInCode(bo));
      const erased = await t.api('POST', '/api/me/erase', asShopper(s.body.token));
      expect(erased.status, JSON.stringify(erased.body)).toBe(200);
      expect(erased.body.customerId).toBe(s.body.customerId);
      expect((await t.api('GET', '/api/me/profile', asShopper(s.body.token))).status).toBe(401);
      const view = await t.api('GET', `/api/customers/${s.body.customerId}`);
      expect(JSON.stringify(view.body)).not.toContain(bo);
    });

    it('deletes ended sessions and spent codes once nothing can use them, and keeps live sessions', async () => {
      expect(await deleteEndedShopperRecords(t.hub.systemCtx())).toBe(0);
      offsetMs = 8 * 24 * 3600_000;
      try {
        expect(await deleteEndedShopperRecords(t.hub.systemCtx())).toBeGreaterThan(0);
        expect((await t.api('GET', '/api/me/profile', asShopper(secondToken))).status).toBe(200);
      } finally {
        offsetMs = 0;
      }
    });
  },
  { config, clock },
);
