// A PostgreSQL server through a node-postgres pool, driven through Drizzle (see database.ts): loaded
// only when the hub runs on a server.
import { NodePgDatabase, NodePgDriver } from 'drizzle-orm/node-postgres';
import pg from 'pg';
import { EventNotifier } from '../events/notifier.js';
import type { Database, Db } from './database-types.js';
import { FastPgDialect } from './fast-dialect.js';
import { NamingClient, namedStatementsEnabled } from './named-statements.js';

// int8 as JS number: our counters and positions stay far below 2^53.
pg.types.setTypeParser(20, (v) => Number(v));
// numeric stays a string (exact); we never store money as numeric.

/** One dialect for every connection: it holds no state of its own. */
const dialect = new FastPgDialect();

/** Drizzle on a pool or one client, as `drizzle(client)` makes it but with the fast dialect. */
function drizzleNodePg(client: pg.Pool | pg.PoolClient): Db {
  const session = new NodePgDriver(client, dialect).createSession(undefined);
  return new NodePgDatabase(dialect, session, undefined) as unknown as Db;
}

export async function openPostgres(url: string, max: number): Promise<Database> {
  const pool = new pg.Pool({
    connectionString: url,
    max,
    connectionTimeoutMillis: 5_000,
    ...(namedStatementsEnabled() ? { Client: NamingClient } : {}),
  });
  // A client losing its server (a restart terminates every connection) must not crash the process,
  // idle in the pool or checked out between statements: the next query on it reports the error and
  // the pool drops it when it is released.
  pool.on('error', () => {});
  pool.on('connect', (client) => client.on('error', () => {}));
  const db = drizzleNodePg(pool);
  db.transaction = releasingTransaction(pool);
  const u = new URL(url);
  return {
    kind: 'postgres',
    notifier: new EventNotifier(),
    db,
    describe: `PostgreSQL ${u.hostname}:${u.port || 5432}${u.pathname}`,
    withSession: async (fn) => {
      const client = await pool.connect();
      try {
        return await fn(drizzleNodePg(client));
      } finally {
        client.release();
      }
    },
    ping: async () => {
      await pool.query('select 1');
    },
    close: () => pool.end(),
    pool,
  };
}

/**
 * Drizzle's pooled transaction checks a client out and gives it back only once BEGIN has succeeded:
 * a BEGIN on a connection the server dropped would keep that client forever, and a few outages would
 * leave the pool empty (every query then waits). Here the client is checked out by us and always
 * given back; the pool destroys it when its connection is gone.
 */
function releasingTransaction(pool: pg.Pool): Db['transaction'] {
  const onClient = new WeakMap<pg.PoolClient, Db>();
  return async (fn, config) => {
    const client = await pool.connect();
    try {
      let db = onClient.get(client);
      if (!db) {
        db = drizzleNodePg(client);
        onClient.set(client, db);
      }
      return await db.transaction(fn, config);
    } finally {
      client.release();
    }
  };
}
