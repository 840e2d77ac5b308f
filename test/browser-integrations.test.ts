// The admin's integrations page for channel sync, in a real browser: a connection whose channel is
// down shows its dead letters; the operator pauses and resumes it, and replays the dead letters
// once the channel is back, and the page shows them pushed. The integration forms (#20): a webhook
// endpoint created, tested, refused with the field highlighted, edited and deleted in Dutch, and a
// WooCommerce connection created and tested in English, with no raw error code on the page; an
// inbound connector created and deleted.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { adminLogin, describeBrowser, LIVE } from './browser-harness.js';
import { type ChannelReceiver, startChannelReceiver } from './helpers/channel-receiver.js';

// Set before the hubs start: the channel is a loopback server; retries run in milliseconds.
process.env.OMNIHUB_WEBHOOKS_ALLOW_PRIVATE = '1';
process.env.OMNIHUB_WEBHOOK_RETRY_SCHEDULE_MS = '20,40';
process.env.OMNIHUB_CHANNEL_SYNC_POLL_MS = '20';
process.env.OMNIHUB_CHANNEL_SYNC_LINGER_MS = '30';

describeBrowser('admin integrations: channel sync', (t) => {
  let channel: ChannelReceiver;
  beforeAll(async () => {
    channel = await startChannelReceiver();
  });
  afterAll(async () => channel.close());

  it('shows dead letters of a channel that is down, pauses, resumes and replays them', async () => {
    const webshop = await t.api('GET', '/api/channels/webshop');
    const product = await t.api('POST', '/api/catalog/products', {
      handle: 'sync-lamp',
      defaultLocale: 'en',
      content: { en: { title: 'Sync lamp' } },
      variants: [{ sku: 'SYNC-LAMP' }],
    });
    expect(product.status).toBe(201);
    const listed = await t.api('PUT', `/api/channels/webshop/listings/${product.body.id}`, {
      published: true,
    });
    expect(listed.status).toBeLessThan(300);
    channel.handle = () => ({ status: 503 });
    const created = await t.api('POST', '/api/channel-sync/connections', {
      kind: 'generic',
      channelId: webshop.body.id,
      baseUrl: `${channel.url}/sync`,
      push: ['stock'],
    });
    expect(created.status).toBe(201);
    const connectionId: string = created.body.id;
    const receipt = await t.api('POST', '/api/inventory/adjustments', {
      kind: 'receive',
      sku: 'SYNC-LAMP',
      location: 'store-amsterdam',
      quantity: 4,
    });
    expect(receipt.status).toBe(201);

    const page = await (await t.newContext()).newPage();
    await adminLogin(page, t.base);
    await page.getByRole('link', { name: 'Integrations' }).click();
    const row = page.locator(`tr[data-connection="${connectionId}"]`);
    // First attempt + 2 retries, then the dead-letter queue; the page follows live.
    await expect.poll(() => row.locator('[data-testid="sync-dead"]').textContent(), LIVE).toBe('1');

    await row.getByRole('button', { name: 'Pause' }).click();
    await expect.poll(() => row.locator('[data-testid="sync-status"]').textContent(), LIVE).toBe('Paused');
    await row.getByRole('button', { name: 'Resume' }).click();
    await expect.poll(() => row.locator('[data-testid="sync-status"]').textContent(), LIVE).toBe('Active');

    channel.handle = () => ({ status: 200 });
    await row.getByRole('button', { name: 'Replay dead letters' }).click();
    // Three refused attempts, then the replayed push.
    await channel.waitFor((all) => all.length >= 4);
    expect(channel.requests[3]!.json.items[0]).toMatchObject({ sku: 'SYNC-LAMP', availableToSell: 4 });
    await expect.poll(() => row.locator('[data-testid="sync-dead"]').textContent(), LIVE).toBe('0');
    await t.screenshot(page, 'admin-channel-sync');
  });

  it('webhook endpoint and channel sync forms with Send test and Test connection, in Dutch and English', async () => {
    const rawCode = /\b[a-z]+_[a-z_]+\b/;
    channel.handle = (r) =>
      r.path.startsWith('/wp-json')
        ? r.headers.authorization === `Basic ${Buffer.from('ck_1:cs_1').toString('base64')}`
          ? { status: 200, body: [] }
          : { status: 401, body: { code: 'woocommerce_rest_cannot_view' } }
        : { status: 204 };
    const page = await (await t.newContext()).newPage();
    await adminLogin(page, t.base);
    page.on('pageerror', (e) => console.log('PAGEERROR', e));
    page.on('console', (m) => console.log('CONSOLE', m.text()));
    await page.getByLabel('Language').selectOption('nl');
    await page.getByRole('link', { name: 'Koppelingen' }).click();

    // Create in Dutch; an event type the hub refuses is highlighted on its field, in Dutch.
    const form = page.getByRole('form', { name: 'Nieuw webhook-endpoint' });
    await form.getByLabel('URL').fill(`${channel.url}/orders-hook`);
    await form.getByLabel('Soorten gebeurtenissen').fill('Order Created');
    await form.getByRole('button', { name: 'Aanmaken' }).click();
    const typesInput = form.getByLabel('Soorten gebeurtenissen');
    await expect.poll(() => typesInput.getAttribute('aria-invalid'), LIVE).toBe('true');
    const fieldError = form.locator('.field-invalid .field-error');
    await expect.poll(() => fieldError.textContent(), LIVE).toContain('Soorten gebeurtenissen');
    expect(await page.locator('main').innerText()).not.toMatch(rawCode);
    await t.screenshot(page, 'admin-endpoint-field-error-nl');

    await typesInput.fill('order.*');
    await form.getByRole('button', { name: 'Aanmaken' }).click();
    const row = page.locator(`tr[data-endpoint-row="${channel.url}/orders-hook"]`);
    await row.waitFor();
    await expect
      .poll(() => page.getByRole('status').or(page.locator('.notice')).first().innerText(), LIVE)
      .toMatch(/whsec_/);
    await row.getByRole('button', { name: 'Test versturen' }).click();
    const result = row.locator('[data-testid="endpoint-test-result"]');
    await expect.poll(() => result.textContent(), LIVE).toMatch(/^Test afgeleverd: HTTP 204 in \d+ ms\.$/);
    const hit = channel.requests.find((r) => r.path === '/orders-hook');
    expect(hit?.json).toMatchObject({ type: 'webhook.test' });
    expect(String(hit?.headers['webhook-signature'])).toMatch(/^v1,/);

    // The receiver fails: the status is shown as a Dutch sentence.
    channel.handle = () => ({ status: 500 });
    await row.getByRole('button', { name: 'Test versturen' }).click();
    await expect.poll(() => result.textContent(), LIVE).toContain('HTTP 500');
    expect(await result.textContent()).toContain('niet aangenomen');
    await t.screenshot(page, 'admin-endpoint-test-nl');

    // Edit: the description is saved; then delete.
    await row.getByRole('button', { name: 'Bewerken' }).click();
    const edit = page.getByRole('form', { name: `Eindpunt ${channel.url}/orders-hook bewerken` });
    await edit.getByLabel('Omschrijving').fill('Orders naar het ERP');
    await edit.getByRole('button', { name: 'Opslaan' }).click();
    await expect.poll(() => row.innerText(), LIVE).toContain('Orders naar het ERP');
    await row.getByRole('button', { name: 'Verwijderen' }).click();
    const askEndpoint = page.getByRole('dialog', {
      name: `Eindpunt ${channel.url}/orders-hook en de wachtende leveringen verwijderen?`,
    });
    await askEndpoint.getByRole('button', { name: 'Verwijderen' }).click();
    await row.waitFor({ state: 'detached' });

    // English: a WooCommerce connection through the form, tested with good and wrong credentials.
    await page.getByLabel('Taal').selectOption('en');
    channel.handle = (r) =>
      r.headers.authorization === `Basic ${Buffer.from('ck_1:cs_1').toString('base64')}`
        ? { status: 200, body: [] }
        : { status: 401, body: { code: 'woocommerce_rest_cannot_view' } };
    const sync = page.getByRole('form', { name: 'New channel sync connection' });
    await sync.getByLabel('Channel type').selectOption('woocommerce');
    await sync.getByLabel('Channel', { exact: true }).selectOption({ label: 'Fjord & Field webshop' });
    await sync.getByLabel('Name').fill('Woo shop');
    await sync.getByLabel('Address').fill(`${channel.url}/woo`);
    await sync.getByLabel('Consumer key').fill('ck_1');
    await sync.getByLabel('Consumer secret').fill('cs_1');
    await sync.getByRole('button', { name: 'Create' }).click();
    const list = await t.api('GET', '/api/channel-sync/connections');
    await expect
      .poll(async () => (await t.api('GET', '/api/channel-sync/connections')).body.items.length, LIVE)
      .toBeGreaterThan(list.body.items.length - 1);
    const woo = (await t.api('GET', '/api/channel-sync/connections')).body.items.find(
      (c: { name: string }) => c.name === 'Woo shop',
    );
    const syncRow = page.locator(`tr[data-connection="${woo.id}"]`);
    await syncRow.getByRole('button', { name: 'Test connection' }).click();
    const syncResult = syncRow.locator('[data-testid="connection-test-result"]');
    await expect
      .poll(() => syncResult.textContent(), LIVE)
      .toMatch(/^Connection works: HTTP 200 in \d+ ms\.$/);
    await syncRow.getByRole('button', { name: 'Edit' }).click();
    const syncEdit = page.getByRole('form', { name: 'Edit: Woo shop' });
    await syncEdit.getByLabel('Consumer secret').fill('cs_wrong');
    await syncEdit.getByLabel('Consumer key').fill('ck_1');
    await syncEdit.getByRole('button', { name: 'Save' }).click();
    await page.getByRole('form', { name: 'New channel sync connection' }).waitFor();
    await syncRow.getByRole('button', { name: 'Test connection' }).click();
    await expect.poll(() => syncResult.textContent(), LIVE).toContain('HTTP 401');
    expect(await page.locator('main').innerText()).not.toMatch(rawCode);
    await t.screenshot(page, 'admin-channel-sync-test-en');

    // An inbound connector made through its form and deleted from its row (asked first).
    const made = page.getByRole('form', { name: 'New inbound connector' });
    await made.getByLabel('Source', { exact: true }).selectOption('woocommerce');
    await made.getByLabel('Name', { exact: true }).fill('Old Woo orders');
    await made.getByRole('button', { name: 'Create' }).click();
    const connectorRow = page.locator('tr[data-connector-row="Old Woo orders"]');
    await connectorRow.waitFor();
    await connectorRow.getByRole('button', { name: 'Delete' }).click();
    const askConnector = page.getByRole('dialog', { name: /Old Woo orders/ });
    await askConnector.getByRole('button', { name: 'Delete' }).click();
    await connectorRow.waitFor({ state: 'detached' });
    const left = (await t.api('GET', '/api/connectors')).body.items as Array<{ name: string }>;
    expect(left.map((c) => c.name)).not.toContain('Old Woo orders');
  });
});
