// The storefront as an installable app (#17 item 5), on a phone: the app channel's page links a
// manifest Chromium accepts for installing (no installability errors), a service worker takes the
// page, and with the network gone the catalog and a product page still open from what was kept; an
// add-to-cart made offline waits on the device and goes into the cart once the network is back.
import { expect, it } from 'vitest';
import { describeBrowser, LIVE } from './browser-harness.js';

const PHONE = { width: 390, height: 844 };

describeBrowser('storefront app (PWA)', (t) => {
  it('installs, opens offline and queues add-to-cart until online', async () => {
    const context = await t.newContext(PHONE);
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(`${t.base}/store/app`);
    await page.locator('.product-card').first().waitFor();

    // The manifest as the page links it, with what installing needs.
    const href = await page.locator('link[rel="manifest"]').getAttribute('href');
    expect(href).toBe('/store/app/manifest.webmanifest');
    const res = await page.request.get(`${t.base}${href}`);
    expect(res.status()).toBe(200);
    expect(res.headers()['content-type']).toContain('application/manifest+json');
    const manifest = await res.json();
    expect(manifest).toMatchObject({
      name: 'Fjord & Field app',
      start_url: '/store/app/',
      scope: '/store/app',
      display: 'standalone',
    });
    for (const size of [192, 512]) {
      const icon = await page.request.get(`${t.base}/store/app/icons/${size}.png`);
      expect(icon.status()).toBe(200);
      expect(icon.headers()['content-type']).toBe('image/png');
      const png = await icon.body();
      expect(png.readUInt32BE(16)).toBe(size); // the PNG's width, from its IHDR chunk
    }
    expect((await page.request.get(`${t.base}/store/nowhere/manifest.webmanifest`)).status()).toBe(404);

    // A service worker controls the page; Chromium sees nothing that stops installing.
    await expect.poll(() => page.evaluate('!!navigator.serviceWorker.controller'), LIVE).toBe(true);
    const cdp = await context.newCDPSession(page);
    const { installabilityErrors } = (await cdp.send('Page.getInstallabilityErrors')) as {
      installabilityErrors: Array<{ errorId: string }>;
    };
    // Playwright's contexts are incognito profiles, where Chromium never offers to install: that is
    // the one reason allowed; any other (manifest, icons, worker, scope) fails the test.
    expect(installabilityErrors.filter((e) => e.errorId !== 'in-incognito')).toEqual([]);
    const parsed = (await cdp.send('Page.getAppManifest')) as { url: string; errors: unknown[] };
    expect(parsed.url).toBe(`${t.base}/store/app/manifest.webmanifest`);
    expect(parsed.errors).toEqual([]);

    // The worker keeps the first visit and the listed products' answers (warmed after it took over).
    await expect
      .poll(
        () =>
          page.evaluate(`(async () => {
            const data = await caches.open('omnihub-data-1');
            const keys = (await data.keys()).map((r) => r.url);
            // Who the key is (the app opens only with it), the list and the listed products.
            if (!keys.some((u) => u.includes('/api/me?as=')) || !keys.some((u) => u.includes('/products?')))
              return 0;
            return keys.filter((u) => u.includes('/products/')).length;
          })()`),
        LIVE,
      )
      .toBeGreaterThan(5);
    const cards = await page.locator('.product-card').count();
    await t.screenshot(page, 'storefront-app-online-phone');

    await context.setOffline(true);
    await page.reload();
    await page.getByTestId('offline-notice').waitFor();
    await expect.poll(() => page.locator('.product-card').count(), LIVE).toBe(cards);
    await page.locator('.product-card').nth(2).getByRole('link').click();
    const title = page.getByRole('heading', { level: 1 });
    await title.waitFor();
    expect(await title.textContent()).not.toBe('');
    // Its picture too: the card's size kept stands in for the page's.
    await expect
      .poll(() => page.evaluate(`document.querySelector('.product-image img')?.naturalWidth ?? 0`), LIVE)
      .toBeGreaterThan(0);
    await page.getByRole('button', { name: 'Add to cart' }).click();
    await page
      .getByRole('status')
      .filter({ hasText: 'goes into your cart when you are back online' })
      .waitFor();
    await page.getByTestId('offline-notice').filter({ hasText: '1 item waits' }).waitFor();
    expect(await page.getByTestId('cart-count').textContent()).toBe('(0)');
    await t.screenshot(page, 'storefront-app-offline-phone');

    await context.setOffline(false);
    await expect.poll(() => page.getByTestId('cart-count').textContent(), LIVE).toBe('(1)');
    await expect.poll(() => page.getByTestId('offline-notice').count(), LIVE).toBe(0);
    expect(await page.evaluate(`localStorage.getItem('omnihub.offlineCart.app')`)).toBeNull();
    await t.screenshot(page, 'storefront-app-back-online-phone');
    expect(errors).toEqual([]);
  }, 90_000);

  it('suggests products while the shopper types and narrows the list by option and price', async () => {
    const page = await (await t.newContext(PHONE)).newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(`${t.base}/store/webshop`);
    await page.locator('.product-card').first().waitFor();
    const all = await page.locator('.product-card').count();

    // A typo as typed: the parka is suggested, with the corrected words.
    await page.getByLabel('Search products').fill('praka');
    const suggestions = page.getByTestId('suggestions');
    await suggestions
      .getByRole('link', { name: /Fjell insulated parka/ })
      .first()
      .waitFor(LIVE);
    expect(await suggestions.textContent()).toContain('Did you mean');
    await t.screenshot(page, 'storefront-suggestions-phone');
    await suggestions.getByRole('button', { name: 'parka' }).click();
    await expect
      .poll(() => page.locator('.product-card h2').allTextContents(), LIVE)
      .toSatisfy((titles: string[]) => titles.length > 0 && titles.every((x) => /parka/i.test(x)));
    await page.getByLabel('Search products').fill('');
    await page.getByRole('button', { name: 'Search' }).click();
    await expect.poll(() => page.locator('.product-card').count(), LIVE).toBe(all);

    // Filters from the facets: one size (only footwear comes in 42), then a price ceiling under the
    // dearer of the two shoes.
    await page.getByText('Filters').click();
    const size = page.getByRole('group', { name: 'Size' });
    await size.waitFor();
    await size.getByRole('checkbox', { name: /\b42\b/ }).check();
    await expect
      .poll(() => page.locator('.product-card h2').allTextContents(), LIVE)
      .toSatisfy((titles: string[]) => titles.length > 0 && titles.every((x) => /boot|shoe/i.test(x)));
    const sizedCount = await page.locator('.product-card').count();
    expect(sizedCount).toBeLessThan(all);
    await page.getByRole('textbox', { name: 'To', exact: true }).fill('150');
    await page.getByRole('button', { name: 'Apply' }).click();
    await expect.poll(() => page.locator('.product-card').count(), LIVE).toBeLessThan(sizedCount);
    const prices = await page.locator('.product-card .price').allTextContents();
    for (const p of prices) expect(Number(p.replace(/[^\d.]/g, ''))).toBeLessThanOrEqual(150);
    await t.screenshot(page, 'storefront-facets-phone');
    await page.getByRole('button', { name: 'Clear filters' }).click();
    await expect.poll(() => page.locator('.product-card').count(), LIVE).toBe(all);
    expect(errors).toEqual([]);
  }, 90_000);
});
