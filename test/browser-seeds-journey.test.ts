// Issue 14's "Done when", through the real pages in headless Chromium: a campaign seen on the social
// channel applies in the app cart and again after sign-in on the webshop (whose cart also says why
// another campaign does not apply yet), the order is collected in a store, the points show in the
// storefront account and at the till, and a return at the till to store credit reverses them, the
// account following each change live (no reload). The admin sees the campaign's performance and
// adjusts the shopper's points with a reason.
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

const SHOPPER = 'seeds.journey@example.com';
const CHANNELS = ['webshop', 'app', 'social-shop', 'store-amsterdam'];

async function seed(t: BrowserHub) {
  const pl = await t.api('POST', '/api/catalog/price-lists', {
    code: 'seed-eur',
    name: 'EUR',
    currency: 'EUR',
  });
  expect(pl.status).toBe(201);
  const product = await t.api('POST', '/api/catalog/products', {
    handle: 'seed-mug',
    defaultLocale: 'en',
    content: { en: { title: 'Seed mug' } },
    variants: [{ sku: 'SEED-1', prices: [{ priceListId: pl.body.id, amount: 2000, currency: 'EUR' }] }],
  });
  expect(product.status).toBe(201);
  const ids: Record<string, string> = {};
  for (const channel of CHANNELS) {
    expect((await t.api('PATCH', `/api/channels/${channel}`, { priceListId: pl.body.id })).status).toBe(200);
    const listed = await t.api('PUT', `/api/channels/${channel}/listings/${product.body.id}`, {
      published: true,
    });
    expect(listed.status).toBeLessThan(300);
    ids[channel] = (await t.api('GET', `/api/channels/${channel}`)).body.id;
  }
  for (const location of ['store-amsterdam', 'warehouse-utrecht']) {
    const stock = await t.api('POST', '/api/inventory/adjustments', {
      kind: 'receive',
      sku: 'SEED-1',
      location,
      quantity: 20,
    });
    expect(stock.status, JSON.stringify(stock.body)).toBe(201);
  }
  // The campaign the shopper saw on Instagram, valid on every channel of the journey; and one that
  // needs more in the cart (the cart says how much more).
  const insta = await t.api('POST', '/api/promotions/campaigns', {
    name: 'Insta week',
    kind: 'automatic',
    conditions: { channelIds: CHANNELS.map((c) => ids[c]), skus: ['SEED-1'] },
    benefit: { type: 'percentage', percentBp: 1000 },
  });
  expect(insta.status).toBe(201);
  const more = await t.api('POST', '/api/promotions/campaigns', {
    name: 'Spend 100 get 10',
    kind: 'automatic',
    currency: 'EUR',
    conditions: { minSpend: 10000 },
    benefit: { type: 'fixed', amount: 1000 },
  });
  expect(more.status).toBe(201);
  const key = async (channel: string, scopes: string[]) =>
    (await t.api('POST', '/api/keys', { name: `seed-${channel}`, scopes, channelId: ids[channel] })).body
      .secret as string;
  return {
    insta: insta.body.id as string,
    ids,
    social: await key('social-shop', ['carts:write']),
    app: await key('app', ['carts:write', 'customers:read']),
    till: await key('store-amsterdam', TILL_SCOPES),
    store: (
      await t.api('POST', '/api/keys', { name: 'seed-web', kind: 'publishable', channelId: ids.webshop })
    ).body.secret as string,
  };
}

/** A call with a channel's own key (the social shop, the app), as those clients make it. */
async function withKey(t: BrowserHub, key: string, method: string, path: string, body?: unknown) {
  const res = await fetch(`${t.base}${path}`, {
    method,
    headers: {
      authorization: `Bearer ${key}`,
      ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
    },
    ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
  });
  const text = await res.text();
  return { status: res.status, body: text ? JSON.parse(text) : undefined };
}

