// Triggered journeys end to end through the HTTP API and a local SMTP capture (#15): a cart left in
// the app is recovered by an MJML email with a text part, in the customer's language, with the
// cart's handoff link and code; bought at a till with that code, the journey exits and nothing else
// goes out. Without marketing consent nothing is sent and the reason is on the timeline; one-click
// unsubscribe (RFC 8058) denies the purpose; quiet hours hold a message instead of dropping it.
import { simpleParser } from 'mailparser';
import { expect, it } from 'vitest';
import type { HubConfig } from '../src/platform/config.js';
import {
  buildCommerceFixture,
  COMMERCE_HUB_OPTIONS,
  type CommerceFixture,
} from './helpers/commerce-fixture.js';
import { eventually } from './helpers/eventually.js';
import { JOURNEY_TEST_BRAND as BRAND, JOURNEY_TEST_RULES as RULES } from './helpers/journey-settings.js';
import { captureMail } from './helpers/smtp-capture-hooks.js';
import { describeEachHub } from './helpers/test-hub.js';

const config: Partial<HubConfig> = { ...COMMERCE_HUB_OPTIONS.config, publicUrl: 'http://shop.test' };
const smtp = captureMail(config);

describeEachHub(
  'journeys: abandoned cart across channels',
  (t) => {
    let f: CommerceFixture;
    const customer = async (email: string, traits: Record<string, unknown>, consent: boolean) => {
      const r = await t.api('POST', '/api/customers/identify', {
        body: { channelId: f.channels.app.id, identifiers: [{ type: 'email', value: email }], traits },
      });
      expect(r.status, JSON.stringify(r.body)).toBe(200);
      if (consent) {
        const c = await t.api('PUT', `/api/customers/${r.body.customerId}/consent`, {
          body: { purpose: 'marketing', channel: '*', granted: true },
        });
        expect(c.status).toBe(200);
      }
      return r.body.customerId as string;
    };
    const leaveCart = async (profileId: string) => {
      const cart = await t.api('POST', '/api/carts', {
        key: f.keys.app,
        body: { profileId, lines: [{ sku: f.skus.tee, quantity: 2 }] },
      });
      expect(cart.status, JSON.stringify(cart.body)).toBe(201);
      return cart.body as { id: string; handoff: { code: string } };
    };
    const messages = (id: string) => t.api('GET', `/api/customers/${id}/messages`).then((r) => r.body);
    let anaId = '';
    let unsubscribePath = '';

    it('builds the retailer; the journey waits one second; no quiet hours', async () => {
      f = await buildCommerceFixture(t, 'JY');
      const j = await t.api('PUT', '/api/journeys/abandoned_cart', {
        body: { enabled: true, delaySeconds: 1, channelOrder: ['email', 'sms'] },
      });
      expect(j.status, JSON.stringify(j.body)).toBe(200);
      const s = await t.api('PUT', '/api/messaging/settings', { body: { brand: BRAND, rules: RULES } });
      expect(s.status, JSON.stringify(s.body)).toBe(200);
    });

    it("recovers a cart left in the app by email in the customer's language, with the handoff link", async () => {
      const email = `ana-${t.kind}@example.test`;
      anaId = await customer(email, { locale: 'nl' }, true);
      const cart = await leaveCart(anaId);
      const raw = await smtp.nextMailTo(email, 20_000);
      const mail = await simpleParser(raw.raw);
      expect(mail.subject).toBe('Fjällfolk: je winkelwagen wacht op je');
      const link = `http://shop.test/store/${f.channels.app.code}/cart?cart=${cart.id}&lang=nl`;
      expect(mail.text).toContain(link);
      expect(mail.text).toContain(cart.handoff.code);
      expect(mail.text).toContain('Team Fjällfolk');
      expect(mail.html).toContain('#aa3300');
      expect(mail.html).toContain(link.replace(/&/g, '&amp;'));
      const head = raw.raw.split(/\r?\n\r?\n/)[0]!.replace(/\r?\n\s+/g, ' ');
      expect(head).toMatch(/^List-Unsubscribe-Post: List-Unsubscribe=One-Click$/m);
      unsubscribePath =
        /^List-Unsubscribe: <http:\/\/shop\.test(\/unsubscribe\/[A-Za-z0-9._-]+)>$/m.exec(head)?.[1] ?? '';
      expect(unsubscribePath).not.toBe('');

      // Bought at the Stockholm till with the code from the mail: the journey exits.
      const moved = await t.api('POST', `/api/carts/${cart.id}/channel`, {
        key: f.keys.tillSto,
        body: { handoffCode: cart.handoff.code },
      });
      expect(moved.status).toBe(200);
      await t.api('PUT', `/api/carts/${cart.id}/delivery`, {
        key: f.keys.tillSto,
        body: { type: 'carry_out' },
      });
      const sold = await t.api('POST', `/api/carts/${cart.id}/checkout`, {
        key: f.keys.tillSto,
        body: { payment: { provider: 'manual' } },
      });
      expect(sold.status, JSON.stringify(sold.body)).toBe(201);
      const after = await eventually(
        () => messages(anaId),
        (b) => b.runs[0]?.status === 'exited',
      );
      expect(after.runs[0]).toMatchObject({
        journey: 'abandoned_cart',
        status: 'exited',
        exitReason: 'purchased',
      });
      expect(after.messages.map((m: { status: string }) => m.status)).toEqual(['sent']);
      const journeys = (await t.api('GET', '/api/journeys')).body.items;
      expect(journeys.find((j: { key: string }) => j.key === 'abandoned_cart')).toMatchObject({
        converted: 1,
      });
      expect(smtp.mails.filter((m) => m.to.includes(email))).toHaveLength(1);
    });

    it('sends nothing without marketing consent, and says why on the timeline', async () => {
      const email = `bo-${t.kind}@example.test`;
      const bo = await customer(email, { locale: 'sv' }, false);
      await leaveCart(bo);
      const b = await eventually(
        () => messages(bo),
        (m) => m.messages[0]?.status === 'refused',
      );
      expect(b.messages[0].reason).toContain('email:no_consent');
      const timeline = await eventually(
        async () => JSON.stringify((await t.api('GET', `/api/customers/${bo}`)).body.timeline),
        (x) => x.includes('message.refused'),
      );
      expect(timeline).toContain('message.refused');
      expect(smtp.mails.filter((m) => m.to.includes(email))).toHaveLength(0);
    });

    it('one-click unsubscribe denies marketing; a forged link is refused', async () => {
      const forged = await t.api('POST', `${unsubscribePath}x`, {
        key: null,
        body: 'List-Unsubscribe=One-Click',
      });
      expect(forged.status).toBe(404);
      // The page (one button, nothing recorded by a link scanner's GET) speaks the browser's language.
      const shown = await t.api('GET', unsubscribePath, {
        key: null,
        headers: { 'accept-language': 'sv-SE,sv;q=0.9,en;q=0.8' },
      });
      expect(shown.status).toBe(200);
      expect(String(shown.body)).toContain('<html lang="sv">');
      expect(String(shown.body)).toContain('Avsluta prenumerationen');
      const r = await t.api('POST', unsubscribePath, {
        key: null,
        headers: { 'content-type': 'application/x-www-form-urlencoded', 'accept-language': 'nl' },
        body: 'List-Unsubscribe=One-Click',
      });
      expect(r.status).toBe(200);
      expect(String(r.body)).toContain('U bent afgemeld.');
      const view = await t.api('GET', `/api/customers/${anaId}`);
      expect(JSON.stringify(view.body.consent)).toMatch(
        /"purpose":"marketing","channel":"\*","status":"(revoked|denied)"/,
      );
    });

    it('tells a click & collect buyer her order is ready (no marketing opt-in needed), and stops once collected', async () => {
      const email = `dora-${t.kind}@example.test`;
      const dora = await customer(email, { locale: 'sv' }, false);
      const cart = await t.api('POST', '/api/carts', {
        key: f.keys.web,
        body: { profileId: dora, lines: [{ sku: f.skus.tee, quantity: 1 }] },
      });
      expect(cart.status).toBe(201);
      const chosen = await t.api('PUT', `/api/carts/${cart.body.id}/delivery`, {
        key: f.keys.web,
        body: { type: 'pickup', locationId: f.locations.amsterdam.code, email },
      });
      expect(chosen.status).toBe(200);
      const placed = await t.api('POST', `/api/carts/${cart.body.id}/checkout`, {
        key: f.keys.web,
        headers: { 'idempotency-key': `pickup-${t.kind}` },
        body: { payment: { provider: 'test', token: 'tok_visa' } },
      });
      expect(placed.status, JSON.stringify(placed.body)).toBe(201);
      const orderId = placed.body.order.id as string;
      const tasks = await t.api('GET', `/api/fulfilments?locationId=${f.locations.amsterdam.id}&status=open`);
      const task = tasks.body.items.find((x: { orderId: string }) => x.orderId === orderId);
      const ready = await t.api('POST', `/api/fulfilments/${task.id}/ready-for-pickup`, {
        key: f.keys.tillAms,
      });
      expect(ready.status).toBe(200);
      const mail = await simpleParser((await smtp.nextMailTo(email, 20_000, /h=C3=A4mtas|hämtas/)).raw);
      const code = placed.body.order.pickup?.code ?? placed.body.order.pickupCode;
      expect(mail.subject).toContain('kan hämtas');
      if (code) expect(mail.text).toContain(code);
      const picked = await t.api('POST', `/api/orders/${orderId}/pickup`, {
        key: f.keys.tillAms,
        body: {
          code: /hämtkoden ([A-Z0-9-]+)/.exec(mail.text ?? '')?.[1],
          locationId: f.locations.amsterdam.code,
        },
      });
      expect(picked.status, JSON.stringify(picked.body)).toBe(200);
      const runs = await eventually(
        async () =>
          (await messages(dora)).runs as Array<{ journey: string; status: string; exitReason: string }>,
        (r) => r.some((x) => x.journey === 'pickup_ready' && x.status === 'exited'),
      );
      expect(runs.find((x) => x.journey === 'pickup_ready')).toMatchObject({ exitReason: 'collected' });
    });

    it("holds a message in the customer's quiet hours instead of dropping it", async () => {
      const hour = new Date().getUTCHours();
      const s = await t.api('PUT', '/api/messaging/settings', {
        body: { brand: BRAND, rules: { ...RULES, quietHours: { start: hour, end: (hour + 2) % 24 } } },
      });
      expect(s.status).toBe(200);
      const email = `cy-${t.kind}@example.test`;
      const cy = await customer(email, { locale: 'es', timezone: 'UTC' }, true);
      await leaveCart(cy);
      const c = await eventually(
        () => messages(cy),
        (m) => m.messages[0]?.reason === 'quiet_hours',
      );
      expect(c.messages[0].status).toBe('queued');
      expect(new Date(c.messages[0].dueAt).getTime()).toBeGreaterThan(Date.now() + 3_600_000 - 60_000);
      expect(smtp.mails.filter((m) => m.to.includes(email))).toHaveLength(0);
    });
  },
  { config },
);
