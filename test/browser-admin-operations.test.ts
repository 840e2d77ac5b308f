// Running the business from the admin, in headless Chromium on the demo retailer: a product created
// (refused fields shown next to the fields) and edited in the admin, then on sale at the Amsterdam
// store's till channel with its new title and price; an order shipped with carrier and tracking and
// refunded part, then all, in Dutch; Receive goods refusing an unknown SKU at its field; customers
// found by part of a name; and the event log fitting a 1,280 px screen.
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

async function adminPage(t: BrowserHub) {
  const page = await (await t.newContext()).newPage();
  await adminLogin(page, t.base);
  return page;
}

describeBrowser(
  'admin operations: catalog editing, order actions, inventory and customers',
  (t) => {
    it('creates a product in the admin (English), edits it, and a Dutch till sells it by its barcode', async () => {
      const page = await adminPage(t);
      await page.getByRole('link', { name: 'Catalog' }).click();
      await page.getByRole('link', { name: 'New product' }).click();
      const form = page.getByRole('form', { name: 'Product' });
      await form.getByLabel('Handle').fill('Fjord Lamp');
      await form.getByLabel('Title').fill('Fjord lamp');
      await form.getByLabel('SKU').fill('FJORD-LAMP');
      await form.getByLabel('Barcode (GTIN)').fill('123');
      await form.getByLabel('Price Retail EUR (EUR)').fill('39.95');
      await form.getByRole('button', { name: 'Save' }).click();
      await page.locator('[data-field-error="handle"]').waitFor();
      expect(await page.locator('[data-field-error="variants.0.gtin"]').textContent()).toContain(
        'not in the expected format',
      );
      expect((await t.api('GET', '/api/catalog/products/FJORD-LAMP')).status).toBe(404);
      await t.screenshot(page, 'admin-product-refused');

      await form.getByLabel('Handle').fill('fjord-lamp');
      await form.getByLabel('Barcode (GTIN)').fill('');
      await form.getByRole('button', { name: 'Save' }).click();
      await page.getByRole('heading', { name: 'Edit “Fjord lamp”' }).waitFor();
      const created = await t.api('GET', '/api/catalog/products/fjord-lamp');
      expect(created.body.variants[0]).toMatchObject({ sku: 'FJORD-LAMP', gtin: null });

      // Edit: a better title, a barcode, an option, a new price; and list it at the Amsterdam store.
      await form.getByLabel('Title').fill('Fjord reading lamp');
      await form.getByLabel('Barcode (GTIN)').fill('4006381333931');
      await form.getByLabel('Options').fill('colour=oak');
      await form.getByLabel('Price Retail EUR (EUR)').fill('34.50');
      await form.getByLabel('Compare-at (was) Retail EUR (EUR)').fill('39.95');
      await form.getByLabel('Vendor (brand)').fill('Fjordfield');
      await form.getByLabel('Tags').fill('lighting, gift idea');
      // It keeps selling when out of stock, at most 5 beyond the stock per order.
      await form.getByLabel('When out of stock').selectOption('backorder');
      await form.getByLabel('Most units per order beyond stock (optional)').fill('5');
      await form.getByRole('button', { name: 'Save' }).click();
      await page.getByRole('heading', { name: 'Edit “Fjord reading lamp”' }).waitFor();
      await page.getByRole('status').filter({ hasText: 'Saved.' }).waitFor();
      // A click, not check(): the box shows the stored listing, so it turns on once the hub answered.
      await page.getByLabel('Publish on Amsterdam store till').click();
      await expect
        .poll(
          async () => (await t.api('GET', '/api/catalog/products/fjord-lamp/listings')).body.items.length,
          LIVE,
        )
        .toBeGreaterThan(0);
      const edited = await t.api('GET', '/api/catalog/products/fjord-lamp');
      expect(edited.body.content.en.title).toBe('Fjord reading lamp');
      expect(edited.body.variants[0]).toMatchObject({
        gtin: '4006381333931',
        options: { colour: 'oak' },
        stockPolicy: 'backorder',
        backorderLimit: 5,
      });
      expect(edited.body).toMatchObject({ vendor: 'Fjordfield', tags: ['lighting', 'gift idea'] });
      const prices = await t.api('GET', '/api/catalog/products/fjord-lamp/prices');
      expect(prices.body.items[0]).toMatchObject({ amount: 3450, compareAtAmount: 3995 });
      // Shown again when the editor opens.
      await page.reload();
      expect(await form.getByLabel('Compare-at (was) Retail EUR (EUR)').inputValue()).toBe('39.95');
      expect(await form.getByLabel('Tags').inputValue()).toBe('lighting, gift idea');
      expect(await form.getByLabel('When out of stock').inputValue()).toBe('backorder');
      await t.screenshot(page, 'admin-product-edited');

      const received = await t.api('POST', '/api/inventory/adjustments', {
        kind: 'receive',
        sku: 'FJORD-LAMP',
        location: 'store-amsterdam',
        quantity: 3,
      });
      expect(received.status).toBe(201);
      const atTill = await t.api('GET', '/api/channels/store-amsterdam/products/FJORD-LAMP');
      expect(atTill.status).toBe(200);
      expect(atTill.body).toMatchObject({ title: 'Fjord reading lamp', listed: true });
      expect(atTill.body.variants[0]).toMatchObject({ price: { amount: 3450, currency: 'EUR' } });
      expect(atTill.body.variants[0].availableToSell).toBeGreaterThan(0);

      // Sold at the Amsterdam till, in Dutch: the clerk scans the barcode set in the admin.
      const channel = (await t.api('GET', '/api/channels/store-amsterdam')).body;
      const key = await t.api('POST', '/api/keys', {
        name: 'admin-ops till',
        kind: 'secret',
        scopes: TILL_SCOPES,
        channelId: channel.id,
      });
      expect(key.status).toBe(201);
      const till = await (
        await t.browser.newContext({
          baseURL: t.base,
          viewport: { width: 1024, height: 768 },
          locale: 'nl-NL',
        })
      ).newPage();
      await till.goto(`${t.base}/pos/store-amsterdam?key=${key.body.secret}`);
      await till.getByLabel('Scan een SKU of typ een productnaam').fill('4006381333931');
      await till.getByRole('button', { name: 'Toevoegen', exact: true }).click();
      await till.locator('[data-sku="FJORD-LAMP"]').waitFor();
      expect(await till.locator('[data-sku="FJORD-LAMP"]').textContent()).toContain('Fjord reading lamp');
      await till.getByRole('button', { name: 'Afrekenen' }).click();
      await till.getByLabel('Contant ontvangen').fill('40');
      await till.getByRole('button', { name: 'Verkoop afronden' }).click();
      const sold = till.getByText(/^Verkocht:/);
      await sold.waitFor();
      const number = /bestelling (OH-\d+)/.exec((await sold.textContent()) ?? '')?.[1];
      expect(number).toBeDefined();
      expect(await till.locator('body').innerText()).not.toMatch(/\b[a-z]+_[a-z_]+\b/);
      await t.screenshot(till, 'pos-admin-product-sold-nl');
      const sale = (await t.api('GET', `/api/orders?number=${number}`)).body.items[0];
      expect(sale).toMatchObject({ status: 'completed' });
      expect(sale.lines[0]).toMatchObject({ sku: 'FJORD-LAMP', unitPrice: 3450 });
    });

    it('ships an order with carrier and tracking and refunds part, then all of it, in Dutch; read in Bulgarian', async () => {
      const marketplace = (await t.api('GET', '/api/channels/marketplace')).body;
      const sku = (await t.api('GET', '/api/catalog/products?limit=1')).body.items[0].variants[0].sku;
      const imported = await t.api('POST', '/api/orders/import', {
        channelId: marketplace.id,
        externalSource: 'marketplace',
        externalId: 'admin-ops-1',
        email: 'ingrid@example.com',
        currency: 'EUR',
        lines: [{ sku, quantity: 2, unitPrice: 2500 }],
      });
      expect(imported.status).toBe(201);
      const order = imported.body as { id: string; number: string };
      const page = await adminPage(t);
      await page.getByLabel('Language').selectOption('nl');
      await page.getByRole('link', { name: 'Bestellingen', exact: true }).click();
      await page.getByLabel('Bestelnummer, e-mail, telefoon of klantnaam').fill(order.number);
      await page.getByRole('button', { name: 'Zoeken' }).click();
      await page.getByRole('link', { name: order.number }).click();
      await page.getByRole('heading', { name: `Bestelling ${order.number}` }).waitFor();

      const ship = page.getByRole('form', { name: 'Verzenden' }).first();
      await ship.getByLabel('Vervoerder').fill('PostNL');
      await ship.getByLabel('Track & trace-code').fill('3SOHUB123');
      await ship.getByRole('button', { name: 'Verzenden' }).click();
      await page.getByTestId('tracking').first().waitFor();
      expect(await page.getByTestId('tracking').first().textContent()).toContain('3SOHUB123');
      // A marketplace order is complete once everything left the warehouse.
      await expect.poll(() => page.getByTestId('order-status').textContent(), LIVE).toBe('Afgerond');

      const refund = page.getByRole('form', { name: 'Terugbetalen' });
      await refund.getByLabel('Bedrag (EUR)').fill('999');
      await refund.getByLabel('Reden').fill('te veel');
      await refund.getByRole('button', { name: 'Terugbetalen' }).click();
      expect(await page.locator('[data-field-error="amount"]').textContent()).toContain(
        'meer dan er op deze bestelling nog terugbetaald kan worden',
      );
      await refund.getByLabel('Bedrag (EUR)').fill('10,00');
      await refund.getByLabel('Reden').fill('doos beschadigd');
      await refund.getByRole('button', { name: 'Terugbetalen' }).click();
      await expect.poll(() => page.getByTestId('refunded').textContent(), LIVE).toContain('10,00');

      const notes = page.getByRole('form', { name: 'Notitie toevoegen' });
      await notes.getByLabel('Notitie').fill('Klant belde over de doos');
      await notes.getByRole('button', { name: 'Notitie toevoegen' }).click();
      await page.getByTestId('notes').getByText('Klant belde over de doos').waitFor();
      await page.getByRole('button', { name: 'Bevestiging opnieuw versturen' }).click();
      expect((await smtp.nextMailTo('ingrid@example.com')).raw).toContain(order.number);

      await refund.getByLabel('Reden').fill('nooit aangekomen');
      await refund.getByRole('button', { name: 'Terugbetalen' }).click();
      await expect.poll(() => page.getByTestId('order-status').textContent(), LIVE).toBe('Terugbetaald');
      const timeline = page.getByTestId('order-timeline');
      await timeline.getByText('met PostNL, track & trace 3SOHUB123').waitFor();
      await timeline.getByText('€ 10,00 is terugbetaald.').waitFor();
      await timeline.getByText('Er is een notitie toegevoegd.').waitFor();
      expect(await timeline.textContent()).not.toContain('order.');
      await t.screenshot(page, 'admin-order-nl');
      // The same page in Bulgarian: the status, the heading and the line in the page's language.
      await page.getByLabel('Taal').selectOption('bg');
      await page.getByRole('heading', { name: `Поръчка ${order.number}` }).waitFor();
      await expect.poll(() => page.getByTestId('order-status').textContent(), LIVE).toBe('Възстановена');
      await page.getByTestId('line-title').first().waitFor();
      expect(await page.locator('main').innerText()).not.toMatch(/\b[a-z]+_[a-z_]+\b/);
      await t.screenshot(page, 'admin-order-bg');

      const after = await t.api('GET', `/api/orders/${order.id}`);
      expect(after.body).toMatchObject({ status: 'refunded', refundedAmount: 5000 });
      expect(after.body.fulfilments[0].tracking).toMatchObject({
        carrier: 'PostNL',
        trackingNumber: '3SOHUB123',
      });
    });

    it('refuses to receive goods of an unknown SKU, naming the field', async () => {
      const page = await adminPage(t);
      await page.getByRole('link', { name: 'Inventory' }).click();
      const form = page.getByRole('form', { name: 'Adjust stock' });
      await form.getByLabel('SKU').fill('NOPE-123');
      await form.getByRole('button', { name: 'Adjust stock' }).click();
      expect(await page.locator('[data-field-error="sku"]').textContent()).toContain(
        'No product has this SKU',
      );
      expect((await t.api('GET', '/api/inventory/skus/NOPE-123')).body.levels ?? []).toEqual([]);
      await t.screenshot(page, 'admin-receive-unknown');
    });

    it('finds a customer by part of the name and titles the page by name', async () => {
      const webshop = (await t.api('GET', '/api/channels/webshop')).body;
      await t.api('POST', '/api/customers/identify', {
        channelId: webshop.id,
        identifiers: [{ type: 'email', value: 'mette.dahl@example.com' }],
      });
      const page = await adminPage(t);
      await page.getByRole('link', { name: 'Customers' }).click();
      await page.getByLabel('Search for').fill('mette.da');
      await page.getByRole('button', { name: 'Search' }).click();
      await page.getByRole('link', { name: 'mette.dahl@example.com' }).click();
      await page.getByRole('heading', { name: 'mette.dahl@example.com' }).waitFor();
      // The timeline in words, not the raw event kind.
      await page.locator('ol.timeline').getByText('Was recognised (contact details or traits).').waitFor();
      await t.screenshot(page, 'admin-customer-by-email');
    });

    it('fits the event log on a 1,280 px screen', async () => {
      const page = await adminPage(t);
      await page.getByRole('link', { name: 'Event log' }).click();
      await page.locator('tr[data-event-type]').first().waitFor();
      // Evaluated in the page (a string: the test files are type-checked without the DOM library).
      const widths = (await page.evaluate(`({
        page: document.documentElement.scrollWidth,
        table: document.querySelector('main table')?.scrollWidth ?? 0,
        wrap: document.querySelector('main .table-wrap')?.clientWidth ?? 0,
      })`)) as { page: number; table: number; wrap: number };
      expect(widths.page).toBeLessThanOrEqual(1280);
      expect(widths.table).toBeLessThanOrEqual(widths.wrap);
      // The first screen only: the whole log is many screens tall.
      await t.screenshot(page, 'admin-events-1280', { fullPage: false });
    });

    it('fits every admin page and its tables on a 1,280 px screen', async () => {
      const page = await adminPage(t);
      const nav = page.getByRole('navigation').first();
      const names = (await nav.getByRole('link').allTextContents()).map((n) => n.trim()).filter(Boolean);
      expect(names.length).toBeGreaterThan(8);
      const order = (await t.api('GET', '/api/orders?limit=1')).body.items[0];
      const overflowing: string[] = [];
      const measure = async (where: string) => {
        await page.locator('main h1').first().waitFor();
        // Loaded lists settle before measuring (a table drawn late could overflow unseen).
        await expect.poll(() => page.locator('main .loading').count(), LIVE).toBe(0);
        const w = (await page.evaluate(`({
          page: document.documentElement.scrollWidth,
          tables: [...document.querySelectorAll('main table')].map((t) => ({
            table: t.scrollWidth,
            room: (t.closest('.table-wrap') ?? t.parentElement).clientWidth,
          })),
        })`)) as { page: number; tables: Array<{ table: number; room: number }> };
        if (w.page > 1280) overflowing.push(`${where}: page ${w.page} px`);
        for (const x of w.tables)
          if (x.table > x.room + 1) overflowing.push(`${where}: table ${x.table} px in ${x.room} px`);
      };
      for (const name of names) {
        await nav.getByRole('link', { name, exact: true }).click();
        await measure(name);
      }
      await page.goto(`${t.base}/admin/orders/${order.id}`);
      await measure('order page');
      expect(overflowing).toEqual([]);
    });
  },
  { config, database: 'postgres' },
);
