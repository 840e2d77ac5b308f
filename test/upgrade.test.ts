// Upgrading a database made by an older hub: test/fixtures/upgrade-021fb30.sql.gz is a `pg_dump
// --inserts` of a PostgreSQL database that commit 021fb30 (the landing before the reliability work;
// no release is tagged yet) migrated and filled with its demo retailer (channels, 50 products,
// customers, 4 orders, their events). The current hub opens it, applies the 14 migrations added
// since, and serves every old order, product and event; new writes work on the upgraded data.
// To refresh: `git archive <commit> | tar -x -C /tmp/old`, link node_modules, run its
// `omnihub demo` on an empty database and pg_dump --inserts --no-owner --no-privileges it.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { sql } from 'drizzle-orm';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHub, type Hub } from '../src/app.js';
import { systemClock } from '../src/kernel/index.js';
import { loadConfig } from '../src/platform/config.js';
import { openDatabase, rows } from '../src/platform/db/database.js';
import {
  createFreshPostgresDatabase,
  openFreshPglite,
  postgresTestUrl,
  testLog,
} from '../src/platform/testing/test-databases.js';
import { TEST_ADMIN_KEY } from './helpers/test-hub.js';

const FIXTURE = join(import.meta.dirname, 'fixtures/upgrade-021fb30.sql.gz');
/** The dump as SQL: psql's meta-commands (`\restrict`, which newer pg_dump writes) left out. */
const dump = () =>
  gunzipSync(readFileSync(FIXTURE))
    .toString('utf8')
    .split('\n')
    .filter((l) => !l.startsWith('\\'))
    .join('\n');

/** Counts in the old database, read from the dump's INSERTs. */
function insertsInto(table: string): number {
  return dump()
    .split('\n')
    .filter((l) => l.startsWith(`INSERT INTO public.${table} `)).length;
}

const kinds: Array<'pglite' | 'postgres'> = postgresTestUrl() ? ['pglite', 'postgres'] : ['pglite'];
for (const kind of kinds) {
  describe(`upgrade from an older landing's database [${kind}]`, () => {
    let hub: Hub;
    let drop: (() => Promise<void>) | undefined;

    beforeAll(async () => {
      let database: Awaited<ReturnType<typeof openDatabase>>;
      if (kind === 'postgres') {
        const fresh = await createFreshPostgresDatabase(postgresTestUrl()!);
        drop = fresh.drop;
        const c = new pg.Client({ connectionString: fresh.url });
        await c.connect();
        await c.query(dump());
        await c.end();
        database = await openDatabase({ databaseUrl: fresh.url });
      } else {
        database = await openFreshPglite();
        await database.pglite!.exec(dump());
        // The dump empties the session's search path; PGlite has one session.
        await database.pglite!.exec('reset search_path');
      }
      hub = await createHub({
        config: { ...loadConfig({}), port: 0, adminKey: TEST_ADMIN_KEY, demo: false, natsUrl: undefined },
        clock: systemClock,
        log: testLog as never,
        database,
      });
    }, 120_000);

    afterAll(async () => {
      await hub?.close();
      await hub?.database.close();
      await drop?.();
    });

    const api = async (method: string, url: string, body?: unknown) => {
      const res = await hub.http.inject({
        method: method as 'GET',
        url,
        headers: {
          authorization: `Bearer ${TEST_ADMIN_KEY}`,
          ...(body ? { 'content-type': 'application/json' } : {}),
        },
        ...(body ? { payload: JSON.stringify(body) } : {}),
      });
      return { status: res.statusCode, body: res.body ? JSON.parse(res.body) : undefined };
    };

    it('applies the newer migrations and serves every old order, product and event', async () => {
      expect((await hub.http.inject({ method: 'GET', url: '/ready' })).statusCode).toBe(200);
      const orders = await api('GET', '/api/orders?limit=100');
      expect(orders.status).toBe(200);
      expect(orders.body.items).toHaveLength(insertsInto('orders'));
      expect(insertsInto('orders')).toBeGreaterThan(0);
      for (const o of orders.body.items) {
        const one = await api('GET', `/api/orders/${o.id}`);
        expect(one.status, o.id).toBe(200);
        expect(one.body.lines.length).toBeGreaterThan(0);
      }
      const products = await api('GET', '/api/catalog/products?limit=100');
      expect(products.status).toBe(200);
      expect(products.body.items).toHaveLength(insertsInto('catalog_products'));
      const [events] = await rows<{ n: number }>(hub.database.db, sql`select count(*)::int as n from events`);
      expect(events!.n).toBeGreaterThanOrEqual(insertsInto('events'));
    });

    it('takes new writes on the upgraded data', async () => {
      const products = await api('GET', '/api/catalog/products?limit=1');
      const product = products.body.items[0];
      const renamed = await api('PATCH', `/api/catalog/products/${product.id}`, {
        content: { [product.defaultLocale]: { title: 'Renamed after the upgrade' } },
      });
      expect(renamed.status, JSON.stringify(renamed.body)).toBe(200);
      const ch = await api('POST', '/api/channels', {
        code: 'after-upgrade',
        name: 'After upgrade',
        type: 'web',
        currency: 'EUR',
        locales: ['en'],
      });
      expect(ch.status, JSON.stringify(ch.body)).toBe(201);
    });
  });
}
