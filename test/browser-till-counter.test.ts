// The till at the counter through the real pages, in headless Chromium and in three languages:
// a sale parked by name in one tab (Dutch) is found after a reload in another (Swedish) and resumed; a
// click & collect order is marked ready from the pickups list and handed over by its code (Spanish)
// while the shopper's account follows each state live; a return found by the customer's email is
// refunded to store credit and the clerk and the shopper both see its code (English).
import { afterAll, beforeAll, expect, it } from 'vitest';
import { TILL_SCOPES } from '../src/flows/demo/demo-app-keys.js';
import type { HubConfig } from '../src/platform/config.js';
import { type BrowserHub, describeBrowser, LIVE, RAW_ERROR_CODE } from './browser-harness.js';
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

async function seedProduct(t: BrowserHub, handle: string, sku: string, title: string, storeStock: number) {
  const product = await t.api('POST', '/api/catalog/products', {
    handle,
    defaultLocale: 'en',
    content: { en: { title } },
    variants: [{ sku, prices: [{ priceListId: 'counter-eur', amount: 1450, currency: 'EUR' }] }],
  });
  expect(product.status).toBe(201);
  for (const channel of ['webshop', 'store-amsterdam']) {
    const listed = await t.api('PUT', `/api/channels/${channel}/listings/${product.body.id}`, {
      published: true,
    });
    expect(listed.status).toBeLessThan(300);
  }
  const stock = await t.api('POST', '/api/inventory/adjustments', {
    kind: 'receive',
    sku,
    location: 'store-amsterdam',
    quantity: storeStock,
  });
  expect(stock.status).toBe(201);
}

