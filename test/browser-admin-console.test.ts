// The admin dashboard, catalog and returns pages and the storefront's account across channels, on the
// demo retailer in headless Chromium: figures and alerts follow changes live, listings toggle per
// channel, a new return shows at once, and the account lists a marketplace order next to the shop's.

import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { HubConfig } from '../src/platform/config.js';
import { adminLogin, type BrowserHub, describeBrowser, LIVE } from './browser-harness.js';
import { type SmtpCapture, startSmtpCapture } from './helpers/smtp-capture.js';

// The storefront's shopper signs in with the code this local SMTP server catches.
let smtp: SmtpCapture;
const config: Partial<HubConfig> = {};
beforeAll(async () => {
  smtp = await startSmtpCapture();
  config.smtpUrl = smtp.url;
});
afterAll(async () => smtp?.close());

async function importOrder(t: BrowserHub, channel: string, externalId: string, email: string, sku: string) {
  const channelId = (await t.api('GET', `/api/channels/${channel}`)).body.id;
  const r = await t.api('POST', '/api/orders/import', {
    channelId,
    externalSource: channel,
    externalId,
    email,
    currency: 'EUR',
    lines: [{ sku, quantity: 1, unitPrice: 2500 }],
  });
  expect(r.status).toBe(201);
  return r.body as { id: string; customerId: string; channelId: string };
}

/**
 * Holds the answer to the page's next request matching `match`: the server answers at once (`read`
 * resolves), the page gets the answer only at `release()`. Later matching requests pass.
 */
async function holdNextAnswer(page: Page, match: (url: URL) => boolean) {
  let release = () => {};
  const gate = new Promise<void>((r) => {
    release = r;
  });
  let read = () => {};
  const answered = new Promise<void>((r) => {
    read = r;
  });
  let held = false;
  await page.route(match, async (route) => {
    if (held) return route.continue();
    held = true;
    const response = await route.fetch();
    read();
    await gate;
    await route.fulfill({ response });
  });
  return { read: answered, release };
}

/** Every event the dashboard follows reloads the sync health: a reload after now means it handled one. */
const nextSyncReload = (page: Page) =>
  page.waitForRequest((r) => new URL(r.url()).pathname === '/api/webhooks/health');

/** The storefront or till key the hub created with the demo data at its first start. */
function demoKey(t: BrowserHub, app: 'store' | 'pos'): string {
  const key = t.hub.demoAppKeys.find((k) => k.app === app);
  if (!key) throw new Error(`no demo ${app} key`);
  return key.secret;
}

