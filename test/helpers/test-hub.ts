// Starts a whole hub (all modules, routes, migrations) on each test database, for end-to-end tests
// through the public HTTP API with Fastify's inject (no sockets) or a real listening port.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHub, type Hub } from '../../src/app.js';
import { type Clock, systemClock } from '../../src/kernel/index.js';
import { type HubConfig, loadConfig } from '../../src/platform/config.js';
import { type DatabaseKind, openDatabase } from '../../src/platform/db/database.js';
import {
  createFreshPostgresDatabase,
  openFreshPglite,
  postgresTestUrl,
  testLog,
} from '../../src/platform/testing/test-databases.js';

export const TEST_ADMIN_KEY = 'ohk_test_admin_key_0123456789abcdef';

export interface TestHub {
  kind: DatabaseKind;
  readonly hub: Hub;
  readonly url: string | undefined;
  /** Calls the API as the admin (or with `key`), returns status, headers and parsed JSON. */
  api(
    method: string,
    path: string,
    opts?: { body?: unknown; key?: string | null; headers?: Record<string, string> },
  ): Promise<{ status: number; headers: Record<string, unknown>; body: any }>;
}

export interface TestHubOptions {
  demo?: boolean;
  clock?: Clock;
  config?: Partial<HubConfig>;
  /**
   * The engines this suite runs on. Default: one, chosen by the suite's title (`engineForSuite`).
   * Both for a suite that tests what differs between them (counted round trips, a second node, what
   * only PostgreSQL answers); only PostgreSQL for one whose every test needs it.
   */
  engines?: DatabaseKind[];
}

/** Set to 1 to run every whole-hub suite on both engines, not only those that ask for both. */
const EVERY_ENGINE_ENV = 'OMNIHUB_TEST_EVERY_ENGINE';

/**
 * A whole-hub suite tests the flows over HTTP; the storage suites (`describeEachDatabase`) are the
 * ones that prove each module's SQL on both engines. So by default a whole-hub suite runs once, on
 * the engine its title hashes to: about half the suites on each, the same one every run, named in
 * the suite's title. On both engines, these suites were 55 % of the test files' time.
 */
function engineForSuite(title: string, available: DatabaseKind[]): DatabaseKind {
  let hash = 2166136261; // FNV-1a
  for (let i = 0; i < title.length; i++) hash = Math.imul(hash ^ title.charCodeAt(i), 16777619);
  return available[(hash >>> 0) % available.length]!;
}

export function describeEachHub(title: string, body: (t: TestHub) => void, opts: TestHubOptions = {}): void {
  const available: DatabaseKind[] = postgresTestUrl() ? ['pglite', 'postgres'] : ['pglite'];
  const wanted = opts.engines ?? (process.env[EVERY_ENGINE_ENV] === '1' ? available : undefined);
  const kinds = wanted
    ? available.filter((kind) => wanted.includes(kind))
    : [engineForSuite(title, available)];
  if (kinds.length === 0) {
    describe(title, () => {
      it('needs TEST_DATABASE_URL', () => {
        expect(process.env.OMNIHUB_REQUIRE_SERVICES).not.toBe('1');
      });
    });
    return;
  }
  for (const kind of kinds) {
    describe(`${title} [${kind}]`, () => {
      let hub: Hub | undefined;
      let drop: (() => Promise<void>) | undefined;
      let url: string | undefined;
      beforeAll(async () => {
        if (kind === 'postgres') {
          const fresh = await createFreshPostgresDatabase(postgresTestUrl()!, { migrated: true });
          drop = fresh.drop;
          url = fresh.url;
        }
        const config: HubConfig = {
          ...loadConfig({}),
          port: 0,
          adminKey: TEST_ADMIN_KEY,
          demo: opts.demo ?? false,
          databaseUrl: url,
          natsUrl: undefined,
          // Cheap staff password hashes: the cost is stored with each hash, so it is a test speed only.
          staffPasswordCost: 10,
          ...opts.config,
        };
        const database = url
          ? await openDatabase({ databaseUrl: url })
          : await openFreshPglite({ migrated: true });
        hub = await createHub({ config, clock: opts.clock ?? systemClock, log: testLog as never, database });
      });
      afterAll(async () => {
        await hub?.close();
        await hub?.database.close();
        await drop?.();
      });
      body({
        kind,
        get hub() {
          if (!hub) throw new Error('hub not started yet');
          return hub;
        },
        get url() {
          return url;
        },
        async api(method, path, o = {}) {
          if (!hub) throw new Error('hub not started yet');
          const key = o.key === undefined ? TEST_ADMIN_KEY : o.key;
          const res = await hub.http.inject({
            method: method as 'GET',
            url: path,
            headers: {
              ...(key ? { authorization: `Bearer ${key}` } : {}),
              ...(o.body !== undefined && typeof o.body !== 'string'
                ? { 'content-type': 'application/json' }
                : {}),
              ...o.headers,
            },
            ...(o.body !== undefined
              ? { payload: typeof o.body === 'string' ? o.body : JSON.stringify(o.body) }
              : {}),
          });
          let parsed: unknown = res.body;
          try {
            parsed = res.body ? JSON.parse(res.body) : undefined;
          } catch {
            // not JSON (metrics, html): keep the text
          }
          return { status: res.statusCode, headers: res.headers, body: parsed };
        },
      });
    });
  }
}

/** Calls the API (as the admin, or with `key`) and expects a 2xx answer; returns the parsed body. */
export async function ok(t: TestHub, method: string, path: string, body?: unknown, key?: string) {
  const r = await t.api(method, path, { ...(body === undefined ? {} : { body }), ...(key ? { key } : {}) });
  expect(r.status, `${method} ${path}: ${JSON.stringify(r.body)}`).toBeLessThan(300);
  return r.body;
}
