// Staff accounts through the real pages, in headless Chromium: an admin signs in to the admin with
// email and password and sees the Staff page; a clerk signs in at the Amsterdam till with their own
// account (their name on the till), sells, and a price the clerk changes is approved by a store
// manager typing their credentials at the till; the receipt and the order show who changed it. The
// demo's admin signs in to the admin with a mailed code in Bulgarian and changes their
// password (a wrong current one highlighted in Bulgarian, then done in English). A clerk signs in
// at the till with a mailed code in Dutch (a wrong code marked on its field first).
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { HubConfig } from '../src/platform/config.js';
import { type BrowserHub, describeBrowser, LIVE, RAW_ERROR_CODE } from './browser-harness.js';
import { type SmtpCapture, startSmtpCapture } from './helpers/smtp-capture.js';

// A local SMTP relay for the mailed sign-in codes; the hub reads its config when it starts.
let smtp: SmtpCapture;
const config: Partial<HubConfig> = {};
beforeAll(async () => {
  smtp = await startSmtpCapture();
  config.smtpUrl = smtp.url;
  config.mailFrom = 'Hub <hub@example.test>';
});
afterAll(async () => smtp?.close());

const TABLET = { width: 1024, height: 768 };
const PASSWORD = 'correct horse battery';
/** Each sign-in costs a 64 MiB scrypt: on a busy shared machine a step can take seconds. */
const SCRYPT_UNDER_LOAD_MS = 300_000;

async function seedProduct(t: BrowserHub, priceListId: string) {
  const product = await t.api('POST', '/api/catalog/products', {
    handle: 'staff-mug',
    defaultLocale: 'en',
    content: { en: { title: 'Staff mug' } },
    variants: [{ sku: 'SMUG-1', prices: [{ priceListId, amount: 1450, currency: 'EUR' }] }],
  });
  expect(product.status).toBe(201);
  const listed = await t.api('PUT', `/api/channels/store-amsterdam/listings/${product.body.id}`, {
    published: true,
  });
  expect(listed.status).toBeLessThan(300);
  const stock = await t.api('POST', '/api/inventory/adjustments', {
    kind: 'receive',
    sku: 'SMUG-1',
    location: 'store-amsterdam',
    quantity: 5,
  });
  expect(stock.status).toBe(201);
}

