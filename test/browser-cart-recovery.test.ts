// The "done when" of #15 through the real pages, in headless Chromium: a shopper signs in on the app
// (storefront PWA) and leaves a cart; the recovery email reaches a local SMTP capture server in her
// language with the cart's handoff link and code; she buys at the till with that code; the journey
// exits and no second recovery message goes out. A shopper without marketing consent gets nothing.
import { simpleParser } from 'mailparser';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { TILL_SCOPES } from '../src/flows/demo/demo-app-keys.js';
import type { HubConfig } from '../src/platform/config.js';
import { adminLogin, type BrowserHub, describeBrowser, LIVE } from './browser-harness.js';
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
const TABLET = { width: 1024, height: 768 };
const recoveryMails = (email: string) =>
  smtp.mails.filter((m) => m.to.includes(email) && /List-Unsubscribe-Post/i.test(m.raw));

/** Signs in on the app with the emailed code and leaves one product in the cart; returns the customer. */
async function leaveCartInApp(t: BrowserHub, page: Page, email: string, consent: boolean): Promise<string> {
  await page.goto(`${t.base}/store/app`);
  await page.locator('.product-card').first().waitFor();
  await page.getByRole('link', { name: /Cart/ }).click();
  const signIn = page.getByRole('form', { name: 'Log in' });
  await signIn.getByLabel('Email').fill(email);
  await signIn.getByRole('button', { name: 'Email me a code' }).click();
  await signIn.getByLabel('Code from the email').fill(await smtp.signInCode(email, 15_000));
  await signIn.getByRole('button', { name: 'Log in' }).click();
  await page.getByRole('link', { name: email }).waitFor();
  // Her profile speaks Dutch; consent is what she chose when she signed up.
  const app = await t.api('GET', '/api/channels/app');
  const who = await t.api('POST', '/api/customers/identify', {
    channelId: app.body.id,
    identifiers: [{ type: 'email', value: email }],
    traits: { locale: 'nl' },
  });
  expect(who.status).toBe(200);
  const customerId = who.body.customerId as string;
  if (consent)
    expect(
      (
        await t.api('PUT', `/api/customers/${customerId}/consent`, {
          purpose: 'marketing',
          channel: '*',
          granted: true,
        })
      ).status,
    ).toBe(200);
  await page.goto(`${t.base}/store/app`);
  await page.locator('.product-card').first().getByRole('link').first().click();
  await page.getByRole('button', { name: 'Add to cart' }).click();
  await expect.poll(() => page.getByTestId('cart-count').textContent(), LIVE).toBe('(1)');
  return customerId;
}

