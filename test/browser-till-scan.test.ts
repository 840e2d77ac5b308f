// Finding articles at the till through the real pages, in headless Chromium: a manager sets the till's
// favourites in the admin (a typo is refused with its field highlighted); the clerk sells from the
// grid and by barcode — typed into the scan field, or "typed" by a keyboard-wedge scanner anywhere on
// the page — with product names and option names in the page's language (Spanish, Dutch), and the
// catalog's fallback (the channel's first locale) for a language the product has no text in.
import { expect, it } from 'vitest';
import { TILL_SCOPES } from '../src/flows/demo/demo-app-keys.js';
import { adminLogin, type BrowserHub, describeBrowser, LIVE } from './browser-harness.js';

const TABLET = { width: 1024, height: 768 };
const MUG_GTIN = '4006381333931';
const CAP_GTIN = '96385074'; // an EAN-8

async function seedProduct(
  t: BrowserHub,
  handle: string,
  sku: string,
  gtin: string,
  content: Record<string, { title: string }>,
) {
  const product = await t.api('POST', '/api/catalog/products', {
    handle,
    defaultLocale: 'en',
    content,
    variants: [
      {
        sku,
        gtin,
        options: { size: 'M' },
        prices: [{ priceListId: 'scan-eur', amount: 1450, currency: 'EUR' }],
      },
    ],
  });
  expect(product.status, JSON.stringify(product.body)).toBe(201);
  const listed = await t.api('PUT', `/api/channels/store-amsterdam/listings/${product.body.id}`, {
    published: true,
  });
  expect(listed.status).toBeLessThan(300);
  const stock = await t.api('POST', '/api/inventory/adjustments', {
    kind: 'receive',
    sku,
    location: 'store-amsterdam',
    quantity: 5,
  });
  expect(stock.status).toBe(201);
}

