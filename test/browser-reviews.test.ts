// The review request leads to a real review (#15), through the real pages in headless Chromium: an
// order placed on the webshop → the review request mail at a local SMTP capture (the journey's delay
// shortened to a second) → its link opened on a phone, no sign-in → 5 stars with a title and text →
// the admin publishes it on the moderation page → the storefront product page shows the review with
// the average and count → the admin takes it down with a reason asked in the page's own dialog.
import { simpleParser } from 'mailparser';
import { expect, it } from 'vitest';
import type { HubConfig } from '../src/platform/config.js';
import { adminLogin, describeBrowser, LIVE, RAW_ERROR_CODE } from './browser-harness.js';
import { eventually } from './helpers/eventually.js';
import { JOURNEY_TEST_BRAND, JOURNEY_TEST_RULES } from './helpers/journey-settings.js';
import { captureMail } from './helpers/smtp-capture-hooks.js';

const config: Partial<HubConfig> = { paymentProviders: ['manual', 'test'] };
const smtp = captureMail(config);
const PHONE = { width: 390, height: 844 };
const EMAIL = 'sofia.lindqvist@example.com';

describeBrowser(
  'reviews: from the review request mail to the product page',
  (t) => {
    let link = '';
    let storeKey = '';
    const api = async (method: string, path: string, body?: unknown, key?: string) => {
      const res = await fetch(`${t.base}${path}`, {
        method,
        headers: {
          authorization: `Bearer ${key ?? 'ohk_browser_admin_key_0123456789abcdef'}`,
          ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
        },
        ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
      });
      const text = await res.text();
      expect(res.status, `${method} ${path}: ${text}`).toBeLessThan(300);
      return text ? JSON.parse(text) : undefined;
    };

    it('places an order on the webshop and mails its review request with a signed link', async () => {
      const pl = await api('POST', '/api/catalog/price-lists', {
        code: 'rev-eur',
        name: 'EUR',
        currency: 'EUR',
      });
      await api('PATCH', '/api/channels/webshop', { priceListId: pl.id });
      const product = await api('POST', '/api/catalog/products', {
        handle: 'harbour-beanie',
        defaultLocale: 'en',
        content: { en: { title: 'Harbour beanie', description: 'Knitted wool, warm on the quay.' } },
        variants: [{ sku: 'BEANIE-1', prices: [{ priceListId: pl.id, amount: 2200, currency: 'EUR' }] }],
      });
      await api('PUT', `/api/channels/webshop/listings/${product.id}`, { published: true });
      await api('POST', '/api/inventory/adjustments', {
        kind: 'receive',
        sku: 'BEANIE-1',
        location: 'warehouse-utrecht',
        quantity: 5,
      });
      await api('PUT', '/api/messaging/settings', { brand: JOURNEY_TEST_BRAND, rules: JOURNEY_TEST_RULES });
      await api('PUT', '/api/journeys/post_purchase', {
        enabled: true,
        delaySeconds: 1,
        channelOrder: ['email'],
      });
      const channel = await api('GET', '/api/channels/webshop');
      const who = await api('POST', '/api/customers/identify', {
        channelId: channel.id,
        identifiers: [{ type: 'email', value: EMAIL }],
        traits: { firstName: 'Sofia', lastName: 'Lindqvist' },
      });
      await api('PUT', `/api/customers/${who.customerId}/consent`, {
        purpose: 'marketing',
        channel: '*',
        granted: true,
      });
      storeKey = (
        await api('POST', '/api/keys', { name: 'rev-pk', kind: 'publishable', channelId: channel.id })
      ).secret;
      const web = (
        await api('POST', '/api/keys', {
          name: 'rev-web',
          scopes: ['carts:write', 'orders:write'],
          channelId: channel.id,
        })
      ).secret;
      const cart = await api(
        'POST',
        '/api/carts',
        { profileId: who.customerId, lines: [{ sku: 'BEANIE-1', quantity: 1 }] },
        web,
      );
      await api(
        'PUT',
        `/api/carts/${cart.id}/delivery`,
        {
          type: 'ship',
          method: 'standard',
          address: { line1: 'Skeppsbron 2', postalCode: '111 30', city: 'Stockholm', country: 'SE' },
        },
        web,
      );
      const done = await api(
        'POST',
        `/api/carts/${cart.id}/checkout`,
        { email: EMAIL, payment: { provider: 'test', token: 'tok_visa' } },
        web,
      );
      const number = done.order.number as string;
      const text = await eventually(
        async () => {
          for (const m of smtp.mails.filter((x) => x.to.includes(EMAIL))) {
            const p = await simpleParser(m.raw);
            if ((p.subject ?? '').includes(number) && /review/.test(p.text ?? '')) return p.text ?? '';
          }
          return '';
        },
        (s) => /\/review\?token=/.test(s),
        60_000,
      );
      const found = /https?:\/\/[^/\s]+(\/store\/webshop\/review\?token=[^\s]+)/.exec(text);
      expect(found, text).not.toBeNull();
      link = found![1]!;
    });

    it('opens the link on a phone without signing in and gives the beanie 5 stars', async () => {
      const phone = await (await t.newContext(PHONE)).newPage();
      await phone.goto(`${t.base}${link}&key=${storeKey}`, { waitUntil: 'domcontentloaded' });
      await phone.getByRole('heading', { name: /Review your order/ }).waitFor();
      await expect.poll(() => phone.getByText(/signed “Sofia L\.”/).count(), LIVE).toBe(1);
      const form = phone.locator('form[data-review-form]');
      await form.getByRole('heading', { name: 'Harbour beanie' }).waitFor();
      await t.screenshot(phone, 'review-page');
      await form.getByLabel('5 stars').check({ force: true });
      await form.getByLabel('Title (optional)').fill('Warm and soft');
      await form.getByLabel('Your review (optional)').fill('Wore it all winter on the ferry. No itch.');
      await form.getByRole('button', { name: 'Send review' }).click();
      await phone.getByText('Thank you! Your review will show once it is checked.').waitFor();
      expect(await phone.locator('body').textContent()).not.toMatch(RAW_ERROR_CODE);
      await t.screenshot(phone, 'review-sent');
      // The page fits the phone: nothing wider than the screen.
      expect(await phone.evaluate<number>('document.documentElement.scrollWidth')).toBeLessThanOrEqual(
        PHONE.width,
      );
    });

    it('is published by the admin on the moderation page', async () => {
      const admin = await (await t.newContext()).newPage();
      await adminLogin(admin, t.base);
      await admin.getByRole('link', { name: 'Reviews' }).click();
      const row = admin.locator('tr[data-status="pending"]', { hasText: 'Warm and soft' });
      await row.waitFor();
      expect(await row.textContent()).toContain('Sofia L.');
      await t.screenshot(admin, 'reviews-admin');
      await row.getByRole('button', { name: 'Publish' }).click();
      await expect.poll(() => row.count(), LIVE).toBe(0);
    });

    it('shows on the product page with the average and count', async () => {
      const phone = await (await t.newContext(PHONE)).newPage();
      await phone.goto(`${t.base}/store/webshop/p/harbour-beanie?key=${storeKey}`, {
        waitUntil: 'domcontentloaded',
      });
      const reviews = phone.getByTestId('product-reviews');
      await expect
        .poll(() => reviews.getByTestId('reviews-summary').textContent(), LIVE)
        .toContain('5 out of 5 · 1 review');
      expect(await reviews.textContent()).toContain('Warm and soft');
      expect(await reviews.textContent()).toContain('Sofia L.');
      expect(await reviews.textContent()).toContain('Verified purchase');
      expect(await reviews.textContent()).not.toContain(EMAIL);
      await reviews.scrollIntoViewIfNeeded();
      await t.screenshot(phone, 'product-reviews');
    });

    it('takes the review down with a reason asked in the admin’s own dialog, not a browser prompt', async () => {
      const admin = await (await t.newContext()).newPage();
      // A native prompt would fail the test: the page must not open one.
      admin.on('dialog', (d) => {
        throw new Error(`unexpected native ${d.type()}: ${d.message()}`);
      });
      await adminLogin(admin, t.base);
      await admin.getByRole('link', { name: 'Reviews' }).click();
      await admin.getByLabel('Status').selectOption('published');
      const row = admin.locator('tr[data-status="published"]', { hasText: 'Warm and soft' });
      await row.waitFor();
      await row.getByRole('button', { name: 'Reject' }).click();
      const dialog = admin.getByRole('dialog', { name: 'Reject this review' });
      await dialog.waitFor();
      expect(await dialog.textContent()).toContain('Harbour beanie');
      const confirm = dialog.getByRole('button', { name: 'Reject review' });
      expect(await confirm.isDisabled()).toBe(true); // no reason yet
      // Escape closes it and nothing changes.
      await admin.keyboard.press('Escape');
      await expect.poll(() => dialog.isVisible(), LIVE).toBe(false);
      expect(await row.count()).toBe(1);

      await row.getByRole('button', { name: 'Reject' }).click();
      await dialog.getByLabel('Reason for rejecting').fill('Names another shop');
      await t.screenshot(admin, 'reviews-reject-dialog');
      await confirm.click();
      await expect.poll(() => dialog.isVisible(), LIVE).toBe(false);
      await expect.poll(() => row.count(), LIVE).toBe(0);
      await admin.getByLabel('Status').selectOption('rejected');
      const rejected = admin.locator('tr[data-status="rejected"]', { hasText: 'Warm and soft' });
      await expect.poll(() => rejected.textContent(), LIVE).toContain('Names another shop');
      expect(await rejected.getByRole('button').count()).toBe(0); // nothing left to reject
      expect(await admin.locator('body').textContent()).not.toMatch(RAW_ERROR_CODE);
    });
  },
  { config },
);
