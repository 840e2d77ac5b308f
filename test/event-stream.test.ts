// The live stream (SSE at /api/stream): type filters, channel scoping by the caller's key, and
// Last-Event-ID resume from the event log, through a real listening socket.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { openSse, type SseClient } from './helpers/sse-client.js';
import { describeEachHub, TEST_ADMIN_KEY } from './helpers/test-hub.js';

describeEachHub('live event stream', (t) => {
  let base: string;
  const open: SseClient[] = [];
  const channels: Record<string, string> = {};
  beforeAll(async () => {
    base = (await t.hub.listen()).replace('[::1]', 'localhost');
    for (const code of ['webshop', 'till-amsterdam']) {
      const r = await t.api('POST', '/api/channels', {
        body: {
          code,
          name: code,
          type: code === 'webshop' ? 'web' : 'store',
          currency: 'EUR',
          locales: ['en'],
        },
      });
      channels[code] = r.body.id;
    }
  });
  afterAll(() => {
    for (const c of open) c.close();
  });

  const connect = async (query = '', key = TEST_ADMIN_KEY, headers: Record<string, string> = {}) => {
    const c = await openSse(`${base}/api/stream${query}`, { authorization: `Bearer ${key}`, ...headers });
    open.push(c);
    return c;
  };
  const rename = async (code: string, name: string) => {
    const r = await t.api('PATCH', `/api/channels/${channels[code]}`, { body: { name } });
    expect(r.status).toBe(200);
  };
  const names = (c: SseClient) => c.frames.map((f) => JSON.parse(f.data).data.channel?.name);

  it('needs a key with events:read', async () => {
    const anonymous = await openSse(`${base}/api/stream`);
    expect(anonymous.status).toBe(401);
    const k = await t.api('POST', '/api/keys', { body: { name: 'no events', scopes: ['channels:read'] } });
    expect((await connect('', k.body.secret)).status).toBe(403);
  });

  it('streams new events as CloudEvents with the event id as SSE id, filtered by type', async () => {
    const all = await connect();
    const onlyCreated = await connect('?types=channel.created');
    const prefixed = await connect('?types=channel.*');
    expect(all.status).toBe(200);
    await rename('webshop', 'Webshop A');
    await all.waitFor((f) => f.length >= 1);
    await prefixed.waitFor((f) => f.length >= 1);
    const frame = all.frames[0]!;
    const ce = JSON.parse(frame.data);
    expect(frame.event).toBe('channel.updated');
    expect(frame.id).toBe(ce.id);
    expect(ce).toMatchObject({ specversion: '1.0', type: 'channel.updated', subject: channels.webshop });
    const created = await t.api('POST', '/api/channels', {
      body: { code: 'app', name: 'App', type: 'mobile_app', currency: 'EUR', locales: ['en'] },
    });
    await onlyCreated.waitFor((f) => f.length === 1);
    expect(JSON.parse(onlyCreated.frames[0]!.data).subject).toBe(created.body.id);
  });

  it("scopes a channel-bound key to its channel's events", async () => {
    const till = await t.api('POST', '/api/keys', {
      body: { name: 'till', scopes: ['events:read'], channelId: channels['till-amsterdam'] },
    });
    const tillStream = await connect('', till.body.secret);
    const admin = await connect('?types=channel.updated');
    await rename('webshop', 'Webshop B');
    await rename('till-amsterdam', 'Till 1');
    await admin.waitFor((f) => f.length === 2);
    await tillStream.waitFor((f) => f.length >= 1);
    expect(names(tillStream)).toEqual(['Till 1']);
    // Asking for another channel is refused.
    expect((await connect(`?channel=${channels.webshop}`, till.body.secret)).status).toBe(403);
  });

  it('resumes after Last-Event-ID with what was missed, then continues live', async () => {
    const first = await connect('?types=channel.updated');
    await rename('webshop', 'R1');
    await first.waitFor((f) => f.length === 1);
    const lastSeen = first.frames[0]!.id!;
    first.close();
    await rename('webshop', 'R2');
    await rename('webshop', 'R3');
    const resumed = await connect('?types=channel.updated', TEST_ADMIN_KEY, { 'last-event-id': lastSeen });
    await resumed.waitFor((f) => f.length === 2);
    await rename('webshop', 'R4');
    await resumed.waitFor((f) => f.length === 3);
    expect(names(resumed)).toEqual(['R2', 'R3', 'R4']);
    const bad = await connect('', TEST_ADMIN_KEY, { 'last-event-id': 'evt_nope' });
    expect(bad.status).toBe(400);
  });
});
