// The CDP in the admin console, in a real browser: an audience is created with the rule editor and
// a customer who matches it shows as a member (the count follows the live evaluation); the identity
// rules page saves a new device type.
import { expect, it } from 'vitest';
import { adminLogin, describeBrowser, LIVE } from './browser-harness.js';

describeBrowser('admin CDP pages', (t) => {
  it('creates an audience with the rule editor and shows a matching customer as a member', async () => {
    const page = await (await t.newContext()).newPage();
    await adminLogin(page, t.base);
    await page.getByRole('link', { name: 'Audiences' }).click();
    const form = page.getByRole('form', { name: 'New audience' });
    await form.getByLabel('Key', { exact: true }).fill('gold-plan');
    await form.getByLabel('Name', { exact: true }).fill('Gold plan');
    await form
      .getByLabel('Rule (JSON)')
      .fill('{"type": "trait", "key": "plan", "op": "eq", "value": "gold"}');
    await form.getByRole('button', { name: 'Create' }).click();
    const count = page.locator('tr[data-audience="gold-plan"] [data-testid="member-count"]');
    await expect.poll(() => count.textContent(), LIVE).toBe('0');

    const channels = await t.api('GET', '/api/channels');
    const channelId = channels.body.items[0].id as string;
    const who = await t.api('POST', '/api/customers/identify', {
      channelId,
      identifiers: [{ type: 'email', value: 'gold@browser-cdp.example' }],
      traits: { plan: 'gold' },
    });
    expect(who.status, JSON.stringify(who.body)).toBe(200);
    await expect
      .poll(async () => {
        await page.getByRole('button', { name: 'Refresh' }).click();
        return count.textContent();
      }, LIVE)
      .toBe('1');
    await t.screenshot(page, 'admin-audiences');

    // The identity rules: a retailer's kiosk ids become a device type.
    await page.getByRole('link', { name: 'Identity rules' }).click();
    const devices = page.getByLabel('Device types');
    await expect.poll(() => devices.inputValue(), LIVE).toBe('anonymous_id');
    await devices.fill('anonymous_id\nkiosk_id');
    await page.getByRole('button', { name: 'Save' }).click();
    await page.getByText('Identity rules saved').waitFor();
    const saved = await t.api('GET', '/api/customers/identity-config');
    expect(saved.body.config.deviceTypes).toEqual(['anonymous_id', 'kiosk_id']);
    await t.screenshot(page, 'admin-identity-rules');
  });
});
