// Promotions and the wallet through the real pages, in headless Chromium (issue 14, items 4 and 5):
// the admin creates a campaign in the editor (a refused save highlights the field, in English and in
// Spanish), previews it on sample carts of two channels and pauses it from the list; the shopper's
// account shows their points and gift card; the till takes a gift card for part of a sale and cash
// for the rest.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { TILL_SCOPES } from '../src/flows/demo/demo-app-keys.js';
import type { HubConfig } from '../src/platform/config.js';
import { adminLogin, type BrowserHub, describeBrowser, LIVE } from './browser-harness.js';
import { type SmtpCapture, startSmtpCapture } from './helpers/smtp-capture.js';

let smtp: SmtpCapture;
const config: Partial<HubConfig> = {};
beforeAll(async () => {
  smtp = await startSmtpCapture();
  config.smtpUrl = smtp.url;
});
afterAll(async () => smtp?.close());

const SHOPPER = 'wally@example.com';

async function seed(t: BrowserHub) {
  const pl = await t.api('POST', '/api/catalog/price-lists', {
    code: 'promo-eur',
    name: 'EUR',
    currency: 'EUR',
  });
  expect(pl.status).toBe(201);
  const product = await t.api('POST', '/api/catalog/products', {
    handle: 'promo-mug',
    defaultLocale: 'en',
    content: { en: { title: 'Promo mug' } },
    variants: [{ sku: 'PMUG-1', prices: [{ priceListId: pl.body.id, amount: 1450, currency: 'EUR' }] }],
  });
  expect(product.status).toBe(201);
  for (const channel of ['webshop', 'store-amsterdam']) {
    expect((await t.api('PATCH', `/api/channels/${channel}`, { priceListId: pl.body.id })).status).toBe(200);
    const listed = await t.api('PUT', `/api/channels/${channel}/listings/${product.body.id}`, {
      published: true,
    });
    expect(listed.status).toBeLessThan(300);
  }
  const stock = await t.api('POST', '/api/inventory/adjustments', {
    kind: 'receive',
    sku: 'PMUG-1',
    location: 'store-amsterdam',
    quantity: 10,
  });
  expect(stock.status).toBe(201);
}

