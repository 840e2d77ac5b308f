// The admin's omnichannel score page on the demo retailer, in headless Chromium: every dimension is
// shown with its score, what it measures, its formula, its figures and its next step; the advisor's
// form is saved and its advice listed with reasons; the page reads in all five languages.
import { afterAll, expect, it } from 'vitest';
import { DIMENSION_KEYS } from '../src/modules/advisor/index.js';
import { adminLogin, describeBrowser, LIVE } from './browser-harness.js';
import { keepPushedCatalogue, startChannelReceiver } from './helpers/channel-receiver.js';
import { eventually } from './helpers/eventually.js';

// The marketplace's stand-in channel listens on loopback.
process.env.OMNIHUB_WEBHOOKS_ALLOW_PRIVATE = '1';

const TITLES = {
  en: 'Omnichannel score',
  es: 'Puntuación omnicanal',
  sv: 'Omnikanalpoäng',
  bg: 'Омниканален резултат',
  nl: 'Omnichannelscore',
} as const;

describeBrowser('omnichannel score page', (t) => {
  /** The admin signed in with the key, on the score page. */
  async function openScorePage() {
    const context = await t.newContext({ width: 1280, height: 900 });
    const page = await context.newPage();
    await adminLogin(page, t.base);
    await page
      .getByRole('navigation', { name: 'Sections' })
      .getByRole('link', { name: 'Omnichannel score' })
      .click();
    return { context, page };
  }

  it('shows each dimension with its evidence, saves the advisor form and lists the advice', async () => {
    const { context, page } = await openScorePage();
    await page.getByTestId('score-overall').waitFor(LIVE);
    await expect(page.getByTestId('score-overall').textContent()).resolves.toMatch(/Overall: \d+ \/ 100/);
    for (const key of DIMENSION_KEYS) {
      const card = page.locator(`[data-dimension="${key}"]`);
      await expect(card.getByTestId('dimension-score').textContent()).resolves.toMatch(/^\d+ \/ 100$/);
      await expect(card.getByText('How it is computed:').count()).resolves.toBe(1);
      expect(await card.getByTestId('dimension-figures').locator('dt').count()).toBeGreaterThan(0);
      await expect(card.getByTestId('dimension-next').textContent()).resolves.toMatch(/^Next step: \S/);
    }
    // The demo's evidence: the click & collect order behind the figure, the unsynced marketplace.
    await expect(
      page.locator('[data-dimension="click_collect"]').getByTestId('dimension-sample').textContent(),
    ).resolves.toMatch(/Order/);
    await expect(
      page.locator('[data-dimension="sync"]').getByTestId('dimension-next').textContent(),
    ).resolves.toContain('marketplace, social-shop');
    await t.screenshot(page, 'admin-omnichannel-score');

    const advisor = page.getByTestId('advisor');
    await advisor.getByLabel('Type of commerce').selectOption('fashion');
    await advisor.getByLabel('How often customers come back').selectOption('high');
    await advisor.getByLabel('Orders a year (all channels)').fill('40000');
    await advisor.getByLabel('Years in business').fill('12');
    await advisor.getByLabel('Keep customers coming back').check();
    await advisor.getByLabel('More visits to the stores').check();
    await advisor.getByRole('button', { name: 'Save and advise' }).click();
    await advisor.getByTestId('advice').waitFor(LIVE);
    const sync = advisor.locator('[data-advice="sync"]');
    await expect(sync.textContent()).resolves.toContain('Sync stock, prices and listings everywhere');
    await expect(sync.textContent()).resolves.toContain('oversold items and wrong prices');
    await advisor.scrollIntoViewIfNeeded();
    await t.screenshot(page, 'admin-omnichannel-advisor');

    for (const [lang, title] of Object.entries(TITLES)) {
      await page.locator('.language-picker select').selectOption(lang);
      await page.getByRole('heading', { level: 1, name: title }).waitFor(LIVE);
      const text = (await page.locator('main').textContent()) ?? '';
      expect(text, lang).not.toMatch(/score\.[a-z]/); // no untranslated key shows
      expect(await page.locator('[data-dimension]').count()).toBe(DIMENSION_KEYS.length);
    }
    await t.screenshot(page, 'admin-omnichannel-score-nl');
    await context.close();
  });

  it("shows the consistency audit's evidence: a price edited on the marketplace, in every language", async () => {
    const receiver = await startChannelReceiver();
    const catalogue = keepPushedCatalogue(receiver);
    afterAll(() => receiver.close());
    const market = (await t.api('GET', '/api/channels')).body.items.find(
      (c: { code: string }) => c.code === 'marketplace',
    );
    const c = (
      await t.api('POST', '/api/channel-sync/connections', {
        kind: 'generic',
        channelId: market.id,
        baseUrl: `${receiver.url}/sync`,
        ratePerSecond: 500,
        burst: 500,
      })
    ).body;
    await t.api('POST', `/api/channel-sync/connections/${c.id}/resync`, {});
    await eventually(
      async () => (await t.api('GET', `/api/channel-sync/connections/${c.id}/items`)).body.items,
      (items: unknown[]) => items.length === 0,
    );
    const [sku, item] = [...catalogue].find(([, i]) => typeof i.price === 'string' && i.listed)!;
    item.price = '0.01';
    expect((await t.api('POST', '/api/channel-sync/audit/run', {})).status).toBe(200);

    const { context, page } = await openScorePage();
    const card = page.locator('[data-dimension="sync"]');
    await card.getByTestId('dimension-sample').waitFor(LIVE);
    await expect(card.getByRole('columnheader', { name: 'Consistency audit' }).count()).resolves.toBe(1);
    const row = card.getByRole('row', { name: /^marketplace/ });
    await expect(row.textContent()).resolves.toContain('recent');
    await expect(card.getByTestId('dimension-sample').textContent()).resolves.toContain(
      `Drifted item ${sku} · price · marketplace`,
    );
    await expect(card.getByTestId('dimension-next').textContent()).resolves.toContain('differ from the hub');
    for (const lang of Object.keys(TITLES)) {
      await page.locator('.language-picker select').selectOption(lang);
      await page.getByRole('heading', { level: 1, name: TITLES[lang as keyof typeof TITLES] }).waitFor(LIVE);
      expect((await card.textContent()) ?? '', lang).not.toMatch(/score\.[a-z]|audit_/);
    }
    await t.screenshot(page, 'admin-omnichannel-score-audit');
    await context.close();
  });
});