describeBrowser(
  'staff accounts in the admin and at the till',
  (t) => {
    it(
      'sets up a product in Amsterdam and an admin, a clerk and a store manager',
      async () => {
        const pl = await t.api('POST', '/api/catalog/price-lists', {
          code: 'staff-eur',
          name: 'EUR',
          currency: 'EUR',
        });
        expect(pl.status).toBe(201);
        expect(
          (await t.api('PATCH', '/api/channels/store-amsterdam', { priceListId: pl.body.id })).status,
        ).toBe(200);
        await seedProduct(t, pl.body.id);
        const locations = await t.api('GET', '/api/inventory/locations');
        const amsterdam = locations.body.items.find((l: { code: string }) => l.code === 'store-amsterdam');
        for (const [name, role, locationIds] of [
          ['Ada', 'admin', []],
          ['Cleo', 'clerk', [amsterdam.id]],
          ['Max', 'store_manager', [amsterdam.id]],
        ] as const) {
          const r = await t.api('POST', '/api/staff', {
            name,
            email: `${name.toLowerCase()}@shop.example`,
            role,
            locationIds,
            password: PASSWORD,
          });
          expect(r.status, JSON.stringify(r.body)).toBe(201);
        }
      },
      SCRYPT_UNDER_LOAD_MS,
    );

    it(
      'signs an admin in with email and password and shows the Staff page',
      async () => {
        const page = await (await t.newContext()).newPage();
        await page.goto(`${t.base}/admin`);
        await page.getByLabel('Email').fill('ada@shop.example');
        await page.getByLabel('Password').fill('wrong password!');
        await page.getByRole('button', { name: 'Sign in', exact: true }).click();
        await expect.poll(() => page.getByRole('alert').textContent(), LIVE).toContain('password is wrong');
        await page.getByLabel('Password').fill(PASSWORD);
        await page.getByRole('button', { name: 'Sign in', exact: true }).click();
        await page.getByTestId('signed-in-as').waitFor();
        expect(await page.getByTestId('signed-in-as').textContent()).toBe('Signed in as Ada');
        await page.getByRole('link', { name: 'Staff' }).click();
        await page.getByRole('cell', { name: 'Cleo', exact: true }).waitFor();
        expect(await page.getByRole('cell', { name: 'Ada (you)' }).count()).toBe(1);
        await t.screenshot(page, 'admin-staff');
      },
      SCRYPT_UNDER_LOAD_MS,
    );

    it(
      'a clerk signs in at the till, a manager approves a price change, the sale records both',
      async () => {
        const clerk = await (await t.browser.newContext({ baseURL: t.base, viewport: TABLET })).newPage();
        await clerk.goto(`${t.base}/pos/store-amsterdam`);
        await clerk.getByLabel('Email').fill('cleo@shop.example');
        await clerk.getByLabel('Password').fill(PASSWORD);
        await clerk.getByRole('button', { name: 'Sign in', exact: true }).click();
        await clerk.getByTestId('clerk').waitFor();
        expect(await clerk.getByTestId('clerk').textContent()).toBe('Signed in as Cleo');
        await clerk.getByLabel('Scan a SKU or type a product name').fill('SMUG-1');
        await clerk.getByRole('button', { name: 'Add', exact: true }).click();
        await clerk.locator('[data-sku="SMUG-1"]').waitFor();
        await clerk.getByRole('button', { name: 'Change price of Staff mug' }).click();
        const form = clerk.getByRole('form', { name: 'Change price of Staff mug' });
        await form.getByLabel('New unit price').fill('10');
        await form.getByLabel('Reason').fill('damaged box');
        await form.getByLabel('Manager’s email').fill('max@shop.example');
        // A wrong password first: the approval's fields are marked, the reason reads in words.
        const password = form.getByLabel('Manager’s password');
        await password.fill('not the password');
        await form.getByRole('button', { name: 'Change price' }).click();
        await expect.poll(() => password.getAttribute('aria-invalid'), LIVE).toBe('true');
        expect(await form.getByLabel('Manager’s email').getAttribute('aria-invalid')).toBe('true');
        expect(await form.innerText()).not.toMatch(RAW_ERROR_CODE);
        await t.screenshot(clerk, 'pos-price-override-refused');
        await password.fill(PASSWORD);
        await t.screenshot(clerk, 'pos-price-override-form');
        await form.getByRole('button', { name: 'Change price' }).click();
        const note = clerk.getByTestId('price-override');
        await note.waitFor();
        expect(await note.textContent()).toContain('approved by Max');
        await t.screenshot(clerk, 'pos-price-overridden');
        await clerk.getByRole('button', { name: 'Take payment' }).click();
        await clerk.getByLabel('Cash received').fill('20');
        await clerk.getByRole('button', { name: 'Complete sale' }).click();
        const sold = clerk.getByText(/^Sold:/);
        await sold.waitFor();
        expect(await clerk.getByTestId('receipt-override').textContent()).toContain('damaged box');
        await t.screenshot(clerk, 'pos-receipt-override');
        const number = /order (OH-\d+)/.exec((await sold.textContent()) ?? '')?.[1];
        const found = await t.api('GET', `/api/orders?number=${number}`);
        const order = found.body.items[0];
        expect(order.lines[0]).toMatchObject({
          unitPrice: 1000,
          priceOverride: { reason: 'damaged box', byName: 'Cleo', approvedByName: 'Max' },
        });
        const staff = await t.api('GET', '/api/staff');
        const cleo = staff.body.items.find((m: { name: string }) => m.name === 'Cleo');
        for (const step of order.history) expect(step.by).toBe(cleo.id);
      },
      SCRYPT_UNDER_LOAD_MS,
    );

    it(
      'a clerk signs in at the till with a mailed code (Dutch): a wrong code is marked on its field, the right one signs in',
      async () => {
        const till = await (await t.browser.newContext({ baseURL: t.base, viewport: TABLET })).newPage();
        await till.goto(`${t.base}/pos/store-amsterdam`);
        await till.getByLabel('Language').selectOption('nl');
        await till.getByRole('button', { name: 'Stuur mij liever een inlogcode' }).click();
        const form = till.getByRole('form', { name: 'Stuur mij liever een inlogcode' });
        await form.getByLabel('E-mailadres').fill('cleo@shop.example');
        await form.getByRole('button', { name: 'Stuur mij een code' }).click();
        const code = await smtp.signInCode('cleo@shop.example');
        const field = form.getByLabel('Code uit de e-mail');
        await field.fill(code === '000000' ? '111111' : '000000');
        await form.getByRole('button', { name: 'Inloggen met de code' }).click();
        await expect.poll(() => field.getAttribute('aria-invalid'), LIVE).toBe('true');
        expect(await till.locator('body').innerText()).not.toMatch(RAW_ERROR_CODE);
        await t.screenshot(till, 'pos-code-sign-in-wrong-nl');
        await field.fill(code);
        await form.getByRole('button', { name: 'Inloggen met de code' }).click();
        await till.getByTestId('clerk').waitFor();
        expect(await till.getByTestId('clerk').textContent()).toContain('Cleo');
        expect(await till.getByLabel('Taal').inputValue()).toBe('nl');
      },
      SCRYPT_UNDER_LOAD_MS,
    );

    it(
      'the demo admin signs in with a mailed code (Bulgarian) and changes their password (Bulgarian, English)',
      async () => {
        const manager = t.hub.demoStaff.find((m) => m.role === 'admin')!;
        const page = await (await t.newContext()).newPage();
        await page.goto(`${t.base}/admin`);
        await page.getByLabel('Language').selectOption('bg');
        await page.getByRole('button', { name: 'Изпратете ми код за вход по имейл' }).click();
        const form = page.getByRole('form', { name: 'Изпратете ми код за вход по имейл' });
        await form.getByLabel('Имейл').fill(manager.email);
        await form.getByRole('button', { name: 'Изпрати код' }).click();
        const code = await smtp.signInCode(manager.email);
        await form.getByLabel('Код от имейла').fill(code);
        await form.getByRole('button', { name: 'Вход с кода' }).click();
        await page.getByRole('navigation').first().waitFor();
        expect(await page.getByTestId('signed-in-as').textContent()).toContain('Astrid Admin');

        await page.getByRole('link', { name: 'Смяна на паролата ми' }).click();
        const pw = page.getByRole('form', { name: 'Смяна на паролата ми' });
        await pw.getByLabel('Текуща парола').fill('not my password');
        await pw.getByLabel('Нова парола', { exact: true }).fill('a brand new password');
        await pw.getByLabel('Новата парола отново').fill('a brand new password');
        await pw.getByRole('button', { name: 'Смяна на паролата' }).click();
        const current = pw.getByLabel('Текуща парола');
        await expect.poll(() => current.getAttribute('aria-invalid'), LIVE).toBe('true');
        expect(await pw.locator('.field-invalid .field-error').textContent()).toContain('Текуща парола');
        // The summary names the field as people do, never by its request name.
        const summary = await page.locator('.field-problems').innerText();
        expect(summary).toContain('Текуща парола');
        expect(summary).not.toContain('currentPassword');
        expect(await page.locator('main').innerText()).not.toMatch(RAW_ERROR_CODE);
        await t.screenshot(page, 'admin-password-wrong-bg');

        await page.getByLabel('Език').selectOption('en');
        const pwEn = page.getByRole('form', { name: 'Change my password' });
        await pwEn.getByLabel('Current password').fill(manager.password);
        await pwEn.getByRole('button', { name: 'Change password' }).click();
        await expect
          .poll(() => page.locator('.notice').first().textContent(), LIVE)
          .toContain('Your password is changed');
        expect(await page.locator('main').innerText()).not.toMatch(RAW_ERROR_CODE);
        const signIn = await fetch(`${t.base}/api/staff/sign-in`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ email: manager.email, password: 'a brand new password' }),
        });
        expect(signIn.status).toBe(200);
      },
      SCRYPT_UNDER_LOAD_MS,
    );
  },
  { config, database: 'postgres' },
);
