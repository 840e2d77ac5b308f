// The admin console in a real browser: key login (and refusal), channels, API keys, the live event
// log and language switching; and how the hub answers the app routes when the build is missing.
import { mkdtempSync, rmSync } from 'node:fs';
import { get } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { expect, it } from 'vitest';
import { createHub } from '../src/app.js';
import { loadConfig } from '../src/platform/config.js';
import { openFreshPglite, testLog } from '../src/platform/testing/test-databases.js';
import { ADMIN_KEY, adminLogin, describeBrowser, LIVE } from './browser-harness.js';

it('answers the app routes with problem+json saying how to build when web/dist is missing', async () => {
  const empty = mkdtempSync(join(tmpdir(), 'omnihub-noweb-'));
  // The run's migrated image: what is tested is the missing build, not the migrations (a fresh
  // in-memory hub running every migration once took 78 s on a loaded CI machine).
  const database = await openFreshPglite({ migrated: true });
  const hub = await createHub({
    config: { ...loadConfig({}), demo: false, natsUrl: undefined, databaseUrl: undefined, port: 0 },
    log: testLog as never,
    database,
    webDir: empty,
  });
  try {
    for (const url of ['/admin', '/admin/channels', '/store/webshop', '/pos/store-amsterdam/sell']) {
      const res = await hub.http.inject({ method: 'GET', url });
      expect(res.statusCode).toBe(503);
      expect(res.headers['content-type']).toContain('application/problem+json');
      expect(res.json().detail).toContain('npm run web:build');
    }
    const health = await hub.http.inject({ method: 'GET', url: '/health' });
    expect(health.statusCode).toBe(200);
  } finally {
    await hub.close();
    await database.close();
    rmSync(empty, { recursive: true, force: true });
  }
}, 120_000);

/** A GET without fetch's own decompression: the bytes as sent. */
function rawGet(
  url: string,
  acceptEncoding?: string,
): Promise<{ status: number; headers: Record<string, string | string[] | undefined>; body: Buffer }> {
  return new Promise((resolve, reject) => {
    get(url, { headers: acceptEncoding ? { 'accept-encoding': acceptEncoding } : {} }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () =>
        resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }),
      );
      res.on('error', reject);
    }).on('error', reject);
  });
}

