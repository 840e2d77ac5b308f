// The CDP through the HTTP API of a real hub: audiences kept live by events and profile changes
// (entered / exited events, members, a customer's audiences, the consented export), computed traits
// written on the profile, destinations forwarding raw events filtered and mapped with JSONata with
// consent applied (a refusal in the delivery log with its reason), the tracking plan counting and
// blocking violations, refusals for every kind of wrong caller, and hostile input answered 4xx.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachHub, ok } from './helpers/test-hub.js';
import { startWebhookReceiver, type WebhookReceiver } from './helpers/webhook-receiver.js';
import { createWebChannel } from './helpers/webshop-fixture.js';

process.env.OMNIHUB_WEBHOOKS_ALLOW_PRIVATE = '1';
process.env.OMNIHUB_WEBHOOK_POLL_MS = '20';

describeEachHub('CDP: audiences, computed traits, destinations and the tracking plan', (t) => {
  let receiver: WebhookReceiver;
  let web = '';
  let other = '';
  let writeKey = '';
  let n = 0;
  const send = async (events: Array<Record<string, unknown>>) => {
    const r = await t.api('POST', '/v1/batch', {
      key: null,
      body: {
        writeKey,
        batch: events.map((e) => ({ messageId: `m-${++n}`, timestamp: new Date().toISOString(), ...e })),
      },
    });
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    return r.body;
  };
  const settled = async () => {
    await t.hub.cdp.idle();
    await t.hub.cdp.consumer.caughtUp();
    await t.hub.cdp.backfill.caughtUp();
    await t.hub.cdp.idle();
  };
  const customerOf = async (email: string) =>
    (await ok(t, 'GET', `/api/customers?email=${encodeURIComponent(email)}`)).items[0].id as string;

  beforeAll(async () => {
    receiver = await startWebhookReceiver();
    web = await createWebChannel(t, 'cdp-web');
    other = await createWebChannel(t, 'cdp-other');
    writeKey = (await ok(t, 'POST', '/api/customers/sources', { channelId: web, name: 'site' })).writeKey;
  });
  afterAll(async () => receiver.close());

  it('a customer enters an audience on the event that qualifies them, and leaves when a condition stops holding', async () => {
    const audience = await ok(t, 'POST', '/api/audiences', {
      key: 'repeat-vip',
      name: 'Repeat VIP buyers',
      rule: {
        all: [
          { type: 'event', name: 'Order Completed', count: 2, withinDays: 30 },
          { not: { type: 'tag', tag: 'blocked' } },
        ],
      },
    });
    expect(audience).toMatchObject({ key: 'repeat-vip', status: 'active', memberCount: 0 });
    // The new audience's evaluation of existing customers is done before the events below (else it
    // could be the one to see Ann's second order, and her entry would name no event).
    await settled();
    await send([
      { type: 'identify', userId: 'u-ann', traits: { email: 'ann@example.com' } },
      { type: 'track', userId: 'u-ann', event: 'Order Completed', properties: { revenue: 30 } },
      { type: 'identify', userId: 'u-bob', traits: { email: 'bob@example.com' } },
      { type: 'track', userId: 'u-bob', event: 'Order Completed', properties: { revenue: 10 } },
    ]);
    await settled();
    const ann = await customerOf('ann@example.com');
    expect((await ok(t, 'GET', '/api/audiences/repeat-vip/members')).items).toEqual([]);

    await send([{ type: 'track', userId: 'u-ann', event: 'Order Completed', properties: { revenue: 50 } }]);
    await settled();
    const members = await ok(t, 'GET', '/api/audiences/repeat-vip/members');
    expect(members.items.map((m: { customerId: string }) => m.customerId)).toEqual([ann]);
    expect((await ok(t, 'GET', `/api/customers/${ann}/audiences`)).items).toEqual([
      { audienceId: audience.id, key: 'repeat-vip', name: 'Repeat VIP buyers' },
    ]);
    const entered = await ok(t, 'GET', '/api/events?types=audience.entered');
    expect(entered.items.map((e: { data: unknown }) => e.data)).toContainEqual(
      expect.objectContaining({ audienceId: audience.id, customerId: ann, causedBy: expect.any(String) }),
    );

    // A tag (a profile change, through the event log) makes the rule false: she exits.
    await ok(t, 'POST', `/api/customers/${ann}/tags`, { add: ['blocked'] });
    await settled();
    expect((await ok(t, 'GET', '/api/audiences/repeat-vip/members')).items).toEqual([]);
    const exited = await ok(t, 'GET', '/api/events?types=audience.exited');
    expect(exited.items.map((e: { data: unknown }) => e.data)).toContainEqual(
      expect.objectContaining({ audienceId: audience.id, customerId: ann, reason: 'no_longer_matches' }),
    );
  });

  it('a new audience, a changed rule and a new computed trait are evaluated for existing customers', async () => {
    // Stored before any definition counted "Plan Chosen": the CDP kept none of these events.
    await send([
      { type: 'identify', userId: 'u-eve', traits: { email: 'eve@example.com', tier: 'silver' } },
      { type: 'track', userId: 'u-eve', event: 'Plan Chosen', properties: { plan: 'a' } },
      { type: 'track', userId: 'u-eve', event: 'Plan Chosen', properties: { plan: 'b' } },
      { type: 'identify', userId: 'u-fay', traits: { email: 'fay@example.com', tier: 'gold' } },
      { type: 'track', userId: 'u-fay', event: 'Plan Chosen', properties: { plan: 'a' } },
    ]);
    await settled();
    const eve = await customerOf('eve@example.com');
    const fay = await customerOf('fay@example.com');
    const members = async () =>
      (await ok(t, 'GET', '/api/audiences/planners/members')).items.map(
        (m: { customerId: string }) => m.customerId,
      );

    const audience = await ok(t, 'POST', '/api/audiences', {
      key: 'planners',
      name: 'Chose a plan twice',
      rule: { type: 'event', name: 'Plan Chosen', count: 2, withinDays: 30 },
    });
    await settled();
    expect(await members()).toEqual([eve]);
    const entered = await ok(t, 'GET', '/api/events?types=audience.entered');
    expect(entered.items.map((e: { data: unknown }) => e.data)).toContainEqual(
      expect.objectContaining({ audienceId: audience.id, customerId: eve, causedBy: null }),
    );

    // A new rule: Eve no longer matches and exits, Fay enters, without a new event from either.
    await ok(t, 'PATCH', '/api/audiences/planners', {
      rule: { type: 'trait', key: 'tier', op: 'eq', value: 'gold' },
    });
    await settled();
    expect(await members()).toEqual([fay]);
    const exited = await ok(t, 'GET', '/api/events?types=audience.exited');
    expect(exited.items.map((e: { data: unknown }) => e.data)).toContainEqual(
      expect.objectContaining({ audienceId: audience.id, customerId: eve, reason: 'no_longer_matches' }),
    );

    // A computed trait over events stored before it existed is written on existing customers.
    await ok(t, 'POST', '/api/computed-traits', {
      traitKey: 'plans_chosen',
      definition: { event: 'Plan Chosen', aggregate: 'count', windowDays: 30 },
    });
    await settled();
    expect((await ok(t, 'GET', `/api/customers/${eve}`)).traits.plans_chosen.value).toBe(2);
    expect((await ok(t, 'GET', `/api/customers/${fay}`)).traits.plans_chosen.value).toBe(1);
  });

  it('computes traits from events and audiences read them; the export applies consent', async () => {
    await ok(t, 'POST', '/api/computed-traits', {
      traitKey: 'spend_30d',
      definition: { event: 'Order Completed', aggregate: 'sum', property: 'revenue', windowDays: 30 },
    });
    await ok(t, 'POST', '/api/audiences', {
      key: 'big-spenders',
      name: 'Big spenders',
      rule: { type: 'trait', key: 'spend_30d', op: 'gte', value: 100 },
    });
    await settled();
    await send([
      { type: 'identify', userId: 'u-cy', traits: { email: 'cy@example.com' } },
      { type: 'track', userId: 'u-cy', event: 'Order Completed', properties: { revenue: 60 } },
      { type: 'track', userId: 'u-cy', event: 'Order Completed', properties: { revenue: 45 } },
      { type: 'identify', userId: 'u-di', traits: { email: 'di@example.com' } },
      { type: 'track', userId: 'u-di', event: 'Order Completed', properties: { revenue: 120 } },
    ]);
    await settled();
    const cy = await customerOf('cy@example.com');
    const di = await customerOf('di@example.com');
    expect((await ok(t, 'GET', `/api/customers/${cy}`)).traits.spend_30d.value).toBe(105);
    const members = (await ok(t, 'GET', '/api/audiences/big-spenders/members')).items.map(
      (m: { customerId: string }) => m.customerId,
    );
    expect(members.sort()).toEqual([cy, di].sort());

    await ok(t, 'PUT', `/api/customers/${cy}/consent`, { purpose: 'marketing', channel: '*', granted: true });
    await ok(t, 'PUT', `/api/customers/${di}/consent`, {
      purpose: 'marketing',
      channel: '*',
      granted: false,
    });
    const page = await ok(t, 'GET', `/api/audiences/big-spenders/export?purpose=marketing&channel=${web}`);
    expect(page.items).toEqual([{ customerId: cy }]);
    expect(page.skipped).toEqual([{ customerId: di, reason: 'denied' }]);
  });

  it('forwards raw events to a destination, filtered and mapped, and records why a customer was skipped', async () => {
    const endpoint = await ok(t, 'POST', '/api/webhooks/endpoints', {
      url: `${receiver.url}/dest`,
      types: ['nothing.here'],
    });
    const endpointId = (endpoint.endpoint ?? endpoint).id as string;
    const destination = await ok(t, 'POST', '/api/destinations', {
      name: 'Analytics warehouse',
      endpointId,
      kinds: ['track'],
      filter: "event = 'Product Viewed'",
      mapping: '{ "name": event, "sku": properties.sku, "customer": customerId }',
      purpose: 'analytics',
    });
    await send([
      { type: 'identify', userId: 'u-ed', traits: { email: 'ed@example.com' } },
      { type: 'identify', userId: 'u-fi', traits: { email: 'fi@example.com' } },
    ]);
    await settled();
    const ed = await customerOf('ed@example.com');
    const fi = await customerOf('fi@example.com');
    await ok(t, 'PUT', `/api/customers/${ed}/consent`, { purpose: 'analytics', channel: '*', granted: true });
    await send([
      { type: 'track', userId: 'u-ed', event: 'Product Viewed', properties: { sku: 'SKU-1' } },
      { type: 'track', userId: 'u-ed', event: 'Cart Viewed', properties: {} },
      { type: 'track', userId: 'u-fi', event: 'Product Viewed', properties: { sku: 'SKU-2' } },
    ]);
    await settled();
    await receiver.waitFor((all) => all.some((r) => r.path === '/hook/dest'));
    const bodies = receiver.received
      .filter((r) => r.path === '/hook/dest')
      .map((r) => JSON.parse(r.body) as { type: string; data: unknown });
    expect(bodies).toEqual([
      expect.objectContaining({
        type: 'segment.track',
        data: { name: 'Product Viewed', sku: 'SKU-1', customer: ed },
      }),
    ]);
    const suppressed = await ok(
      t,
      'GET',
      `/api/webhooks/endpoints/${endpointId}/deliveries?status=suppressed`,
    );
    expect(
      suppressed.items.map((d: { subject: string; lastError: string }) => [d.subject, d.lastError]),
    ).toEqual([[fi, `consent: no analytics consent for ${web}`]]);
    expect(await ok(t, 'GET', `/api/destinations/${destination.id}`)).toMatchObject({
      forwarded: 1,
      filtered: 1,
      suppressed: 1,
    });
  });

  it('counts tracking plan violations, and blocks them when asked, keeping the rest of the batch', async () => {
    const schema = {
      type: 'object',
      required: ['sku', 'price'],
      properties: { sku: { type: 'string' }, price: { type: 'number', minimum: 0 } },
    };
    await ok(t, 'PUT', '/api/tracking-plan/Product%20Added', { schema });
    await send([
      { type: 'track', userId: 'u-gil', event: 'Product Added', properties: { sku: 'A', price: 3 } },
      { type: 'track', userId: 'u-gil', event: 'Product Added', properties: { sku: 'A', price: 'three' } },
    ]);
    await settled();
    let report = (await ok(t, 'GET', '/api/tracking-plan/violations')).items;
    expect(report).toEqual([
      expect.objectContaining({
        eventName: 'Product Added',
        violations: 1,
        blocked: 0,
        example: expect.objectContaining({
          errors: [{ path: 'properties.price', message: 'must be number' }],
        }),
      }),
    ]);

    await ok(t, 'PUT', '/api/tracking-plan/Product%20Added', { schema, block: true });
    const result = await send([
      { type: 'track', userId: 'u-gil', event: 'Product Added', properties: { price: 3 } },
      { type: 'track', userId: 'u-gil', event: 'Product Added', properties: { sku: 'B', price: 1 } },
    ]);
    expect(result.stored).toBe(1);
    expect(result.rejected).toEqual([
      expect.objectContaining({
        index: 0,
        errors: [
          { path: '', message: 'blocked by the tracking plan' },
          { path: 'properties', message: "must have required property 'sku'" },
        ],
      }),
    ]);
    const single = await t.api('POST', '/v1/track', {
      key: null,
      body: { writeKey, userId: 'u-gil', event: 'Product Added', properties: {} },
    });
    expect(single.status).toBe(400);
    await settled();
    report = (await ok(t, 'GET', '/api/tracking-plan/violations')).items;
    expect(report[0]).toMatchObject({ violations: 3, blocked: 2 });

    const bad = await t.api('PUT', '/api/tracking-plan/Bad', { body: { schema: { type: 'nonsense' } } });
    expect(bad.status).toBe(422);
    expect(bad.body.code).toBe('tracking_plan_schema_invalid');
  });

  it('refuses hostile input with 4xx naming the field, writing nothing', async () => {
    const before = (await ok(t, 'GET', '/api/audiences')).items.length;
    const cases: unknown[] = [
      { key: 'nul', name: 'a\u0000b', rule: { type: 'tag', tag: 'x' } },
      { key: 'lone', name: '\ud800', rule: { type: 'tag', tag: 'x' } },
      { key: 'huge', name: 'h', rule: { type: 'event', name: 'E', count: 1e300, withinDays: 1 } },
      { key: 'shape', name: 's', rule: { type: 'script', code: 'process.exit()' } },
      { key: 'Bad Key', name: 'k', rule: { type: 'tag', tag: 'x' } },
      'not json',
    ];
    for (const body of cases) {
      const r = await t.api('POST', '/api/audiences', { body });
      expect(r.status, JSON.stringify(body)).toBeGreaterThanOrEqual(400);
      expect(r.status).toBeLessThan(500);
    }
    const dup = await t.api('POST', '/api/audiences', {
      body: { key: 'repeat-vip', name: 'again', rule: { type: 'tag', tag: 'x' } },
    });
    expect(dup.status).toBe(409);
    expect(dup.body.code).toBe('audience_key_taken');
    const noEndpoint = await t.api('POST', '/api/destinations', {
      body: { name: 'x', endpointId: 'whk_0000000000000000' },
    });
    expect(noEndpoint.status).toBe(422);
    expect(noEndpoint.body.code).toBe('unknown_webhook_endpoint');
    const badPlan = await t.api('PUT', '/api/tracking-plan/E', { body: { schema: { title: '\u0000' } } });
    expect(badPlan.status).toBe(400);
    expect((await ok(t, 'GET', '/api/audiences')).items.length).toBe(before);
  });

  it('refuses the CDP routes to no key, a wrong scope, another channel key and a publishable key', async () => {
    const key = async (body: Record<string, unknown>) =>
      (await ok(t, 'POST', '/api/keys', body)).secret as string;
    const wrongScope = await key({ name: 'cdp-wrong', scopes: ['customers:read'] });
    const reader = await key({ name: 'cdp-reader', scopes: ['cdp:read'] });
    const bound = await key({ name: 'cdp-bound', scopes: ['cdp:write'], channelId: other });
    const publishable = await key({ name: 'cdp-pub', kind: 'publishable', channelId: web });
    const body = { key: 'refused', name: 'Refused', rule: { type: 'tag', tag: 'x' } };
    for (const [path, method] of [
      ['/api/audiences', 'POST'],
      ['/api/computed-traits', 'GET'],
      ['/api/destinations', 'GET'],
      ['/api/tracking-plan/violations', 'GET'],
      ['/api/audiences/repeat-vip/export?purpose=marketing&channel=*', 'GET'],
    ] as const) {
      const b = method === 'POST' ? { body } : {};
      expect((await t.api(method, path, { ...b, key: null })).status).toBe(401);
      expect((await t.api(method, path, { ...b, key: wrongScope })).status).toBe(403);
      expect((await t.api(method, path, { ...b, key: bound })).status).toBe(403);
      expect((await t.api(method, path, { ...b, key: publishable })).status).toBe(403);
    }
    expect((await t.api('POST', '/api/audiences', { body, key: reader })).status).toBe(403);
    expect((await t.api('GET', '/api/audiences', { key: reader })).status).toBe(200);
    expect((await t.api('GET', '/api/audiences/refused')).status).toBe(404);
  });

  it('erasing a customer removes what the CDP keeps about them and ends their memberships', async () => {
    const cy = await customerOf('cy@example.com');
    await ok(t, 'POST', `/api/customers/${cy}/erase`, { reason: 'test' });
    expect(
      (await ok(t, 'GET', '/api/audiences/big-spenders/members')).items.map(
        (m: { customerId: string }) => m.customerId,
      ),
    ).not.toContain(cy);
    const exited = await ok(t, 'GET', '/api/events?types=audience.exited');
    expect(exited.items.map((e: { data: unknown }) => e.data)).toContainEqual(
      expect.objectContaining({ customerId: cy, reason: 'erased' }),
    );
  });
});
