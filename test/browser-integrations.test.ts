// The admin's integrations page for channel sync, in a real browser: a connection whose channel is
// down shows its dead letters; the operator pauses and resumes it, and replays the dead letters
// once the channel is back, and the page shows them pushed.
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
});
