// The insights dashboard in a real browser: a journey across the demo's web shop (a social campaign
// click), app and marketplace (the order) reaches the projections; the page draws its charts, shows
// the path and the campaign's credit, cohorts, lifetime value and response times, drills down to the
// order and its customer, and reads in all five languages with no raw message key on screen.
import { expect, it } from 'vitest';
import { adminLogin, describeBrowser, LIVE } from './browser-harness.js';

const DAY = 86_400_000;
const TITLES = {
  en: 'Insights across channels',
  es: 'Análisis entre canales',
  sv: 'Insikter över kanaler',
  bg: 'Анализи по канали',
  nl: 'Inzichten over kanalen heen',
};

describeBrowser('admin insights dashboard', (t) => {
  it('shows charts, attribution, the path and the drill-down, in five languages', async () => {
    const channels = (await t.api('GET', '/api/channels')).body.items as Array<{
      id: string;
      type: string;
      name: string;
    }>;
    const of = (type: string) => channels.find((c) => c.type === type)!;
    const [web, app, market] = [of('web'), of('mobile_app'), of('marketplace')];
    const send = async (channelId: string, batch: unknown[]) => {
      const { writeKey } = (
        await t.api('POST', '/api/customers/sources', { channelId, name: `bi-${channelId}` })
      ).body;
      const r = await fetch(`${t.base}/v1/batch`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ writeKey, batch }),
      });
      expect(r.status).toBe(200);
    };
    const at = (daysAgo: number) => new Date(Date.now() - daysAgo * DAY).toISOString();
    await send(web.id, [
      {
        type: 'identify',
        messageId: 'bi-1',
        userId: 'bi-buyer',
        traits: { email: 'bi-buyer@example.com' },
        timestamp: at(3),
      },
      {
        type: 'page',
        messageId: 'bi-2',
        userId: 'bi-buyer',
        context: { campaign: { source: 'instagram', medium: 'social', name: 'Spring' } },
        timestamp: at(3),
      },
    ]);
    await send(app.id, [
      { type: 'screen', messageId: 'bi-3', userId: 'bi-buyer', name: 'Product', timestamp: at(1) },
    ]);
    const sku = (await t.api('GET', '/api/catalog/products?limit=1')).body.items[0].variants[0].sku;
    const imported = await t.api('POST', '/api/orders/import', {
      channelId: market.id,
      externalSource: 'marketplace',
      externalId: 'bi-1',
      email: 'bi-buyer@example.com',
      currency: 'EUR',
      lines: [{ sku, quantity: 1, unitPrice: 4200 }],
    });
    expect(imported.status, JSON.stringify(imported.body)).toBe(201);
    await t.hub.insightsProjection.caughtUp();

    const page = await (await t.newContext({ width: 1400, height: 1800 })).newPage();
    await adminLogin(page, t.base);
    await page.getByRole('link', { name: 'Insights' }).click();
    await page.getByRole('heading', { name: TITLES.en }).waitFor();
    for (const id of ['chart-revenue-channel', 'chart-revenue-day', 'chart-attribution'])
      await page.getByTestId(id).locator('canvas').waitFor();
    await expect.poll(() => page.getByTestId('paths').innerText(), LIVE).toContain('social');
    expect(await page.getByTestId('attribution-campaigns').innerText()).toContain('spring');
    expect(await page.getByTestId('crossed-carts').innerText()).toMatch(/carts? crossed channels/);
    // Cohorts, lifetime value and response times, read from the rollups, each with its CSV download.
    for (const id of ['chart-retention', 'chart-ltv']) await page.getByTestId(id).locator('canvas').waitFor();
    await page.getByRole('heading', { name: /Service response times/ }).waitFor();
    for (const id of ['csv-cohorts', 'csv-ltv', 'csv-response-times']) await page.getByTestId(id).waitFor();

    // Drill-down: the marketplace's orders, linked to the order and its customer.
    const row = page.locator('tr', { hasText: market.name }).first();
    await row.getByRole('button', { name: 'Show orders' }).click();
    const drill = page.getByTestId('insights-drill');
    await drill.getByRole('link', { name: imported.body.id }).waitFor();
    await drill.getByRole('link', { name: /^cus_/ }).first().waitFor();
    await t.screenshot(page, 'admin-insights');

    for (const lang of ['es', 'sv', 'bg', 'nl'] as const) {
      await page.locator('.language-picker select').selectOption(lang);
      await page.getByRole('heading', { name: TITLES[lang] }).waitFor();
      expect(await page.locator('main').innerText()).not.toMatch(/insights\.[a-z]/);
    }
    await t.screenshot(page, 'admin-insights-nl');
  });
});
