// The storefront as a shopper on a phone finds it after a fresh start (#17): /store/webshop with no
// key in the URL, every product with its picture (from this hub, with alt text), pages of products,
// a product with its sizes, a cart with quantity, remove and the handoff code as a QR code, checkout
// with a delivery address checked for its country, the summary (shipping, tax, total) before
// paying, and the confirmation with the order number. No console errors and no failed requests.
import type { Page } from 'playwright-core';
import { expect, it } from 'vitest';
import { adminLogin, describeBrowser, LIVE } from './browser-harness.js';

const PHONE = { width: 390, height: 844 };

/** Console errors, failed requests and error responses while the page is open. */
function watch(page: Page): string[] {
  const problems: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') problems.push(`console: ${m.text()}`);
  });
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  page.on('requestfailed', (r) => {
    // A live stream the page closes itself is not a failure, nor a picture still loading when the
    // shopper moves on (the browser cancels it: net::ERR_ABORTED).
    const cancelledPicture = r.resourceType() === 'image' && r.failure()?.errorText === 'net::ERR_ABORTED';
    if (!r.url().includes('/stream') && !cancelledPicture)
      problems.push(`failed: ${r.url()} ${r.failure()?.errorText}`);
  });
  page.on('response', (r) => {
    if (r.status() >= 400) problems.push(`${r.status()}: ${r.url()}`);
  });
  return problems;
}