describeBrowser('admin console', (t) => {
  it('serves each app with a history fallback and refuses a wrong key', async () => {
    for (const path of ['/admin/keys', '/store/webshop/cart', '/pos/store-amsterdam/sell']) {
      const res = await fetch(`${t.base}${path}`);
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toContain('text/html');
    }
    const page = await (await t.newContext()).newPage();
    await page.goto(`${t.base}/admin`);
    await page.getByRole('button', { name: 'Use an API key instead (first start, automation)' }).click();
    await page.getByLabel('API key').fill('ohk_not_a_real_key');
    await page.getByRole('button', { name: 'Sign in', exact: true }).click();
    await expect
      .poll(() => page.getByRole('alert').textContent(), LIVE)
      .toContain('the key or session is missing');
    await t.screenshot(page, 'admin-login-refused');
  });

  it("sends the apps' scripts as the build compressed them, to browsers that accept it", async () => {
    const html = await (await fetch(`${t.base}/admin`)).text();
    const script = /<script type="module" crossorigin src="([^"]+\.js)"/.exec(html)?.[1];
    expect(script).toMatch(/^\/web\/assets\//);
    const plain = await rawGet(`${t.base}${script}`);
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.headers.vary).toContain('accept-encoding');
    expect(plain.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    for (const [accepts, encoding, decode] of [
      ['gzip, deflate, br', 'br', brotliDecompressSync],
      ['gzip', 'gzip', gunzipSync],
    ] as const) {
      const res = await rawGet(`${t.base}${script}`, accepts);
      expect(res.status).toBe(200);
      expect(res.headers['content-encoding']).toBe(encoding);
      expect(res.headers['content-type']).toContain('javascript');
      expect(res.headers['cache-control']).toBe('public, max-age=31536000, immutable');
      expect(res.body.length).toBeLessThan(plain.body.length / 2);
      expect(decode(res.body).equals(plain.body)).toBe(true);
    }
  });

  it('logs in, lists the demo channels and creates one', async () => {
    const page = await (await t.newContext()).newPage();
    await adminLogin(page, t.base);
    await t.screenshot(page, 'admin-dashboard');
    await page.getByRole('link', { name: 'Channels' }).click();
    await page.locator('tr[data-channel="webshop"]').waitFor();
    expect(await page.locator('tbody tr').count()).toBeGreaterThanOrEqual(6);
    const form = page.getByRole('form', { name: 'New channel' });
    await form.getByLabel('Code').fill('popup-utrecht');
    await form.getByLabel('Name').fill('Pop-up store Utrecht');
    await form.getByLabel('Type').selectOption('store');
    await form.getByRole('button', { name: 'Create' }).click();
    await page.locator('tr[data-channel="popup-utrecht"]').waitFor();
    const created = await t.api('GET', '/api/channels/popup-utrecht');
    expect(created.body).toMatchObject({ type: 'store', currency: 'EUR', locales: ['en'] });
    await t.screenshot(page, 'admin-channels');
    // The console stays logged in across a reload (sessionStorage), at the same page.
    await page.reload();
    await page.locator('tr[data-channel="popup-utrecht"]').waitFor();
  });

  it('creates a channel-bound key, shows its secret once, and revokes it', async () => {
    const page = await (await t.newContext()).newPage();
    await adminLogin(page, t.base);
    await page.getByRole('link', { name: 'API keys' }).click();
    const form = page.getByRole('form', { name: 'New key' });
    await form.getByLabel('Name').fill('webshop storefront');
    await form.getByLabel('Scopes').fill('catalog:read carts:write');
    await form.getByLabel('Channel').selectOption({ label: 'Fjord & Field webshop' });
    await form.getByRole('button', { name: 'Create' }).click();
    const secret = (await page.getByTestId('new-secret').textContent())!.trim();
    const me = await fetch(`${t.base}/api/me`, { headers: { authorization: `Bearer ${secret}` } });
    expect(me.status).toBe(200);
    const webshop = await t.api('GET', '/api/channels/webshop');
    expect(((await me.json()) as { channelId: string }).channelId).toBe(webshop.body.id);
    await t.screenshot(page, 'admin-keys');
    await page.getByRole('button', { name: 'Revoke webshop storefront' }).click();
    await expect
      .poll(
        async () =>
          (await fetch(`${t.base}/api/me`, { headers: { authorization: `Bearer ${secret}` } })).status,
        LIVE,
      )
      .toBe(401);
    // The admin's own key cannot be revoked from its session.
    expect(await page.getByText('This session').count()).toBe(1);
  });

  it('shows new events live without a reload, in the chosen language', async () => {
    const page = await (await t.newContext()).newPage();
    await adminLogin(page, t.base);
    await page.getByRole('link', { name: 'Event log' }).click();
    await page.locator('[data-live="live"], [data-live="polling"]').waitFor();
    const before = await page.locator('tr[data-event-type="channel.created"]').count();
    const r = await t.api('POST', '/api/channels', {
      code: 'live-check',
      name: 'Live check',
      type: 'web',
      currency: 'SEK',
      locales: ['sv'],
    });
    expect(r.status).toBe(201);
    await expect
      .poll(() => page.locator('tr[data-event-type="channel.created"]').count(), LIVE)
      .toBe(before + 1);
    await page.getByLabel('Language').selectOption('nl');
    await page.getByRole('link', { name: 'Kanalen' }).waitFor();
    expect(await page.locator('html').getAttribute('lang')).toBe('nl');
    await t.screenshot(page, 'admin-events-nl');
    expect(ADMIN_KEY).toMatch(/^ohk_/);
  });
});
