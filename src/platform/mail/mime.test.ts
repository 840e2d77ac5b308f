import { simpleParser } from 'mailparser';
import { describe, expect, it } from 'vitest';
import { composeMime } from './mime.js';

describe('composeMime', () => {
  it('composes a multipart mail that parses back to the same subject, parts and headers', async () => {
    const link = `http://shop.test/store/web/cart?cart=crt_1&lang=sv&x=${'y'.repeat(90)}`;
    const { raw, envelope } = composeMime(
      {
        to: 'kund@example.test',
        subject: 'Fjällfolk: din order kan hämtas nu, en lång rubrik som viks över flera rader',
        text: `Hej!\n\nDin order kan hämtas. Kod H4KM9Q2T.\n\nÖppna: ${link}`,
        html: `<p>hämtas &amp; <a href="${link}">öppna</a></p>`.repeat(40),
        messageId: '<snd_1@omnihub>',
        headers: { 'List-Unsubscribe': '<http://shop.test/unsubscribe/tok>', 'X-Bad\r\nInjected': 'no' },
      },
      'Fjällfolk Shop <no-reply@shop.test>',
      new Date('2026-12-06T10:00:00Z'),
    );
    expect(envelope).toEqual({ from: 'no-reply@shop.test', to: ['kund@example.test'] });
    const mail = await simpleParser(raw);
    expect(mail.subject).toBe('Fjällfolk: din order kan hämtas nu, en lång rubrik som viks över flera rader');
    expect(mail.from?.value[0]).toEqual({ name: 'Fjällfolk Shop', address: 'no-reply@shop.test' });
    expect(mail.text?.trim()).toBe(`Hej!\n\nDin order kan hämtas. Kod H4KM9Q2T.\n\nÖppna: ${link}`);
    expect(mail.html).toContain('<a href="http://shop.test/store/web/cart?cart=crt_1');
    expect(mail.messageId).toBe('<snd_1@omnihub>');
    expect(raw.toString()).toContain('List-Unsubscribe: <http://shop.test/unsubscribe/tok>');
    expect(raw.toString()).not.toContain('Injected');
    expect(raw.toString()).toMatch(/h=C3=A4mtas/); // the text stays readable as nodemailer wrote it
  });

  it('keeps a header value on one line and encodes a non-Latin subject', async () => {
    const { raw } = composeMime(
      {
        to: 'a@example.test\r\nBcc: x@evil.test',
        subject: 'Поръчка B-1 е готова\r\nBcc: y@evil.test',
        text: 'ok',
        html: '<b>ok</b>',
      },
      'Omnihub <no-reply@localhost>',
      new Date(),
    );
    const mail = await simpleParser(raw);
    expect(mail.subject).toBe('Поръчка B-1 е готова Bcc: y@evil.test');
    expect(mail.bcc).toBeUndefined();
    expect(mail.text?.trim()).toBe('ok');
  });
});
