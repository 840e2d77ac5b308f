// When PostgreSQL becomes unreachable, /ready answers 503 and API calls 503 problem+json (not 500),
// and nothing is half-written; when it comes back, the hub serves again without a restart.
import { createServer, type Server, type Socket, connect as tcpConnect } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHub, type Hub } from '../src/app.js';
import { loadConfig } from '../src/platform/config.js';
import {
  createFreshPostgresDatabase,
  postgresTestUrl,
  testLog,
} from '../src/platform/testing/test-databases.js';
import { TEST_ADMIN_KEY } from './helpers/test-hub.js';

/** A TCP proxy in front of PostgreSQL that the test can cut and restore. */
function startProxy(
  target: URL,
): Promise<{ port: number; cut(): void; restore(): Promise<void>; close(): Promise<void> }> {
  const sockets = new Set<Socket>();
  let server: Server;
  let port = 0;
  const listen = () =>
    new Promise<void>((resolve) => {
      server = createServer((client) => {
        const upstream = tcpConnect(Number(target.port || 5432), target.hostname);
        sockets.add(client).add(upstream);
        client.pipe(upstream).pipe(client);
        const end = () => {
          client.destroy();
          upstream.destroy();
        };
        client.on('error', end).on('close', end);
        upstream.on('error', end).on('close', end);
      });
      server.listen(port, '127.0.0.1', () => {
        const a = server.address();
        port = typeof a === 'object' && a ? a.port : 0;
        resolve();
      });
    });
  return listen().then(() => ({
    port,
    cut() {
      server.close();
      for (const s of sockets) s.destroy();
      sockets.clear();
    },
    restore: listen,
    async close() {
      for (const s of sockets) s.destroy();
      await new Promise((r) => server.close(r));
    },
  }));
}

const pgUrl = postgresTestUrl();
describe.skipIf(!pgUrl)('database outage [postgres]', () => {
  let hub: Hub;
  let proxy: Awaited<ReturnType<typeof startProxy>>;
  let drop: () => Promise<void>;

  beforeAll(async () => {
    const fresh = await createFreshPostgresDatabase(pgUrl!);
    drop = fresh.drop;
    const real = new URL(fresh.url);
    proxy = await startProxy(real);
    const viaProxy = new URL(fresh.url);
    viaProxy.port = String(proxy.port);
    viaProxy.hostname = '127.0.0.1';
    hub = await createHub({
      config: {
        ...loadConfig({}),
        databaseUrl: viaProxy.toString(),
        adminKey: TEST_ADMIN_KEY,
        demo: false,
        port: 0,
      },
      log: testLog as never,
    });
  });
  afterAll(async () => {
    await hub?.close();
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
    await proxy.restore();
    expect((await call('GET', '/ready')).statusCode).toBe(200);
    const list = JSON.parse((await call('GET', '/api/channels')).body);
    expect(list.items.some((c: { code: string }) => c.code === 'during-outage')).toBe(false);
  });
});
