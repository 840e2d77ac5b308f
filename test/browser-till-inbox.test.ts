// The inbox at the counter and product links, through the real pages in headless Chromium: an agent
// (English) links a product in an email reply (the link to its page on the web shop goes out by mail);
// a clerk signed in at the Amsterdam till resumes the customer's cart and sees their conversation
// with that reply as the last message (Spanish); her new messages appear live in the list and in the
// open thread (Swedish), where the clerk downloads the file she sent and notes the shop visit, which
// the inbox then shows; the tab reads in Bulgarian, Dutch and English too.
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { HubConfig } from '../src/platform/config.js';
import { adminLogin, describeBrowser, LIVE, RAW_ERROR_CODE } from './browser-harness.js';
import { type SmtpCapture, startSmtpCapture } from './helpers/smtp-capture.js';

let smtp: SmtpCapture;
const config: Partial<HubConfig> = {};
beforeAll(async () => {
  smtp = await startSmtpCapture();
  config.smtpUrl = smtp.url;
});
afterAll(async () => smtp?.close());

const TABLET = { width: 1024, height: 768 };
const LENA = 'lena.till@example.com';
const PASSWORD = 'correct horse battery';
const RECEIPT = 'Fjell parka, size L, 1 x';

describeBrowser(
  'the inbox at the till, and product links in replies',
  (t) => {
    let conversationId = '';

    it('sets up a clerk, the customer’s email and her cart on the web shop', async () => {
      const locations = (await t.api('GET', '/api/inventory/locations')).body.items as Array<{
        id: string;
        code: string;
      }>;
      const amsterdam = locations.find((l) => l.code === 'store-amsterdam')!;
      const clerk = await t.api('POST', '/api/staff', {
        name: 'Tove',
        email: 'tove@shop.example',
        role: 'clerk',
        locationIds: [amsterdam.id],
        password: PASSWORD,
      });
      expect(clerk.status, JSON.stringify(clerk.body)).toBe(201);
      const received = await t.hub.services.inboxFlow.receiveInbound(t.hub.systemCtx(), {
        channelKind: 'email',
        externalId: '<parka-1@example.com>',
        from: { identifierType: 'email', value: LENA, trust: 'claimed' },
        subject: 'Parka sizes',
        text: 'Does the Fjell parka run small?',
        occurredAt: new Date(),
      });
      conversationId = received.conversation.id;
      const webshop = (await t.api('GET', '/api/channels/webshop')).body.id as string;
      const key = (
        await t.api('POST', '/api/keys', { name: 'web-carts', scopes: ['carts:write'], channelId: webshop })
      ).body.secret as string;
      const parka = (await t.api('GET', '/api/channels/webshop/suggest?q=parka')).body.suggestions[0];
      const product = (await t.api('GET', `/api/channels/webshop/products/${parka.handle}`)).body;
      const sku = product.variants[0].sku as string;
      const res = await fetch(`${t.base}/api/carts`, {
        method: 'POST',
        headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' },
        body: JSON.stringify({
          profileId: received.conversation.customerId,
          email: LENA,
          lines: [{ sku, quantity: 1 }],
        }),
      });
      expect(res.status, await res.clone().text()).toBe(201);
    });

    it('(en) the agent links a product in the reply; the mail carries its web shop page', async () => {
      const page = await (await t.newContext({ width: 1400, height: 900 })).newPage();
      await adminLogin(page, t.base);
      await page.goto(`${t.base}/admin/inbox/${conversationId}`);
      const links = page.getByRole('group', { name: 'Link a product' });
      await links.getByLabel('Product name').fill('parka');
      await links.getByLabel('Product name').press('Enter');
      await links.getByText(/Links open on the .* storefront\./).waitFor();
      await t.screenshot(page, 'inbox-product-link-found');
      await links
        .getByRole('button', { name: /^Insert link to Fjell/ })
        .first()
        .click();
      const answer = page.getByLabel('Your answer');
      await expect.poll(() => answer.inputValue(), LIVE).toMatch(/\/store\/webshop\/p\/fjell-/);
      await answer.fill(`Try one size up: ${await answer.inputValue()}`);
      await page.getByRole('button', { name: 'Send reply' }).click();
      const mail = await smtp.nextMailTo(LENA, 15_000);
      expect(mail.raw).toMatch(/\/store\/webshop\/p\/fjell-/);
      expect(await page.locator('main').innerText()).not.toMatch(RAW_ERROR_CODE);
      await t.screenshot(page, 'inbox-product-link-sent');
    });

    it('(es, sv) the clerk sees the customer’s conversation at the till, reads it and notes the visit', async () => {
      const c = await t.browser.newContext({ baseURL: t.base, viewport: TABLET, locale: 'en-US' });
      c.setDefaultTimeout(15_000);
      const till = await c.newPage();
      await till.goto(`${t.base}/pos/store-amsterdam`);
      await till.getByLabel('Email').fill('tove@shop.example');
      await till.getByLabel('Password').fill(PASSWORD);
      await till.getByRole('button', { name: 'Sign in', exact: true }).click();
      await till.getByTestId('clerk').waitFor();
      await till.getByLabel('Language').selectOption('es');
      const find = till.getByRole('form', { name: 'Buscar el carrito del cliente' });
      await find.locator('select').selectOption('email');
      await find.locator('input').fill(LENA);
      await find.locator('button[type="submit"]').click();
      await till.getByRole('button', { name: 'Continuar aquí' }).click();
      const panel = till.getByTestId('till-conversations');
      const item = panel.getByTestId('till-conversation');
      await expect.poll(() => item.count(), LIVE).toBe(1);
      expect(await panel.getByRole('heading').first().textContent()).toBe('Conversaciones');
      expect(await item.textContent()).toMatch(
        /Correo.*Agente: Try one size up: .*\/store\/webshop\/p\/fjell-/s,
      );
      await t.screenshot(till, 'pos-conversations-es');

      // Live, on the page's one stream: her new message appears without a reload.
      await panel.locator('[data-live="live"]').waitFor();
      const write = (id: string, text: string, file?: string) =>
        t.hub.services.inboxFlow.receiveInbound(t.hub.systemCtx(), {
          channelKind: 'email',
          externalId: `<${id}@example.com>`,
          from: { identifierType: 'email', value: LENA, trust: 'claimed' },
          text,
          ...(file
            ? { attachments: [{ filename: file, contentType: 'text/plain', content: Buffer.from(RECEIPT) }] }
            : {}),
          occurredAt: new Date(),
        });
      await write('parka-2', 'I will come by this afternoon.');
      await expect.poll(() => item.textContent(), LIVE).toMatch(/Cliente: I will come by this afternoon\./);

      await till.getByLabel('Idioma').selectOption('sv');
      await panel.getByRole('button', { name: 'Öppna konversationen: Parka sizes' }).click();
      const timeline = panel.getByTestId('till-message');
      await expect.poll(() => timeline.count(), LIVE).toBe(3);
      // The open thread follows too, and the clerk downloads the file she sent.
      await write('parka-3', 'My receipt.', 'kvitto.txt');
      await expect.poll(() => timeline.count(), LIVE).toBe(4);
      const saved = till.waitForEvent('download');
      await panel.getByRole('button', { name: `Ladda ner kvitto.txt (${RECEIPT.length} byte)` }).click();
      const download = await saved;
      expect(download.suggestedFilename()).toBe('kvitto.txt');
      const chunks: Buffer[] = [];
      for await (const c of await download.createReadStream()) chunks.push(c as Buffer);
      expect(Buffer.concat(chunks).toString()).toBe(RECEIPT);
      await t.screenshot(till, 'pos-conversation-live-file-sv');
      expect(await panel.textContent()).toContain('Svar skrivs i inkorgen');
      await panel.getByLabel('Vad kunden frågade om eller fick se').fill('Provade parkasen i L, köper den.');
      await panel.getByRole('button', { name: 'Anteckna butiksbesöket' }).click();
      await panel.getByText('Besöket är antecknat i kundens konversation.').waitFor();
      await expect.poll(() => timeline.count(), LIVE).toBe(5);
      expect(await till.locator('main').innerText()).not.toMatch(RAW_ERROR_CODE);
      await t.screenshot(till, 'pos-conversation-thread-sv');

      // The tab in the other languages of the console (names of channels from the inbox's catalog).
      for (const [lang, title, back, kind] of [
        ['bg', 'Разговори', 'Обратно към разговорите', 'Имейл'],
        ['nl', 'Gesprekken', 'Terug naar de gesprekken', 'E-mail'],
        ['en', 'Conversations', 'Back to the conversations', 'Email'],
      ] as const) {
        await till.locator('header select').selectOption(lang);
        await panel.getByRole('heading', { name: title }).waitFor();
        await panel.getByRole('button', { name: back }).waitFor();
        expect(await panel.textContent()).toContain(kind);
        expect(await till.locator('main').innerText()).not.toMatch(RAW_ERROR_CODE);
      }
      await t.screenshot(till, 'pos-conversation-thread-en');

      const thread = await t.api('GET', `/api/inbox/conversations/${conversationId}`);
      expect(thread.body.messages.at(-1)).toMatchObject({ direction: 'note', channelKind: 'store_note' });
    });
  },
  { config },
);
