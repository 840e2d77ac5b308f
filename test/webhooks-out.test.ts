// Outbound webhooks end to end: a real local receiver verifies our deliveries with the official
// `standardwebhooks` package; retries keep one webhook-id and end in the dead-letter queue; replay,
// 410, Retry-After, secret rotation, per-subject order and CloudEvents structured mode.
import { Webhook } from 'standardwebhooks';
import { afterAll, beforeAll, beforeEach, expect, it } from 'vitest';
import { describeEachHub } from './helpers/test-hub.js';
import { startWebhookReceiver, type WebhookReceiver } from './helpers/webhook-receiver.js';

// Set before the hubs start: tests call a loopback receiver and run the retry schedule in ms.
process.env.OMNIHUB_WEBHOOKS_ALLOW_PRIVATE = '1';
process.env.OMNIHUB_WEBHOOK_RETRY_SCHEDULE_MS = '20,40,60';
process.env.OMNIHUB_WEBHOOK_POLL_MS = '20';

const headersOf = (r: { headers: Record<string, unknown> }) => ({
  'webhook-id': String(r.headers['webhook-id']),
  'webhook-timestamp': String(r.headers['webhook-timestamp']),
  'webhook-signature': String(r.headers['webhook-signature']),
});

describeEachHub('outbound webhooks', (t) => {
  let receiver: WebhookReceiver;
  let channelId: string;
  let n = 0;
  beforeAll(async () => {
    receiver = await startWebhookReceiver();
    const c = await t.api('POST', '/api/channels', {
      body: { code: 'webshop', name: 'Webshop', type: 'web', currency: 'EUR', locales: ['en'] },
    });
    expect(c.status).toBe(201);
    channelId = c.body.id;
  });
  afterAll(async () => receiver.close());
  beforeEach(() => {
    receiver.received.length = 0;
    receiver.respond = () => ({ status: 204 });
  });

  const touchChannel = async () => {
    const r = await t.api('PATCH', `/api/channels/${channelId}`, { body: { name: `Webshop ${++n}` } });
    expect(r.status).toBe(200);
  };
  const subscribe = async (body: Record<string, unknown> = {}) => {
    const r = await t.api('POST', '/api/webhooks/endpoints', {
      body: { url: receiver.url, types: ['channel.updated'], ...body },
    });
    expect(r.status).toBe(201);
    return r.body as { id: string; secret: string };
  };
  const unsubscribe = async (id: string) => {
    expect((await t.api('DELETE', `/api/webhooks/endpoints/${id}`)).status).toBe(204);
  };

  it('signs deliveries so the official standardwebhooks verifier accepts them', async () => {
    const ep = await subscribe();
    expect(ep.secret).toMatch(/^whsec_/);
    await touchChannel();
    await receiver.waitFor((all) => all.length === 1);
    const got = receiver.received[0]!;
    const payload = new Webhook(ep.secret).verify(got.body, headersOf(got)) as {
      type: string;
      data: { channel: { id: string } };
    };
    expect(payload.type).toBe('channel.updated');
    expect(payload.data.channel.id).toBe(channelId);
    expect(got.headers['webhook-id']).toMatch(/^msg_/);
    // A forged body fails the same verifier.
    expect(() =>
      new Webhook(ep.secret).verify(got.body.replace('Webshop', 'Forged'), headersOf(got)),
    ).toThrow();
    await unsubscribe(ep.id);
  });

  it('signs with both secrets during a rotation', async () => {
    const ep = await subscribe();
    const rotated = await t.api('POST', `/api/webhooks/endpoints/${ep.id}/rotate-secret`, { body: {} });
    expect(rotated.status).toBe(200);
    expect(rotated.body.secret).not.toBe(ep.secret);
    await touchChannel();
    await receiver.waitFor((all) => all.length === 1);
    const got = receiver.received[0]!;
    expect(String(got.headers['webhook-signature']).split(' ')).toHaveLength(2);
    expect(() => new Webhook(ep.secret).verify(got.body, headersOf(got))).not.toThrow();
    expect(() => new Webhook(rotated.body.secret).verify(got.body, headersOf(got))).not.toThrow();
    await unsubscribe(ep.id);
  });

  it('retries a failing receiver with one webhook-id, dead-letters it, and replays it by API', async () => {
    const ep = await subscribe();
    receiver.respond = () => ({ status: 500 });
    await touchChannel();
    // First attempt + 3 retries of the schedule, then the dead-letter queue.
    await receiver.waitFor((all) => all.length === 4);
    const ids = new Set(receiver.received.map((r) => r.headers['webhook-id']));
    expect(ids.size).toBe(1);
    let dead = await t.api('GET', `/api/webhooks/endpoints/${ep.id}/deliveries?status=dead`);
    for (let i = 0; i < 200; i++) {
      dead = await t.api('GET', `/api/webhooks/endpoints/${ep.id}/deliveries?status=dead`);
      if (dead.body.items.length) break;
      await new Promise((r) => setTimeout(r, 10));
    }
    expect(dead.body.items).toHaveLength(1);
    expect(dead.body.items[0]).toMatchObject({ attempts: 4, lastStatusCode: 500, status: 'dead' });
    const health = await t.api('GET', '/api/webhooks/health');
    expect(health.body.items.find((h: { endpointId: string }) => h.endpointId === ep.id)).toMatchObject({
      deadLettered: 1,
      failedAttempts: 4,
    });
    // The first scrape already shows them: every gauge awaits the same health read.
    const metrics = String((await t.api('GET', '/metrics', { key: null })).body);
    expect(metrics).toContain(`omnihub_webhook_dead_letter_depth{endpoint="${ep.id}"} 1`);
    expect(metrics).toContain(`omnihub_webhook_failed_attempts{endpoint="${ep.id}"} 4`);

    receiver.respond = () => ({ status: 200 });
    const replay = await t.api('POST', `/api/webhooks/endpoints/${ep.id}/replay`, { body: {} });
    expect(replay.body.replayed).toEqual([dead.body.items[0].id]);
    await receiver.waitFor((all) => all.length === 5);
    expect(receiver.received[4]!.headers['webhook-id']).toBe(dead.body.items[0].id);
    expect(() =>
      new Webhook(ep.secret).verify(receiver.received[4]!.body, headersOf(receiver.received[4]!)),
    ).not.toThrow();
    await unsubscribe(ep.id);
  });

  it('disables the endpoint when the receiver answers 410 Gone', async () => {
    const ep = await subscribe();
    receiver.respond = () => ({ status: 410 });
    await touchChannel();
    await receiver.waitFor((all) => all.length === 1);
    let status = 'active';
    for (let i = 0; i < 200 && status === 'active'; i++) {
      status = (await t.api('GET', `/api/webhooks/endpoints/${ep.id}`)).body.status;
      await new Promise((r) => setTimeout(r, 10));
    }
    expect(status).toBe('disabled');
    await touchChannel();
    await t.hub.integration.worker!.fanout.caughtUp();
    expect(receiver.received).toHaveLength(1);
    await unsubscribe(ep.id);
  });

  it('honours Retry-After on 429', async () => {
    const ep = await subscribe();
    receiver.respond = () => ({ status: 429, headers: { 'retry-after': '120' } });
    await touchChannel();
    await receiver.waitFor((all) => all.length === 1);
    let d: { status: string; attempts: number; nextAttemptAt: string } | undefined;
    for (let i = 0; i < 200; i++) {
      d = (await t.api('GET', `/api/webhooks/endpoints/${ep.id}/deliveries`)).body.items[0];
      if (d?.status === 'pending' && d.attempts === 1) break;
      await new Promise((r) => setTimeout(r, 10));
    }
    expect(d).toMatchObject({ status: 'pending', attempts: 1, lastStatusCode: 429 });
    const waitMs = new Date(d!.nextAttemptAt).getTime() - new Date(receiver.received[0]!.at).getTime();
    expect(waitMs).toBeGreaterThan(100_000); // asked 120 s; the schedule alone would say 20 ms
    await unsubscribe(ep.id);
  });

  it('keeps one subject in order even when a delivery has to be retried', async () => {
    const ep = await subscribe();
    let failFirst = true;
    receiver.respond = () => {
      if (failFirst) {
        failFirst = false;
        return { status: 503 };
      }
      return { status: 200 };
    };
    for (let i = 0; i < 5; i++) await touchChannel();
    await receiver.waitFor((all) => new Set(all.map((r) => r.headers['webhook-id'])).size === 5);
    await receiver.waitFor((all) => all.length === 6);
    const names = receiver.received.map((r) => JSON.parse(r.body).data.channel.name as string);
    // The failed first delivery is retried before any later one of the same subject goes out.
    expect(names[0]).toBe(names[1]);
    const delivered = names.slice(1).map((s) => Number(s.split(' ')[1]));
    expect(delivered).toEqual([...delivered].sort((a, b) => a - b));
    await unsubscribe(ep.id);
  });

  it('sends CloudEvents 1.0 structured mode when asked, still signed', async () => {
    const ep = await subscribe({ format: 'cloudevents', transform: '{ "name": data.channel.name }' });
    await touchChannel();
    await receiver.waitFor((all) => all.length === 1);
    const got = receiver.received[0]!;
    expect(got.headers['content-type']).toBe('application/cloudevents+json');
    const ce = new Webhook(ep.secret).verify(got.body, headersOf(got)) as { data: unknown };
    expect(ce).toMatchObject({ specversion: '1.0', type: 'channel.updated', subject: channelId });
    expect(ce.data).toEqual({ name: `Webshop ${n}` });
    await unsubscribe(ep.id);
  });

  it('parks a delivery whose transform fails or runs over its budget, and replays it once fixed', async () => {
    const ep = await subscribe({ transform: '$sum([1..1e7])' });
    await touchChannel();
    let dead = await t.api('GET', `/api/webhooks/endpoints/${ep.id}/deliveries?status=dead`);
    for (let i = 0; i < 100 && dead.body.items.length === 0; i++) {
      await new Promise((r) => setTimeout(r, 20));
      dead = await t.api('GET', `/api/webhooks/endpoints/${ep.id}/deliveries?status=dead`);
    }
    expect(dead.body.items).toHaveLength(1);
    expect(dead.body.items[0]).toMatchObject({ attempts: 0, status: 'dead' });
    expect(dead.body.items[0].lastError).toMatch(/exceeded its budget/);
    // Replayed while still failing: it stays parked, nothing is sent.
    expect(
      (await t.api('POST', `/api/webhooks/endpoints/${ep.id}/replay`, { body: {} })).body.replayed,
    ).toEqual([]);
    const patched = await t.api('PATCH', `/api/webhooks/endpoints/${ep.id}`, {
      body: { transform: '{ "name": data.channel.name }' },
    });
    expect(patched.status).toBe(200);
    const replay = await t.api('POST', `/api/webhooks/endpoints/${ep.id}/replay`, { body: {} });
    expect(replay.body.replayed).toEqual([dead.body.items[0].id]);
    await receiver.waitFor((all) => all.length === 1);
    expect(JSON.parse(receiver.received[0]!.body).data).toEqual({ name: `Webshop ${n}` });
    await unsubscribe(ep.id);
  });

  it('refuses bad input: unknown fields, a bad transform, a non-whsec secret', async () => {
    for (const body of [
      { url: receiver.url, bogus: 1 },
      { url: receiver.url, transform: '{ unclosed' },
      { url: receiver.url, secret: 'plain' },
      { url: 'ftp://example.com/x' },
    ]) {
      const r = await t.api('POST', '/api/webhooks/endpoints', { body });
      expect(r.status).toBe(400);
    }
    const list = await t.api('GET', '/api/webhooks/endpoints');
    expect(list.body.items).toHaveLength(0);
  });
});
