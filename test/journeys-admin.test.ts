// The admin side of journeys and messages (#15): journeys with their counts, templates in every
// format and language with a preview per format, the brand, and who may call these routes (no key,
// a key without the scope, a channel-bound key and a publishable key are refused).
import { beforeAll, expect, it } from 'vitest';
import { describeEachHub } from './helpers/test-hub.js';

describeEachHub('journeys and messaging admin', (t) => {
  const keys = { reader: '', channelBound: '', publishable: '', other: '' };
  beforeAll(async () => {
    const channel = await t.api('POST', '/api/channels', {
      body: { code: 'jadm-web', name: 'Web', type: 'web', currency: 'EUR', locales: ['en'] },
    });
    const key = async (body: Record<string, unknown>) =>
      (await t.api('POST', '/api/keys', { body: { name: `k-${Math.random()}`, ...body } })).body
        .secret as string;
    keys.reader = await key({ scopes: ['journeys:read'] });
    keys.other = await key({ scopes: ['catalog:read'] });
    keys.channelBound = await key({ scopes: ['journeys:write'], channelId: channel.body.id });
    keys.publishable = await key({ kind: 'publishable', channelId: channel.body.id });
  });

  it('lists the journeys with their steps and counts', async () => {
    const r = await t.api('GET', '/api/journeys', { key: keys.reader });
    expect(r.status).toBe(200);
    expect(r.body.items.map((j: { key: string }) => j.key)).toEqual([
      'abandoned_cart',
      'pickup_ready',
      'back_in_stock',
      'post_purchase',
      'win_back',
      'tier_reached',
      'birthday',
    ]);
    expect(r.body.items[0]).toMatchObject({
      purpose: 'marketing',
      active: 0,
      steps: [{ index: 0, waiting: 0 }, { index: 1 }],
    });
  });

  it('previews a template in every format with the brand; an unknown or empty variable is refused by name', async () => {
    const all = await t.api('POST', '/api/messaging/templates/preview', {
      body: { key: 'abandoned_cart', locale: 'sv' },
    });
    expect(all.status, JSON.stringify(all.body)).toBe(200);
    expect(all.body.items.map((r: { format: string }) => r.format)).toEqual([
      'email',
      'sms',
      'whatsapp',
      'push',
      'banner',
      'receipt',
    ]);
    expect(all.body.items[0].subject).toBe('Fjällfolk: din varukorg väntar');
    expect(all.body.items[0].html).toContain('<table');
    expect(all.body.items[1].sms).toMatchObject({ segments: 1 });
    const missing = await t.api('POST', '/api/messaging/templates/preview', {
      body: { key: 'abandoned_cart', locale: 'en', values: { handoffCode: '' } },
    });
    expect(missing.status).toBe(400);
    expect(JSON.stringify(missing.body)).toContain('{{handoffCode}} has no value');
    const unknown = await t.api('PUT', '/api/messaging/templates', {
      body: { key: 'abandoned_cart', format: 'sms', locale: 'en', body: 'Hi {{firstName}}' },
    });
    expect(unknown.status).toBe(400);
    expect(JSON.stringify(unknown.body)).toContain('firstName');
  });

  it('saves a Spanish SMS variant that then previews instead of the built-in one', async () => {
    const saved = await t.api('PUT', '/api/messaging/templates', {
      body: {
        key: 'abandoned_cart',
        format: 'sms',
        locale: 'es',
        body: '¡Tu carrito ({{total}}) te espera! {{link}}',
      },
    });
    expect(saved.status, JSON.stringify(saved.body)).toBe(200);
    const p = await t.api('POST', '/api/messaging/templates/preview', {
      body: { key: 'abandoned_cart', locale: 'es' },
    });
    const sms = p.body.items.find((r: { format: string }) => r.format === 'sms');
    expect(sms.text).toMatch(/^¡Tu carrito \(€49.00\) te espera!/);
    expect(sms.sms.encoding).toBe('GSM-7'); // ¡ is in GSM 03.38
    const list = await t.api('GET', '/api/messaging/templates?key=abandoned_cart');
    expect(
      list.body.items.filter(
        (x: { locale: string; format: string }) => x.locale === 'es' && x.format === 'sms',
      ),
    ).toHaveLength(1);
  });

  it('refuses a brand colour that is not one, naming the field', async () => {
    const s = (await t.api('GET', '/api/messaging/settings')).body;
    const r = await t.api('PUT', '/api/messaging/settings', {
      body: { ...s, brand: { ...s.brand, primaryColour: 'red' } },
    });
    expect(r.status).toBe(400);
    expect(JSON.stringify(r.body)).toContain('primaryColour');
  });

  it('refuses no key, a key without the scope, a channel-bound key and a publishable key', async () => {
    const body = { enabled: true, delaySeconds: 60, channelOrder: ['email'] };
    expect((await t.api('GET', '/api/journeys', { key: null })).status).toBe(401);
    expect((await t.api('GET', '/api/journeys', { key: keys.other })).status).toBe(403);
    expect((await t.api('PUT', '/api/journeys/abandoned_cart', { key: keys.reader, body })).status).toBe(403);
    expect(
      (await t.api('PUT', '/api/journeys/abandoned_cart', { key: keys.channelBound, body })).status,
    ).toBe(403);
    expect((await t.api('GET', '/api/journeys', { key: keys.publishable })).status).toBe(403);
    expect((await t.api('POST', '/api/messaging/templates/preview', { key: null, body: {} })).status).toBe(
      401,
    );
    expect((await t.api('GET', '/api/customers/cus_x/messages', { key: keys.publishable })).status).toBe(403);
    expect((await t.api('PUT', '/api/journeys/nope', { body })).status).toBe(404);
  });
});