describeBrowser(
  'the seeds journey: one campaign and one wallet on every channel',
  (t) => {
    let s: Awaited<ReturnType<typeof seed>>;
    let orderNumber = '';

    it('sets up a mug on four channels, the campaigns and the keys', async () => {
      s = await seed(t);
    });

    it('the campaign seen on the social channel applies in the app cart', async () => {
      const social = await withKey(t, s.social, 'POST', '/api/carts', {
        lines: [{ sku: 'SEED-1', quantity: 1 }],
      });
      expect(social.status, JSON.stringify(social.body)).toBe(201);
      const seen = await withKey(t, s.social, 'GET', `/api/carts/${social.body.id}/promotions`);
      expect(seen.body.applied).toContainEqual(expect.objectContaining({ name: 'Insta week', amount: 200 }));
      const app = await withKey(t, s.app, 'POST', '/api/carts', {
        anonymousId: 'seed-phone',
        lines: [{ sku: 'SEED-1', quantity: 1 }],
      });
      expect(app.status).toBe(201);
      const inApp = await withKey(t, s.app, 'GET', `/api/carts/${app.body.id}/promotions`);
      expect(inApp.body.applied).toContainEqual(expect.objectContaining({ name: 'Insta week', amount: 200 }));
      // The shopper is signed in in the app: the cart is theirs.
      const identified = await withKey(t, s.app, 'POST', `/api/carts/${app.body.id}/identify`, {
        identifiers: [{ type: 'email', value: SHOPPER }],
      });
      expect(identified.status).toBe(200);
    });

    it('applies again on the webshop after sign-in; the order is collected in Amsterdam; points show live', async () => {
      const shopper = await (await t.newContext()).newPage();
      await shopper.goto(`${t.base}/store/webshop/p/seed-mug?key=${s.store}`);
      await shopper.getByRole('button', { name: 'Add to cart' }).click();
      await shopper.getByRole('link', { name: /Cart/ }).click();
      const offers = shopper.getByTestId('cart-offers');
      await expect.poll(() => offers.textContent(), LIVE).toContain('Insta week: €2.00 off');
      expect(await offers.textContent()).toContain('Spend 100 get 10: add €80.00 more');
      const signIn = shopper.getByRole('form', { name: 'Log in' });
      await signIn.getByLabel('Email').fill(SHOPPER);
      await signIn.getByRole('button', { name: 'Email me a code' }).click();
      await signIn.getByLabel('Code from the email').fill(await smtp.signInCode(SHOPPER, 15_000));
      await signIn.getByRole('button', { name: 'Log in' }).click();
      await shopper.getByRole('link', { name: SHOPPER }).waitFor(LIVE);
      // Signed in: the app cart's mug joined the web cart, and the campaign applies to both.
      await expect.poll(() => offers.textContent(), LIVE).toContain('Insta week: €4.00 off');
      expect(await offers.textContent()).toContain('add €60.00 more');
      await t.screenshot(shopper, 'seeds-web-cart-offers');
      await shopper.getByRole('link', { name: 'Checkout' }).click();
      await shopper.getByLabel('Click & collect in a store').check();
      await shopper.locator('[data-store="store-amsterdam"] input').check();
      await shopper.getByRole('button', { name: 'Continue to summary' }).click();
      await shopper.getByRole('button', { name: 'Pay and place order' }).click();
      const code = (await shopper.getByTestId('pickup-code').textContent({ timeout: 30_000 }))!.trim();
      const found = await t.api('GET', `/api/orders?pickupCode=${code}`);
      const order = found.body.items[0];
      orderNumber = order.number;
      expect(order.totals.discount).toBe(400);

      // The account is open while the order is collected: the points appear without a reload.
      await shopper.getByRole('link', { name: 'My account' }).click();
      const points = shopper.getByTestId('wallet-points');
      const detail = await t.api('GET', `/api/orders/${order.id}`);
      const ready = await t.api('POST', `/api/fulfilments/${detail.body.fulfilments[0].id}/ready-for-pickup`);
      expect(ready.status, JSON.stringify(ready.body)).toBe(200);
      const clerk = await (await t.newContext({ width: 1024, height: 768 })).newPage();
      await clerk.goto(`${t.base}/pos/store-amsterdam/pickups?key=${s.till}`);
      await clerk.getByLabel('Pickup code:').fill(code);
      await clerk
        .getByRole('form', { name: 'Hand over a click & collect order' })
        .getByRole('button', { name: 'Search' })
        .click();
      const handover = clerk.getByRole('region', { name: 'Hand over a click & collect order' });
      await handover.getByRole('button', { name: 'Hand over', exact: true }).click();
      await clerk.getByText(/handed over\./).waitFor(LIVE);
      // 2 × €20.00 − €4.00 paid: 36 points at one point per euro.
      await expect.poll(() => points.textContent(), LIVE).toBe('36 points');
      await t.screenshot(shopper, 'seeds-account-points');

      // At the till the shopper gives their email for a new sale (the store now knows them); the
      // clerk finds them by email and sees the same points.
      const sale = await withKey(t, s.till, 'POST', '/api/carts', {});
      expect(sale.status, JSON.stringify(sale.body)).toBe(201);
      const named = await withKey(t, s.till, 'POST', `/api/carts/${sale.body.id}/identify`, {
        identifiers: [{ type: 'email', value: SHOPPER }],
      });
      expect(named.status, JSON.stringify(named.body)).toBe(200);
      await clerk.goto(`${t.base}/pos/store-amsterdam?key=${s.till}`);
      const find = clerk.getByRole('form', { name: "Find the customer's cart" });
      await find.getByLabel('Search by').selectOption('email');
      await find.getByLabel('Search for').fill(SHOPPER);
      await find.getByRole('button', { name: 'Search' }).click();
      await expect.poll(() => clerk.getByTestId('wallet-points').textContent(), LIVE).toBe('36 points');
      await t.screenshot(clerk, 'seeds-till-points');

      // A return at the till, refunded as store credit: the points are reversed, the credit shows.
      await clerk.goto(`${t.base}/pos/store-amsterdam/returns?key=${s.till}`);
      await clerk.getByLabel('Order number, email, phone, pickup code or loyalty card').fill(orderNumber);
      await clerk
        .getByRole('form', { name: 'Find the order' })
        .getByRole('button', { name: 'Search' })
        .click();
      const form = clerk.getByRole('form', { name: 'Take the return' });
      await form.locator('input[type="number"]').first().fill('2');
      await form.getByLabel('Refund to').selectOption('store_credit');
      await form.getByRole('button', { name: 'Take the return' }).click();
      await clerk.getByText(/^Return taken;/).waitFor(LIVE);
      await expect.poll(() => points.textContent(), LIVE).toBe('0 points');
      await expect
        .poll(() => shopper.getByTestId('wallet-card').first().textContent(), LIVE)
        .toContain('Store credit');
      expect(await shopper.getByTestId('wallet-card').first().textContent()).toContain('€36.00');
      await t.screenshot(shopper, 'seeds-account-reversed');
    }, 240_000);

    it('the admin sees the campaign’s performance and adjusts the points with a reason', async () => {
      const page = await (await t.newContext()).newPage();
      await adminLogin(page, t.base);
      await page.goto(`${t.base}/admin/promotions/${s.insta}`);
      const report = page.getByTestId('campaign-report');
      // The returned order still used the campaign (a return refunds the discounted lines).
      await expect
        .poll(() => report.locator('tr[data-channel="total"]').textContent(), LIVE)
        .toContain('€4.00');
      expect(await report.locator(`tr[data-channel="${s.ids.webshop}"]`).textContent()).toContain('€36.00');
      await t.screenshot(page, 'seeds-campaign-report');

      const who = await t.api('GET', `/api/customers?email=${encodeURIComponent(SHOPPER)}`);
      await page.goto(`${t.base}/admin/customers/${who.body.items[0].id}`);
      const wallet = page.getByTestId('customer-wallet');
      await wallet.getByLabel('Account').waitFor(LIVE);
      // The points account comes first and is chosen.
      await expect
        .poll(() => wallet.getByLabel('Account').locator('option:checked').textContent(), LIVE)
        .toMatch(/^Points · 0 points$/);
      // Taking off more than the balance is refused, nothing written.
      await wallet.getByLabel('Amount (negative takes off)').fill('-5');
      await wallet.getByLabel('Reason').fill('test');
      await wallet.getByRole('button', { name: 'Adjust the balance' }).click();
      await wallet.locator('.error, [role="alert"]').first().waitFor(LIVE);
      await wallet.getByLabel('Amount (negative takes off)').fill('50');
      await wallet.getByLabel('Reason').fill('goodwill after a late pickup');
      await wallet.getByRole('button', { name: 'Adjust the balance' }).click();
      await wallet.getByText('Adjusted. The balance is now 50 points.').waitFor(LIVE);
      await expect
        .poll(() => wallet.locator('tr[data-entry="adjust"]').first().textContent(), LIVE)
        .toContain('goodwill after a late pickup');
      await t.screenshot(page, 'seeds-admin-wallet');
    });
  },
  { config },
);
