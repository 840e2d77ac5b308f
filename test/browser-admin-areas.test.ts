// The admin console's areas over the other modules, in a real browser: inventory by location that
// follows stock changes live (and takes adjustments), and the single customer view from a search.
import { expect, it } from 'vitest';
import { adminLogin, describeBrowser, LIVE } from './browser-harness.js';

describeBrowser('admin console areas', (t) => {
  it('shows stock at a location, takes an adjustment, and follows changes made elsewhere live', async () => {
    // Stock is only received for SKUs the catalog knows.
    const product = await t.api('POST', '/api/catalog/products', {
      handle: 'browser-mug',
      defaultLocale: 'en',
      content: { en: { title: 'Browser mug' } },
      variants: [{ sku: 'BROWSER-MUG' }],
    });
    expect(product.status).toBe(201);
    const page = await (await t.newContext()).newPage();
    await adminLogin(page, t.base);
    await page.getByRole('link', { name: 'Inventory' }).click();
    await page
      .getByLabel('Location', { exact: true })
      .selectOption({ label: 'Fjord & Field Amsterdam (store-amsterdam)' });
    await page.locator('[data-live="live"], [data-live="polling"]').waitFor();
    const form = page.getByRole('form', { name: 'Adjust stock' });
    await form.getByLabel('SKU').fill('BROWSER-MUG');
    await form.getByLabel('Quantity').fill('5');
    await form.getByRole('button', { name: 'Adjust stock' }).click();
    const row = page.locator('tr[data-sku="BROWSER-MUG"] [data-testid="available"]');
    await expect.poll(() => row.textContent(), LIVE).toBe('5');
    // A sale recorded by another client shows here without a reload.
    const sale = await t.api('POST', '/api/inventory/adjustments', {
      kind: 'sale',
      sku: 'BROWSER-MUG',
      location: 'store-amsterdam',
      quantity: 2,
    });
    expect(sale.status).toBe(201);
    await expect.poll(() => row.textContent(), LIVE).toBe('3');
    await t.screenshot(page, 'admin-inventory');
  });

  it('finds a customer by email and opens the single view with identities and their trust', async () => {
    const webshop = (await t.api('GET', '/api/channels/webshop')).body;
    const r = await t.api('POST', '/api/customers/identify', {
      channelId: webshop.id,
      identifiers: [
        { type: 'email', value: 'astrid@example.com', trust: 'verified' },
        { type: 'phone', value: '+31612345678', trust: 'claimed' },
      ],
      traits: { firstName: 'Astrid', lastName: 'Berg' },
    });
    expect(r.status).toBe(200);
    const page = await (await t.newContext()).newPage();
    await adminLogin(page, t.base);
    await page.getByRole('link', { name: 'Customers' }).click();
    await page.getByLabel('Search for').fill('astrid@example.com');
    await page.getByRole('button', { name: 'Search' }).click();
    await page.getByRole('link', { name: 'Astrid Berg' }).click();
    await page.getByRole('heading', { name: 'Astrid Berg' }).waitFor();
    // The identity list comes first; the identity log below it names the same values.
    const identities = page.locator('li', { hasText: 'astrid@example.com' }).first();
    expect(await identities.textContent()).toContain('verified');
    expect(await page.locator('li', { hasText: '+31612345678' }).first().textContent()).toContain('claimed');
    // Tags: added here, and one added through the API shows up live; removing one is one click.
    const tagForm = page.getByRole('form', { name: 'Add tag' });
    await tagForm.getByLabel('Tag').fill('VIP');
    await tagForm.getByRole('button', { name: 'Add tag' }).click();
    await page.locator('[data-tag="vip"]').waitFor();
    const tagged = await t.api('POST', `/api/customers/${r.body.customerId}/tags`, { add: ['newsletter'] });
    expect(tagged.status).toBe(200);
    await page.locator('[data-tag="newsletter"]').waitFor();
    await page.getByRole('button', { name: 'Remove tag vip' }).click();
    await page.locator('[data-tag="vip"]').waitFor({ state: 'detached' });
    const view = await t.api('GET', `/api/customers/${r.body.customerId}`);
    expect(view.body.tags.map((x: { tag: string }) => x.tag)).toEqual(['newsletter']);
    await t.screenshot(page, 'admin-customer');
  });
});
