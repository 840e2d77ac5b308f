// Web push on the storefront (#15), in headless Chromium: the signed-in shopper turns notifications
// on from their account page; the page asks for permission only then, subscribes through the
// storefront's service worker with the hub's VAPID public key and the hub stores the subscription
// for that shopper; turning them off removes it. The worker shows a pushed message as a notification.
// PushManager.subscribe registers with the browser vendor's push service (Chromium: Google's FCM) on
// the internet, which tests never use; so the test stands in for that one browser call: the page's
// subscription is a fixed endpoint and key pair, and the call's options (userVisibleOnly,
// applicationServerKey) are checked. A real Chromium subscription was not tried here.
// The push delivery itself (encryption, VAPID, 404/410) is covered against a stand-in push service
// in web-push.test.ts.
import { createECDH, randomBytes } from 'node:crypto';
import { sql } from 'drizzle-orm';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { HubConfig } from '../src/platform/config.js';
import { rows } from '../src/platform/db/database.js';
import { adminLogin, describeBrowser, LIVE } from './browser-harness.js';
import { type SmtpCapture, startSmtpCapture } from './helpers/smtp-capture.js';

let smtp: SmtpCapture;
const config: Partial<HubConfig> = {};
beforeAll(async () => {
  smtp = await startSmtpCapture();
  config.smtpUrl = smtp.url;
});
afterAll(async () => smtp?.close());

const PHONE = { width: 390, height: 844 };
// The hub checks a push endpoint's address when it is saved (the SSRF guard resolves it): a loopback
// address, allowed for this test as in web-push.test.ts; nothing is pushed to it here.
process.env.OMNIHUB_WEBHOOKS_ALLOW_PRIVATE = '1';
const ENDPOINT = 'http://127.0.0.1:9/push/browser-store-push';
const ecdh = createECDH('prime256v1');
ecdh.generateKeys();
const KEYS = {
  p256dh: ecdh.getPublicKey().toString('base64url'),
  auth: randomBytes(16).toString('base64url'),
};

/**
 * PushManager as the page sees it: subscribe records its options and returns a fixed subscription,
 * kept across reloads (sessionStorage) as a browser keeps a real one.
 */