describeBrowser(
  'the till at the counter',
  (t) => {
    let storeKey = '';
    let tillKey = '';
    /** A clerk's browser in a language (its own storage: the till's key is remembered per browser). */
    const clerkContext = async (locale: string) => {
      const c = await t.browser.newContext({ baseURL: t.base, viewport: TABLET, locale });
      c.setDefaultTimeout(15_000);
      return c;
    };

    it('sets up a price list, two products stocked in Amsterdam, and the app keys', async () => {
      const pl = await t.api('POST', '/api/catalog/price-lists', {
        code: 'counter-eur',
        name: 'EUR',
        currency: 'EUR',
      });
      expect(pl.status).toBe(201);
      for (const channel of ['webshop', 'store-amsterdam']) {
        expect((await t.api('PATCH', `/api/channels/${channel}`, { priceListId: pl.body.id })).status).toBe(
          200,
        );
      }
      await seedProduct(t, 'counter-mug', 'CMUG-1', 'Counter mug', 5);
      await seedProduct(t, 'counter-cap', 'CCAP-1', 'Counter cap', 5);
      const channelId = async (code: string) =>
        (await t.api('GET', `/api/channels/${code}`)).body.id as string;
      storeKey = (
        await t.api('POST', '/api/keys', {
          name: 'web',
          kind: 'publishable',
          channelId: await channelId('webshop'),
        })
      ).body.secret;
      tillKey = (
        await t.api('POST', '/api/keys', {
          name: 'till',
          kind: 'secret',
          scopes: TILL_SCOPES,
          channelId: await channelId('store-amsterdam'),
        })
      ).body.secret;
    });

    it('(nl, sv) a sale parked by name in one tab is resumed in another tab after a reload', async () => {
      const clerk = await clerkContext('nl-NL');
      const first = await clerk.newPage();
      await first.goto(`${t.base}/pos/store-amsterdam?key=${tillKey}`);
      await first.getByLabel('Scan een SKU of typ een productnaam').fill('CMUG-1');
      await first.getByRole('form', { name: 'Toevoegen' }).getByRole('button', { name: 'Toevoegen' }).click();
      await first.locator('li[data-sku="CMUG-1"]').waitFor();
      await first.getByLabel('Naam voor de geparkeerde verkoop').fill("Anna's verkoop");
      await first.getByRole('button', { name: 'Verkoop parkeren' }).click();
      await first.locator('[data-parked]', { hasText: "Anna's verkoop" }).waitFor();
      expect(await first.locator('li[data-sku="CMUG-1"]').count()).toBe(0);
      await t.screenshot(first, 'pos-parked-nl');

      // Another tab of the same till, reloaded and switched to Swedish: the parked sale is on the
      // hub, not in the first tab (two tabs share the browser's six connections to the hub).
      const second = await clerk.newPage();
      await second.goto(`${t.base}/pos/store-amsterdam`);
      await second.reload();
      await second.getByLabel('Taal').selectOption('sv');
      const parked = second.locator('[data-parked]', { hasText: "Anna's verkoop" });
      await parked.waitFor();
      await parked.getByRole('button', { name: "Återuppta Anna's verkoop" }).click();
      await second.locator('li[data-sku="CMUG-1"]').waitFor();
      expect(await second.locator('[data-parked]').count()).toBe(0);
      expect(await second.locator('main').innerText()).not.toMatch(RAW_ERROR_CODE);
      await t.screenshot(second, 'pos-resumed-sv');
      // The first tab follows (live), and a reload there shows the same sale on the screen.
      await first.reload();
      await first.locator('li[data-sku="CMUG-1"]').waitFor();
      // Done with it: cancelling gives the mug back to the shelf.
      await second.getByRole('button', { name: 'Avbryt försäljningen' }).click();
      await expect.poll(() => second.locator('li[data-sku="CMUG-1"]').count(), LIVE).toBe(0);
      const sales = await t.api('GET', `/api/tills/sales?channelId=store-amsterdam`);
      expect(sales.body).toEqual({ current: null, parked: [] });
    });

    let orderId = '';
    let orderNumber = '';
    let code = '';
    let shopperPage: import('playwright-core').Page;

    it('(es) a click & collect order is made ready from the list and handed over by code; the account follows live', async () => {
      const shopper = await (await t.newContext(PHONE)).newPage();
      shopperPage = shopper;
      await shopper.goto(`${t.base}/store/webshop/p/counter-cap?key=${storeKey}`);
      await shopper.getByRole('heading', { name: 'Counter cap' }).waitFor();
      await shopper.getByRole('button', { name: 'Add to cart' }).click();
      await expect.poll(() => shopper.getByTestId('cart-count').textContent(), LIVE).toBe('(1)');
      await shopper.getByRole('link', { name: /Cart/ }).click();
      const signIn = shopper.getByRole('form', { name: 'Log in' });
      await signIn.getByLabel('Email').fill('lucia@example.com');
      await signIn.getByRole('button', { name: 'Email me a code' }).click();
      await signIn.getByLabel('Code from the email').fill(await smtp.signInCode('lucia@example.com', 15_000));
      await signIn.getByRole('button', { name: 'Log in' }).click();
      await shopper.getByRole('link', { name: 'lucia@example.com' }).waitFor();
      await shopper.getByRole('link', { name: 'Checkout' }).click();
      await shopper.getByLabel('Click & collect in a store').check();
      await shopper.locator('[data-store="store-amsterdam"] input').check();
      await shopper.getByRole('button', { name: 'Continue to summary' }).click();
      await shopper.getByRole('button', { name: 'Pay and place order' }).click();
      code = (await shopper.getByTestId('pickup-code').textContent())!.trim();
      const found = await t.api('GET', `/api/orders?pickupCode=${code}`);
      orderId = found.body.items[0].id;
      orderNumber = found.body.items[0].number;
      await shopper.getByRole('link', { name: 'My account' }).click();
      const status = shopper.locator(`[data-order="${orderId}"] [data-testid="order-status"]`);
      await expect.poll(() => status.textContent(), LIVE).toBe('Being prepared');

      const clerk = await (await clerkContext('es-ES')).newPage();
      await clerk.goto(`${t.base}/pos/store-amsterdam/pickups?key=${tillKey}`);
      const card = clerk.getByRole('region', { name: 'Recogidas' }).locator(`[data-order="${orderId}"]`);
      await card.waitFor();
      expect(await card.textContent()).toContain(orderNumber);
      expect(await card.getByTestId('pickup-customer').textContent()).toBe('lucia@example.com');
      expect(await card.textContent()).toContain('1 × Counter cap');
      await t.screenshot(clerk, 'pos-pickups-es');
      await card.getByRole('button', { name: 'Marcar como listo' }).click();
      await expect
        .poll(() => card.getByTestId('pickup-status').textContent(), LIVE)
        .toBe('Listo para recoger');
      // The shopper's open account page shows it at once.
      await expect.poll(() => status.textContent(), LIVE).toBe('Ready for pickup');
      await t.screenshot(shopper, 'store-account-ready');

      const handover = clerk.getByRole('region', { name: 'Entregar un pedido de recogida' });
      await handover.getByLabel('Código de recogida:').fill(code.toLowerCase());
      await handover.getByRole('button', { name: 'Buscar' }).click();
      await handover.locator(`[data-order="${orderId}"]`).waitFor();
      await t.screenshot(clerk, 'pos-handover-es');
      // Each state reads in words in both languages: no raw code on the till or the account.
      expect(await clerk.locator('main').innerText()).not.toMatch(RAW_ERROR_CODE);
      expect(await shopper.locator('main').innerText()).not.toMatch(RAW_ERROR_CODE);
      await handover.getByRole('button', { name: 'Entregar', exact: true }).click();
      await clerk.getByText(`Pedido ${orderNumber} entregado.`).waitFor();
      await expect.poll(() => status.textContent(), LIVE).toBe('Collected');
      // The pickups list drops the order when the hand-over's event arrives.
      await expect.poll(() => clerk.locator(`[data-order="${orderId}"]`).count(), LIVE).toBe(0);
    });

    it('(bg till, en shopper) a return found by the email is refunded to store credit; the clerk and the shopper see the code', async () => {
      const clerk = await (await clerkContext('bg-BG')).newPage();
      await clerk.goto(`${t.base}/pos/store-amsterdam/returns?key=${tillKey}`);
      await clerk
        .getByLabel('Номер на поръчка, имейл, телефон, код за вземане или карта за лоялност')
        .fill('lucia@example.com');
      await clerk
        .getByRole('form', { name: 'Намерете поръчката' })
        .getByRole('button', { name: 'Търсене' })
        .click();
      const form = clerk.getByRole('form', { name: 'Приеми връщането' });
      await form.waitFor();
      expect(await form.textContent()).toContain(orderNumber);
      // A quantity the order cannot give back: a readable reason in Bulgarian, no code.
      const qty = form.getByLabel('Counter cap: колко се връщат (купени 1)');
      await qty.fill('3');
      await form.getByLabel('Възстановяване към').selectOption('store_credit');
      await form.getByRole('button', { name: 'Приеми връщането' }).click();
      const problem = clerk.getByRole('alert');
      await problem.waitFor();
      expect(await problem.textContent()).toContain('Връщат се повече артикули, отколкото са купени');
      expect(await clerk.locator('body').innerText()).not.toMatch(/\b[a-z]+_[a-z_]+\b/);
      await t.screenshot(clerk, 'pos-return-refused-bg');
      await qty.fill('1');
      await form.getByRole('button', { name: 'Приеми връщането' }).click();
      const credit = clerk.getByTestId('store-credit-code');
      await credit.waitFor();
      const creditCode = (await credit.textContent())!.trim();
      expect(creditCode.length).toBeGreaterThan(4);
      expect(await clerk.locator('body').innerText()).not.toMatch(/\b[a-z]+_[a-z_]+\b/);
      await t.screenshot(clerk, 'pos-return-credit-bg');

      const refund = shopperPage.locator(`[data-order="${orderId}"] [data-testid="order-refund"]`);
      await expect.poll(() => refund.textContent(), LIVE).toContain(creditCode);
      await t.screenshot(shopperPage, 'store-account-refund');
    });
  },
  { config, database: 'postgres' },
);