describeBrowser(
  'abandoned cart recovered by email, bought at the till',
  (t) => {
    let tillKey = '';
    it('sets the journey to wait one second, with no quiet hours', async () => {
      const j = await t.api('PUT', '/api/journeys/abandoned_cart', {
        enabled: true,
        delaySeconds: 1,
        channelOrder: ['email'],
      });
      expect(j.status).toBe(200);
      const s = await t.api('GET', '/api/messaging/settings');
      const put = await t.api('PUT', '/api/messaging/settings', {
        ...s.body,
        rules: { ...s.body.rules, quietHours: null },
      });
      expect(put.status).toBe(200);
      const c = await t.api('GET', '/api/channels/store-amsterdam');
      const k = await t.api('POST', '/api/keys', {
        name: 'recovery till',
        kind: 'secret',
        scopes: TILL_SCOPES,
        channelId: c.body.id,
      });
      tillKey = k.body.secret;
    });

    it('a cart left in the app → Dutch recovery email with the handoff link → bought at the till → journey exits', async () => {
      const email = 'saskia@example.com';
      const shopper = await (await t.newContext(PHONE)).newPage();
      const customerId = await leaveCartInApp(t, shopper, email, true);
      await eventually(
        async () => recoveryMails(email).length,
        (n) => n === 1,
        20_000,
      );
      const mail = await simpleParser(recoveryMails(email)[0]!.raw);
      expect(mail.subject).toMatch(/je winkelwagen wacht op je/);
      const link = /(https?:\/\/[^\s]+\/store\/app\/cart\?cart=crt_[a-z0-9]+&lang=nl)/.exec(
        mail.text ?? '',
      )?.[1];
      expect(link).toBeDefined();
      const code = /de code ([2-9A-Z]{6})/.exec(mail.text ?? '')?.[1];
      expect(code).toBeDefined();
      expect(mail.html).toContain('<table');

      // The link opens her cart on the app.
      await shopper.goto(`${t.base}${new URL(link!).pathname}${new URL(link!).search}`);
      await expect.poll(() => shopper.getByTestId('cart-count').textContent(), LIVE).toBe('(1)');
      await t.screenshot(shopper, 'recovery-link-cart');

      // At the till: found by the code from the mail, continued there and paid in cash.
      const clerk = await (await t.newContext(TABLET)).newPage();
      await clerk.goto(`${t.base}/pos/store-amsterdam?key=${tillKey}`);
      await clerk.getByLabel('Search by').selectOption('code');
      await clerk.getByLabel('Search for').fill(code!);
      await clerk
        .getByRole('form', { name: "Find the customer's cart" })
        .getByRole('button', { name: 'Search' })
        .click();
      await clerk.getByRole('button', { name: 'Resume here' }).click();
      await clerk.getByRole('button', { name: 'Take payment' }).click();
      await clerk.getByLabel('Cash received').fill('500');
      await clerk.getByRole('button', { name: 'Complete sale' }).click();
      await clerk.getByText(/^Sold:/).waitFor();
      await t.screenshot(clerk, 'recovery-till-sale');

      const after = await eventually(
        async () => (await t.api('GET', `/api/customers/${customerId}/messages`)).body,
        (b) => b.runs?.[0]?.status === 'exited',
      );
      expect(after.runs[0]).toMatchObject({ journey: 'abandoned_cart', exitReason: 'purchased' });
      expect(after.messages.filter((m: { status: string }) => m.status !== 'cancelled')).toHaveLength(1);
      expect(recoveryMails(email)).toHaveLength(1);

      // The admin sees the conversion on the journey and previews the Dutch email in the brand.
      const admin = await (await t.newContext()).newPage();
      await adminLogin(admin, t.base);
      await admin.getByRole('link', { name: 'Journeys' }).click();
      const cart = admin.locator('[data-journey="abandoned_cart"] [data-testid="journey-counts"]');
      await expect.poll(() => cart.textContent(), LIVE).toContain('converted 1');
      await admin.getByLabel('Language').last().selectOption('nl');
      await expect.poll(() => admin.getByLabel('Subject').inputValue(), LIVE).toContain('winkelwagen');
      await admin.getByRole('button', { name: 'Preview' }).click();
      await admin.locator('[data-preview="email"] iframe').waitFor();
      await t.screenshot(admin, 'journeys-admin');
      // A variable the template does not have is named, not saved.
      await admin.getByLabel('Text').fill('Hallo {{firstName}}');
      await admin.getByRole('button', { name: 'Save template' }).click();
      await admin
        .getByText(/firstName/)
        .first()
        .waitFor();
    });

    it('a shopper without marketing consent receives nothing', async () => {
      const email = 'pieter@example.com';
      const shopper = await (await t.newContext(PHONE)).newPage();
      const customerId = await leaveCartInApp(t, shopper, email, false);
      const b = await eventually(
        async () => (await t.api('GET', `/api/customers/${customerId}/messages`)).body,
        (x) => x.messages?.[0]?.status === 'refused',
      );
      expect(b.messages[0].reason).toContain('no_consent');
      expect(recoveryMails(email)).toHaveLength(0);
    });
  },
  { config },
);