describeBrowser(
  'promotions editor and wallet views',
  (t) => {
    let storeKey = '';
    let tillKey = '';
    let tillCard = '';

    it('sets up a mug in Amsterdam, the app keys, a gift card for the shopper and one for the till', async () => {
      await seed(t);
      const channelId = async (code: string) =>
        (await t.api('GET', `/api/channels/${code}`)).body.id as string;
      const webshop = await channelId('webshop');
      storeKey = (await t.api('POST', '/api/keys', { name: 'web', kind: 'publishable', channelId: webshop }))
        .body.secret;
      tillKey = (
        await t.api('POST', '/api/keys', {
          name: 'till',
          kind: 'secret',
          scopes: TILL_SCOPES,
          channelId: await channelId('store-amsterdam'),
        })
      ).body.secret;
      const who = await t.api('POST', '/api/customers/identify', {
        channelId: webshop,
        identifiers: [{ type: 'email', value: SHOPPER, trust: 'verified' }],
      });
      expect(who.status).toBe(200);
      const given = await t.api('POST', '/api/gift-cards', {
        amount: 2500,
        currency: 'EUR',
        customerId: who.body.customerId,
      });
      expect(given.status, JSON.stringify(given.body)).toBe(201);
      const loose = await t.api('POST', '/api/gift-cards', { amount: 1000, currency: 'EUR' });
      expect(loose.status).toBe(201);
      tillCard = loose.body.code;
    });

    it('the admin makes a campaign in the editor: field errors in two languages, a preview, a pause', async () => {
      const page = await (await t.newContext()).newPage();
      await adminLogin(page, t.base);
      await page
        .getByRole('navigation', { name: 'Sections' })
        .getByRole('link', { name: 'Promotions' })
        .click();
      await page.getByRole('link', { name: 'New campaign' }).click();
      await page.getByLabel('Name', { exact: true }).fill('Mug week');
      await page.getByLabel('Kind of reward').selectOption('fixed');
      await page.getByLabel('Amount off', { exact: true }).fill('5');
      await page.getByLabel('Currency', { exact: true }).fill('');
      await page.getByRole('button', { name: 'Save campaign' }).click();
      const currency = page.locator('.field-invalid', { has: page.getByLabel('Currency', { exact: true }) });
      await expect.poll(() => currency.locator('.field-error').textContent()).toBe('Currency: is required');
      await page.getByLabel('Language').selectOption('es');
      await expect
        .poll(() => page.locator('.field-invalid .field-error').first().textContent())
        .toBe('Moneda: es obligatorio');
      await t.screenshot(page, 'campaign-editor-refused-es');
      await page.getByLabel('Idioma').selectOption('en');
      await page.getByLabel('Currency', { exact: true }).fill('EUR');
      await page.getByRole('checkbox', { name: 'Fjord & Field webshop' }).check();
      await page.getByRole('button', { name: 'Save campaign' }).click();
      // Saved: the editor opens the stored campaign.
      await page.getByRole('heading', { name: 'Edit Mug week' }).waitFor(LIVE);

      const preview = page.getByRole('form', { name: 'Which carts qualify?' });
      await preview.getByLabel('Channel of the cart').selectOption({ label: 'Fjord & Field webshop' });
      await preview.getByLabel('SKU of line 1').fill('PMUG-1');
      await preview.getByLabel('Unit price of line 1').fill('14.50');
      await preview.getByRole('button', { name: 'Try it' }).click();
      const outcome = page.getByTestId('preview-outcome');
      await expect.poll(() => outcome.textContent()).toContain('Qualifies: €5.00 off');
      await preview.getByLabel('Channel of the cart').selectOption({ label: 'Fjord & Field app' });
      await preview.getByRole('button', { name: 'Try it' }).click();
      await expect.poll(() => outcome.textContent()).toContain('Does not qualify: not valid on this channel');
      await t.screenshot(page, 'campaign-editor-preview');

      await page.getByRole('link', { name: 'All campaigns' }).click();
      const row = page.locator('tr[data-campaign="Mug week"]');
      await row.getByRole('button', { name: 'Pause Mug week' }).click();
      await expect.poll(() => row.textContent(), LIVE).toContain('Paused');
      const stored = (await t.api('GET', '/api/promotions/campaigns')).body.items.find(
        (c: { name: string }) => c.name === 'Mug week',
      );
      expect(stored).toMatchObject({
        status: 'paused',
        benefit: { type: 'fixed', amount: 500 },
        currency: 'EUR',
      });
    });

    it("the shopper's account shows the gift card, and the points of an order once it is paid", async () => {
      const shopper = await (await t.newContext()).newPage();
      await shopper.goto(`${t.base}/store/webshop/p/promo-mug?key=${storeKey}`);
      await shopper.getByRole('button', { name: 'Add to cart' }).click();
      await shopper.getByRole('link', { name: /Cart/ }).click();
      const signIn = shopper.getByRole('form', { name: 'Log in' });
      await signIn.getByLabel('Email').fill(SHOPPER);
      await signIn.getByRole('button', { name: 'Email me a code' }).click();
      await signIn.getByLabel('Code from the email').fill(await smtp.signInCode(SHOPPER, 15_000));
      await signIn.getByRole('button', { name: 'Log in' }).click();
      await shopper.getByRole('link', { name: SHOPPER }).waitFor();
      await shopper.getByRole('link', { name: 'Checkout' }).click();
      await shopper.getByLabel('Click & collect in a store').check();
      await shopper.locator('[data-store="store-amsterdam"] input').check();
      await shopper.getByRole('button', { name: 'Continue to summary' }).click();
      await shopper.getByRole('button', { name: 'Pay and place order' }).click();
      await shopper.getByTestId('pickup-code').waitFor(LIVE);
      await shopper.getByRole('link', { name: 'My account' }).click();
      const wallet = shopper.getByTestId('wallet');
      await expect.poll(() => wallet.getByTestId('wallet-card').textContent(), LIVE).toContain('€25.00');
      // Points are earned from the paid order by the ledger's consumer: the page shows them once there.
      await expect
        .poll(async () => {
          await shopper.reload();
          return (await wallet.textContent()) ?? '';
        }, LIVE)
        .toMatch(/\d+ points/);
      await t.screenshot(shopper, 'shopper-wallet');
    });

    it('the till takes a gift card for part of a sale and cash for the rest', async () => {
      const clerk = await (await t.newContext({ width: 1024, height: 768 })).newPage();
      await clerk.goto(`${t.base}/pos/store-amsterdam?key=${tillKey}`);
      await clerk.getByLabel('Scan a SKU or type a product name').fill('PMUG-1');
      await clerk.getByRole('form', { name: 'Add' }).getByRole('button', { name: 'Add' }).click();
      // A code no campaign has is refused on its field, in words.
      const coupon = clerk.getByRole('form', { name: 'Coupon code' });
      await coupon.getByLabel('Coupon code').fill('NO-SUCH-CODE');
      await coupon.getByRole('button', { name: 'Apply' }).click();
      await expect
        .poll(() => coupon.getByLabel('Coupon code').getAttribute('aria-invalid'), LIVE)
        .toBe('true');
      expect(await clerk.getByTestId('cart-offers').textContent()).not.toMatch(/coupon_refused|unknown_code/);
      await clerk.getByRole('button', { name: 'Take payment' }).click();
      await clerk.getByLabel('Gift card code').fill(tillCard.toLowerCase());
      await clerk.getByRole('button', { name: 'Pay with gift card' }).click();
      await expect
        .poll(() => clerk.getByTestId('gift-card-part').textContent())
        .toContain('Gift card pays €10.00');
      await expect.poll(() => clerk.getByTestId('till-due').textContent()).toBe('€4.50');
      await t.screenshot(clerk, 'till-gift-card');
      await clerk.getByRole('button', { name: 'Complete sale' }).click();
      await clerk.getByText(/Sold: €14\.50/).waitFor(LIVE);
      const left = await t.api('POST', '/api/gift-cards/balance', { code: tillCard });
      expect(left.body).toMatchObject({ balance: 0, currency: 'EUR' });
    });
  },
  { config },
);
