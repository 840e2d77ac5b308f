// Workflow rules end to end: a condition over the event decides, a webhook action delivers signed,
// customer actions (a note, a tag, traits from the event) act once per (rule, event), rules are
// versioned, can be paused, and dry-run.
import { Webhook } from 'standardwebhooks';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { eventually } from './helpers/eventually.js';
import { describeEachHub } from './helpers/test-hub.js';
import { startWebhookReceiver, type WebhookReceiver } from './helpers/webhook-receiver.js';

process.env.OMNIHUB_WEBHOOKS_ALLOW_PRIVATE = '1';
process.env.OMNIHUB_WEBHOOK_POLL_MS = '20';

describeEachHub('workflow rules', (t) => {
  let receiver: WebhookReceiver;
  let channelId: string;
  let endpoint: { id: string; secret: string };
  let ruleId: string;
  beforeAll(async () => {
    receiver = await startWebhookReceiver();
    channelId = (
      await t.api('POST', '/api/channels', {
        body: { code: 'webshop', name: 'Webshop', type: 'web', currency: 'EUR', locales: ['en'] },
      })
    ).body.id;
    // The endpoint itself subscribes to nothing the test emits: only the rule sends to it.
    endpoint = (
      await t.api('POST', '/api/webhooks/endpoints', { body: { url: receiver.url, types: ['nothing.here'] } })
    ).body;
  });
  afterAll(async () => receiver.close());

  const rename = (name: string, metadata: Record<string, unknown> = {}) =>
    t.api('PATCH', `/api/channels/${channelId}`, { body: { name, metadata } });
  const settled = async () => {
    await t.hub.integration.rulesRunner!.caughtUp();
    await t.hub.integration.worker!.fanout.caughtUp();
  };

  it('validates rules: bad JSONata and unknown action types are 400', async () => {
    for (const body of [
      {
        name: 'x',
        eventType: 'channel.updated',
        condition: '(',
        actions: [{ type: 'webhook', endpointId: 'e' }],
      },
      { name: 'x', eventType: 'channel.updated', actions: [{ type: 'launch_rocket' }] },
      { name: 'x', eventType: 'channel.updated', actions: [] },
    ]) {
      expect((await t.api('POST', '/api/workflow-rules', { body })).status).toBe(400);
    }
  });

  it('fires only when the condition holds, and calls the webhook signed', async () => {
    const r = await t.api('POST', '/api/workflow-rules', {
      body: {
        name: 'closing webshop',
        eventType: 'channel.*',
        condition: '$contains(data.channel.name, "Closed")',
        actions: [{ type: 'webhook', endpointId: endpoint.id }],
      },
    });
    expect(r.status).toBe(201);
    ruleId = r.body.id;
    expect(r.body.version).toBe(1);
    await rename('Webshop open');
    await settled();
    await rename('Webshop Closed');
    await receiver.waitFor((all) => all.length === 1);
    const got = receiver.received[0]!;
    const body = new Webhook(endpoint.secret).verify(got.body, {
      'webhook-id': String(got.headers['webhook-id']),
      'webhook-timestamp': String(got.headers['webhook-timestamp']),
      'webhook-signature': String(got.headers['webhook-signature']),
    }) as { data: { channel: { name: string } } };
    expect(body.data.channel.name).toBe('Webshop Closed');
    await settled();
    expect(receiver.received).toHaveLength(1);
    expect((await t.api('GET', `/api/workflow-rules/${ruleId}`)).body.firedCount).toBe(1);
  });

  it('versions every change and stops when disabled', async () => {
    const paused = await t.api('PATCH', `/api/workflow-rules/${ruleId}`, { body: { enabled: false } });
    expect(paused.body).toMatchObject({ version: 2, enabled: false });
    await rename('Closed again');
    await settled();
    expect(receiver.received).toHaveLength(1);
    const versions = await t.api('GET', `/api/workflow-rules/${ruleId}/versions`);
    expect(versions.body.items.map((v: { version: number }) => v.version)).toEqual([1, 2]);
    expect(versions.body.items[0].definition.enabled).toBe(true);
  });

  it('dry-runs stored and unsaved rules on a sample event without side effects', async () => {
    const stored = await t.api('POST', `/api/workflow-rules/${ruleId}/dry-run`, {
      body: { event: { type: 'channel.updated', data: { channel: { name: 'Closed for good' } } } },
    });
    expect(stored.body).toMatchObject({
      typeMatches: true,
      fires: true,
      actions: [{ type: 'webhook', endpointId: endpoint.id }],
    });
    const unsaved = await t.api('POST', '/api/workflow-rules/dry-run', {
      body: {
        rule: {
          name: 'vip note',
          eventType: 'order.created',
          condition: 'data.total.amount > 10000',
          actions: [{ type: 'customer.note', customer: 'data.customerId', text: 'Big order' }],
        },
        event: { type: 'order.created', data: { customerId: 'cus_1', total: { amount: 25000 } } },
      },
    });
    expect(unsaved.body).toMatchObject({
      fires: true,
      conditionResult: true,
      actions: [{ type: 'customer.note', customerId: 'cus_1', text: 'Big order' }],
    });
    const small = await t.api('POST', '/api/workflow-rules/dry-run', {
      body: {
        rule: {
          name: 'x',
          eventType: 'order.*',
          condition: 'data.total.amount > 10000',
          actions: [{ type: 'customer.tag', tag: 'vip' }],
        },
        event: { type: 'order.created', data: { total: { amount: 50 } } },
      },
    });
    expect(small.body).toMatchObject({ typeMatches: true, fires: false, conditionResult: false });
    await settled();
    expect(receiver.received).toHaveLength(1);
  });

  it("adds a note to the customer's timeline once", async () => {
    const identified = await t.hub.services.customers.identify(t.hub.systemCtx(), {
      channelId,
      identifiers: [{ type: 'email', value: 'ada@example.com' }],
    });
    expect(identified.ok).toBe(true);
    const customerId = identified.ok ? identified.value.customerId : '';
    await t.api('POST', '/api/workflow-rules', {
      body: {
        name: 'note the owner',
        eventType: 'channel.updated',
        condition: 'data.channel.metadata.owner != null',
        actions: [{ type: 'customer.note', customer: 'data.channel.metadata.owner', text: 'Owns a channel' }],
      },
    });
    await rename('Ada shop', { owner: customerId });
    const countNotes = async () =>
      (
        JSON.stringify((await t.api('GET', `/api/customers/${customerId}/timeline`)).body).match(
          /workflow\.note/g,
        ) ?? []
      ).length;
    expect(await eventually(countNotes, (n) => n > 0)).toBe(1);
    await rename('Ada shop 2', { owner: customerId });
    expect(await eventually(countNotes, (n) => n > 1)).toBe(2);
    await settled();
    expect(await countNotes()).toBe(2);
  });

  it('tags the customer and updates its traits from the event, once per (rule, event)', async () => {
    const identified = await t.hub.services.customers.identify(t.hub.systemCtx(), {
      channelId,
      identifiers: [{ type: 'email', value: 'grace@example.com' }],
    });
    const customerId = identified.ok ? identified.value.customerId : '';
    const rule = await t.api('POST', '/api/workflow-rules', {
      body: {
        name: 'partner shops',
        eventType: 'channel.updated',
        condition: 'data.channel.metadata.partner != null',
        actions: [
          { type: 'customer.tag', customer: 'data.channel.metadata.partner', tag: 'Shop-Owner' },
          {
            type: 'customer.update',
            customer: 'data.channel.metadata.partner',
            traits: '{ "shopName": data.channel.name, "shopCount": 1 }',
          },
        ],
      },
    });
    expect(rule.status).toBe(201);
    await rename('Grace shop', { partner: customerId });
    const view = () => t.api('GET', `/api/customers/${customerId}`).then((r) => r.body);
    const first = await eventually(view, (v) => v.tags.length > 0 && v.traits.shopName !== undefined);
    expect(first.tags.map((x: { tag: string }) => x.tag)).toEqual(['shop-owner']);
    expect(first.traits.shopName.value).toBe('Grace shop');
    const fired = (
      await t.api('GET', `/api/events?types=channel.updated&subject=${channelId}`)
    ).body.items.at(-1);
    expect(first.traits.shopName.at).toBe(new Date(fired.time).toISOString());
    const found = await t.api('GET', '/api/customers?tag=shop-owner');
    expect(found.body.items.map((c: { id: string }) => c.id)).toEqual([customerId]);
    // A second event: the tag is there already (no change), the trait follows the newer event.
    await rename('Grace shop 2', { partner: customerId });
    const second = await eventually(view, (v) => v.traits.shopName?.value === 'Grace shop 2');
    expect(second.tags.map((x: { tag: string }) => x.tag)).toEqual(['shop-owner']);
    await settled();
    const tagEvents = await t.api('GET', `/api/events?types=customer.tags_changed&subject=${customerId}`);
    expect(tagEvents.body.items.map((e: { data: unknown }) => e.data)).toEqual([
      { profileId: customerId, added: ['shop-owner'], removed: [] },
    ]);
    const traitEvents = await t.api('GET', `/api/events?types=customer.traits_changed&subject=${customerId}`);
    expect(traitEvents.body.items.map((e: { data: { traits: string[] } }) => e.data.traits)).toEqual([
      ['shopName', 'shopCount'],
      ['shopName'],
    ]);
    // One timeline entry per (rule, event) and action: two events, two of each.
    const timeline = JSON.stringify((await t.api('GET', `/api/customers/${customerId}/timeline`)).body);
    expect(timeline.match(/workflow\.tag/g)).toHaveLength(2);
    expect(timeline.match(/workflow\.update/g)).toHaveLength(2);
  });

  it('dry-runs customer actions: the tag and the traits it would set, or why it cannot', async () => {
    const rule = {
      name: 'big spender',
      eventType: 'order.*',
      actions: [
        { type: 'customer.tag', tag: 'big-spender' },
        { type: 'customer.update', traits: '{ "lastBigOrder": data.total.amount }' },
        { type: 'customer.update', customer: 'data.nobody', traits: '"not an object"' },
      ],
    };
    const r = await t.api('POST', '/api/workflow-rules/dry-run', {
      body: { rule, event: { type: 'order.paid', subject: 'cus_9', data: { total: { amount: 25000 } } } },
    });
    expect(r.status).toBe(200);
    expect(r.body.actions).toEqual([
      { type: 'customer.tag', customerId: 'cus_9', tag: 'big-spender' },
      { type: 'customer.update', customerId: 'cus_9', traits: { lastBigOrder: 25000 } },
      {
        type: 'customer.update',
        customerId: null,
        error: 'the customer expression gave no customer id (cus_…)',
      },
    ]);
    const bad = await t.api('POST', '/api/workflow-rules', {
      body: { ...rule, actions: [{ type: 'customer.update', traits: '{ "a": ' }] },
    });
    expect(bad.status).toBe(400);
    expect(JSON.stringify(bad.body)).toContain('actions.0.traits');
  });
});
