// "Send test" and "Test connection" (#20): a webhook endpoint's test delivery is signed with its
// secrets like any delivery (the official verifier accepts it), reports the receiver's status, time
// and error, queues nothing, and another channel's key cannot send one; a channel sync connection's
// test makes one harmless request with its credentials and says whether the channel accepted them.
import { Webhook } from 'standardwebhooks';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { type ChannelReceiver, startChannelReceiver } from './helpers/channel-receiver.js';
import { describeEachHub, ok } from './helpers/test-hub.js';
import { createWebChannel } from './helpers/webshop-fixture.js';

process.env.OMNIHUB_WEBHOOKS_ALLOW_PRIVATE = '1';

describeEachHub('integration test buttons', (t) => {
  let receiver: ChannelReceiver;
  let channelA: string;
  let channelB: string;
  beforeAll(async () => {
    receiver = await startChannelReceiver();
    channelA = await createWebChannel(t, 'shop-a');
    channelB = await createWebChannel(t, 'shop-b');
  });
  afterAll(async () => receiver.close());

  it('sends a signed webhook.test delivery and reports the answer; nothing is queued', async () => {
    const ep = await ok(t, 'POST', '/api/webhooks/endpoints', {
      url: `${receiver.url}/hook`,
      types: ['order.*'],
      channelId: channelA,
    });
    receiver.requests.length = 0;
    receiver.handle = () => ({ status: 204 });
    const r = await ok(t, 'POST', `/api/webhooks/endpoints/${ep.id}/test`, {});
    expect(r).toMatchObject({ delivered: true, statusCode: 204, error: null });
    expect(r.durationMs).toBeGreaterThanOrEqual(0);
    expect(receiver.requests).toHaveLength(1);
    const got = receiver.requests[0]!;
    expect(got.headers['webhook-id']).toBe(r.deliveryId);
    const payload = new Webhook(ep.secret).verify(got.body, {
      'webhook-id': String(got.headers['webhook-id']),
      'webhook-timestamp': String(got.headers['webhook-timestamp']),
      'webhook-signature': String(got.headers['webhook-signature']),
    }) as { type: string; subject: string; channelId: string };
    expect(payload).toMatchObject({ type: 'webhook.test', subject: ep.id, channelId: channelA });
    // Not a queued delivery: the endpoint's list and health stay empty.
    expect((await ok(t, 'GET', `/api/webhooks/endpoints/${ep.id}/deliveries`)).items).toEqual([]);

    // A failing receiver: its status and an error, still nothing queued.
    receiver.handle = () => ({ status: 500 });
    const failed = await ok(t, 'POST', `/api/webhooks/endpoints/${ep.id}/test`, {});
    expect(failed).toMatchObject({ delivered: false, statusCode: 500 });
    expect(failed.error).toContain('500');

    // After a rotation both secrets sign the test, as they sign real deliveries.
    const rotated = await ok(t, 'POST', `/api/webhooks/endpoints/${ep.id}/rotate-secret`, {});
    receiver.handle = () => ({ status: 200 });
    await ok(t, 'POST', `/api/webhooks/endpoints/${ep.id}/test`, {});
    const last = receiver.requests.at(-1)!;
    expect(String(last.headers['webhook-signature']).split(' ')).toHaveLength(2);
    for (const secret of [ep.secret, rotated.secret]) {
      expect(() =>
        new Webhook(secret).verify(last.body, {
          'webhook-id': String(last.headers['webhook-id']),
          'webhook-timestamp': String(last.headers['webhook-timestamp']),
          'webhook-signature': String(last.headers['webhook-signature']),
        }),
      ).not.toThrow();
    }
    expect((await ok(t, 'GET', `/api/webhooks/endpoints/${ep.id}/deliveries`)).items).toEqual([]);
  });

  it('refuses: unknown endpoint 404, another channel key 404, read scope 403, no key 401', async () => {
    const ep = await ok(t, 'POST', '/api/webhooks/endpoints', {
      url: `${receiver.url}/hook`,
      types: ['order.*'],
      channelId: channelA,
    });
    const key = async (scopes: string[], channelId: string) =>
      (await ok(t, 'POST', '/api/keys', { name: `k ${scopes}`, scopes, channelId })).secret as string;
    const before = receiver.requests.length;
    const otherChannel = await key(['webhooks:write'], channelB);
    const reader = await key(['webhooks:read'], channelA);
    const path = `/api/webhooks/endpoints/${ep.id}/test`;
    expect((await t.api('POST', path, { key: otherChannel, body: {} })).status).toBe(404);
    expect((await t.api('POST', path, { key: reader, body: {} })).status).toBe(403);
    expect((await t.api('POST', path, { key: null, body: {} })).status).toBe(401);
    expect((await t.api('POST', '/api/webhooks/endpoints/whe_nope/test', { body: {} })).status).toBe(404);
    const ownChannel = await key(['webhooks:write'], channelA);
    expect((await t.api('POST', path, { key: ownChannel, body: {} })).status).toBe(200);
    expect(receiver.requests.length).toBe(before + 1);
  });

  it('tests a WooCommerce connection with its key: accepted, then a wrong key is reported', async () => {
    receiver.requests.length = 0;
    receiver.handle = (r) =>
      r.headers.authorization === `Basic ${Buffer.from('ck_good:cs_good').toString('base64')}`
        ? { status: 200, body: [] }
        : { status: 401, body: { code: 'woocommerce_rest_cannot_view' } };
    const c = await ok(t, 'POST', '/api/channel-sync/connections', {
      kind: 'woocommerce',
      channelId: channelA,
      baseUrl: receiver.url,
      credentials: { consumerKey: 'ck_good', consumerSecret: 'cs_good' },
    });
    const good = await ok(t, 'POST', `/api/channel-sync/connections/${c.id}/test`, {});
    expect(good).toMatchObject({ ok: true, statusCode: 200, error: null });
    expect(receiver.requests.at(-1)).toMatchObject({
      method: 'GET',
      path: '/wp-json/wc/v3/products?per_page=1',
    });
    await ok(t, 'PATCH', `/api/channel-sync/connections/${c.id}`, {
      credentials: { consumerKey: 'ck_good', consumerSecret: 'cs_wrong' },
    });
    const bad = await ok(t, 'POST', `/api/channel-sync/connections/${c.id}/test`, {});
    expect(bad).toMatchObject({ ok: false, statusCode: 401 });
    expect(bad.error).toContain('401');
    // A test changes nothing: the connection is still active (a push's 401 would pause it).
    expect((await ok(t, 'GET', `/api/channel-sync/connections/${c.id}`)).status).toBe('active');
    await ok(t, 'DELETE', `/api/channel-sync/connections/${c.id}`);
  });

  it('tests a Shopify connection with its token and a generic one with a signed empty batch', async () => {
    receiver.requests.length = 0;
    receiver.handle = (r) =>
      r.headers['x-shopify-access-token'] === 'shpat_good' || r.headers['webhook-signature']
        ? { status: 200, body: { data: { shop: { name: 'Test' } } } }
        : { status: 401, body: { errors: '[API] Invalid API key or access token' } };
    const shopify = await ok(t, 'POST', '/api/channel-sync/connections', {
      kind: 'shopify',
      channelId: channelA,
      baseUrl: receiver.url,
      credentials: { accessToken: 'shpat_good', locationId: 'gid://shopify/Location/1' },
    });
    expect(await ok(t, 'POST', `/api/channel-sync/connections/${shopify.id}/test`, {})).toMatchObject({
      ok: true,
    });
    expect(String(receiver.requests.at(-1)!.json.query)).toContain('shop { name }');
    const generic = await ok(t, 'POST', '/api/channel-sync/connections', {
      kind: 'generic',
      channelId: channelB,
      baseUrl: `${receiver.url}/batches`,
    });
    expect(await ok(t, 'POST', `/api/channel-sync/connections/${generic.id}/test`, {})).toMatchObject({
      ok: true,
    });
    const sent = receiver.requests.at(-1)!;
    expect(sent.json).toMatchObject({ type: 'channel_sync.batch', items: [] });
    // A channel-bound key may not test connections (the route is for unbound operators).
    const bound = (
      await ok(t, 'POST', '/api/keys', {
        name: 'bound sync',
        scopes: ['channel_sync:write'],
        channelId: channelA,
      })
    ).secret;
    expect(
      (await t.api('POST', `/api/channel-sync/connections/${shopify.id}/test`, { key: bound, body: {} }))
        .status,
    ).toBe(403);
  });
});