describeBrowser(
  'admin dashboard, catalog, returns and the account across channels',
  (t) => {
    let sku = '';
    let alertSku = '';
    it('finds demo SKUs: one to sell, one to run low', async () => {
      const products = await t.api('GET', '/api/catalog/products?limit=5');
      sku = products.body.items[0].variants[0].sku;
      alertSku = products.body.items[1].variants[0].sku;
      expect(sku).not.toBe(alertSku);
    });

    it("shows today's orders per channel and stock alerts, updating live", async () => {
      const page = await (await t.newContext()).newPage();
      // The race the page lost under load: a load that read before a change and answered after the
      // change's event reached the page (the page dropped the event, the figures stayed stale). Each
      // part below holds such a load's answer until the page has handled the next event.
      const carts = await holdNextAnswer(page, (url) => url.pathname === '/api/carts/stats');
      await adminLogin(page, t.base);
      await page.locator('[data-live="live"], [data-live="polling"]').waitFor();
      const webshop = (await t.api('GET', '/api/channels/webshop')).body.id;
      const row = page.locator(`[data-channel-stats="${webshop}"] [data-testid="orders"]`);
      await row.waitFor();
      const before = Number(await row.textContent());
      expect(before).toBeGreaterThanOrEqual(1);
      await carts.read; // the first carts figures, read before the order below and still held
      let handled = nextSyncReload(page);
      await importOrder(t, 'webshop', 'dash-1', 'dash@example.com', sku);
      await handled;
      carts.release();
      await expect.poll(() => row.textContent(), LIVE).toBe(String(before + 1));

      // Count one stocked location down to what is reserved there: nothing left to sell, an alert.
      const stock = await t.api('GET', `/api/inventory/skus/${alertSku}`);
      const level = stock.body.levels.find((l: { onHand: number }) => l.onHand > 0);
      const levels = await holdNextAnswer(
        page,
        (url) => url.pathname === `/api/inventory/locations/${level.locationId}/levels`,
      );
      const received = await t.api('POST', '/api/inventory/adjustments', {
        kind: 'receive',
        sku,
        location: level.locationId,
        quantity: 1,
      });
      expect(received.status).toBe(201);
      await levels.read; // the alerts reload after that receipt, read before the count below
      handled = nextSyncReload(page);
      const count = await t.api('POST', '/api/inventory/adjustments', {
        kind: 'count',
        sku: alertSku,
        location: level.locationId,
        quantity: level.reserved,
      });
      expect(count.status).toBe(201);
      await handled;
      levels.release();
      await page.locator(`[data-testid="stock-alerts"] [data-alert="${alertSku}"]`).first().waitFor();
      await t.screenshot(page, 'admin-dashboard-live');
    });

    it('publishes and hides a product per channel on the catalog page', async () => {
      const page = await (await t.newContext()).newPage();
      await adminLogin(page, t.base);
      await page.getByRole('link', { name: 'Catalog' }).click();
      const products = await t.api('GET', '/api/catalog/products?limit=1');
      const product = products.body.items[0];
      await page.getByLabel('Search products').fill(product.handle);
      await page.getByRole('button', { name: 'Search', exact: true }).click();
      const row = page.locator(`tr[data-product="${product.handle}"]`);
      await row.getByRole('button', { name: /Channels/ }).click();
      const social = page.locator(
        '[data-testid="listings"] [data-listing="social-shop"] input[type="checkbox"]',
      );
      await expect.poll(() => social.isEnabled(), { timeout: 15_000 }).toBe(true);
      const wasListed = await social.isChecked();
      await social.click();
      await expect.poll(() => social.isChecked(), { timeout: 15_000 }).toBe(!wasListed);
      const socialId = (await t.api('GET', '/api/channels/social-shop')).body.id;
      const listings = await t.api('GET', `/api/catalog/products/${product.id}/listings`);
      const listing = listings.body.items.find((l: { channelId: string }) => l.channelId === socialId);
      expect(listing?.published ?? false).toBe(!wasListed);
      await t.screenshot(page, 'admin-catalog-listings');
    });

    it('lists returns from every channel and shows a new one live', async () => {
      const page = await (await t.newContext()).newPage();
      await adminLogin(page, t.base);
      await page.getByRole('link', { name: 'Returns & refunds' }).click();
      await page.getByRole('heading', { name: 'Returns and refunds' }).waitFor();
      await page.locator('[data-live="live"], [data-live="polling"]').waitFor();
      const orders = await t.api('GET', '/api/orders?status=completed&limit=1');
      const order = orders.body.items[0];
      const returned = await t.api('POST', `/api/orders/${order.id}/returns`, {
        lines: [{ sku: order.lines[0].sku, quantity: 1 }],
        location: 'store-amsterdam',
      });
      expect(returned.status).toBe(201);
      const row = page.locator(`tr[data-return="${returned.body.return.id}"]`);
      await row.waitFor();
      expect(await row.getByTestId('refund').textContent()).toMatch(/\d/);
      await t.screenshot(page, 'admin-returns');
    });

    it('takes back at the Amsterdam till an order completed on another channel', async () => {
      const amsterdam = (await t.api('GET', '/api/channels/store-amsterdam')).body.id;
      const completed = await t.api('GET', '/api/orders?status=completed&limit=50');
      const order = completed.body.items.find((o: { channelId: string }) => o.channelId !== amsterdam);
      expect(order).toBeDefined();
      // The till key printed at the first start (demo app keys) is all the till needs.
      const clerk = await (await t.newContext({ width: 1024, height: 768 })).newPage();
      await clerk.goto(`${t.base}/pos/store-amsterdam/returns?key=${demoKey(t, 'pos')}`);
      await clerk.getByLabel('Order number, email, phone, pickup code or loyalty card').fill(order.number);
      await clerk
        .getByRole('form', { name: 'Find the order' })
        .getByRole('button', { name: 'Search' })
        .click();
      const form = clerk.getByRole('form', { name: 'Take the return' });
      await form.locator('input[type="number"]').first().fill('1');
      await form.getByRole('button', { name: 'Take the return' }).click();
      await clerk.getByText(/^Return taken;/).waitFor();
      const returns = await t.api('GET', `/api/returns?channelId=${amsterdam}&limit=5`);
      expect(returns.body.items[0]).toMatchObject({ orderId: order.id, channelId: amsterdam });
      await t.screenshot(clerk, 'pos-return');
    });

    it("shows the shopper's orders from the marketplace and the social shop in the webshop account", async () => {
      const email = 'maja.everywhere@example.com';
      const market = await importOrder(t, 'marketplace', 'acc-mp-1', email, sku);
      const social = await importOrder(t, 'social-shop', 'acc-so-1', email, sku);
      const shopper = await (await t.newContext({ width: 390, height: 844 })).newPage();
      await shopper.goto(`${t.base}/store/webshop/account?key=${demoKey(t, 'store')}`);
      const signIn = shopper.getByRole('form', { name: 'Log in' });
      await signIn.getByLabel('Email').fill(email);
      await signIn.getByRole('button', { name: 'Email me a code' }).click();
      await signIn.getByLabel('Code from the email').fill(await smtp.signInCode(email, 15_000));
      await signIn.getByRole('button', { name: 'Log in' }).click();
      await shopper.locator(`tr[data-order="${market.id}"][data-channel="marketplace"]`).waitFor();
      await shopper.locator(`tr[data-order="${social.id}"][data-channel="social-shop"]`).waitFor();
      await t.screenshot(shopper, 'store-account-all-channels');
    });
  },
  { config },
);
