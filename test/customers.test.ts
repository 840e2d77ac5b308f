// End to end: the Segment HTTP API (with the real analytics-node client on a listening port), the
// customers API (view, search, merges, review queue, unmerge, consent, export, erasure) and bad input.
import { Analytics } from '@segment/analytics-node';
import { expect, it } from 'vitest';
import { describeEachHub } from './helpers/test-hub.js';

describeEachHub('customers and Segment ingestion', (t) => {
  let writeKey = '';
  let channelId = '';
  const basic = () => ({ authorization: `Basic ${Buffer.from(`${writeKey}:`).toString('base64')}` });
  const segment = (path: string, body: unknown, headers: Record<string, string> = basic()) =>
    t.api('POST', path, { body, key: null, headers });

  it('creates a source whose write key authenticates Segment calls', async () => {
    const ch = await t.api('POST', '/api/channels', {
      body: { code: 'web-e2e', name: 'Web', type: 'web', currency: 'EUR', locales: ['en'] },
    });
    channelId = ch.body.id;
    const src = await t.api('POST', '/api/customers/sources', { body: { channelId, name: 'website' } });
    expect(src.status).toBe(201);
    writeKey = src.body.writeKey;
    const noChannel = await t.api('POST', '/api/customers/sources', {
      body: { channelId: 'ch_nope', name: 'ghost' },
    });
    expect([noChannel.status, noChannel.body.code]).toEqual([422, 'unknown_channel']);
    expect(
      (await segment('/v1/track', { anonymousId: 'x', event: 'E' }, { authorization: 'Basic d3Jvbmc6' }))
        .status,
    ).toBe(401);
    expect((await segment('/v1/track', { anonymousId: 'x', event: 'E', writeKey })).status).toBe(200);
  });

  it('takes events from the real analytics-node client and shows them on the profile', async () => {
    const address = await t.hub.http.listen({ port: 0, host: '127.0.0.1' });
    const analytics = new Analytics({
      writeKey,
      host: address,
      flushAt: 3,
      flushInterval: 100,
      maxRetries: 0,
    });
    const errors: unknown[] = [];
    analytics.on('error', (e) => errors.push(e));
    analytics.track({ anonymousId: 'device-node-1', event: 'Product Viewed', properties: { sku: 'SKU-1' } });
    analytics.identify({
      userId: 'node-user-1',
      anonymousId: 'device-node-1',
      traits: { email: 'Node.User@Example.com', name: 'Node User' },
    });
    analytics.track({
      userId: 'node-user-1',
      event: 'Order Completed',
      properties: { total: 42.5, currency: 'EUR' },
    });
    await analytics.closeAndFlush({ timeout: 10_000 });
    expect(errors).toEqual([]);
    const found = await t.api('GET', '/api/customers?email=node.user@example.com');
    expect(found.body.items).toHaveLength(1);
    const view = await t.api('GET', `/api/customers/${found.body.items[0].id}`);
    expect(view.status).toBe(200);
    expect(
      view.body.timeline.items.map((e: { name: string | null; kind: string }) => e.name ?? e.kind).sort(),
    ).toEqual(['Order Completed', 'Product Viewed', 'identify']);
    expect(view.body.traits.name.value).toBe('Node User');
    expect(view.body.traits.name.channelId).toBe(channelId);
    expect(view.body.stage).toBe('first_time_buyer');
    expect(view.body.computed.lifetimeValue).toEqual([{ amount: 4250, currency: 'EUR' }]);
    expect(
      view.body.identities.map((i: { type: string; trust: string }) => `${i.type}:${i.trust}`).sort(),
    ).toEqual(['anonymous_id:verified', 'email:claimed', 'user_id:verified']);
  });

  it('stores the good events of a batch, reports the bad ones, dedupes, corrects clock skew', async () => {
    const batch = {
      sentAt: '2020-01-01T00:00:10.000Z',
      batch: [
        {
          type: 'track',
          messageId: 'b-1',
          anonymousId: 'skewed',
          event: 'Ok',
          timestamp: '2020-01-01T00:00:00.000Z',
        },
        { type: 'track', messageId: 'b-2', anonymousId: 'skewed' },
        { type: 'teleport', messageId: 'b-3', anonymousId: 'skewed' },
        { type: 'identify', messageId: 'b-4', userId: 'bad-mail', traits: { email: 'nope' } },
        {
          type: 'page',
          messageId: 'b-5',
          anonymousId: 'skewed',
          name: 'Home',
          context: {
            externalIds: [{ id: 'L-1', type: 'Loyalty Card', collection: 'users', encoding: 'none' }],
          },
        },
      ],
    };
    const before = Date.now();
    const r = await segment('/v1/batch', batch);
    expect(r.status).toBe(200);
    expect(r.body.stored).toBe(3);
    expect(r.body.rejected.map((x: { index: number }) => x.index)).toEqual([1, 2]);
    // a bad email is dropped with a warning; the rest of the identify lands
    expect(r.body.warnings.map((w: { index: number }) => w.index)).toEqual([3]);
    expect(r.body.warnings[0].warnings[0].path).toBe('traits.email');
    const again = await segment('/v1/batch', batch);
    expect(again.body.stored).toBe(0);
    expect(again.body.duplicates).toBe(3);
    const [c] = (await t.api('GET', '/api/customers?externalId=loyalty_card:L-1')).body.items;
    const view = await t.api('GET', `/api/customers/${c.id}`);
    const ok = view.body.timeline.items.find((e: { name: string }) => e.name === 'Ok');
    // the client clock was years behind: the event happened 10 s before the hub received the batch
    expect(new Date(ok.occurredAt).getTime()).toBeGreaterThanOrEqual(before - 11_000);
  });

  it('keeps the rest of an event whose phone or timestamp is bad, and says what it dropped', async () => {
    const identify = await segment('/v1/identify', {
      userId: 'lenient-api',
      traits: { email: 'lenient@example.com', phone: '12345', firstName: 'Lee' },
    });
    expect(identify.status).toBe(200);
    expect(identify.body.warnings[0].warnings[0].path).toBe('traits.phone');
    const track = await segment('/v1/track', {
      userId: 'lenient-api',
      event: 'Odd Time',
      timestamp: 'yesterday-ish',
    });
    expect([track.status, track.body.stored]).toEqual([200, 1]);
    expect(track.body.warnings[0].warnings[0].path).toBe('timestamp');
    const [c] = (await t.api('GET', '/api/customers?externalId=user_id:lenient-api')).body.items;
    const view = await t.api('GET', `/api/customers/${c.id}`);
    expect(view.body.traits.firstName.value).toBe('Lee');
    expect(view.body.identities.map((i: { type: string }) => i.type).sort()).toEqual(['email', 'user_id']);
  });

  it('refuses oversized events and batches with 400 and single bad events with per-field errors', async () => {
    const big = { anonymousId: 'big', event: 'Big', properties: { blob: 'x'.repeat(33 * 1024) } };
    const single = await segment('/v1/track', big);
    expect(single.status).toBe(400);
    const batch = await segment('/v1/batch', {
      batch: Array.from({ length: 20 }, () => ({ ...big, type: 'track' })),
    });
    expect(batch.status).toBe(400);
    const bad = await segment('/v1/track', { anonymousId: 'a' });
    expect(bad.status).toBe(400);
    expect(bad.body.errors[0].path).toBe('body.event');
    expect(
      (await segment('/v1/batch', '{not json', { ...basic(), 'content-type': 'application/json' })).status,
    ).toBe(400);
  });

  it('serves browsers: CORS preflight and headers on /v1/*, and the short aliases analytics.js uses', async () => {
    const origin = { origin: 'https://shop.example.com' };
    const preflight = await t.api('OPTIONS', '/v1/b', {
      key: null,
      headers: {
        ...origin,
        'access-control-request-method': 'POST',
        'access-control-request-headers': 'content-type,authorization',
      },
    });
    expect(preflight.status).toBe(204);
    expect(preflight.headers['access-control-allow-origin']).toBe('*');
    expect(preflight.headers['access-control-allow-methods']).toMatch(/POST/);
    expect(preflight.headers['access-control-allow-headers']).toBe('content-type,authorization');
    // analytics.js posts text/plain (no preflight) with the write key in the body
    const browser = (path: string, body: Record<string, unknown>, key = writeKey) =>
      t.api('POST', path, {
        key: null,
        body: JSON.stringify({ ...body, writeKey: key, messageId: `cors-${path}` }),
        headers: { ...origin, 'content-type': 'text/plain' },
      });
    const calls: Array<[string, Record<string, unknown>]> = [
      ['/v1/p', { anonymousId: 'browser-1', name: 'Home' }],
      ['/v1/t', { anonymousId: 'browser-1', event: 'Product Viewed' }],
      ['/v1/s', { anonymousId: 'browser-1', name: 'Scan' }],
      ['/v1/g', { anonymousId: 'browser-1', groupId: 'acme' }],
      ['/v1/i', { anonymousId: 'browser-1', userId: 'browser-user', traits: { name: 'Bea' } }],
      ['/v1/a', { userId: 'browser-user', previousId: 'browser-1' }],
      [
        '/v1/b',
        {
          batch: [{ type: 'track', anonymousId: 'browser-1', event: 'In Batch', messageId: 'cors-batch-1' }],
        },
      ],
    ];
    for (const [path, body] of calls) {
      const r = await browser(path, body);
      expect([path, r.status, r.headers['access-control-allow-origin']]).toEqual([path, 200, '*']);
      expect([path, r.body.stored, r.body.rejected]).toEqual([path, 1, []]);
    }
    const unknownKey = await browser('/v1/t', { anonymousId: 'x', event: 'E' }, 'wk_unknown');
    expect([unknownKey.status, unknownKey.headers['access-control-allow-origin']]).toEqual([401, '*']);
    const [c] = (await t.api('GET', '/api/customers?externalId=user_id:browser-user')).body.items;
    const view = await t.api('GET', `/api/customers/${c.id}`);
    expect(view.body.computed.eventCount).toBe(calls.length);
    expect(view.body.traits.name.value).toBe('Bea');
  });

  it('merges, protects, reviews and unmerges through the API', async () => {
    // One email under two user ids: the user_id limit (1) sends the link to review.
    await segment('/v1/identify', { userId: 'shared-a', traits: { email: 'family@example.com' } });
    await segment('/v1/identify', { userId: 'shared-b', traits: { email: 'family@example.com' } });
    const reviews = await t.api('GET', '/api/customers/merge-reviews');
    const review = reviews.body.items.find((r: { rule: string }) => r.rule === 'max_per_type');
    expect(review).toBeDefined();
    const [a, b] = review.profileIds;
    const refused = await t.api('POST', '/api/customers/merges', {
      body: { profileIds: [a, b], reason: 'same person?' },
    });
    expect(refused.status).toBe(409);
    expect(refused.body.code).toBe('merge_refused');
    expect(refused.body.rule).toBe('max_per_type');
    const rejected = await t.api('POST', `/api/customers/merge-reviews/${review.id}/reject`);
    expect(rejected.body.status).toBe('rejected');
    const again = await t.api('POST', `/api/customers/merge-reviews/${review.id}/approve`);
    expect([again.status, again.body.code]).toEqual([409, 'review_already_decided']);

    await segment('/v1/page', { anonymousId: 'laptop-9', name: 'Home' });
    await segment('/v1/identify', { userId: 'merge-me', traits: { email: 'mm@example.com' } });
    const linked = await segment('/v1/alias', { userId: 'merge-me', previousId: 'laptop-9' });
    expect(linked.status).toBe(200);
    const [user] = (await t.api('GET', '/api/customers?externalId=user_id:merge-me')).body.items;
    const [anon] = (await t.api('GET', '/api/customers?externalId=anonymous_id:laptop-9')).body.items;
    expect(anon.id).toBe(user.id);
    const merges = await t.api('GET', `/api/customers/${user.id}/merges`);
    expect(merges.body.items).toHaveLength(1);
    const log = await t.api('GET', `/api/customers/${user.id}/identity-log`);
    expect(log.body.items[0].reason).toMatch(/laptop-9/);
    const undone = await t.api('POST', `/api/customers/merges/${merges.body.items[0].id}/unmerge`);
    expect(undone.body.status).toBe('undone');
    const twice = await t.api('POST', `/api/customers/merges/${merges.body.items[0].id}/unmerge`);
    expect([twice.status, twice.body.code]).toEqual([409, 'merge_not_active']);
    const self = await t.api('POST', '/api/customers/merges', {
      body: { profileIds: [user.id, user.id], reason: 'twice the same' },
    });
    expect([self.status, self.body.code]).toEqual([409, 'same_customer']);
    const [anonAfter] = (await t.api('GET', '/api/customers?externalId=anonymous_id:laptop-9')).body.items;
    expect(anonAfter.id).not.toBe(user.id);
    expect((await t.api('GET', `/api/customers/${anonAfter.id}`)).body.timeline.items).toHaveLength(1);
  });

  it('records consent, exports and erases a customer; erased ids do not come back', async () => {
    await segment('/v1/identify', {
      userId: 'gdpr-1',
      traits: { email: 'gdpr@example.com', phone: '+46 70 123 45 67' },
      context: { consent: { categoryPreferences: { Marketing: true } } },
    });
    const [c] = (await t.api('GET', '/api/customers?phone=%2B46701234567')).body.items;
    const consent = await t.api('PUT', `/api/customers/${c.id}/consent`, {
      body: { purpose: 'marketing', channel: '*', granted: false },
    });
    expect(
      consent.body.consent.map((x: { channel: string; status: string }) => `${x.channel}:${x.status}`).sort(),
    ).toEqual(['*:denied', `${channelId}:granted`]);
    const exported = await t.api('GET', `/api/customers/${c.id}/export`);
    expect(exported.body.identifiers).toHaveLength(3);
    const erased = await t.api('POST', `/api/customers/${c.id}/erase`, {
      body: { reason: 'customer asked' },
    });
    expect(erased.body.identifiersErased).toBe(3);
    expect((await t.api('GET', `/api/customers/${c.id}`)).status).toBe(404);
    const replay = await segment('/v1/track', { userId: 'gdpr-1', event: 'Late event' });
    expect(replay.body.ignored).toBe(1);
    expect((await t.api('GET', '/api/customers?email=gdpr@example.com')).body.items).toEqual([]);
  });
});
