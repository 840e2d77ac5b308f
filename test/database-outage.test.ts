// When PostgreSQL becomes unreachable, /ready answers 503 and API calls 503 problem+json (not 500),
// and nothing is half-written; when it comes back, the hub serves again without a restart.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHub, type Hub } from '../src/app.js';
import { systemClock } from '../src/kernel/index.js';
import { loadConfig } from '../src/platform/config.js';
import { createContext, inTransaction } from '../src/platform/context.js';
import { type Database, openDatabase } from '../src/platform/db/database.js';
import { appendEvent } from '../src/platform/events/event-log.js';
import {
  createFreshPostgresDatabase,
  postgresTestUrl,
  testLog,
} from '../src/platform/testing/test-databases.js';
import { openSse } from './helpers/sse-client.js';
import { startTcpProxy, type TcpProxy, viaProxy } from './helpers/tcp-proxy.js';
import { TEST_ADMIN_KEY } from './helpers/test-hub.js';

const pgUrl = postgresTestUrl();
describe.skipIf(!pgUrl)('database outage [postgres]', () => {
  let hub: Hub;
  let proxy: TcpProxy;
  let drop: () => Promise<void>;
  /** Another node's connection, straight to PostgreSQL: it keeps writing while this hub's is cut. */
  let otherNode: Database;

  beforeAll(async () => {
    const fresh = await createFreshPostgresDatabase(pgUrl!, { migrated: true });
    drop = fresh.drop;
    otherNode = await openDatabase({ databaseUrl: fresh.url });
    proxy = await startTcpProxy(new URL(fresh.url));
    hub = await createHub({
      config: {
        ...loadConfig({}),
        databaseUrl: viaProxy(fresh.url, proxy),
        adminKey: TEST_ADMIN_KEY,
        demo: false,
        port: 0,
      },
      log: testLog as never,
    });
  });
  afterAll(async () => {
    await hub?.close();
    await otherNode?.close();
    await proxy?.close();
    await drop?.();
  });

  const call = (method: 'GET' | 'POST', url: string, body?: unknown) =>
    hub.http.inject({
      method,
      url,
      headers: {
        authorization: `Bearer ${TEST_ADMIN_KEY}`,
        ...(body ? { 'content-type': 'application/json' } : {}),
      },
      ...(body ? { payload: JSON.stringify(body) } : {}),
    });

  it('answers 503 while the database is unreachable and recovers after', async () => {
    expect((await call('GET', '/ready')).statusCode).toBe(200);
    expect((await call('GET', '/api/channels')).statusCode).toBe(200);
    proxy.cut();
    const ready = await call('GET', '/ready');
    expect(ready.statusCode).toBe(503);
    expect(ready.headers['content-type']).toContain('application/problem+json');
    const write = await call('POST', '/api/channels', {
      code: 'during-outage',
      name: 'Outage',
      type: 'web',
      currency: 'EUR',
      locales: ['en'],
    });
    expect(write.statusCode).toBe(503);
    expect(JSON.parse(write.body).code).toBe('database_unavailable');
    expect(write.headers['retry-after']).toBe('2');
    await proxy.restore();
    expect((await call('GET', '/ready')).statusCode).toBe(200);
    const list = JSON.parse((await call('GET', '/api/channels')).body);
    expect(list.items.some((c: { code: string }) => c.code === 'during-outage')).toBe(false);
  });

  it('a connected SSE client misses nothing that another node committed while the database was away', async () => {
    const base = (await hub.listen()).replace('[::1]', 'localhost');
    const client = await openSse(`${base}/api/stream?types=platform.api_key_revoked`, {
      authorization: `Bearer ${TEST_ADMIN_KEY}`,
    });
    expect(client.status).toBe(200);
    await client.waitFor(() => true);
    const ctx = createContext(otherNode, { clock: systemClock, log: testLog as never });
    const write = (i: number) =>
      inTransaction(ctx, (tx) =>
        appendEvent(tx, { type: 'platform.api_key_revoked', subject: `s${i}`, payload: { id: `key-${i}` } }),
      );
    for (let i = 0; i < 5; i++) await write(i);
    await client.waitFor((f) => f.filter((x) => x.event === 'platform.api_key_revoked').length === 5);
    proxy.cut();
    await new Promise((r) => setTimeout(r, 700)); // the reader fails at least once
    for (let i = 5; i < 25; i++) await write(i);
    await proxy.restore();
    for (let i = 25; i < 30; i++) await write(i);
    await client.waitFor((f) => f.filter((x) => x.event === 'platform.api_key_revoked').length >= 30, 20_000);
    const seen = client.frames
      .filter((x) => x.event === 'platform.api_key_revoked')
      .map((x) => (JSON.parse(x.data) as { data: { id: string } }).data.id);
    expect(seen).toEqual(Array.from({ length: 30 }, (_, i) => `key-${i}`));
    client.close();
  });
});
