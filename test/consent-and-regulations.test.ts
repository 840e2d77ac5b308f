// Consent that governs and the regulation API, through the HTTP API of a real hub with a real
// receiver: a marketing webhook (endpoint or workflow rule action) reaches only customers who may be
// contacted for marketing, a refusal is in the delivery log with its reason, payloads can carry the
// consent; consent targets are validated; suppressions are lifted; the export holds orders and carts.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachHub, ok } from './helpers/test-hub.js';
import { startWebhookReceiver, type WebhookReceiver } from './helpers/webhook-receiver.js';
import { createWebChannel } from './helpers/webshop-fixture.js';

process.env.OMNIHUB_WEBHOOKS_ALLOW_PRIVATE = '1';
process.env.OMNIHUB_WEBHOOK_POLL_MS = '20';

describeEachHub('consent that governs and the regulation API', (t) => {
  let receiver: WebhookReceiver;
  let web = '';
  let other = '';
  const identify = async (email: string) =>
    (
      await ok(t, 'POST', '/api/customers/identify', {
        channelId: web,
        identifiers: [{ type: 'email', value: email }],
      })
    ).customerId as string;
  const settled = async () => {
    await t.hub.integration.rulesRunner!.caughtUp();
    await t.hub.integration.worker!.fanout.caughtUp();
  };
  const bodies = (path: string) =>
    receiver.received
      .filter((r) => r.path === path)
      .map((r) => JSON.parse(r.body) as { subject: string; consent?: unknown });

  beforeAll(async () => {
    receiver = await startWebhookReceiver();
    web = await createWebChannel(t, 'consent-web');
    other = await createWebChannel(t, 'consent-other');
  });
  afterAll(async () => receiver.close());

  it('a marketing-denied customer triggers no marketing webhook; a consented one does, with its consent', async () => {
    const endpoint = await ok(t, 'POST', '/api/webhooks/endpoints', {
      url: `${receiver.url}/marketing`,
      types: ['customer.tags_changed'],
      purpose: 'marketing',
      includeConsent: true,
    });
    expect(endpoint.endpoint ?? endpoint).toBeTruthy();
    const endpointId = (endpoint.endpoint ?? endpoint).id as string;
    // A rule action with a purpose, to an endpoint that subscribes to nothing itself.
    const ruleTarget = await ok(t, 'POST', '/api/webhooks/endpoints', {
      url: `${receiver.url}/rule`,
      types: ['nothing.here'],
    });
    const ruleTargetId = (ruleTarget.endpoint ?? ruleTarget).id as string;
    await ok(t, 'POST', '/api/workflow-rules', {
      name: 'vip to the mailing tool',
      eventType: 'customer.tags_changed',
      actions: [{ type: 'webhook', endpointId: ruleTargetId, purpose: 'marketing' }],
    });

    const denied = await identify('denied@example.com');
    const granted = await identify('granted@example.com');
    const silent = await identify('silent@example.com');
    await ok(t, 'PUT', `/api/customers/${denied}/consent`, {
      purpose: 'marketing',
      channel: '*',
      granted: false,
    });
    await ok(t, 'PUT', `/api/customers/${granted}/consent`, {
      purpose: 'marketing',
      channel: '*',
      granted: true,
    });
    await settled();
    for (const id of [denied, granted, silent])
      await ok(t, 'POST', `/api/customers/${id}/tags`, { add: ['vip'] });
    await receiver.waitFor(
      (all) =>
        all.filter((r) => r.path === '/hook/marketing').length >= 1 &&
        all.filter((r) => r.path === '/hook/rule').length >= 1,
    );
    await settled();
    await new Promise((r) => setTimeout(r, 200));

    const marketing = bodies('/hook/marketing');
    expect(marketing.map((b) => b.subject)).toEqual([granted]);
    expect(marketing[0]!.consent).toMatchObject({
      customerId: granted,
      entries: [expect.objectContaining({ purpose: 'marketing', channel: '*', status: 'granted' })],
    });
    expect(bodies('/hook/rule').map((b) => b.subject)).toEqual([granted]);

    // The refusals are in the delivery log with their reasons, never sent.
    const suppressed = await ok(
      t,
      'GET',
      `/api/webhooks/endpoints/${endpointId}/deliveries?status=suppressed`,
    );
    const reasons = new Map(
      suppressed.items.map((d: { subject: string; lastError: string }) => [d.subject, d.lastError]),
    );
    expect(reasons.get(denied)).toMatch(/^consent: marketing denied on \* at /);
    expect(reasons.get(silent)).toBe('consent: no marketing consent for *');
    expect(reasons.has(granted)).toBe(false);
    const ruleLog = await ok(
      t,
      'GET',
      `/api/webhooks/endpoints/${ruleTargetId}/deliveries?status=suppressed`,
    );
    expect(ruleLog.items.map((d: { subject: string }) => d.subject).sort()).toEqual([denied, silent].sort());
  });

  it('a parked delivery replayed once its transform is fixed still carries the consent', async () => {
    const ep = await ok(t, 'POST', '/api/webhooks/endpoints', {
      url: `${receiver.url}/parked`,
      types: ['customer.tags_changed'],
      includeConsent: true,
      transform: '$sum([1..1e7])',
    });
    const endpointId = (ep.endpoint ?? ep).id as string;
    const who = await identify('parked@example.com');
    await ok(t, 'PUT', `/api/customers/${who}/consent`, {
      purpose: 'marketing',
      channel: '*',
      granted: true,
    });
    await ok(t, 'POST', `/api/customers/${who}/tags`, { add: ['parked'] });
    await settled();
    let dead = await ok(t, 'GET', `/api/webhooks/endpoints/${endpointId}/deliveries?status=dead`);
    for (let i = 0; i < 100 && dead.items.length === 0; i++) {
      await new Promise((r) => setTimeout(r, 20));
      dead = await ok(t, 'GET', `/api/webhooks/endpoints/${endpointId}/deliveries?status=dead`);
    }
    expect(dead.items).toHaveLength(1);
    await ok(t, 'PATCH', `/api/webhooks/endpoints/${endpointId}`, { transform: '{ "tags": data.added }' });
    const replay = await ok(t, 'POST', `/api/webhooks/endpoints/${endpointId}/replay`, {});
    expect(replay.replayed).toEqual([dead.items[0].id]);
    await receiver.waitFor((all) => all.some((r) => r.path === '/hook/parked'));
    const [body] = bodies('/hook/parked');
    expect(body!.consent).toMatchObject({
      customerId: who,
      entries: [expect.objectContaining({ purpose: 'marketing', status: 'granted' })],
    });
  });

  it('validates where consent applies: * or an existing channel id, and a purpose word', async () => {
    const id = await identify('validate@example.com');
    for (const [body, field] of [
      [{ purpose: 'marketing', channel: 'email', granted: true }, 'channel'],
      [{ purpose: 'marketing', channel: 'chn_doesnotexist', granted: true }, 'channel'],
      [{ purpose: '!!', channel: '*', granted: true }, 'purpose'],
    ] as const) {
      const r = await t.api('PUT', `/api/customers/${id}/consent`, { body });
      expect(r.status, JSON.stringify(r.body)).toBe(400);
      expect(JSON.stringify(r.body)).toContain(field);
    }
    expect((await ok(t, 'GET', `/api/customers/${id}`)).consent).toEqual([]);
    const onChannel = await ok(t, 'PUT', `/api/customers/${id}/consent`, {
      purpose: 'sms_marketing',
      channel: other,
      granted: true,
    });
    expect(onChannel.consent).toEqual([
      expect.objectContaining({ purpose: 'sms_marketing', channel: other }),
    ]);
  });

  it("takes Segment's categoryPreferences as the person's choices on every channel", async () => {
    const { writeKey } = await ok(t, 'POST', '/api/customers/sources', { channelId: web, name: 'site' });
    const r = await t.api('POST', '/v1/identify', {
      key: null,
      body: {
        writeKey,
        userId: 'cmp-1',
        traits: { email: 'cmp@example.com' },
        context: { consent: { categoryPreferences: { Marketing: true, Analytics: false, '!!': true } } },
      },
    });
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    expect(JSON.stringify(r.body)).toContain('context.consent.categoryPreferences.!!');
    const [c] = (await ok(t, 'GET', '/api/customers?email=cmp@example.com')).items;
    const view = await ok(t, 'GET', `/api/customers/${c.id}`);
    expect(
      view.consent
        .map(
          (x: { purpose: string; channel: string; status: string }) =>
            `${x.purpose}:${x.channel}:${x.status}`,
        )
        .sort(),
    ).toEqual(['analytics:*:denied', 'marketing:*:granted']);
  });

  it('suppresses a customer and lifts it; an erased identifier can be used again after unsuppress', async () => {
    const regulate = (body: unknown) => t.api('POST', '/api/regulations', { body });
    const id = await identify('suppress@example.com');
    const s = await regulate({ regulationType: 'suppress_only', subject: { customerId: id } });
    expect(s.status, JSON.stringify(s.body)).toBe(200);
    expect(s.body).toMatchObject({ regulationType: 'suppress_only', customerId: id, identifiers: 1 });
    const refused = await t.api('POST', '/api/customers/identify', {
      body: { channelId: web, identifiers: [{ type: 'email', value: 'Suppress@example.com' }] },
    });
    expect(refused.status).not.toBe(200);
    expect((await t.api('GET', `/api/customers/${id}`)).status).toBe(200); // data stays
    const lifted = await regulate({ regulationType: 'unsuppress', subject: { customerId: id } });
    expect(lifted.body).toMatchObject({ customerId: id, identifiers: 1 });
    expect(await identify('suppress@example.com')).toBe(id);

    const deleted = await regulate({
      regulationType: 'suppress_with_delete',
      subject: { identifier: { type: 'email', value: 'SUPPRESS@example.com' } },
    });
    expect(deleted.status, JSON.stringify(deleted.body)).toBe(200);
    expect(deleted.body.erasure).toMatchObject({ customerId: id, identifiersErased: 1 });
    expect((await t.api('GET', `/api/customers/${id}`)).status).toBe(404);
    const stillRefused = await t.api('POST', '/api/customers/identify', {
      body: { channelId: web, identifiers: [{ type: 'email', value: 'suppress@example.com' }] },
    });
    expect(stillRefused.status).not.toBe(200);
    const unsuppress = await regulate({
      regulationType: 'unsuppress',
      subject: { identifier: { type: 'email', value: 'suppress@example.com' } },
    });
    expect(unsuppress.body).toMatchObject({ customerId: null, identifiers: 1 });
    const again = await identify('suppress@example.com');
    expect(again).not.toBe(id);
  });

  it('refuses bad regulation requests with the field named, and writes nothing', async () => {
    for (const [body, field] of [
      [{ regulationType: 'forget', subject: { customerId: 'cus_x' } }, 'regulationType'],
      [
        { regulationType: 'suppress_only', subject: { identifier: { type: 'email', value: 'nope' } } },
        'identifier',
      ],
    ] as const) {
      const r = await t.api('POST', '/api/regulations', { body });
      expect(r.status, JSON.stringify(r.body)).toBe(400);
      expect(JSON.stringify(r.body)).toContain(field);
    }
    const missing = await t.api('POST', '/api/regulations', {
      body: { regulationType: 'suppress_only', subject: { customerId: 'cus_nobody' } },
    });
    expect(missing.status).toBe(404);
  });

  it('refuses the regulation API to no key, a wrong scope, a channel key and a publishable key', async () => {
    const key = async (body: Record<string, unknown>) =>
      (await ok(t, 'POST', '/api/keys', body)).secret as string;
    const reader = await key({ name: 'reader', scopes: ['customers:read'] });
    const bound = await key({ name: 'bound', scopes: ['customers:write'], channelId: web });
    const publishable = await key({ name: 'shop', kind: 'publishable', channelId: web });
    const id = await identify('refusals@example.com');
    const body = { regulationType: 'suppress_only', subject: { customerId: id } };
    expect((await t.api('POST', '/api/regulations', { body, key: null })).status).toBe(401);
    expect((await t.api('POST', '/api/regulations', { body, key: reader })).status).toBe(403);
    expect((await t.api('POST', '/api/regulations', { body, key: bound })).status).toBe(403);
    expect((await t.api('POST', '/api/regulations', { body, key: publishable })).status).toBe(403);
    // nothing was suppressed
    expect(await identify('refusals@example.com')).toBe(id);
  });

  it('lists the regulations carried out, newest first, without identifier values', async () => {
    const regulate = (body: unknown) => ok(t, 'POST', '/api/regulations', body);
    const id = await identify('listed@example.com');
    const s = await regulate({
      regulationType: 'suppress_only',
      subject: { customerId: id },
      reason: 'ticket 7',
    });
    const u = await regulate({
      regulationType: 'unsuppress',
      subject: { identifier: { type: 'email', value: 'Listed@example.com' } },
    });
    const d = await regulate({ regulationType: 'suppress_with_delete', subject: { customerId: id } });
    // A refused request is not listed.
    const missing = await t.api('POST', '/api/regulations', {
      body: { regulationType: 'suppress_only', subject: { customerId: 'cus_nobody' } },
    });
    expect(missing.status).toBe(404);

    const mine = await ok(t, 'GET', `/api/regulations?customerId=${id}`);
    expect(mine.items.map((r: { id: string }) => r.id)).toEqual([d.id, u.id, s.id]);
    expect(mine.items[2]).toMatchObject({
      regulationType: 'suppress_only',
      subject: { kind: 'customer', identifierType: null },
      customerId: id,
      identifiers: 1,
      status: 'finished',
    });
    expect(mine.items[1]).toMatchObject({ subject: { kind: 'identifier', identifierType: 'email' } });
    // The deletion erased the customer: the operator's words about them go, the record stays.
    expect(mine.items[2].reason).toBe('erased');
    expect(JSON.stringify(mine)).not.toContain('listed@');

    const deletions = await ok(t, 'GET', '/api/regulations?regulationType=suppress_with_delete&limit=1');
    expect(deletions.items).toHaveLength(1);
    expect(deletions.items[0].id).toBe(d.id);
    const paged = await ok(t, 'GET', `/api/regulations?customerId=${id}&limit=2`);
    expect(paged.items).toHaveLength(2);
    const rest = await ok(t, 'GET', `/api/regulations?customerId=${id}&limit=2&before=${paged.next}`);
    expect(rest.items.map((r: { id: string }) => r.id)).toEqual([s.id]);
    expect(rest.next).toBeNull();

    const bad = await t.api('GET', '/api/regulations?regulationType=forget');
    expect(bad.status).toBe(400);
    expect(JSON.stringify(bad.body)).toContain('regulationType');
  });

  it('refuses the list of regulations to no key, a wrong scope, a channel key and a publishable key', async () => {
    const key = async (body: Record<string, unknown>) =>
      (await ok(t, 'POST', '/api/keys', body)).secret as string;
    const catalog = await key({ name: 'catalog', scopes: ['catalog:read'] });
    const bound = await key({ name: 'bound reader', scopes: ['customers:read'], channelId: web });
    const publishable = await key({ name: 'shop 2', kind: 'publishable', channelId: web });
    const reader = await key({ name: 'reader 2', scopes: ['customers:read'] });
    expect((await t.api('GET', '/api/regulations', { key: null })).status).toBe(401);
    expect((await t.api('GET', '/api/regulations', { key: catalog })).status).toBe(403);
    expect((await t.api('GET', '/api/regulations', { key: bound })).status).toBe(403);
    expect((await t.api('GET', '/api/regulations', { key: publishable })).status).toBe(403);
    expect((await t.api('GET', '/api/regulations', { key: reader })).status).toBe(200);
  });

  it('exports orders, carts and the consent history with the customer', async () => {
    const list = await ok(t, 'POST', '/api/catalog/price-lists', {
      code: 'cx',
      name: 'EUR',
      currency: 'EUR',
    });
    await ok(t, 'PATCH', `/api/channels/${web}`, { priceListId: list.id });
    const warehouse = await ok(t, 'POST', '/api/inventory/locations', {
      code: 'cx-wh',
      name: 'Warehouse',
      type: 'warehouse',
      address: { city: 'Utrecht', country: 'NL' },
    });
    await ok(t, 'PUT', `/api/inventory/channels/${web}/sourcing`, {
      locationIds: [warehouse.id],
      safetyBuffer: 0,
    });
    await ok(t, 'POST', '/api/catalog/products', {
      handle: 'cx-1',
      defaultLocale: 'en',
      content: { en: { title: 'Export mug' } },
      variants: [{ sku: 'CX-1', prices: [{ priceListId: list.id, amount: 1000, currency: 'EUR' }] }],
    });
    await ok(t, 'POST', '/api/inventory/adjustments', {
      kind: 'receive',
      sku: 'CX-1',
      location: warehouse.id,
      quantity: 5,
    });
    const order = await ok(t, 'POST', '/api/orders/import', {
      channelId: web,
      externalSource: 'cx',
      externalId: 'export-1',
      email: 'export@example.com',
      currency: 'EUR',
      lines: [{ sku: 'CX-1', quantity: 1, unitPrice: 1000 }],
    });
    const id = await identify('export@example.com');
    await ok(t, 'PUT', `/api/customers/${id}/consent`, { purpose: 'marketing', channel: '*', granted: true });
    await ok(t, 'PUT', `/api/customers/${id}/consent`, {
      purpose: 'marketing',
      channel: '*',
      granted: false,
    });
    const exported = await ok(t, 'GET', `/api/customers/${id}/export`);
    expect(exported.orders.map((o: { id: string }) => o.id)).toEqual([order.id]);
    expect(Array.isArray(exported.carts)).toBe(true);
    expect(
      exported.consentHistory
        .filter((c: { source: string }) => c.source === 'api')
        .map((c: { purpose: string; granted: boolean }) => `${c.purpose}:${c.granted}`),
    ).toEqual(['marketing:true', 'marketing:false']);
  });
});