describeBrowser('storefront', (t) => {
  it('a shopper on a phone buys with a delivery address and sees the order number and summary', async () => {
    const page = await (await t.newContext(PHONE)).newPage();
    const problems = watch(page);
    await page.goto(`${t.base}/store/webshop`);
    const cards = page.locator('.product-card');
    await cards.first().waitFor();
    // Every product reachable: one page, then the rest.
    while (await page.getByRole('button', { name: 'Show more products' }).isVisible()) {
      await page.getByRole('button', { name: 'Show more products' }).click();
      await expect.poll(() => page.locator('button[disabled]', { hasText: 'Loading' }).count(), LIVE).toBe(0);
    }
    // One card per product: colours and sizes are chosen on its page.
    await expect.poll(() => cards.count()).toBe(10);
    // Pictures from this hub, each with alt text; the first ones loaded.
    const images = (await page.evaluate(
      '[...document.images].map((i) => ({ alt: i.alt, src: i.currentSrc || i.src }))',
    )) as Array<{ alt: string; src: string }>;
    expect(images.length).toBeGreaterThanOrEqual(10);
    for (const img of images) {
      expect(img.alt.length, img.src).toBeGreaterThan(0);
      expect(new URL(img.src).origin).toBe(new URL(t.base).origin);
    }
    await expect
      .poll(() => page.evaluate(`document.querySelector('.product-card img').naturalWidth`))
      .toBeGreaterThan(0);
    await t.screenshot(page, 'storefront-catalog-phone');

    await page.locator('[data-product="fjell-parka"]').getByRole('link').click();
    await page.getByRole('heading', { level: 1, name: /Fjell insulated parka/ }).waitFor();
    // The colour picker shows that colour's picture, also for a size without its own (each picture
    // waited for: one replaced while loading would be an aborted request).
    const picture = () =>
      page.evaluate(
        `(() => { const i = document.querySelector('.product-image img'); return i && i.complete && i.naturalWidth > 0 ? i.currentSrc : ''; })()`,
      ) as Promise<string>;
    await expect.poll(picture, LIVE).not.toBe('');
    const moss = await picture();
    await page.getByRole('group', { name: 'Choose colour' }).getByLabel('ember').check();
    await page.getByRole('group', { name: 'Choose size' }).getByLabel('L').check();
    await page.getByRole('img', { name: 'Fjell insulated parka, ember' }).waitFor();
    await expect.poll(async () => [moss, ''].includes(await picture()), LIVE).toBe(false);
    await t.screenshot(page, 'storefront-product-colour-phone');
    await page.getByRole('button', { name: 'Add to cart' }).click();
    await page.getByRole('status').getByRole('link', { name: 'View cart' }).click();
    const line = page.locator('[data-sku="FF-FJELL-PARKA-EMBER-L"]');
    await line.waitFor();
    await line.getByRole('button', { name: /One more/ }).click();
    await expect.poll(() => line.locator('output').textContent()).toBe('2');
    await page.getByTestId('handoff-code').waitFor();
    await page.locator('.qr svg').waitFor();
    await t.screenshot(page, 'storefront-cart-phone');

    await page.getByRole('link', { name: 'Checkout' }).click();
    await page.getByLabel('Email for the order confirmation').fill('maria@example.com');
    await page.getByLabel('Name').fill('Maria Jansen');
    await page.getByLabel('Street and number').fill('Damrak 1');
    await page.getByLabel('City').fill('Amsterdam');
    await page.getByLabel('Country').selectOption('NL');
    await page.getByLabel('Postal code').fill('12');
    await page.getByRole('alert').filter({ hasText: 'postal code like 1012 AB' }).waitFor();
    await page.getByLabel('Postal code').fill('1012 AB');
    await page.getByRole('button', { name: 'Continue to summary' }).click();
    const summary = page.getByTestId('order-summary');
    await summary.waitFor();
    expect(await summary.textContent()).toContain('2 × Fjell insulated parka');
    const total = (await page.getByTestId('grand-total').textContent())!;
    await page.getByTestId('shipping').waitFor();
    await page.getByTestId('tax').waitFor();
    await t.screenshot(page, 'storefront-summary-phone');
    await page.getByRole('button', { name: 'Pay and place order' }).click();

    const number = (await page.getByTestId('order-number').textContent())!.trim();
    expect(number).toMatch(/^[A-Z]+-\d+$/);
    expect(await page.getByTestId('order-summary').textContent()).toContain(total);
    await t.screenshot(page, 'storefront-confirmation-phone');
    const found = await t.api('GET', `/api/orders?q=${encodeURIComponent(number)}`);
    expect(found.status).toBe(200);
    expect(problems).toEqual([]);
  }, 60_000);
  it('a shopper sees the pre-order label with its date, and buys it', async () => {
    const sku = 'FF-VIDDE-FLEECE-MOSS-M';
    const set = await t.api('PATCH', `/api/catalog/products/vidde-fleece/variants/${sku}`, {
      stockPolicy: 'preorder',
      availableFrom: '2099-05-01',
    });
    expect(set.status).toBe(200);
    const page = await (await t.newContext(PHONE)).newPage();
    const problems = watch(page);
    await page.goto(`${t.base}/store/webshop/p/vidde-fleece?variant=${sku}`);
    const label = page.getByTestId('availability');
    await expect.poll(() => label.textContent(), LIVE).toContain('Pre-order, ships from');
    expect(await label.textContent()).toContain('2099');
    // The picture decoded before the screenshot (decode() settles once it can be painted).
    await page.locator('.product-image img').waitFor();
    await expect
      .poll(
        () =>
          page.evaluate(
            `document.querySelector('.product-image img').decode().then(() => document.querySelector('.product-image img').naturalWidth > 0, () => false)`,
          ),
        LIVE,
      )
      .toBe(true);
    await t.screenshot(page, 'storefront-preorder-phone');
    await page.getByRole('button', { name: 'Add to cart' }).click();
    await page.getByRole('status').getByRole('link', { name: 'View cart' }).click();
    const line = page.locator(`[data-sku="${sku}"]`);
    await line.waitFor();
    await expect.poll(() => line.textContent(), LIVE).toContain('Pre-order, ships from');
    await page.getByRole('link', { name: 'Checkout' }).click();
    await page.getByLabel('Email for the order confirmation').fill('ola@example.com');
    await page.getByLabel('Name').fill('Ola Nordmann');
    await page.getByLabel('Street and number').fill('Damrak 1');
    await page.getByLabel('City').fill('Amsterdam');
    await page.getByLabel('Country').selectOption('NL');
    await page.getByLabel('Postal code').fill('1012 AB');
    await page.getByRole('button', { name: 'Continue to summary' }).click();
    await page.getByTestId('order-summary').waitFor();
    await page.getByRole('button', { name: 'Pay and place order' }).click();
    const number = (await page.getByTestId('order-number').textContent())!.trim();
    expect(await page.getByTestId('order-summary').textContent()).toContain('Pre-order, ships from');
    await t.screenshot(page, 'storefront-preorder-confirmation-phone');
    const found = (await t.api('GET', `/api/orders?q=${encodeURIComponent(number)}`)).body.items[0];
    const order = (await t.api('GET', `/api/orders/${found.id}`)).body;
    expect(order.lines.find((l: { sku: string }) => l.sku === sku)?.backorder).toMatchObject({
      kind: 'preorder',
      expectedFrom: '2099-05-01',
    });
    expect(problems).toEqual([]);
  }, 60_000);
  it("lists each selling channel's feeds in the admin with their URLs, counts and problems", async () => {
    const made = await t.api('POST', '/api/catalog/products', {
      handle: 'feed-unpriced',
      defaultLocale: 'en',
      content: { en: { title: 'Unpriced lamp', description: 'No price yet.' } },
      variants: [{ sku: 'FEED-UNPRICED-1' }],
    });
    expect(made.status).toBe(201);
    await t.api('PUT', '/api/channels/webshop/listings/feed-unpriced', { published: true });
    const page = await (await t.newContext()).newPage();
    const problems = watch(page);
    await adminLogin(page, t.base);
    await page
      .getByRole('navigation', { name: 'Sections' })
      .getByRole('link', { name: 'Product feeds' })
      .click();
    const web = page.locator('section[data-channel="webshop"]');
    await web.getByTestId('feed-summary').waitFor();
    expect(await web.locator('dd code').first().textContent()).toMatch(/\/feeds\/webshop\/google\.xml$/);
    const summary = await web.getByTestId('feed-summary').textContent();
    expect(summary).toContain('10 products, 150 variants');
    expect(summary).toContain('1 variant left out'); // one variant, two fields
    const row = web.locator('tr[data-sku="FEED-UNPRICED-1"]');
    expect((await row.allTextContents()).join(' ')).toContain('price');
    // Stores have no feeds of their own; the marketplace and social shop do.
    expect(await page.locator('section[data-channel="store-amsterdam"]').count()).toBe(0);
    await page.locator('section[data-channel="social-shop"]').getByTestId('feed-summary').waitFor();
    await t.screenshot(page, 'admin-feeds');
    expect(problems).toEqual([]);
  }, 60_000);
});