describeBrowser('the till finds articles: favourites, barcodes, names in the page language', (t) => {
  let tillKey = '';
  const clerkPage = async (locale: string) => {
    const c = await t.browser.newContext({ baseURL: t.base, viewport: TABLET, locale });
    c.setDefaultTimeout(15_000);
    const page = await c.newPage();
    await page.goto(`${t.base}/pos/store-amsterdam?key=${tillKey}`);
    return page;
  };

  it('sets up two products with barcodes and texts in Spanish and Dutch, and a till key', async () => {
    const pl = await t.api('POST', '/api/catalog/price-lists', {
      code: 'scan-eur',
      name: 'EUR',
      currency: 'EUR',
    });
    expect(pl.status).toBe(201);
    // The store speaks Dutch and English, and Spanish for the clerks who read it.
    const patched = await t.api('PATCH', '/api/channels/store-amsterdam', {
      priceListId: pl.body.id,
      locales: ['nl', 'en', 'es'],
    });
    expect(patched.status, JSON.stringify(patched.body)).toBe(200);
    await seedProduct(t, 'scan-mug', 'SMUG-1', MUG_GTIN, {
      en: { title: 'Scan mug' },
      es: { title: 'Taza escaneable' },
      nl: { title: 'Scanmok' },
    });
    await seedProduct(t, 'scan-cap', 'SCAP-1', CAP_GTIN, {
      en: { title: 'Scan cap' },
      nl: { title: 'Scanpet' },
    });
    const channel = (await t.api('GET', '/api/channels/store-amsterdam')).body.id as string;
    tillKey = (
      await t.api('POST', '/api/keys', {
        name: 'till',
        kind: 'secret',
        scopes: TILL_SCOPES,
        channelId: channel,
      })
    ).body.secret;
  });

  it('(en) the manager sets the till favourites in the admin; a typo is highlighted, not saved', async () => {
    const page = await (await t.newContext()).newPage();
    await adminLogin(page, t.base);
    await page.getByRole('link', { name: 'Catalog' }).click();
    const editor = page.getByRole('form', { name: 'Till favourites' });
    await editor.getByLabel('Till (store channel)').selectOption({ label: 'Amsterdam store till' });
    await editor.getByRole('button', { name: 'Add a favourite' }).click();
    await editor.getByLabel('Favourite 1').fill('SMUG-1');
    await editor.getByRole('button', { name: 'Add a favourite' }).click();
    await editor.getByLabel('Favourite 2').fill('SCAP-9');
    await editor.getByRole('button', { name: 'Save' }).click();
    const invalid = editor.locator('.field-invalid', { has: page.getByLabel('Favourite 2') });
    await invalid.waitFor();
    expect(await editor.locator('.field-invalid').count()).toBe(1);
    const alert = editor.getByRole('alert');
    await expect
      .poll(() => alert.first().textContent(), LIVE)
      .toContain('No product has this article number.');
    expect(await editor.textContent()).not.toMatch(/unknown_sku|validation_failed/);
    await t.screenshot(page, 'admin-till-favourites-refused');
    expect((await t.api('GET', '/api/channels/store-amsterdam/favourites')).body.skus).toEqual([]);

    await editor.getByLabel('Favourite 2').fill('SCAP-1');
    await editor.getByRole('button', { name: 'Save' }).click();
    await editor.getByText('The favourites of Amsterdam store till are saved').waitFor();
    expect((await t.api('GET', '/api/channels/store-amsterdam/favourites')).body.skus).toEqual([
      'SMUG-1',
      'SCAP-1',
    ]);
    await t.screenshot(page, 'admin-till-favourites-saved');
  });

  it('(es) sells from the favourites grid and with a keyboard-wedge scanner, names in Spanish', async () => {
    const page = await clerkPage('es-ES');
    const grid = page.getByRole('region', { name: 'Favoritos' });
    await grid.getByRole('button', { name: 'Añadir Taza escaneable' }).click();
    const mug = page.locator('li[data-sku="SMUG-1"] .line-title');
    await expect.poll(() => mug.textContent(), LIVE).toBe('Taza escaneable (Talla M)');
    // The cap has no Spanish text: the catalog falls back to the store's first language (Dutch).
    await expect.poll(() => grid.locator('[data-sku="SCAP-1"]').textContent(), LIVE).toContain('Scanpet');

    // A barcode reader "types" the digits within milliseconds and presses Enter, no field focused
    // (dispatched in the page: Playwright's typing is paced by a loaded machine, a reader is not).
    await page.evaluate(`(() => {
      document.activeElement?.blur();
      for (const key of [...'${MUG_GTIN}', 'Enter']) {
        document.body.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true }));
      }
    })()`);
    await expect
      .poll(() => page.getByLabel('Cantidad de Taza escaneable (Talla M)').textContent(), LIVE)
      .toBe('2');
    await page.getByText(`Escaneado ${MUG_GTIN}`).waitFor();
    expect(await page.locator('main').textContent()).not.toMatch(/unknown_sku|insufficient_stock|SMUG-1 \(/);
    await t.screenshot(page, 'pos-favourites-wedge-es');
    await page.getByRole('button', { name: 'Anular esta venta' }).click();
    await expect.poll(() => page.locator('li[data-sku="SMUG-1"]').count(), LIVE).toBe(0);
  });

  it('(nl) finds an article by its barcode typed in the scan field, and by part of its name', async () => {
    const page = await clerkPage('nl-NL');
    await page.getByLabel('Scan een SKU of typ een productnaam').fill(CAP_GTIN);
    await page.getByRole('form', { name: 'Toevoegen' }).getByRole('button', { name: 'Toevoegen' }).click();
    const cap = page.locator('li[data-sku="SCAP-1"] .line-title');
    await expect.poll(() => cap.textContent(), LIVE).toBe('Scanpet (Maat M)');
    await page.getByLabel('Scan een SKU of typ een productnaam').fill('scanmo');
    await page.getByRole('form', { name: 'Toevoegen' }).getByRole('button', { name: 'Toevoegen' }).click();
    await expect
      .poll(() => page.locator('li[data-sku="SMUG-1"] .line-title').textContent(), LIVE)
      .toBe('Scanmok (Maat M)');
    // A wrong barcode is said in words, never as a code.
    await page.getByLabel('Scan een SKU of typ een productnaam').fill('4006381333900');
    await page.getByRole('form', { name: 'Toevoegen' }).getByRole('button', { name: 'Toevoegen' }).click();
    const alert = page.getByRole('alert');
    await alert.first().waitFor();
    expect(await alert.first().textContent()).toBe(
      'Geen product heeft de streepjescode of SKU 4006381333900.',
    );
    // The camera: this headless browser has none, which the clerk is told in Dutch.
    await page.getByRole('button', { name: 'Scannen met de camera' }).click();
    // Settled: the camera plays, or the clerk was told there is none (while it starts, the video and
    // its stop button show, then go when no camera answers).
    await expect
      .poll(
        async () =>
          (await page.getByText('geen camera').count()) > 0 ||
          (await page
            .locator('video.scan-video')
            .evaluateAll((vs) => vs.some((v) => (v as unknown as { readyState: number }).readyState >= 2))),
        LIVE,
      )
      .toBe(true);
    await t.screenshot(page, 'pos-barcode-nl');
    if ((await page.getByRole('button', { name: 'Camera stoppen' }).count()) > 0) {
      await page.getByRole('button', { name: 'Camera stoppen' }).click();
    }
    await page.getByRole('button', { name: 'Verkoop annuleren' }).click();
    await expect.poll(() => page.locator('li[data-sku]').count(), LIVE).toBe(0);
  });
});
