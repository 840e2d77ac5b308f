// Request limits: per API key and per client address (429 problem+json with Retry-After), and a
// route's own stricter budget (the till's handoff-code look-up).
import { sql } from 'drizzle-orm';
import { expect, it } from 'vitest';
import { createContext } from '../src/platform/context.js';
import { rows } from '../src/platform/db/database.js';
import { deleteExpiredIdempotencyKeys } from '../src/platform/http/idempotency.js';
import { describeEachHub } from './helpers/test-hub.js';

const expectRateLimited = (res: {
  status: number;
  headers: Record<string, unknown>;
  body: { code?: string; retryAfterSeconds?: number };
}) => {
  expect(res.status).toBe(429);
  expect(String(res.headers['content-type'])).toContain('application/problem+json');
  expect(res.body).toMatchObject({ code: 'rate_limited', status: 429 });
  expect(Number(res.headers['retry-after'])).toBeGreaterThan(0);
  expect(res.body.retryAfterSeconds).toBe(Number(res.headers['retry-after']));
};

describeEachHub(
  'Rate limits per key and per address',
  (t) => {
    it('refuses a key over its budget with 429 and Retry-After; other keys go on', async () => {
      const other = await t.api('POST', '/api/keys', { body: { name: 'other', scopes: ['channels:read'] } });
      expect(other.status).toBe(201);
      // the admin key's budget of 5: the POST above and four more
      for (let i = 0; i < 4; i++) expect((await t.api('GET', '/api/me')).status).toBe(200);
      expectRateLimited(await t.api('GET', '/api/me'));
      expect((await t.api('GET', '/api/channels', { key: other.body.secret })).status).toBe(200);
    });

    it('refuses a client address over its budget, whatever it calls; other addresses go on', async () => {
      const from = (remoteAddress: string) =>
        t.hub.http.inject({ method: 'GET', url: '/health', remoteAddress });
      for (let i = 0; i < 8; i++) expect((await from('203.0.113.7')).statusCode).toBe(200);
      const refused = await from('203.0.113.7');
      expectRateLimited({ status: refused.statusCode, headers: refused.headers, body: refused.json() });
      expect((await from('203.0.113.8')).statusCode).toBe(200);
      // An IPv4 client arriving IPv4-mapped is the same client.
      expectRateLimited(
        await from('::ffff:203.0.113.7').then((r) => ({ ...r, status: r.statusCode, body: r.json() })),
      );
    });

    it('counts an IPv6 client by its /64: a fresh address of the same network gets no fresh budget', async () => {
      const from = (remoteAddress: string) =>
        t.hub.http.inject({ method: 'GET', url: '/health', remoteAddress });
      for (let i = 0; i < 8; i++) expect((await from(`2001:db8:7:7::${i + 1}`)).statusCode).toBe(200);
      const refused = await from('2001:db8:7:7:abcd::99');
      expectRateLimited({ status: refused.statusCode, headers: refused.headers, body: refused.json() });
      expect((await from('2001:db8:7:8::1')).statusCode).toBe(200);
    });
  },
  { config: { rateLimits: { perIp: 8, perKey: 5, windowSeconds: 60 } } },
);

describeEachHub('A route budget per client address and account', (t) => {
  it('counts staff sign-ins from one IPv6 /64 together, whichever address of it they come from', async () => {
    const signIn = (remoteAddress: string) =>
      t.hub.http.inject({
        method: 'POST',
        url: '/api/staff/sign-in',
        remoteAddress,
        payload: { email: 'nobody@shop.example', password: 'not the password' },
      });
    for (let i = 0; i < 10; i++) expect((await signIn(`2001:db8:5:5::${i + 1}`)).statusCode).toBe(401);
    const refused = await signIn('2001:db8:5:5:ffff::1');
    expectRateLimited({ status: refused.statusCode, headers: refused.headers, body: refused.json() });
    expect((await signIn('2001:db8:5:6::1')).statusCode).toBe(401);
  });
});

