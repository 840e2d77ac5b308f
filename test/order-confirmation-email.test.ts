// The shopper's order confirmation email (#17 item 6): a web order placed with an email address is
// confirmed by mail with its number, lines, shipping, tax and total, in the language of the page
// the shopper bought on (else the channel's first), once, through the configured relay.
import { expect, it } from 'vitest';
import type { HubConfig } from '../src/platform/config.js';
import { captureMail } from './helpers/smtp-capture-hooks.js';
import { describeEachHub } from './helpers/test-hub.js';

const config: Partial<HubConfig> = {};
const smtp = captureMail(config);

describeEachHub(
  'order confirmation email',
  (t) => {
    async function buy(email: string, locale?: string) {
      const channelId = (await t.api('GET', '/api/channels/webshop')).body.id;
      const cart = await t.api('POST', '/api/carts', {
        body: { channelId, lines: [{ sku: 'FF-VIDDE-FLEECE-MOSS-M', quantity: 2 }] },
      });
      expect(cart.status).toBe(201);
      const ship = await t.api('PUT', `/api/carts/${cart.body.id}/delivery`, {
        body: {
          type: 'ship',
          method: 'standard',
          address: { line1: 'Damrak 1', postalCode: '1012 AB', city: 'Amsterdam', country: 'NL' },
        },
      });
      expect(ship.status).toBe(200);
      const placed = await t.api('POST', `/api/carts/${cart.body.id}/checkout`, {
        headers: { 'idempotency-key': `confirm-${email}` },
        body: { payment: { provider: 'test', token: 'tok_visa' }, email, ...(locale ? { locale } : {}) },
      });
      expect(placed.status, JSON.stringify(placed.body)).toBe(201);
      return placed.body.order as { id: string; number: string };
    }

    it("mails the confirmation in the shopper's language with number, lines and totals", async () => {
      const to = `nl-${t.kind}@example.test`;
      const order = await buy(to, 'nl');
      const mail = await smtp.nextMailTo(to, 20_000);
      const body = mail.raw.replace(/=\r?\n/g, '');
      expect(body).toContain(order.number);
      expect(body).toContain(`Bedankt voor je bestelling ${order.number}.`);
      expect(body).toMatch(/Verzending:/);
      expect(body).toMatch(/Inclusief btw:/);
      expect(body).toMatch(/Totaal:/);
      expect(body).toMatch(/Vidde/);
    });

    it("writes in the channel's first language when the page sent none, and mails each order once", async () => {
      const to = `en-${t.kind}@example.test`;
      const order = await buy(to);
      const mail = await smtp.nextMailTo(to, 20_000);
      expect(mail.raw.replace(/=\r?\n/g, '')).toContain(`Thank you for your order ${order.number}.`);
      await new Promise((r) => setTimeout(r, 1500));
      expect(smtp.mails.filter((m) => m.to.includes(to))).toHaveLength(1);
    });

    it('refuses a locale that is not one, naming the field', async () => {
      const r = await t.api('POST', '/api/carts/crt_nope/checkout', {
        body: { payment: { provider: 'test' }, locale: 'not a locale' },
      });
      expect(r.status).toBe(400);
      expect(JSON.stringify(r.body)).toContain('locale');
    });
  },
  { demo: true, config },
);
