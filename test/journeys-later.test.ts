// The later journeys end to end through the HTTP API and a local SMTP capture (#15): back in stock
// (a storefront subscription to a sold-out variant, told once when the stock returns, never without
// consent; the route's refusals), post-purchase (a thank-you, the review request after the delay; a
// return ends it), tier reached, and win-back (the daily sweep run now; an order ends it).
import { simpleParser } from 'mailparser';
import { expect, it } from 'vitest';
import type { HubConfig } from '../src/platform/config.js';
import {
  buildCommerceFixture,
  COMMERCE_HUB_OPTIONS,
  type CommerceFixture,
} from './helpers/commerce-fixture.js';
import { eventually } from './helpers/eventually.js';
import { JOURNEY_TEST_BRAND as BRAND, JOURNEY_TEST_RULES } from './helpers/journey-settings.js';
import { captureMail } from './helpers/smtp-capture-hooks.js';
import { describeEachHub } from './helpers/test-hub.js';

const config: Partial<HubConfig> = { ...COMMERCE_HUB_OPTIONS.config, publicUrl: 'http://shop.test' };
const smtp = captureMail(config);

// Five or so mails reach one customer here in a day: a cap of 2 would hold the later ones.
const RULES = { ...JOURNEY_TEST_RULES, capPerDay: { ...JOURNEY_TEST_RULES.capPerDay, email: 20 } };
const card = { provider: 'test', token: 'tok_visa' };
const ship = {
  type: 'ship',
  method: 'standard',
  address: { line1: 'Damrak 1', postalCode: '1012 LG', city: 'Amsterdam', country: 'NL' },
};

/** The subjects and texts of every mail to `to` so far. */
async function mailsTo(to: string) {
  const mine = smtp.mails.filter((m) => m.to.includes(to));
  return Promise.all(
    mine.map(async (m) => {
      const p = await simpleParser(m.raw);
      return { subject: p.subject ?? '', text: p.text ?? '' };
    }),
  );
}
const mailsMatching = (to: string, re: RegExp, n = 1) =>
  eventually(
    async () => (await mailsTo(to)).filter((m) => re.test(m.subject)),
    (l) => l.length >= n,
  );

