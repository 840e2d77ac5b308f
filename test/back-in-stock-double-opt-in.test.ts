// Back in stock with double opt-in (#15): an address typed in on a storefront waits
// pending_confirmation, gets one confirmation mail (none again within minutes), and is told nothing
// until the signed link is clicked; the link is single use, expires after 7 days and refuses a
// tampered token; the click records marketing consent (source: double opt-in) and the restock then
// sends exactly one message. A signed-in shopper is subscribed at once, with their consent.
import { sql } from 'drizzle-orm';
import { simpleParser } from 'mailparser';
import { expect, it } from 'vitest';
import type { Clock } from '../src/kernel/index.js';
import type { HubConfig } from '../src/platform/config.js';
import { rows } from '../src/platform/db/database.js';
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
// The hub's clock runs `offset` ahead of the wall clock: a link can be let expire.
let offset = 0;
const clock: Clock = { now: () => new Date(Date.now() + offset) };
const DAY = 86_400_000;
const RULES = { ...JOURNEY_TEST_RULES, capPerDay: { ...JOURNEY_TEST_RULES.capPerDay, email: 20 } };
const LINK = /http:\/\/shop\.test(\/back-in-stock\/confirm\/[A-Za-z0-9_.-]+)/;
const CONFIRM_SUBJECT = /confirm your alert|bevestig je melding/;

async function mailsTo(to: string) {
  const mine = smtp.mails.filter((m) => m.to.includes(to));
  return Promise.all(
    mine.map(async (m) => {
      const p = await simpleParser(m.raw);
      return { subject: p.subject ?? '', text: p.text ?? '', html: typeof p.html === 'string' ? p.html : '' };
    }),
  );
}
const mailsMatching = (to: string, re: RegExp, n = 1) =>
  eventually(
    async () => (await mailsTo(to)).filter((m) => re.test(m.subject)),
    (l) => l.length >= n,
  );
const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));

