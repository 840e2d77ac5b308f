// The CDP in the admin console, in a real browser: an audience is created with the rule editor and
// a customer who matches it shows as a member (the count follows the live evaluation), then its rule
// is edited and the member leaves; a computed trait and a destination (JSONata mapping and filter)
// are created and edited, with the hub's refusals shown on the field; the identity rules page saves
// a new device type after its refused fields were marked.
import { expect, it } from 'vitest';
import { adminLogin, describeBrowser, LIVE } from './browser-harness.js';

// The destination's endpoint is a loopback address nobody listens on (nothing is forwarded here).
process.env.OMNIHUB_WEBHOOKS_ALLOW_PRIVATE = '1';

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

    // The rule is edited in place: saved, the customer no longer matches and leaves.
    await page.locator('tr[data-audience="gold-plan"]').getByRole('button', { name: 'Edit' }).click();
    const edit = page.getByRole('form', { name: 'Edit audience' });
    await expect.poll(() => edit.getByLabel('Key', { exact: true }).inputValue(), LIVE).toBe('gold-plan');
    await edit
      .getByLabel('Rule (JSON)')
      .fill('{"type": "trait", "key": "plan", "op": "eq", "value": "platinum"}');
    await edit.getByRole('button', { name: 'Save' }).click();
    await expect
      .poll(async () => {
        await page.getByRole('button', { name: 'Refresh' }).click();
        return count.textContent();
      }, LIVE)
      .toBe('0');
    const audience = await t.api('GET', '/api/audiences/gold-plan');
    expect(audience.body.rule).toEqual({ type: 'trait', key: 'plan', op: 'eq', value: 'platinum' });

    // A computed trait: created with the form, its window then edited.
    const traitForm = page.getByRole('form', { name: 'New computed trait' });
    await traitForm.getByLabel('Trait key').fill('orders_90d');
    await traitForm.getByLabel('Event', { exact: true }).fill('Order Completed');
    await traitForm.getByLabel('Window (days)').fill('90');
    await traitForm.getByRole('button', { name: 'Create' }).click();
    await page.getByText('Computed trait saved').waitFor();
    await page.locator('tr[data-trait="orders_90d"]').getByRole('button', { name: 'Edit' }).click();
    const traitEdit = page.getByRole('form', { name: 'Edit computed trait' });
    await traitEdit.getByLabel('Aggregate').selectOption('sum');
    await traitEdit.getByRole('button', { name: 'Save' }).click();
    // Sum without a property is refused, and the property field says so.
    await expect.poll(() => traitEdit.locator('.field-invalid').count(), LIVE).toBeGreaterThan(0);
    await traitEdit.getByLabel('Property', { exact: true }).fill('revenue');
    await traitEdit.getByRole('button', { name: 'Save' }).click();
    await page.getByText('Computed trait saved').waitFor();
    const traits = await t.api('GET', '/api/computed-traits');
    expect(
      traits.body.items.find((c: { traitKey: string }) => c.traitKey === 'orders_90d').definition,
    ).toEqual({
      event: 'Order Completed',
      aggregate: 'sum',
      property: 'revenue',
      windowDays: 90,
    });

    // A destination to a webhook endpoint, with a JSONata mapping; then its filter is edited.
    const endpoint = await t.api('POST', '/api/webhooks/endpoints', {
      url: 'http://127.0.0.1:9/hook',
      types: ['segment.track'],
    });
    expect(endpoint.status, JSON.stringify(endpoint.body)).toBe(201);
    await page.reload();
    const destForm = page.getByRole('form', { name: 'New destination' });
    await destForm.getByLabel('Name', { exact: true }).fill('CRM');
    await destForm.getByLabel('Webhook endpoint').selectOption(endpoint.body.id);
    await destForm.getByLabel('Mapping (JSONata)').fill('{ "id": customerId, "total": properties.revenue }');
    await destForm.getByLabel('Consent purpose').fill('analytics');
    await destForm.getByRole('button', { name: 'Create' }).click();
    await page.getByText('Destination saved').waitFor();
    await page.locator('tr[data-destination="CRM"]').getByRole('button', { name: 'Edit' }).click();
    const destEdit = page.getByRole('form', { name: 'Edit destination' });
    await destEdit.getByLabel('Filter (JSONata)').fill('event = "Order Completed" and (');
    await destEdit.getByRole('button', { name: 'Save' }).click();
    await expect.poll(() => destEdit.locator('.field-invalid').count(), LIVE).toBeGreaterThan(0);
    await destEdit.getByLabel('Filter (JSONata)').fill('event = "Order Completed"');
    await destEdit.getByRole('button', { name: 'Save' }).click();
    await page.getByText('Destination saved').waitFor();
    const dests = await t.api('GET', '/api/destinations');
    expect(dests.body.items[0]).toMatchObject({
      name: 'CRM',
      endpointId: endpoint.body.id,
      filter: 'event = "Order Completed"',
      mapping: '{ "id": customerId, "total": properties.revenue }',
      purpose: 'analytics',
    });
    await t.screenshot(page, 'admin-cdp-definitions');

    // The identity rules: a retailer's kiosk ids become a device type.
    await page.getByRole('link', { name: 'Identity rules' }).click();
    const devices = page.getByLabel('Device types');
    await expect.poll(() => devices.inputValue(), LIVE).toBe('anonymous_id');
    // A country by name is refused by the request's schema (`body.defaultPhoneCountry`), a person's
    // identifier as a device type by the service (`deviceTypes.1`): each time the field is marked and
    // the summary names it as people do.
    const country = page.getByLabel('Default phone country');
    const countryBefore = await country.inputValue();
    await country.fill('Netherlands');
    const save = page.getByRole('button', { name: 'Save' });
    await save.click();
    await expect.poll(() => country.getAttribute('aria-invalid'), LIVE).toBe('true');
    const summary = page.locator('.notice-error .field-problems');
    expect(await summary.textContent()).toContain('Default phone country');
    await country.fill(countryBefore);
    await devices.fill('anonymous_id\nemail');
    await save.click();
    await expect.poll(() => devices.getAttribute('aria-invalid'), LIVE).toBe('true');
    expect(await country.getAttribute('aria-invalid')).toBeNull();
    expect(await summary.textContent()).toContain('Device types (line 2)');
    expect(await page.locator('main').textContent()).not.toMatch(
      /deviceTypes|defaultPhoneCountry|validation_failed/,
    );
    await t.screenshot(page, 'admin-identity-rules-refused');
    await devices.fill('anonymous_id\nkiosk_id');
    await page.getByRole('button', { name: 'Save' }).click();
    await page.getByText('Identity rules saved').waitFor();
    const saved = await t.api('GET', '/api/customers/identity-config');
    expect(saved.body.config.deviceTypes).toEqual(['anonymous_id', 'kiosk_id']);
    await t.screenshot(page, 'admin-identity-rules');
  });
});
