// The HTTP contract every route relies on: auth and scopes, channel binding, problem+json errors,
// idempotency keys, request ids, OpenAPI, health/ready/metrics and the event log API.
import { expect, it } from 'vitest';
import { describeEachHub } from './helpers/test-hub.js';

describeEachHub('HTTP platform', (t) => {
  it('serves liveness, readiness, metrics and the OpenAPI document', async () => {
    expect((await t.api('GET', '/health', { key: null })).body).toEqual({ status: 'ok' });
    const ready = await t.api('GET', '/ready', { key: null });
    expect(ready.status).toBe(200);
    expect(ready.body.status).toBe('ready');
    const metrics = await t.api('GET', '/metrics', { key: null });
    expect(metrics.status).toBe(200);
    expect(String(metrics.body)).toContain('omnihub_http_request_duration_seconds');
    const doc = await t.api('GET', '/openapi.json', { key: null });
    expect(doc.body.openapi).toBe('3.1.0');
    expect(Object.keys(doc.body.paths)).toEqual(
      expect.arrayContaining(['/api/keys', '/api/channels', '/api/events']),
    );
    const docs = await t.hub.http.inject({ method: 'GET', url: '/docs/' });
    expect(docs.statusCode).toBe(200);
    expect(docs.body).toContain('swagger');
  });

  it('refuses missing and unknown keys with 401 and missing scopes with 403, as problem+json', async () => {
    const none = await t.api('GET', '/api/channels', { key: null });
    expect(none.status).toBe(401);
    expect(none.headers['content-type']).toContain('application/problem+json');
    expect(none.body).toMatchObject({
      status: 401,
      code: 'unauthenticated',
      type: expect.stringContaining('unauthenticated'),
    });
    expect((await t.api('GET', '/api/channels', { key: 'ohk_not_a_real_key_at_all' })).status).toBe(401);

    const created = await t.api('POST', '/api/keys', { body: { name: 'reader', scopes: ['channels:read'] } });
    expect(created.status).toBe(201);
    expect(created.body.secret).toMatch(/^ohk_/);
    const reader = created.body.secret as string;
    expect((await t.api('GET', '/api/channels', { key: reader })).status).toBe(200);
    const denied = await t.api('POST', '/api/channels', {
      key: reader,
      body: { code: 'nope', name: 'Nope', type: 'web', currency: 'EUR', locales: ['en'] },
    });
    expect(denied.status).toBe(403);
    expect(denied.body).toMatchObject({ code: 'forbidden', requiredScope: 'channels:write' });
    // the list never shows secrets or hashes
    const list = await t.api('GET', '/api/keys');
    expect(JSON.stringify(list.body)).not.toContain(reader);
    expect(JSON.stringify(list.body)).not.toContain('hash');
  });

  it('a channel-bound key acts only as its channel', async () => {
    const a = await t.api('POST', '/api/channels', {
      body: { code: 'till-a', name: 'Till A', type: 'store', currency: 'EUR', locales: ['nl'] },
    });
    const b = await t.api('POST', '/api/channels', {
      body: { code: 'till-b', name: 'Till B', type: 'store', currency: 'EUR', locales: ['nl'] },
    });
    const key = await t.api('POST', '/api/keys', {
      body: { name: 'till A', scopes: ['channels:read'], channelId: a.body.id },
    });
    const secret = key.body.secret as string;
    const me = await t.api('GET', '/api/me', { key: secret });
    expect(me.body.channelId).toBe(a.body.id);
    const listed = await t.api('GET', '/api/channels', { key: secret });
    expect(listed.body.items.map((c: { id: string }) => c.id)).toEqual([a.body.id]);
    expect((await t.api('GET', `/api/channels/${a.body.id}`, { key: secret })).status).toBe(200);
    // Channels are no secret: naming another one is refused as such.
    const other = await t.api('GET', `/api/channels/${b.body.id}`, { key: secret });
    expect(other.status).toBe(403);
    expect(other.body.code).toBe('channel_forbidden');
  });

  it('revoked keys stop working', async () => {
    const created = await t.api('POST', '/api/keys', { body: { name: 'temp', scopes: ['admin'] } });
    const secret = created.body.secret as string;
    expect((await t.api('GET', '/api/me', { key: secret })).status).toBe(200);
    expect((await t.api('DELETE', `/api/keys/${created.body.id}`)).status).toBe(200);
    expect((await t.api('GET', '/api/me', { key: secret })).status).toBe(401);
  });

  it('malformed JSON, wrong types, unknown fields and oversized bodies are 4xx problems and write nothing', async () => {
    const before = (await t.api('GET', '/api/channels')).body.items.length;
    const malformed = await t.api('POST', '/api/channels', {
      body: '{"code": "x",',
      headers: { 'content-type': 'application/json' },
    });
    expect(malformed.status).toBe(400);
    expect(malformed.body.code).toBe('malformed_body');
    const wrong = await t.api('POST', '/api/channels', {
      body: { code: 'Bad Code', name: 5, type: 'fax', currency: 'eur', locales: [], extra: true },
    });
    expect(wrong.status).toBe(400);
    expect(wrong.body.code).toBe('validation_failed');
    const paths = wrong.body.errors.map((e: { path: string }) => e.path);
    expect(paths).toEqual(
      expect.arrayContaining(['body.code', 'body.name', 'body.type', 'body.currency', 'body.locales']),
    );
    expect(wrong.body.errors.some((e: { message: string }) => e.message.includes('extra'))).toBe(true);
    const huge = await t.api('POST', '/api/channels', {
      body: { code: 'big', name: 'x'.repeat(2 * 1024 * 1024), type: 'web', currency: 'EUR', locales: ['en'] },
    });
    expect(huge.status).toBe(413);
    expect(huge.body.code).toBe('payload_too_large');
    expect(JSON.stringify(huge.body)).not.toMatch(/at .*\.(js|ts):\d+/); // no stack traces
    expect((await t.api('GET', '/api/channels')).body.items.length).toBe(before);
  });

  it('unknown routes are 404 problem+json; request ids are echoed', async () => {
    const r = await t.api('GET', '/api/nothing-here', { headers: { 'x-request-id': 'trace-123' } });
    expect(r.status).toBe(404);
    expect(r.body).toMatchObject({ code: 'route_not_found', requestId: 'trace-123' });
    expect(r.headers['x-request-id']).toBe('trace-123');
    const generated = await t.api('GET', '/health', { key: null });
    expect(String(generated.headers['x-request-id'])).toMatch(/^req_/);
  });

  it('Idempotency-Key: a retry returns the stored response; another body with the same key is 422', async () => {
    const body = { code: 'idem-web', name: 'Idempotent', type: 'web', currency: 'EUR', locales: ['en'] };
    const headers = { 'idempotency-key': 'create-idem-web-1' };
    const first = await t.api('POST', '/api/channels', { body, headers });
    expect(first.status).toBe(201);
    const retry = await t.api('POST', '/api/channels', { body, headers });
    expect(retry.status).toBe(201);
    expect(retry.body).toEqual(first.body);
    expect(retry.headers['idempotent-replayed']).toBe('true');
    const reused = await t.api('POST', '/api/channels', { body: { ...body, name: 'Other' }, headers });
    expect(reused.status).toBe(422);
    expect(reused.body.code).toBe('idempotency_key_reused');
    const all = (await t.api('GET', '/api/channels')).body.items.filter(
      (c: { code: string }) => c.code === 'idem-web',
    );
    expect(all.length).toBe(1);
    // without a key, the duplicate is a conflict, not a second channel
    expect((await t.api('POST', '/api/channels', { body })).status).toBe(409);
  });

  it('Idempotency-Key on a streamed upload is refused before anything is read or written', async () => {
    const before = (await t.api('GET', '/api/imports')).body.items.length;
    const r = await t.api('POST', '/api/imports?format=csv', {
      body: 'kind,handle\n',
      headers: { 'content-type': 'text/csv', 'idempotency-key': 'upload-1' },
    });
    expect(r.status).toBe(400);
    expect(r.body.code).toBe('validation_failed');
    expect((await t.api('GET', '/api/imports')).body.items.length).toBe(before);
  });

  it('exposes the event log as CloudEvents, readable from a cursor or an event id', async () => {
    await t.api('POST', '/api/channels', {
      body: { code: 'ev-shop', name: 'Events shop', type: 'web', currency: 'EUR', locales: ['en'] },
    });
    const page = await t.api('GET', '/api/events?types=channel.*&limit=1000');
    expect(page.status).toBe(200);
    const created = page.body.items.find(
      (e: { data: { channel: { code: string } } }) => e.data.channel?.code === 'ev-shop',
    );
    expect(created).toMatchObject({
      specversion: '1.0',
      type: 'channel.created',
      datacontenttype: 'application/json',
    });
    expect(created.id).toMatch(/^evt_/);
    const after = await t.api('GET', `/api/events?after=${created.id}&types=channel.*`);
    expect(after.body.items.find((e: { id: string }) => e.id === created.id)).toBeUndefined();
    // A filter that matches nothing still moves `next` past the events it read: polling with it
    // does not read them again.
    const none = await t.api('GET', '/api/events?types=nothing.matches');
    expect(none.body.items).toEqual([]);
    expect(none.body.next).not.toBe('0-0');
    const past = await t.api('GET', `/api/events?after=${none.body.next}&types=channel.*`);
    expect(past.body.items.find((e: { id: string }) => e.id === created.id)).toBeUndefined();
    const bad = await t.api('GET', '/api/events?after=evt_unknown');
    expect(bad.status).toBe(400);
  });
  it('reads the newest events from the head, and refuses newest with a cursor', async () => {
    for (const code of ['tail-a', 'tail-b'])
      await t.api('POST', '/api/channels', {
        body: { code, name: code, type: 'web', currency: 'EUR', locales: ['en'] },
      });
    const tail = await t.api('GET', '/api/events?newest=true&types=channel.created&limit=2');
    expect(tail.status).toBe(200);
    expect(tail.body.items.map((e: { data: { channel: { code: string } } }) => e.data.channel.code)).toEqual([
      'tail-a',
      'tail-b',
    ]);
    // Reading on from `next` finds nothing older again, only what comes after.
    await t.api('POST', '/api/channels', {
      body: { code: 'tail-c', name: 'tail-c', type: 'web', currency: 'EUR', locales: ['en'] },
    });
    const on = await t.api('GET', `/api/events?after=${tail.body.next}&types=channel.created`);
    expect(on.body.items.map((e: { data: { channel: { code: string } } }) => e.data.channel.code)).toEqual([
      'tail-c',
    ]);
    const both = await t.api('GET', `/api/events?newest=true&after=${tail.body.next}`);
    expect(both.status).toBe(400);
    expect(JSON.stringify(both.body)).toContain('querystring.newest');
  });
});
