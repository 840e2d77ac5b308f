// The admin's loyalty rules and product collections pages in headless Chromium (issue 14, items 4
// and 5): collections are created, refused with the field highlighted, edited and listed; the
// loyalty rules take a base rate, a channel rate and category rates (0 excludes), a bad category is
// refused naming its field (in English and in Dutch), and tiers set through the API are kept. Tiers
// are edited in place: a bad code or threshold, or a threshold another tier has, is refused on that
// row's field; a tier is added and another removed.
import { expect, it } from 'vitest';
import { adminLogin, describeBrowser, LIVE } from './browser-harness.js';

describeBrowser('loyalty rules and product collections in the admin', (t) => {
  it('creates a collection, refuses one without a name, edits it', async () => {
    const page = await (await t.newContext()).newPage();
    await adminLogin(page, t.base);
    await page
      .getByRole('navigation', { name: 'Sections' })
      .getByRole('link', { name: 'Promotions' })
      .click();
    await page.getByRole('link', { name: 'Product collections' }).click();
    await page.getByRole('heading', { name: 'Product collections', level: 1 }).waitFor(LIVE);
    const form = page.getByRole('form', { name: 'New collection' });
    // Without a name: refused, the field named and outlined, nothing created.
    await form.getByLabel('SKUs').fill('HAT-1, HAT-2');
    await form.getByRole('button', { name: 'Create' }).click();
    await form.locator('.field-invalid', { has: page.getByLabel('Name', { exact: true }) }).waitFor(LIVE);
    expect((await t.api('GET', '/api/promotions/collections')).body.items).toHaveLength(0);
    await t.screenshot(page, 'collections-refused');

    await form.getByLabel('Name', { exact: true }).fill('Summer hats');
    await form.getByLabel('Categories').fill('apparel/hats, outlet');
    await form.getByRole('button', { name: 'Create' }).click();
    await page.getByText('Collection “Summer hats” created.').waitFor(LIVE);
    const row = page.locator('tr[data-collection="Summer hats"]');
    await expect.poll(() => row.textContent()).toContain('HAT-1, HAT-2');
    expect(await row.textContent()).toContain('apparel/hats, outlet');

    await row.getByRole('button', { name: 'Edit Summer hats' }).click();
    const edit = page.getByRole('form', { name: 'Edit “Summer hats”' });
    await edit.getByLabel('Name', { exact: true }).fill('Summer hats & caps');
    await edit.getByLabel('SKUs').fill('HAT-1, CAP-9');
    await edit.getByLabel('Categories').fill('');
    await t.screenshot(page, 'collections-editing');
    await edit.getByRole('button', { name: 'Save' }).click();
    await page.getByText('Collection “Summer hats & caps” saved', { exact: false }).waitFor(LIVE);
    const [saved] = (await t.api('GET', '/api/promotions/collections')).body.items;
    expect(saved).toMatchObject({ name: 'Summer hats & caps', skus: ['HAT-1', 'CAP-9'], categories: [] });
    await page.locator('tr[data-collection="Summer hats & caps"]').waitFor(LIVE);
    expect(await page.locator('tr[data-collection]').count()).toBe(1);
    await t.screenshot(page, 'collections-saved');
  });

  it('sets loyalty rates per channel and category; a bad category is refused by field in two languages', async () => {
    const tiers = [{ code: 'gold', name: 'Gold', threshold: 500, multiplier: 2 }];
    expect((await t.api('PUT', '/api/wallet/loyalty-rules', { pointsPerUnit: 1, tiers })).status).toBe(200);
    const webshop = (await t.api('GET', '/api/channels/webshop')).body;
    const page = await (await t.newContext()).newPage();
    await adminLogin(page, t.base);
    await page.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name: 'Loyalty' }).click();
    const form = page.getByRole('form', { name: 'Loyalty rules' });
    await expect.poll(() => form.getByLabel('Points per whole currency unit').inputValue(), LIVE).toBe('1');
    await form.getByLabel('Points per whole currency unit').fill('2');
    await form.getByLabel(`${webshop.name}: points per unit`).fill('3');
    const categories = form.getByLabel('Per category', { exact: true });
    await categories.fill('apparel = 4\nNot A Category = 1');
    await form.getByRole('button', { name: 'Save' }).click();
    const invalid = form.locator('.field-invalid', {
      has: page.getByRole('textbox', { name: 'Per category' }),
    });
    await invalid.waitFor(LIVE);
    await page.getByLabel('Language').selectOption('nl');
    await page.getByRole('heading', { name: 'Loyaliteitsregels' }).waitFor(LIVE);
    await t.screenshot(page, 'loyalty-refused-nl');
    // The field's own message, now in Dutch, under the outlined field (the form is named in Dutch too).
    await page
      .getByRole('form', { name: 'Loyaliteitsregels' })
      .locator('.field-invalid', { has: page.getByRole('textbox', { name: 'Per categorie' }) })
      .getByText('Per categorie: is niet geldig')
      .waitFor(LIVE);
    // Nothing was written.
    expect((await t.api('GET', '/api/wallet/loyalty-rules')).body.pointsPerUnit).toBe(1);

    await page.getByLabel('Taal').selectOption('en');
    await categories.fill('apparel = 4\ngift-cards = 0\n');
    await form.getByRole('button', { name: 'Save' }).click();
    await page.getByText('Loyalty rules saved.').waitFor(LIVE);
    const rules = (await t.api('GET', '/api/wallet/loyalty-rules')).body;
    expect(rules).toMatchObject({
      pointsPerUnit: 2,
      channels: { [webshop.id]: 3 },
      categories: { apparel: 4, 'gift-cards': 0 },
      tiers, // kept as they were
    });
    // The page shows what was saved after a reload.
    await page.reload();
    await expect.poll(() => categories.inputValue(), LIVE).toBe('apparel = 4\ngift-cards = 0');
    await t.screenshot(page, 'loyalty-saved');
  });

  it('edits the tiers: a bad or repeated value is refused on its row, a tier added, another removed', async () => {
    const page = await (await t.newContext()).newPage();
    await adminLogin(page, t.base);
    await page.goto(`${t.base}/admin/loyalty`);
    const form = page.getByRole('form', { name: 'Loyalty rules' });
    const gold = form.locator('fieldset[data-tier="0"]');
    await expect.poll(() => gold.getByLabel('Name').inputValue(), LIVE).toBe('Gold');
    await form.getByRole('button', { name: 'Add a tier' }).click();
    const added = form.locator('fieldset[data-tier="1"]');
    await added.getByLabel('Name').fill('Silver');
    await added.getByLabel('Code').fill('Silver!');
    await added.getByLabel('Lifetime points to reach it').fill('lots');
    await added.getByLabel('Points multiplier').fill('1.5');
    await form.getByRole('button', { name: 'Save' }).click();
    const invalid = (label: string) =>
      added.locator('.field-invalid', { has: page.getByLabel(label, { exact: true }) });
    await invalid('Code').waitFor(LIVE);
    await invalid('Lifetime points to reach it').waitFor(LIVE);
    expect(await gold.locator('.field-invalid').count()).toBe(0);
    await t.screenshot(page, 'loyalty-tier-refused');
    // Gold's threshold again: refused on the new row's threshold, as used twice.
    await added.getByLabel('Code').fill('silver');
    await added.getByLabel('Lifetime points to reach it').fill('500');
    await form.getByRole('button', { name: 'Save' }).click();
    await invalid('Lifetime points to reach it').getByText('is used twice').waitFor(LIVE);
    expect(await invalid('Code').count()).toBe(0);
    expect((await t.api('GET', '/api/wallet/loyalty-rules')).body.tiers).toHaveLength(1);
    await t.screenshot(page, 'loyalty-tier-duplicate');

    await added.getByLabel('Lifetime points to reach it').fill('200');
    await form.getByRole('button', { name: 'Save' }).click();
    await page.getByText('Loyalty rules saved.').waitFor(LIVE);
    expect((await t.api('GET', '/api/wallet/loyalty-rules')).body.tiers).toEqual([
      { code: 'gold', name: 'Gold', threshold: 500, multiplier: 2 },
      { code: 'silver', name: 'Silver', threshold: 200, multiplier: 1.5 },
    ]);
    await form.getByRole('button', { name: 'Remove Gold' }).click();
    await form.getByRole('button', { name: 'Save' }).click();
    await expect
      .poll(async () => (await t.api('GET', '/api/wallet/loyalty-rules')).body.tiers, LIVE)
      .toEqual([{ code: 'silver', name: 'Silver', threshold: 200, multiplier: 1.5 }]);
    await page.reload();
    await expect.poll(() => gold.getByLabel('Name').inputValue(), LIVE).toBe('Silver');
    expect(await form.locator('fieldset[data-tier]').count()).toBe(1);
    await t.screenshot(page, 'loyalty-tiers-saved');
  });
});
