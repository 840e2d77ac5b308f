// The retailer's identity configuration (#21 item 2), through the HTTP API: device types, limits per
// type, placeholder values and the default phone country change what ingestion links; invalid rules
// are refused with the field named and change nothing; only unbound secret keys may change them.
import { beforeAll, expect, it } from 'vitest';
import { describeEachHub, ok } from './helpers/test-hub.js';
import { createWebChannel } from './helpers/webshop-fixture.js';

describeEachHub('identity configuration per retailer', (t) => {
  let web = '';
  const identify = async (identifiers: Array<{ type: string; value: string }>) =>
    t.api('POST', '/api/customers/identify', { body: { channelId: web, identifiers } });
  const customerOf = async (identifiers: Array<{ type: string; value: string }>) => {
    const r = await identify(identifiers);
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    return r.body.customerId as string;
  };
  const config = async () => (await ok(t, 'GET', '/api/customers/identity-config')).config;
  const put = (body: unknown) => t.api('PUT', '/api/customers/identity-config', { body });

  beforeAll(async () => {
    web = await createWebChannel(t, 'idc-web');
  });

  it('starts from the defaults and changes what ingestion links', async () => {
    const start = await ok(t, 'GET', '/api/customers/identity-config');
    expect(start.config).toEqual(start.defaults);
    expect(start.updatedAt).toBeNull();
    expect(start.config.deviceTypes).toEqual(['anonymous_id']);

    // Before: a retailer's own device id is an ordinary external id, so two people on it merge.
    const a = await customerOf([
      { type: 'email', value: 'ann@idc.example' },
      { type: 'kiosk_id', value: 'K1' },
    ]);
    expect(
      await customerOf([
        { type: 'email', value: 'bob@idc.example' },
        { type: 'kiosk_id', value: 'K1' },
      ]),
    ).toBe(a);

    const changed = await put({
      ...start.config,
      deviceTypes: ['anonymous_id', 'kiosk_id'],
      maxPerType: { ...start.config.maxPerType, email: 1 },
      blockedEmailDomains: [...start.config.blockedEmailDomains, 'Till.Invalid '],
      defaultPhoneCountry: 'nl',
    });
    expect(changed.status, JSON.stringify(changed.body)).toBe(200);
    expect(changed.body).toMatchObject({
      updatedBy: expect.any(String),
      config: { defaultPhoneCountry: 'NL' },
    });
    expect((await config()).blockedEmailDomains).toContain('till.invalid');

    // A kiosk that carries a second person is marked shared; the two stay apart.
    const cy = await customerOf([
      { type: 'email', value: 'cy@idc.example' },
      { type: 'kiosk_id', value: 'K2' },
    ]);
    const di = await customerOf([
      { type: 'email', value: 'di@idc.example' },
      { type: 'kiosk_id', value: 'K2' },
    ]);
    expect(di).not.toBe(cy);
    const shared = await ok(t, 'GET', '/api/customers/shared-devices');
    expect(shared.items.map((d: { value: string }) => d.value)).toContain('K2');

    // One email per profile: a second email on the same user id does not join it.
    const u = await customerOf([
      { type: 'user_id', value: 'u-idc-1' },
      { type: 'email', value: 'ed@idc.example' },
    ]);
    const u2 = await customerOf([
      { type: 'user_id', value: 'u-idc-1' },
      { type: 'email', value: 'ed2@idc.example' },
    ]);
    const view = await ok(t, 'GET', `/api/customers/${u}`);
    const emails = JSON.stringify(view);
    expect(emails).toContain('ed@idc.example');
    // (with the default limit of five it would have joined)
    expect(emails).not.toContain('ed2@idc.example');
    expect(u2).toBe(u); // the event lands on the user id's profile; the new email does not

    // A placeholder domain identifies no one; a national phone number takes the default country.
    const placeholder = await identify([{ type: 'email', value: 'x@till.invalid' }]);
    expect(placeholder.status).toBe(400);
    const p = await customerOf([{ type: 'phone', value: '06 12345678' }]);
    expect(JSON.stringify(await ok(t, 'GET', `/api/customers/${p}`))).toContain('+31612345678');
  });

  it('refuses invalid rules with the field named, and changes nothing', async () => {
    const before = await config();
    const { email: _dropped, ...noEmail } = before.maxPerType;
    for (const [body, field] of [
      [{ ...before, maxPerType: noEmail }, 'maxPerType.email'],
      [{ ...before, deviceTypes: ['kiosk_id'] }, 'deviceTypes'],
      [{ ...before, deviceTypes: ['anonymous_id', 'email'] }, 'deviceTypes.1'],
      [{ ...before, priority: ['email', 'email'] }, 'priority.1'],
      [{ ...before, maxPerType: { ...before.maxPerType, kiosk_id: 2 } }, 'maxPerType.kiosk_id'],
      [{ ...before, maxPerType: { ...before.maxPerType, email: 0 } }, 'maxPerType.email'],
      [{ ...before, defaultPhoneCountry: 'XX' }, 'defaultPhoneCountry'],
      [{ ...before, extra: true }, 'extra'],
      [{ ...before, blockedValues: 'none' }, 'blockedValues'],
    ] as const) {
      const r = await put(body);
      expect(r.status, JSON.stringify(r.body)).toBe(400);
      expect(JSON.stringify(r.body)).toContain(field);
    }
    expect(await config()).toEqual(before);
  });

  it('is read with customers:read and changed only by an unbound key with customers:write', async () => {
    const key = async (body: Record<string, unknown>) =>
      (await ok(t, 'POST', '/api/keys', body)).secret as string;
    const reader = await key({ name: 'idc reader', scopes: ['customers:read'] });
    const bound = await key({ name: 'idc bound', scopes: ['customers:write'], channelId: web });
    const publishable = await key({ name: 'idc shop', kind: 'publishable', channelId: web });
    const before = await config();
    const body = { ...before, blockedValues: [...before.blockedValues, 'walk-in'] };
    expect((await t.api('GET', '/api/customers/identity-config', { key: null })).status).toBe(401);
    expect((await t.api('GET', '/api/customers/identity-config', { key: reader })).status).toBe(200);
    expect((await t.api('GET', '/api/customers/identity-config', { key: publishable })).status).toBe(403);
    expect((await t.api('PUT', '/api/customers/identity-config', { body, key: null })).status).toBe(401);
    expect((await t.api('PUT', '/api/customers/identity-config', { body, key: reader })).status).toBe(403);
    expect((await t.api('PUT', '/api/customers/identity-config', { body, key: bound })).status).toBe(403);
    expect((await t.api('PUT', '/api/customers/identity-config', { body, key: publishable })).status).toBe(
      403,
    );
    expect(await config()).toEqual(before);
  });
});
