// Back in stock from the storefront on a phone (#15), in headless Chromium: a sold-out variant
// offers "Notify me"; a guest types an email and ticks consent, is asked to check their inbox; the
// confirmation mail reaches the local SMTP capture; opening its link and confirming activates the
// alert; a restock through the admin API then sends the back-in-stock mail exactly once.
import { simpleParser } from 'mailparser';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { HubConfig } from '../src/platform/config.js';
import { type BrowserHub, describeBrowser, LIVE, RAW_ERROR_CODE } from './browser-harness.js';
import { eventually } from './helpers/eventually.js';
import { type SmtpCapture, startSmtpCapture } from './helpers/smtp-capture.js';

let smtp: SmtpCapture;
const config: Partial<HubConfig> = {};
beforeAll(async () => {
  smtp = await startSmtpCapture();
  config.smtpUrl = smtp.url;
});
afterAll(async () => smtp?.close());

const PHONE = { width: 390, height: 844 };
const SKU = 'FF-VIDDE-FLEECE-MOSS-M';

async function mailsTo(to: string) {
  return Promise.all(
    smtp.mails
      .filter((m) => m.to.includes(to))
      .map(async (m) => {
        const p = await simpleParser(m.raw);
        return { subject: p.subject ?? '', text: p.text ?? '' };
      }),
  );
}

/** Counts every stocked location of the SKU down to nothing: sold out on every channel. */
async function sellOut(t: BrowserHub) {
  const stock = await t.api('GET', `/api/inventory/skus/${SKU}`);
  expect(stock.status).toBe(200);
  for (const l of stock.body.levels as Array<{ locationId: string; onHand: number }>) {
    if (l.onHand <= 0) continue;
    const r = await t.api('POST', '/api/inventory/adjustments', {
      kind: 'count',
      sku: SKU,
      location: l.locationId,
      quantity: 0,
    });
    expect(r.status, JSON.stringify(r.body)).toBe(201);
  }
  return stock.body.levels[0].locationId as string;
}

describeBrowser(
  'back in stock from the storefront, double opt-in for a typed email',
  (t) => {
    it('confirms a typed address by mail, then tells it once when the stock returns', async () => {
      const s = await t.api('GET', '/api/messaging/settings');
      const rules = {
        ...s.body.rules,
        quietHours: null,
        capPerDay: { ...s.body.rules.capPerDay, email: 20 },
      };
      expect((await t.api('PUT', '/api/messaging/settings', { ...s.body, rules })).status).toBe(200);
      const location = await sellOut(t);
      const email = `lina-${Math.random().toString(36).slice(2, 8)}@example.test`;

      const page = await (await t.newContext(PHONE)).newPage();
      const errors: string[] = [];
      page.on('pageerror', (e) => errors.push(e.message));
      await page.goto(`${t.base}/store/webshop/p/vidde-fleece?variant=${SKU}`);
      const notify = page.getByRole('region', { name: /Sold out: get an email/ });
      await notify.waitFor(LIVE);
      expect(await page.getByRole('button', { name: 'Add to cart' }).isDisabled()).toBe(true);
      await notify.getByLabel('Your email').fill(email);
      await notify.getByRole('checkbox', { name: /Yes, email me about this product/ }).check();
      await t.screenshot(page, 'back-in-stock-notify-me-phone');
      await notify.getByRole('button', { name: 'Notify me' }).click();
      const status = page.getByTestId('notify-me-status');
      await expect.poll(() => status.textContent(), LIVE).toContain('Check your inbox');
      expect(await status.textContent()).toContain(email);
      // The section fits the phone: nothing scrolls sideways.
      expect(await page.evaluate('document.documentElement.scrollWidth <= window.innerWidth')).toBe(true);
      await t.screenshot(page, 'back-in-stock-check-inbox-phone');

      const mail = await simpleParser((await smtp.nextMailTo(email, 20_000)).raw);
      expect(mail.subject).toMatch(/confirm your alert for/);
      const path = /https?:\/\/[^/\s]+(\/back-in-stock\/confirm\/[A-Za-z0-9_.-]+)/.exec(mail.text ?? '')![1]!;
      await page.goto(`${t.base}${path}`);
      await page.getByRole('button', { name: 'Yes, confirm' }).waitFor(LIVE);
      await t.screenshot(page, 'back-in-stock-confirm-page-phone');
      await page.getByRole('button', { name: 'Yes, confirm' }).click();
      await page.getByRole('heading', { name: 'Alert confirmed' }).waitFor(LIVE);
      expect(await page.getByRole('link', { name: 'Back to the shop' }).getAttribute('href')).toBe(
        '/store/webshop/p/vidde-fleece',
      );
      await t.screenshot(page, 'back-in-stock-confirmed-phone');
      // The link works once.
      await page.goto(`${t.base}${path}`);
      await page.getByRole('heading', { name: 'Link not valid' }).waitFor(LIVE);

      const received = await t.api('POST', '/api/inventory/adjustments', {
        kind: 'receive',
        sku: SKU,
        location,
        quantity: 4,
      });
      expect(received.status).toBe(201);
      await eventually(
        async () => (await mailsTo(email)).filter((m) => /is back/.test(m.subject)),
        (l) => l.length >= 1,
        20_000,
      );
      await new Promise((r) => setTimeout(r, 2_000));
      const back = (await mailsTo(email)).filter((m) => /is back/.test(m.subject));
      expect(back).toHaveLength(1);
      expect(back[0]!.text).toContain('/store/webshop/p/vidde-fleece');
      expect(errors).toEqual([]);
      expect(await page.locator('body').textContent()).not.toMatch(RAW_ERROR_CODE);
    }, 120_000);
  },
  { config },
);
