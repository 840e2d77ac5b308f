// What the hub writes to its log, read back line by line with access logs on: no query string, body
// or credential reaches a line (a search by email, a refused body naming a person, a bearer key),
// and every line about a request carries its request id (the one the caller sent, when it sent one).
import { Writable } from 'node:stream';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHub, type Hub } from '../src/app.js';
import { systemClock } from '../src/kernel/index.js';
import { loadConfig } from '../src/platform/config.js';
import { loggerOptions } from '../src/platform/logging.js';
import { openFreshPglite } from '../src/platform/testing/test-databases.js';
import { TEST_ADMIN_KEY } from './helpers/test-hub.js';

describe('log lines [pglite]', () => {
  let hub: Hub;
  const lines: Array<Record<string, unknown>> = [];
  const raw: string[] = [];
  const before = process.env.OMNIHUB_LOG_REQUESTS;

  beforeAll(async () => {
    process.env.OMNIHUB_LOG_REQUESTS = '1'; // access logs: a line per request, the case to check
    const sink = new Writable({
      write(chunk, _enc, done) {
        for (const l of String(chunk).split('\n').filter(Boolean)) {
          raw.push(l);
          lines.push(JSON.parse(l));
        }
        done();
      },
    });
    hub = await createHub({
      config: { ...loadConfig({}), port: 0, adminKey: TEST_ADMIN_KEY, demo: false, natsUrl: undefined },
      clock: systemClock,
      log: pino(loggerOptions('info'), sink) as never,
      database: await openFreshPglite({ migrated: true }),
    });
  }, 120_000);

  afterAll(async () => {
    if (before === undefined) delete process.env.OMNIHUB_LOG_REQUESTS;
    else process.env.OMNIHUB_LOG_REQUESTS = before;
    await hub?.close();
    await hub?.database.close();
  });

  it('carries no query string, body or key, and a request id on every request line', async () => {
    const email = 'jane.doe.logcheck@example.com';
    const inject = (method: string, url: string, body?: unknown, headers: Record<string, string> = {}) =>
      hub.http.inject({
        method: method as 'GET',
        url,
        headers: {
          authorization: `Bearer ${TEST_ADMIN_KEY}`,
          ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
          ...headers,
        },
        ...(body !== undefined ? { payload: JSON.stringify(body) } : {}),
      });
    expect((await inject('GET', `/api/customers?q=${encodeURIComponent(email)}`)).statusCode).toBeLessThan(
      500,
    );
    const refused = await inject('POST', '/api/channels', { code: 'x', name: email, type: 'nope' });
    expect(refused.statusCode).toBe(400);
    await inject('GET', '/api/channels', undefined, { 'x-request-id': 'req-from-the-caller-1' });
    await inject('GET', '/api/nowhere?email=jane.doe.logcheck%40example.com');

    const requestLines = lines.filter((l) => l.req || l.res || l.reqId);
    expect(requestLines.length).toBeGreaterThanOrEqual(8); // incoming + completed per request
    for (const l of requestLines) expect(l.reqId, JSON.stringify(l)).toBeTruthy();
    expect(requestLines.some((l) => l.reqId === 'req-from-the-caller-1')).toBe(true);
    const all = raw.join('\n');
    expect(all).not.toContain('jane.doe');
    expect(all).not.toContain('logcheck');
    expect(all).not.toContain(TEST_ADMIN_KEY);
  });
});