describeEachHub(
  'A route with its own budget; web app headers; the metrics token',
  (t) => {
    it('allows 60 handoff-code look-ups a minute per key, then 429 with Retry-After', async () => {
      const till = await t.api('POST', '/api/keys', { body: { name: 'till', scopes: ['carts:read'] } });
      const as = { key: till.body.secret as string };
      for (let i = 0; i < 60; i++) {
        const res = await t.api('GET', `/api/tills/carts?code=GUESS${i}`, as);
        expect(res.status, JSON.stringify(res.body)).not.toBe(429);
      }
      expectRateLimited(await t.api('GET', '/api/tills/carts?code=GUESS60', as));
      expect((await t.api('GET', '/api/tills/carts?code=GUESS61')).status).not.toBe(429); // the admin's own budget
    });

    it('serves the web apps with a content security policy that forbids framing and sniffing', async () => {
      const page = await t.hub.http.inject({ method: 'GET', url: '/admin' });
      expect(page.statusCode).toBe(200);
      const csp = String(page.headers['content-security-policy']);
      expect(csp).toContain("script-src 'self'");
      expect(csp).toContain("frame-ancestors 'none'");
      expect(page.headers).toMatchObject({
        'x-content-type-options': 'nosniff',
        'referrer-policy': 'no-referrer',
        'x-frame-options': 'DENY',
      });
      const script = /src="(\/web\/assets\/[^"]+\.js)"/.exec(page.body)?.[1];
      const asset = await t.hub.http.inject({ method: 'GET', url: script! });
      expect(asset.statusCode).toBe(200);
      expect(asset.headers['x-content-type-options']).toBe('nosniff');
    });

    it('writes Idempotency-Key rows only for authenticated callers, and expires them after 24 h', async () => {
      const keys = () =>
        rows<{ key: string }>(t.hub.database.db, sql`select key from idempotency_keys order by key`);
      const before = (await keys()).length;
      for (const url of ['/v1/track', '/api/inbound/ibc_unknown']) {
        const res = await t.hub.http.inject({
          method: 'POST',
          url,
          headers: { 'content-type': 'application/json', 'idempotency-key': `anon-${url}` },
          payload: JSON.stringify({ anonymousId: 'a', event: 'E', writeKey: 'wrong' }),
        });
        expect(res.statusCode, url).toBeGreaterThanOrEqual(400);
        expect(res.statusCode, url).toBeLessThan(500);
      }
      expect(await keys()).toHaveLength(before);
      const made = await t.api('POST', '/api/keys', {
        body: { name: 'once', scopes: ['channels:read'] },
        headers: { 'idempotency-key': 'admin-once' },
      });
      expect(made.status).toBe(201);
      expect((await keys()).map((k) => k.key)).toContain('admin-once');
      const at = (ms: number) =>
        createContext(t.hub.database, { clock: { now: () => new Date(Date.now() + ms) }, log: t.hub.log });
      expect(await deleteExpiredIdempotencyKeys(at(23 * 3_600_000))).toBe(0);
      expect(await deleteExpiredIdempotencyKeys(at(25 * 3_600_000))).toBeGreaterThanOrEqual(1);
      expect((await keys()).map((k) => k.key)).not.toContain('admin-once');
    });

    it('a retry after its node died mid-request is not run twice; one still running is refused', async () => {
      const body = { name: 'crash', scopes: ['channels:read'] };
      const send = () => t.api('POST', '/api/keys', { body, headers: { 'idempotency-key': 'crashed-once' } });
      expect((await send()).status).toBe(201);
      // As a node leaves it when killed while running the request: claimed, no response stored.
      const running = (lease: string) =>
        t.hub.database.db.execute(
          sql.raw(`update idempotency_keys set status_code = null, response_body = null,
                   lease_until = now() + interval '${lease}' where key = 'crashed-once'`),
        );
      await running('1 minute'); // a live node's heartbeat keeps it in the future
      const busy = await send();
      expect(busy.status).toBe(409);
      expect(busy.body.code).toBe('idempotency_in_progress');
      await running('-1 second'); // no heartbeat: the node is gone, after its key was committed
      const retried = await send();
      expect(retried.status).toBe(409);
      expect(retried.body.code).toBe('idempotency_response_lost');
      expect((await send()).headers['idempotent-replayed']).toBe('true');
      const keys = (await t.api('GET', '/api/keys')).body.items.filter(
        (k: { name: string }) => k.name === 'crash',
      );
      expect(keys).toHaveLength(1);
    });

    it('answers /metrics only to its own token when one is set', async () => {
      expect((await t.api('GET', '/metrics', { key: null })).status).toBe(401);
      expect((await t.api('GET', '/metrics')).status).toBe(401); // an admin key is not the metrics token
      const scraped = await t.api('GET', '/metrics', { key: 'metrics-secret-token' });
      expect(scraped.status).toBe(200);
      expect(String(scraped.body)).toContain('omnihub_http_request_duration_seconds');
    });
  },
  { config: { metricsToken: 'metrics-secret-token' } },
);
