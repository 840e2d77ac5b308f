// The admin's inbox page in a real browser: one person writes an email (a real SMTP client to the
// hub's SMTP server) and then, signed in on the storefront, a web chat message; an agent signed in
// with her own staff account sees both on one conversation with the customer beside it, fills a
// canned reply, answers by email (the relay gets it with In-Reply-To the customer's mail), assigns
// herself, tags it and leaves a note; a new chat message appears without a reload (live stream).
// Then a cart link: the agent sends it, the customer opens it on another device after signing in.
import nodemailer from 'nodemailer';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { HubConfig } from '../src/platform/config.js';
import { adminLogin, describeBrowser, LIVE } from './browser-harness.js';
import { type SmtpCapture, startSmtpCapture } from './helpers/smtp-capture.js';

let relay: SmtpCapture;
const config: Partial<HubConfig> = { smtpPort: 0, inboxMailDomain: 'shop.example.test' };
beforeAll(async () => {
  relay = await startSmtpCapture();
  config.smtpUrl = relay.url;
  config.mailFrom = 'Shop <support@shop.example.test>';
});
afterAll(async () => relay?.close());

const PASSWORD = 'inbox agent password 1';

describeBrowser(
  'admin inbox',
  (t) => {
    it('shows one person’s email and web chat on one timeline; an agent replies by email', async () => {
      const ana = `ana.${Date.now()}@lind.example.org`;
      const iris = `iris.${Date.now()}@shop.example`;
      const agent = await t.api('POST', '/api/staff', {
        name: 'Iris',
        email: iris,
        role: 'agent',
        password: PASSWORD,
      });
      expect(agent.status, JSON.stringify(agent.body)).toBe(201);
      const canned = await t.api('POST', '/api/inbox/canned-replies', {
        shortcut: 'hello',
        title: 'Greeting',
        body: 'Hello {{customer.name}}, thanks for writing.',
      });
      expect(canned.status).toBe(201);

      // The customer: an email through the hub's own SMTP server…
      await nodemailer
        .createTransport({ host: '127.0.0.1', port: t.hub.smtpInbound!.port, secure: false, ignoreTLS: true })
        .sendMail({
          from: `Ana Lind <${ana}>`,
          to: 'support@shop.example.test',
          subject: 'Parcel missing',
          text: 'My parcel did not arrive.',
          messageId: '<parcel-1@lind.example.org>',
        });
      // …then, signed in on the storefront, a web chat message: the same person, the same conversation.
      const channel = await t.api('POST', '/api/channels', {
        code: `chat-${Date.now()}`,
        name: 'Web',
        type: 'web',
        currency: 'EUR',
        locales: ['en'],
      });
      const shop = await t.api('POST', '/api/keys', {
        name: 'shop',
        kind: 'publishable',
        channelId: channel.body.id,
      });
      const asShop = async (path: string, body: unknown, cookie?: string) => {
        const res = await fetch(`${t.base}${path}`, {
          method: 'POST',
          headers: {
            authorization: `Bearer ${shop.body.secret}`,
            'content-type': 'application/json',
            ...(cookie ? { cookie } : {}),
          },
          body: JSON.stringify(body),
        });
        return {
          status: res.status,
          body: (await res.json().catch(() => ({}))) as Record<string, string>,
        };
      };
      expect((await asShop('/api/shopper/sign-in', { email: ana })).status).toBe(202);
      const code = await relay.signInCode(ana);
      const session = await asShop('/api/shopper/sign-in/verify', { email: ana, code });
      const cookie = `omnihub_shopper=${session.body.token}`;
      const chat = await asShop(
        '/api/chat/messages',
        { text: 'Can you check it?', anonymousId: 'anon-ana' },
        cookie,
      );
      expect(chat.status, JSON.stringify(chat.body)).toBe(201);
      // Her cart on the storefront: the agent can send her its handoff code (a quick action).
      const cart = await asShop('/api/carts', {}, cookie);
      expect(cart.status, JSON.stringify(cart.body)).toBe(201);
      const cartCode = (cart.body as unknown as { handoff: { code: string } }).handoff.code;

      // The agent signs in with her own account and opens the inbox.
      const page = await (await t.newContext({ width: 1400, height: 900 })).newPage();
      await page.goto(`${t.base}/admin`);
      await page.getByLabel('Email').fill(iris);
      await page.getByLabel('Password').fill(PASSWORD);
      await page.getByRole('button', { name: 'Sign in', exact: true }).click();
      await page.getByRole('link', { name: 'Inbox', exact: true }).click();
      await page.getByTestId('inbox-counts').waitFor();
      await page.getByRole('link', { name: /Parcel missing/ }).click();
      const timeline = page.getByRole('list', { name: 'Messages on every channel' });
      await expect.poll(() => timeline.getByTestId('inbox-message').count(), LIVE).toBe(2);
      expect(await timeline.textContent()).toMatch(
        /Email.*My parcel did not arrive.*Web chat.*Can you check it\?/s,
      );
      const customer = page.getByTestId('inbox-customer');
      await expect.poll(() => customer.textContent(), LIVE).toContain(ana);
      expect(await customer.textContent()).toContain('Ana Lind');

      // A canned reply, filled in for Ana, sent by email.
      await page.getByLabel('Canned reply').selectOption({ label: '/hello · Greeting' });
      await expect
        .poll(() => page.getByLabel('Your answer').inputValue(), LIVE)
        .toBe('Hello Ana Lind, thanks for writing.');
      await page.getByLabel('Your answer').fill('Hello Ana Lind, thanks for writing. It ships today.');
      await page.getByLabel('Send on').selectOption({ label: 'Email' });
      await page.getByRole('button', { name: 'Send reply' }).click();
      const mail = await relay.nextMailTo(ana, 15_000);
      expect(mail.raw).toMatch(/In-Reply-To: <parcel-1@lind\.example\.org>/i);
      expect(mail.raw).toContain('It ships today.');
      await expect
        .poll(() => timeline.locator('[data-direction="outbound"]').textContent(), LIVE)
        .toMatch(/Sent/);

      // Assign, tag, note.
      await page.getByLabel('Assign to').selectOption({ label: 'Me (Iris)' });
      await page.getByText('Assigned.').waitFor();
      await page.getByLabel('Add a tag').fill('delivery');
      await page.getByRole('button', { name: 'Add a tag' }).click();
      await page.getByRole('button', { name: 'Remove tag delivery' }).waitFor();
      await page.getByLabel('Your answer').fill('Called the carrier.');
      await page.getByRole('button', { name: 'Add a note' }).click();
      await expect.poll(() => timeline.locator('[data-direction="note"]').count(), LIVE).toBe(1);

      // Live: Ana writes again; the page shows it without a reload.
      const again = await fetch(`${t.base}/api/chat/messages`, {
        method: 'POST',
        headers: {
          authorization: `Bearer ${shop.body.secret}`,
          'content-type': 'application/json',
          'x-chat-token': String(chat.body.token),
        },
        body: JSON.stringify({ text: 'Thank you!', anonymousId: 'anon-ana' }),
      });
      expect(again.status).toBe(201);
      await expect.poll(() => timeline.textContent(), LIVE).toContain('Thank you!');

      // Quick action: the cart's handoff code goes to her on the channel she wrote on last.
      await page.getByRole('button', { name: 'Send cart code' }).click();
      await page.getByText('Cart code sent.').waitFor();
      await expect.poll(() => timeline.textContent(), LIVE).toContain(`Your cart's code is ${cartCode}`);
      await t.screenshot(page, 'admin-inbox');
    }, 45_000);

    it('an agent sends a cart link; the customer opens it on the storefront after signing in', async () => {
      const lena = `lena.${Date.now()}@lind.example.org`;
      const webshop = (await t.api('GET', '/api/channels/webshop')).body as { id: string };
      const shop = await t.api('POST', '/api/keys', {
        name: 'webshop',
        kind: 'publishable',
        channelId: webshop.id,
      });
      const asShop = async (path: string, body: unknown, cookie?: string) => {
        const res = await fetch(`${t.base}${path}`, {
          method: 'POST',
          headers: {
            authorization: `Bearer ${shop.body.secret}`,
            'content-type': 'application/json',
            ...(cookie ? { cookie } : {}),
          },
          body: JSON.stringify(body),
        });
        return { status: res.status, body: (await res.json().catch(() => ({}))) as Record<string, unknown> };
      };
      // Lena, signed in on one device, fills a cart and asks in the web chat.
      expect((await asShop('/api/shopper/sign-in', { email: lena })).status).toBe(202);
      const session = await asShop('/api/shopper/sign-in/verify', {
        email: lena,
        code: await relay.signInCode(lena),
      });
      const cookie = `omnihub_shopper=${String(session.body.token)}`;
      const cart = await asShop(
        '/api/carts',
        { lines: [{ sku: 'FF-FJELL-PARKA-MOSS-L', quantity: 2 }] },
        cookie,
      );
      expect(cart.status, JSON.stringify(cart.body)).toBe(201);
      const chat = await asShop(
        '/api/chat/messages',
        { text: 'Is the parka warm enough?', anonymousId: 'anon-lena' },
        cookie,
      );
      expect(chat.status, JSON.stringify(chat.body)).toBe(201);

      // The agent sends her the cart as a link.
      const agent = await (await t.newContext({ width: 1400, height: 900 })).newPage();
      await adminLogin(agent, t.base);
      const found = (await t.api('GET', '/api/inbox/search?q=parka')).body as {
        items: Array<{ id: string }>;
      };
      expect(found.items).toHaveLength(1);
      await agent.goto(`${t.base}/admin/inbox/${found.items[0]!.id}`);
      const timeline = agent.getByRole('list', { name: 'Messages on every channel' });
      await expect.poll(() => timeline.textContent(), LIVE).toContain('Is the parka warm enough?');
      await agent.getByRole('button', { name: 'Send cart link' }).click();
      await agent.getByText('Cart link sent.').waitFor();
      await expect.poll(() => timeline.textContent(), LIVE).toContain('/store/webshop/cart?cart=');
      const link = /(https?:\/\/\S+\/store\/webshop\/cart\?cart=\S+) /.exec(
        (await timeline.textContent()) ?? '',
      )?.[1];
      expect(link).toContain(String(cart.body.id));

      // On another device, not signed in: the link asks her to sign in, then opens the cart.
      const phone = await (await t.newContext({ width: 390, height: 844 })).newPage();
      await phone.goto(link!);
      await phone.getByText('Sign in with the email address you wrote to us from').waitFor();
      expect(new URL(phone.url()).search).toBe('');
      await phone.getByLabel('Email').fill(lena);
      await phone.getByRole('button', { name: 'Email me a code' }).click();
      await phone.getByLabel('Code from the email').fill(await relay.signInCode(lena));
      await phone.getByRole('button', { name: 'Log in' }).click();
      await phone.getByText('The cart we sent you is open.').waitFor();
      const line = phone.locator('[data-sku="FF-FJELL-PARKA-MOSS-L"]');
      await expect.poll(() => line.locator('output').textContent(), LIVE).toBe('2');
      await t.screenshot(phone, 'storefront-shared-cart-phone');
    }, 60_000);
  },
  { config },
);