describeEachHub(
  'journeys: back in stock, post-purchase, tier reached, win-back',
  (t) => {
    let f: CommerceFixture;
    let pk = '';
    let pkApp = '';
    const tag = () => `${t.kind}-${Math.random().toString(36).slice(2, 8)}`;
    const ok = async (method: string, path: string, body?: unknown, key?: string) => {
      const r = await t.api(method, path, { body, ...(key ? { key } : {}) });
      expect([200, 201], `${method} ${path}: ${r.status} ${JSON.stringify(r.body)}`).toContain(r.status);
      return r.body;
    };
    const customer = async (email: string, channel: string) => {
      const r = await ok('POST', '/api/customers/identify', {
        channelId: f.channels.web.id,
        identifiers: [{ type: 'email', value: email }],
      });
      await ok('PUT', `/api/customers/${r.customerId}/consent`, {
        purpose: 'marketing',
        channel,
        granted: true,
      });
      return r.customerId as string;
    };
    const messages = (id: string) => ok('GET', `/api/customers/${id}/messages`);
    /** Clicks the double opt-in link of the back-in-stock confirmation mailed to `email`. */
    const confirmFor = async (email: string) => {
      const [mail] = await mailsMatching(email, /confirm your alert/);
      const path = /http:\/\/shop\.test(\/back-in-stock\/confirm\/\S+)/.exec(mail!.text)![1]!;
      expect((await t.api('POST', path, { key: null })).status).toBe(200);
    };
    /** A mug sold to the customer at the Stockholm till (carried out, paid in cash); returns the order. */
    const tillSale = async (profileId: string) => {
      const c = await ok(
        'POST',
        '/api/carts',
        { profileId, lines: [{ sku: f.skus.mug, quantity: 1 }] },
        f.keys.tillSto,
      );
      await ok('PUT', `/api/carts/${c.id}/delivery`, { type: 'carry_out' }, f.keys.tillSto);
      const sold = await ok(
        'POST',
        `/api/carts/${c.id}/checkout`,
        { payment: { provider: 'manual' } },
        f.keys.tillSto,
      );
      return sold.order as { id: string; number: string };
    };
    const restock = (quantity: number) =>
      ok('POST', '/api/inventory/adjustments', {
        kind: 'receive',
        sku: f.skus.cap,
        location: f.locations.warehouse.id,
        quantity,
      });

    it('builds the retailer: the cap sold out everywhere, short delays, a low loyalty tier', async () => {
      f = await buildCommerceFixture(t, 'JL', { cap: { warehouse: 0, amsterdam: 0, stockholm: 0 } });
      await ok('PUT', '/api/messaging/settings', { brand: BRAND, rules: RULES });
      await ok('PUT', '/api/journeys/post_purchase', {
        enabled: true,
        delaySeconds: 1,
        channelOrder: ['email'],
      });
      await ok('PUT', '/api/journeys/win_back', { enabled: true, delaySeconds: 1, channelOrder: ['email'] });
      // Off until turned on (a hub upgraded to them mails no one unasked).
      await ok('PUT', '/api/journeys/tier_reached', {
        enabled: true,
        delaySeconds: 0,
        channelOrder: ['email'],
      });
      await ok('PUT', '/api/wallet/loyalty-rules', {
        pointsPerUnit: 1,
        tiers: [{ code: 'silver', name: 'Silver', threshold: 1, multiplier: 1 }],
        pointValue: { EUR: 1 },
      });
      pk = (
        await ok('POST', '/api/keys', { name: 'web-pk', kind: 'publishable', channelId: f.channels.web.id })
      ).secret;
      pkApp = (
        await ok('POST', '/api/keys', { name: 'app-pk', kind: 'publishable', channelId: f.channels.app.id })
      ).secret;
    });

    it('refuses a back-in-stock subscription without a key, scope, consent, a sold-out SKU or someone to tell', async () => {
      const email = `nobody-${tag()}@example.test`;
      const body = { sku: f.skus.cap, email, consent: true };
      const narrow = (await ok('POST', '/api/keys', { name: 'narrow', scopes: ['customers:read'] })).secret;
      const cases: Array<[unknown, string | null, number, string?]> = [
        [body, null, 401],
        [body, narrow, 403],
        [{ ...body, channelId: f.channels.web.id }, pkApp, 403],
        [{ ...body, consent: false }, pk, 400, 'body.consent'],
        [{ ...body, sku: f.skus.tee }, pk, 400, 'body.sku'],
        [{ ...body, sku: 'NO-SUCH-SKU' }, pk, 400, 'body.sku'],
        [{ ...body, sku: '<script>'.repeat(40) }, pk, 400, 'body.sku'],
        [{ sku: f.skus.cap, consent: true }, pk, 400, 'body.email'],
        [{ ...body, profileId: 'cus_someone_else' }, pk, 403],
      ];
      for (const [b, key, status, field] of cases) {
        const r = await t.api('POST', '/api/back-in-stock', { body: b, key });
        expect(r.status, JSON.stringify(r.body)).toBe(status);
        expect(String(r.headers['content-type'])).toContain('application/problem+json');
        if (field) expect(JSON.stringify(r.body)).toContain(field);
      }
      // Nothing was written: the address typed in is no customer.
      const found = await ok('GET', `/api/customers?q=${encodeURIComponent(email)}`);
      expect(found.items).toHaveLength(0);
    });

    let ana = '';
    let anaEmail = '';
    it('tells a subscriber once when the stock returns, and no one who withdrew consent', async () => {
      anaEmail = `ana-${tag()}@example.test`;
      const boEmail = `bo-${tag()}@example.test`;
      const typeIn = async (email: string) => {
        const r = await t.api('POST', '/api/back-in-stock', {
          body: { sku: f.skus.cap, email, consent: true },
          key: pk,
        });
        expect(r.status, JSON.stringify(r.body)).toBe(202);
        return r.body;
      };
      const first = await typeIn(anaEmail);
      // An address typed in is double opt-in: pending until the mailed link is clicked; the storefront
      // is told only that a confirmation was asked for.
      expect(first).toEqual({
        sku: f.skus.cap,
        channelId: f.channels.web.id,
        status: 'confirmation_requested',
      });
      expect(await typeIn(anaEmail)).toEqual(first);
      await typeIn(boEmail);
      await confirmFor(anaEmail);
      await confirmFor(boEmail);
      const bo = (await ok('GET', `/api/customers?q=${encodeURIComponent(boEmail)}`)).items[0].id;
      await ok('PUT', `/api/customers/${bo}/consent`, { purpose: 'marketing', channel: '*', granted: false });

      await restock(5);
      const [mail] = await mailsMatching(anaEmail, /Trail cap is back/);
      expect(mail!.text).toContain(`http://shop.test/store/${f.channels.web.code}/p/cap-`);
      ana = (await ok('GET', `/api/customers?q=${encodeURIComponent(anaEmail)}`)).items[0].id;
      const b = await eventually(
        () => messages(bo),
        (m) => m.messages[0]?.status === 'refused',
      );
      expect(b.messages[0].reason).toContain('email:denied');
      // Another delivery of stock is not another message: the subscription ended.
      await restock(1);
      const runs = await eventually(
        () => messages(ana),
        (m) => m.runs.some((r: { journey: string; status: string }) => r.journey === 'back_in_stock'),
      );
      expect(runs.runs.filter((r: { journey: string }) => r.journey === 'back_in_stock')).toHaveLength(1);
      expect((await mailsTo(boEmail)).filter((m) => /is back/.test(m.subject))).toHaveLength(0);
    });

    let cleo = '';
    let cleoEmail = '';
    it('thanks a buyer, tells them their tier, asks for a review after the delay', async () => {
      cleoEmail = `cleo-${tag()}@example.test`;
      cleo = await customer(cleoEmail, '*');
      const c = await ok(
        'POST',
        '/api/carts',
        { profileId: cleo, lines: [{ sku: f.skus.tee, quantity: 1 }] },
        f.keys.web,
      );
      await ok('PUT', `/api/carts/${c.id}/delivery`, ship, f.keys.web);
      const done = await ok(
        'POST',
        `/api/carts/${c.id}/checkout`,
        { email: cleoEmail, payment: card },
        f.keys.web,
      );
      const number = done.order.number as string;
      await mailsMatching(cleoEmail, new RegExp(`thank you for order ${number}`));
      await mailsMatching(cleoEmail, /welcome to silver/);
      const [review] = await mailsMatching(cleoEmail, new RegExp(`how was order ${number}`));
      // The review request opens the order's review page (flows/reviews), its token signed.
      expect(review!.text).toContain(`http://shop.test/store/${f.channels.web.code}/review?token=`);
      const m = await eventually(
        () => messages(cleo),
        (x) =>
          x.runs.some(
            (r: { journey: string; status: string }) =>
              r.journey === 'post_purchase' && r.status === 'completed',
          ),
      );
      expect(m.runs.filter((r: { journey: string }) => r.journey === 'tier_reached')).toHaveLength(1);
    });

    it('ends the post-purchase journey when the order is returned', async () => {
      await ok('PUT', '/api/journeys/post_purchase', {
        enabled: true,
        delaySeconds: 3600,
        channelOrder: ['email'],
      });
      const order = await tillSale(cleo);
      await mailsMatching(cleoEmail, new RegExp(`thank you for order ${order.number}`));
      await ok('POST', `/api/orders/${order.id}/returns`, {
        lines: [{ sku: f.skus.mug, quantity: 1 }],
        location: f.locations.stockholm.id,
      });
      const m = await eventually(
        () => messages(cleo),
        (x) =>
          x.runs.some((r: { ref: string; status: string }) => r.ref === order.id && r.status === 'exited'),
      );
      expect(m.runs.find((r: { ref: string }) => r.ref === order.id)).toMatchObject({
        journey: 'post_purchase',
        exitReason: 'returned',
        step: 1,
      });
    });

    it('wins back a lapsed customer once per lapse, and stops when they order again', async () => {
      const started = await eventually(
        () => ok('POST', '/api/journeys/win_back/sweep'),
        (r) => r.started > 0,
      );
      expect(started.started).toBeGreaterThan(0);
      await mailsMatching(cleoEmail, /we miss you/);
      expect((await ok('POST', '/api/journeys/win_back/sweep')).started).toBe(0);
      await tillSale(cleo);
      const m = await eventually(
        () => messages(cleo),
        (x) =>
          x.runs.some(
            (r: { journey: string; status: string }) => r.journey === 'win_back' && r.status === 'exited',
          ),
      );
      expect(m.runs.find((r: { journey: string }) => r.journey === 'win_back')).toMatchObject({
        exitReason: 'purchased',
      });
      // Ana was told about the cap once, whatever else reached her.
      expect((await mailsTo(anaEmail)).filter((x) => /Trail cap is back/.test(x.subject))).toHaveLength(1);
    });
  },
  { config },
);
