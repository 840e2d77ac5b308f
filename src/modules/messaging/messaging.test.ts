// Rendering and send-time rules of messaging, without a database: one brand in every format, SMS
// segments, the missing-variable refusal, quiet hours in the customer's zone and the cap.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { SAMPLE_VARIABLES } from './default-templates.js';
import { DEFAULT_SETTINGS } from './messaging.service.js';
import { mjmlCompiler } from './mjml-compiler.js';
import { checkVariables, emailMjml, fill, renderMessage, smsSegments } from './render.js';

import { cappedUntil, quietUntil } from './send-rules.js';

const brand = {
  ...DEFAULT_SETTINGS.brand,
  name: 'Fjällfolk',
  primaryColour: '#aa3300',
  signature: 'Team Fjällfolk',
};
const content = { subject: '{{shop}}: hi', body: 'Cart {{total}}\n\nCode {{handoffCode}}', cta: 'Open' };
const wa = { name: 'abandoned_cart', language: 'en' };

describe('rendering', () => {
  afterEach(() => vi.restoreAllMocks());

  it('renders email through MJML with the brand and a text part', async () => {
    const r = await renderMessage('email', content, brand, SAMPLE_VARIABLES, wa);
    expect(r.html).toContain('<table');
    expect(r.html).toContain('#aa3300');
    expect(r.html).toContain(SAMPLE_VARIABLES.link!.replace(/&/g, '&amp;'));
    expect(r.text).toContain('Code K7QX4M');
    expect(r.text).toContain('Team Fjällfolk');
  });

  it('compiles each email variant once; every mail gets the HTML a fresh compile gives, values escaped', async () => {
    const variant = {
      ...content,
      subject: '{{shop}}: once',
      body: 'Cart {{ total }}\n\nCode {{handoffCode}}',
    };
    const hostile = { ...SAMPLE_VARIABLES, total: '<b>€1 & "2"</b>', link: "https://x.test/?a=1&b='2'" };
    // A spy on the process's one compiler (not a module mock: with isolate off, render.js may already
    // be loaded by another file of this worker, holding the real module).
    const compile = vi.spyOn(mjmlCompiler, 'compile');
    const first = await renderMessage('email', variant, brand, SAMPLE_VARIABLES, wa);
    const second = await renderMessage('email', variant, brand, hostile, wa);
    expect(compile).toHaveBeenCalledTimes(1);
    const { default: mjml2html } = await import('mjml');
    for (const [r, v] of [
      [first, SAMPLE_VARIABLES],
      [second, hostile],
    ] as const) {
      const direct = await mjml2html(
        emailMjml(brand, fill(variant.subject, v), fill(variant.body, v), variant.cta, v.link),
        { validationLevel: 'soft' },
      );
      expect(r.html).toBe(direct.html);
    }
    expect(second.html).toContain('&lt;b&gt;€1 &amp; &quot;2&quot;&lt;/b&gt;');
    // Another brand (or a saved variant) is another source: compiled anew.
    await renderMessage('email', variant, { ...brand, primaryColour: '#003366' }, SAMPLE_VARIABLES, wa);
    expect(compile).toHaveBeenCalledTimes(2);
  });

  it('counts SMS segments: GSM-7 160/153, UCS-2 70/67, extension characters count twice', () => {
    expect(smsSegments('a'.repeat(160))).toEqual({ encoding: 'GSM-7', characters: 160, segments: 1 });
    expect(smsSegments('a'.repeat(161)).segments).toBe(2);
    expect(smsSegments('€'.repeat(80))).toEqual({ encoding: 'GSM-7', characters: 160, segments: 1 });
    expect(smsSegments('я'.repeat(70))).toEqual({ encoding: 'UCS-2', characters: 70, segments: 1 });
    expect(smsSegments('я'.repeat(71)).segments).toBe(2);
  });

  it('gives WhatsApp the parameters in order and the other formats their shape', async () => {
    const w = await renderMessage('whatsapp', content, brand, SAMPLE_VARIABLES, wa);
    expect(w.whatsapp).toEqual({ ...wa, parameters: ['€49.00', 'K7QX4M'] });
    const receipt = await renderMessage('receipt', content, brand, SAMPLE_VARIABLES, wa);
    expect(receipt.text.length).toBeLessThanOrEqual(48);
    const banner = await renderMessage('banner', content, brand, SAMPLE_VARIABLES, wa);
    expect(banner.html).toContain('#aa3300');
  });

  it('refuses an unknown variable or one without a value, naming the field', () => {
    expect(() => checkVariables({ ...content, body: '{{nope}}' }, ['total'])).toThrow();
    try {
      checkVariables(content, ['shop', 'total', 'handoffCode'], { shop: 'x', total: '1' });
      expect.unreachable();
    } catch (e) {
      expect(JSON.stringify((e as { issues?: unknown }).issues)).toContain('handoffCode');
    }
  });
});

describe('send-time rules', () => {
  it("holds a message in the customer's quiet hours until they end, in their zone", () => {
    // 22:30 in Stockholm (UTC+1 in winter) → 08:00 local = 07:00 UTC.
    const at = new Date('2026-01-10T21:30:00Z');
    expect(quietUntil(at, 'Europe/Stockholm', { start: 21, end: 8 })?.toISOString()).toBe(
      '2026-01-11T07:00:00.000Z',
    );
    expect(
      quietUntil(new Date('2026-01-10T12:00:00Z'), 'Europe/Stockholm', { start: 21, end: 8 }),
    ).toBeNull();
    expect(quietUntil(at, 'America/New_York', { start: 21, end: 8 })).toBeNull(); // 16:30 there
  });

  it('holds past the cap until the oldest counted message is 24 h old', () => {
    const oldest = new Date('2026-01-10T10:00:00Z');
    expect(cappedUntil({ count: 1, oldest }, 2)).toBeNull();
    expect(cappedUntil({ count: 2, oldest }, 2)?.getTime()).toBe(oldest.getTime() + 86_401_000);
  });
});