describeEachHub(
  'back in stock: double opt-in for an address typed in',
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
    const customerOf = async (email: string) =>
      (await ok('GET', `/api/customers?q=${encodeURIComponent(email)}`)).items[0]?.id as string | undefined;
    const view = (id: string) => ok('GET', `/api/customers/${id}`);
    const marketing = (v: { consent: Array<{ purpose: string; channel: string; status: string }> }) =>
      v.consent.filter((c) => c.purpose === 'marketing');
    const restock = (sku: string, quantity: number) =>
      ok('POST', '/api/inventory/adjustments', {
        kind: 'receive',
        sku,
        location: f.locations.warehouse.id,
        quantity,
      });
    const subscribe = (email: string, sku: string, extra: Record<string, unknown> = {}) =>
      t.api('POST', '/api/back-in-stock', { body: { sku, email, consent: true, ...extra }, key: pk });
    /** The path of the confirmation link in the newest confirmation mail to `email`. */
    const linkOf = async (email: string, n = 1) => {
      const mails = await mailsMatching(email, CONFIRM_SUBJECT, n);
      return LINK.exec(mails[mails.length - 1]!.text)![1]!;
    };
    /** The subscription a confirmation link names. */
    const idOf = (link: string) => /confirm\/([^.]+)/.exec(link)![1];
    const page = (method: 'GET' | 'POST', path: string) =>
      t.api(method, path, { key: null, headers: { 'accept-language': 'en' } });

    it('builds the retailer: the cap and the mug sold out everywhere', async () => {
      f = await buildCommerceFixture(t, 'BD', {
        cap: { warehouse: 0, amsterdam: 0, stockholm: 0 },
        mug: { warehouse: 0, amsterdam: 0, stockholm: 0 },
      });
      await ok('PUT', '/api/messaging/settings', { brand: BRAND, rules: RULES });
      pk = (
        await ok('POST', '/api/keys', { name: 'web-pk', kind: 'publishable', channelId: f.channels.web.id })
      ).secret;
      pkApp = (
        await ok('POST', '/api/keys', { name: 'app-pk', kind: 'publishable', channelId: f.channels.app.id })
      ).secret;
    });

    it('refuses without a key, scope, channel, consent or a genuine link, and writes nothing', async () => {
      const email = `nobody-${tag()}@example.test`;
      const body = { sku: f.skus.cap, email, consent: true };
      const narrow = (await ok('POST', '/api/keys', { name: 'narrow', scopes: ['customers:read'] })).secret;
      const cases: Array<[unknown, string | null, number, string?]> = [
        [body, null, 401],
        [body, narrow, 403],
        [{ ...body, channelId: f.channels.web.id }, pkApp, 403],
        [{ ...body, profileId: 'cus_someone_else' }, pk, 403],
        [{ sku: f.skus.cap, email }, pk, 400, 'body.consent'],
        [{ ...body, consent: false }, pk, 400, 'body.consent'],
        [{ ...body, locale: 'xx' }, pk, 400, 'body.locale'],
        [{ ...body, sku: f.skus.tee }, pk, 400, 'body.sku'],
        [{ ...body, email: 'not-an-address' }, pk, 400, 'body.email'],
      ];
      for (const [b, key, status, field] of cases) {
        const r = await t.api('POST', '/api/back-in-stock', { body: b, key });
        expect(r.status, JSON.stringify(r.body)).toBe(status);
        expect(String(r.headers['content-type'])).toContain('application/problem+json');
        if (field) expect(JSON.stringify(r.body)).toContain(field);
      }
      for (const token of [
        'bis_nothing.9999999999.AAAAAAAAAAAAAAAAAAAAAA',
        'x'.repeat(30),
        '%3Cscript%3E'.repeat(3),
      ])
        for (const method of ['GET', 'POST'] as const) {
          const r = await page(method, `/back-in-stock/confirm/${token}`);
          expect(r.status, `${method} ${token}`).toBe(404);
        }
      expect(await customerOf(email)).toBeUndefined();
      expect(smtp.mails.filter((m) => m.to.includes(email))).toHaveLength(0);
    });

    let anaLink = '';
    it('keeps a typed address pending with one confirmation mail, and tells it nothing until confirmed', async () => {
      const ana = `ana-${tag()}@example.test`;
      const bo = `bo-${tag()}@example.test`;
      const first = await subscribe(ana, f.skus.cap);
      // A storefront learns nothing about the address: the same answer for every state.
      const requested = { status: 'confirmation_requested', sku: f.skus.cap, channelId: f.channels.web.id };
      expect(first.status, JSON.stringify(first.body)).toBe(202);
      expect(first.body).toEqual(requested);
      anaLink = await linkOf(ana);
      expect(Number(anaLink.split('.')[1]) * 1000 - Date.now()).toBeGreaterThan(6.9 * DAY);
      // Asked again at once: the same answer, no second mail.
      const again = await subscribe(ana, f.skus.cap);
      expect(again.status).toBe(202);
      expect(again.body).toEqual(requested);
      expect((await subscribe(bo, f.skus.cap, { locale: 'nl' })).body.status).toBe('confirmation_requested');
      const [boMail] = await mailsMatching(bo, /bevestig je melding/);
      expect(boMail!.html).toContain('#aa3300'); // the brand's colour, through MJML
      await pause(500);
      expect((await mailsTo(ana)).filter((m) => CONFIRM_SUBJECT.test(m.subject))).toHaveLength(1);
      // No consent is recorded for an address until its owner confirms.
      const anaId = (await customerOf(ana))!;
      expect(marketing(await view(anaId))).toHaveLength(0);

      // A tampered token is refused; GET only asks (a mail scanner's fetch confirms nothing).
      const tampered = anaLink.replace(/.$/, (c) => (c === 'A' ? 'B' : 'A'));
      expect((await page('POST', tampered)).status).toBe(404);
      const otherId = anaLink.replace(/confirm\/([^.]+)/, (_m, id: string) => `confirm/${id}x`);
      expect((await page('POST', otherId)).status).toBe(404);
      const asked = await page('GET', anaLink);
      expect(asked.status).toBe(200);
      expect(asked.body).toContain('<form method="post">');
      expect(asked.body).toContain('Trail cap');
      expect(marketing(await view(anaId))).toHaveLength(0);

      const done = await page('POST', anaLink);
      expect(done.status).toBe(200);
      expect(done.body).toContain('Alert confirmed');
      // Single use.
      expect((await page('POST', anaLink)).status).toBe(404);
      expect((await page('GET', anaLink)).status).toBe(404);
      const v = await view(anaId);
      expect(marketing(v)).toMatchObject([{ channel: f.channels.web.id, status: 'granted' }]);
      const timeline = await ok('GET', `/api/customers/${anaId}/timeline?limit=50`);
      expect(timeline.items.find((i: { name: string }) => i.name === 'consent.confirmed')).toMatchObject({
        properties: { purpose: 'marketing', source: 'double_opt_in', channel: f.channels.web.id },
      });

      await restock(f.skus.cap, 5);
      await mailsMatching(ana, /Trail cap is back/);
      await restock(f.skus.cap, 1);
      await pause(1500);
      expect((await mailsTo(ana)).filter((m) => /is back/.test(m.subject))).toHaveLength(1);
      // Bo never confirmed: no message, no run, still no consent.
      expect((await mailsTo(bo)).filter((m) => /terug/.test(m.subject))).toHaveLength(0);
      const boId = (await customerOf(bo))!;
      const boMessages = await ok('GET', `/api/customers/${boId}/messages`);
      expect(boMessages.runs).toHaveLength(0);
      expect(marketing(await view(boId))).toHaveLength(0);
    });

    it('lets a confirmation link expire after 7 days, and mails again only after a quiet window', async () => {
      const cleo = `cleo-${tag()}@example.test`;
      const first = await subscribe(cleo, f.skus.mug);
      const link = await linkOf(cleo);
      try {
        offset = 11 * 60_000; // past the resend window: a repeat mails a fresh link
        expect((await subscribe(cleo, f.skus.mug)).status).toBe(first.status);
        // The same subscription, a fresh mail.
        expect(idOf(await linkOf(cleo, 2))).toBe(idOf(link));
        offset = 8 * DAY;
        expect((await page('POST', link)).status).toBe(404);
        expect((await page('GET', link)).status).toBe(404);
        // A new request after expiry starts a new subscription with a new link, which works.
        const renewed = await subscribe(cleo, f.skus.mug);
        expect(renewed.body).toEqual(first.body);
        const fresh = await linkOf(cleo, 3);
        expect(idOf(fresh)).not.toBe(idOf(link));
        expect((await page('POST', fresh)).status).toBe(200);
      } finally {
        offset = 0;
      }
    });

    it('subscribes a signed-in shopper at once, asking for consent only when not given before', async () => {
      const eve = `eve-${tag()}@example.test`;
      await t.api('POST', '/api/shopper/sign-in', { key: pk, body: { email: eve } });
      const signed = await t.api('POST', '/api/shopper/sign-in/verify', {
        key: pk,
        body: { email: eve, code: await smtp.signInCode(eve) },
      });
      expect(signed.status, JSON.stringify(signed.body)).toBe(200);
      const as = { key: pk, headers: { cookie: `omnihub_shopper=${signed.body.token}` } };
      const without = await t.api('POST', '/api/back-in-stock', { ...as, body: { sku: f.skus.mug } });
      expect(without.status).toBe(400);
      expect(JSON.stringify(without.body)).toContain('body.consent');
      const r = await t.api('POST', '/api/back-in-stock', {
        ...as,
        body: { sku: f.skus.mug, consent: true },
      });
      expect(r.status, JSON.stringify(r.body)).toBe(201);
      expect(r.body).toMatchObject({ status: 'active', confirmationSent: false });
      // Consented now: one click is enough.
      const again = await t.api('POST', '/api/back-in-stock', { ...as, body: { sku: f.skus.mug } });
      expect(again.body).toMatchObject({ id: r.body.id, status: 'active' });
      expect((await mailsTo(eve)).filter((m) => CONFIRM_SUBJECT.test(m.subject))).toHaveLength(0);
    });

    it('mails the confirmation to the address typed in, never to another address of the same profile', async () => {
      // One profile with two people's addresses (a shared household profile): the first one it had
      // is Fay's, Gus types his on the storefront.
      const fay = `fay-${tag()}@example.test`;
      const gus = `gus-${tag()}@example.test`;
      const identify = (emails: string[]) =>
        ok('POST', '/api/customers/identify', {
          channelId: f.channels.web.id,
          identifiers: emails.map((value) => ({ type: 'email', value })),
        });
      const shared = (await identify([fay])).customerId;
      expect((await identify([fay, gus])).customerId).toBe(shared);
      expect(await customerOf(gus)).toBe(shared);
      // The cap came back in an earlier test: sold out again.
      await ok('POST', '/api/inventory/adjustments', {
        kind: 'count',
        sku: f.skus.cap,
        location: f.locations.warehouse.id,
        quantity: 0,
      });

      expect((await subscribe(gus, f.skus.cap)).status).toBe(202);
      const link = await linkOf(gus);
      await pause(500);
      expect(smtp.mails.filter((m) => m.to.includes(fay))).toHaveLength(0);
      expect((await page('POST', link)).status).toBe(200);
      await restock(f.skus.cap, 2);
      await mailsMatching(gus, /Trail cap is back/);
      await pause(500);
      expect(smtp.mails.filter((m) => m.to.includes(fay))).toHaveLength(0);

      // Erased: the subscription and the sends forget which address was typed (its hash).
      const pinned = () =>
        rows<{ n: number }>(
          t.hub.database.db,
          sql`select (select count(*) from back_in_stock_subscriptions where customer_id = ${shared} and address_hash is not null)::int
                   + (select count(*) from messaging_sends where customer_id = ${shared} and vars ? 'toAddressHash')::int as n`,
        );
      expect((await pinned())[0]!.n).toBeGreaterThan(0);
      await ok('POST', `/api/customers/${shared}/erase`, { reason: 'test' });
      expect((await pinned())[0]!.n).toBe(0);
    });

    it('tells an address confirmed after the stock came back, once', async () => {
      const dan = `dan-${tag()}@example.test`;
      await subscribe(dan, f.skus.mug);
      const link = await linkOf(dan);
      await restock(f.skus.mug, 3);
      await pause(1500);
      expect((await mailsTo(dan)).filter((m) => /is back/.test(m.subject))).toHaveLength(0);
      expect((await page('POST', link)).status).toBe(200);
      await mailsMatching(dan, /Mug is back|is back/);
      await pause(1000);
      expect((await mailsTo(dan)).filter((m) => /is back/.test(m.subject))).toHaveLength(1);
    });
  },
  { config, clock },
);