const standInPushManager = ({ endpoint, keys }: { endpoint: string; keys: typeof KEYS }) => {
  // Runs in the page (no DOM types in the tests' project).
  const w = globalThis as unknown as {
    __pushCalls: unknown[];
    sessionStorage: {
      getItem(k: string): string | null;
      setItem(k: string, v: string): void;
      removeItem(k: string): void;
    };
    PushManager: { prototype: Record<string, unknown> };
  };
  w.__pushCalls = [];
  const toB64url = (buf: ArrayBuffer | ArrayBufferView) =>
    btoa(String.fromCharCode(...new Uint8Array('buffer' in buf ? buf.buffer : buf)))
      .replace(/\+/g, '-')
      .replace(/\//g, '_')
      .replace(/=+$/, '');
  const subscription = () => ({
    endpoint,
    toJSON: () => ({ endpoint, expirationTime: null, keys }),
    unsubscribe: async () => {
      w.sessionStorage.removeItem('stand-in-push');
      return true;
    },
  });
  const proto = w.PushManager.prototype;
  proto.subscribe = async (options: { userVisibleOnly: boolean; applicationServerKey: ArrayBuffer }) => {
    w.__pushCalls.push({
      userVisibleOnly: options.userVisibleOnly,
      key: toB64url(options.applicationServerKey),
    });
    w.sessionStorage.setItem('stand-in-push', '1');
    return subscription();
  };
  proto.getSubscription = async () => (w.sessionStorage.getItem('stand-in-push') ? subscription() : null);
};

/** Signs the shopper in on the app's storefront with the mailed code and opens their account page. */
async function signInToAccount(page: Page, base: string, email: string) {
  await page.goto(`${base}/store/app`);
  await page.locator('.product-card').first().waitFor();
  await page.getByRole('link', { name: 'Log in' }).click();
  const signIn = page.getByRole('form', { name: 'Log in' });
  await signIn.getByLabel('Email').fill(email);
  await signIn.getByRole('button', { name: 'Email me a code' }).click();
  await signIn.getByLabel('Code from the email').fill(await smtp.signInCode(email, 15_000));
  await signIn.getByRole('button', { name: 'Log in' }).click();
  await page.getByRole('link', { name: email }).click();
}

describeBrowser(
  'storefront web push opt-in',
  (t) => {
    it('a signed-in shopper turns notifications on (subscription stored) and off (removed)', async () => {
      const context = await t.newContext(PHONE);
      await context.grantPermissions(['notifications'], { origin: t.base });
      await context.addInitScript(standInPushManager, { endpoint: ENDPOINT, keys: KEYS });
      const page = await context.newPage();
      const errors: string[] = [];
      page.on('pageerror', (e) => errors.push(e.message));
      const email = `pia-${t.kind}@example.com`;
      await signInToAccount(page, t.base, email);

      // The storefront's service worker controls the page; nothing was asked or subscribed yet.
      await expect.poll(() => page.evaluate('!!navigator.serviceWorker.controller'), LIVE).toBe(true);
      expect(await page.evaluate('navigator.serviceWorker.controller.scriptURL')).toBe(
        `${t.base}/store/sw.js`,
      );
      const panel = page.getByTestId('push-opt-in');
      await expect.poll(() => panel.getAttribute('data-state'), LIVE).toBe('off');
      expect(await page.evaluate('window.__pushCalls.length')).toBe(0);

      await panel.getByRole('button', { name: 'Turn on notifications' }).click();
      await expect.poll(() => panel.getAttribute('data-state'), LIVE).toBe('on');
      const [vapid] = await rows<{ public_key: string }>(
        t.hub.database.db,
        sql`select public_key from messaging_push_keys`,
      );
      expect(await page.evaluate('window.__pushCalls')).toEqual([
        { userVisibleOnly: true, key: vapid!.public_key },
      ]);
      const customer = await t.api('POST', '/api/customers/identify', {
        channelId: (await t.api('GET', '/api/channels/app')).body.id,
        identifiers: [{ type: 'email', value: email }],
      });
      const stored = () =>
        rows<{ endpoint: string; customer_id: string }>(
          t.hub.database.db,
          sql`select endpoint, customer_id from messaging_push_subscriptions where endpoint = ${ENDPOINT}`,
        );
      expect(await stored()).toEqual([{ endpoint: ENDPOINT, customer_id: customer.body.customerId }]);
      const mine = await page.request.get(`${t.base}/api/me/push-subscriptions`);
      expect(mine.status()).toBe(200);
      expect((await mine.json()).items.map((s: { endpoint: string }) => s.endpoint)).toEqual([ENDPOINT]);
      await t.screenshot(page, 'storefront-push-on');

      // Reloaded, the page knows this browser is subscribed; turning off removes it from the hub.
      await page.reload();
      await expect.poll(() => panel.getAttribute('data-state'), LIVE).toBe('on');
      await panel.getByRole('button', { name: 'Turn off notifications' }).click();
      await expect.poll(() => panel.getAttribute('data-state'), LIVE).toBe('off');
      expect(await stored()).toEqual([]);
      expect(errors).toEqual([]);
    });

    it('a signed-in shopper saves their name and birthday on the account page', async () => {
      const page = await (await t.newContext(PHONE)).newPage();
      const errors: string[] = [];
      page.on('pageerror', (e) => errors.push(e.message));
      const email = `bea-${t.kind}@example.com`;
      await signInToAccount(page, t.base, email);
      const details = page.getByTestId('my-details');
      await details.getByLabel('Name').fill('Bea Holm');
      await details.getByLabel('Birthday (optional)').fill('1992-03-14');
      await details.getByRole('button', { name: 'Save' }).click();
      await details.getByRole('status').filter({ hasText: 'Your details are saved.' }).waitFor();
      await t.screenshot(page, 'storefront-my-details');
      const customer = await t.api('POST', '/api/customers/identify', {
        channelId: (await t.api('GET', '/api/channels/app')).body.id,
        identifiers: [{ type: 'email', value: email }],
      });
      const view = await t.api('GET', `/api/customers/${customer.body.customerId}`);
      expect(view.body.traits.birthday.value).toBe('1992-03-14');
      expect(view.body.traits.name.value).toBe('Bea Holm');
      await page.reload();
      await expect
        .poll(() => details.getByLabel('Birthday (optional)').inputValue(), LIVE)
        .toBe('1992-03-14');
      expect(errors).toEqual([]);
    });

    it('the service worker shows a pushed message as a notification', async () => {
      const context = await t.newContext(PHONE);
      await context.grantPermissions(['notifications'], { origin: t.base });
      const page = await context.newPage();
      await page.goto(`${t.base}/store/app`);
      await expect.poll(() => page.evaluate('!!navigator.serviceWorker.controller'), LIVE).toBe(true);
      const cdp = await context.newCDPSession(page);
      const registration = new Promise<string>((resolve) =>
        cdp.on(
          'ServiceWorker.workerRegistrationUpdated',
          (e: { registrations: Array<{ registrationId: string; scopeURL: string }> }) => {
            const r = e.registrations.find((x) => x.scopeURL === `${t.base}/store/`);
            if (r) resolve(r.registrationId);
          },
        ),
      );
      await cdp.send('ServiceWorker.enable');
      const registrationId = await registration;
      const push = () =>
        cdp.send('ServiceWorker.deliverPushMessage', {
          origin: t.base,
          registrationId,
          data: JSON.stringify({
            title: 'Fjord & Field',
            body: 'Your cart is waiting',
            url: `${t.base}/store/app/cart`,
          }),
        });
      await push();
      // Chromium under a loaded CI run has dropped a push delivered through DevTools (no push event,
      // no notification in 15 s; the same test passes alone in 2 s): one still unanswered after 3 s
      // is delivered again, as a push service retries.
      let pushedAt = Date.now();
      const shown = async () => {
        const list = (await page.evaluate(`navigator.serviceWorker.ready
          .then((r) => r.getNotifications())
          .then((list) => list.map((n) => [n.title, n.body, n.data && n.data.url]))`)) as unknown[];
        if (list.length === 0 && Date.now() - pushedAt > 3_000) {
          pushedAt = Date.now();
          await push();
        }
        return list;
      };
      await expect
        .poll(shown, LIVE)
        .toContainEqual(['Fjord & Field', 'Your cart is waiting', `${t.base}/store/app/cart`]);
    });

    it("the admin's customer page shows the customer's send log", async () => {
      const page = await (await t.newContext()).newPage();
      const errors: string[] = [];
      page.on('pageerror', (e) => errors.push(e.message));
      await adminLogin(page, t.base);
      const who = await t.api('POST', '/api/customers/identify', {
        channelId: (await t.api('GET', '/api/channels/app')).body.id,
        identifiers: [{ type: 'email', value: `pia-${t.kind}@example.com` }],
      });
      await page.goto(`${t.base}/admin/customers/${who.body.customerId}`);
      const panel = page.getByTestId('customer-send-log');
      await panel.getByRole('heading', { name: 'Messages sent' }).waitFor();
      await panel.getByText('No messages to this customer yet.').waitFor();
      expect(errors).toEqual([]);
    });
  },
  { config },
);
