// One PostgreSQL dialect on two engines: PGlite (embedded, one connection, persisted in a data
// directory) or a PostgreSQL server through a node-postgres pool. Both are driven through Drizzle.
import { mkdirSync } from 'node:fs';
import type { PGlite } from '@electric-sql/pglite';
import type { ExtractTablesWithRelations, SQL } from 'drizzle-orm';
import { NodePgDatabase, NodePgDriver } from 'drizzle-orm/node-postgres';
import type { PgDatabase, PgQueryResultHKT, PgTransaction } from 'drizzle-orm/pg-core';
import pg from 'pg';
import { EventNotifier } from '../events/notifier.js';
import { FastPgDialect } from './fast-dialect.js';
import { NamingClient, namedStatementsEnabled } from './named-statements.js';

// int8 as JS number: our counters and positions stay far below 2^53.
pg.types.setTypeParser(20, (v) => Number(v));
// numeric stays a string (exact); we never store money as numeric.

export type Db = PgDatabase<PgQueryResultHKT, Record<string, never>>;
export type Tx = PgTransaction<
  PgQueryResultHKT,
  Record<string, never>,
  ExtractTablesWithRelations<Record<string, never>>
>;
/** Anything that can run a statement: the database itself or an open transaction. */
export type Executor = Db | Tx;

export type DatabaseKind = 'pglite' | 'postgres';

export interface Database {
  kind: DatabaseKind;
  db: Db;
  /** Wakes event consumers of this process after a transaction with events commits. */
  notifier: EventNotifier;
  /** A label safe to log (no password). */
  describe: string;
  /** Runs a statement outside any transaction on a dedicated session (migrations, advisory locks). */
  withSession<T>(fn: (db: Db) => Promise<T>): Promise<T>;
  ping(): Promise<void>;
  close(): Promise<void>;
  /** The raw PGlite instance, when embedded (for LISTEN/NOTIFY). */
  pglite?: PGlite;
  /** The raw pool, when on a server. */
  pool?: pg.Pool;
}

/** One dialect for every connection: it holds no state of its own. */
const dialect = new FastPgDialect();

/** Drizzle on a pool or one client, as `drizzle(client)` makes it but with the fast dialect. */
function drizzleNodePg(client: pg.Pool | pg.PoolClient): Db {
  const session = new NodePgDriver(client, dialect).createSession(undefined);
  return new NodePgDatabase(dialect, session, undefined) as unknown as Db;
}

export async function rows<T>(exec: Executor, query: SQL): Promise<T[]> {
  const result = (await exec.execute(query)) as unknown as { rows: T[] };
  return result.rows;
}

export async function firstRow<T>(exec: Executor, query: SQL): Promise<T | undefined> {
  return (await rows<T>(exec, query))[0];
}

export interface OpenDatabaseOptions {
  databaseUrl?: string | undefined;
  /** PGlite data directory; `memory://` for an in-memory database. */
  dataDir?: string | undefined;
  poolSize?: number;
  /** PGlite only: start from this image of a data directory (made by `dumpDataDir`) instead of initdb. */
  pgliteImage?: Blob | undefined;
  /** PGlite only: its buffer cache in MB (PostgreSQL's default 128 MB stays resident in the hub's own process). */
  pgliteSharedBuffersMb?: number | undefined;
  /** PGlite only: more postgresql.conf settings (`name=value`). */
  pgliteConf?: string[] | undefined;
}

export const DEFAULT_PGLITE_SHARED_BUFFERS_MB = 32;

export async function openDatabase(opts: OpenDatabaseOptions): Promise<Database> {
  if (opts.databaseUrl) return openPostgres(opts.databaseUrl, opts.poolSize ?? 10);
  return openPglite(
    opts.dataDir ?? 'memory://',
    opts.pgliteImage,
    opts.pgliteSharedBuffersMb ?? DEFAULT_PGLITE_SHARED_BUFFERS_MB,
    opts.pgliteConf ?? [],
  );
}

/** Contrib modules PGlite loads (PostgreSQL ships them): trigram similarity for catalog search. */
// PGlite (~16 MB resident once loaded) loads only for the embedded database, not on PostgreSQL.
export const pgliteExtensions = async () => ({
  pg_trgm: (await import('@electric-sql/pglite/contrib/pg_trgm')).pg_trgm,
});

async function openPglite(
  dataDir: string,
  image: Blob | undefined,
  sharedBuffersMb: number,
  conf: string[],
): Promise<Database> {
  if (!dataDir.startsWith('memory://')) mkdirSync(dataDir, { recursive: true });
  const [{ PGlite }, { PgliteDatabase, PgliteDriver }, extensions] = await Promise.all([
    import('@electric-sql/pglite'),
    import('drizzle-orm/pglite'),
    pgliteExtensions(),
  ]);
  const client = await PGlite.create(dataDir, {
    ...(image ? { loadDataDir: image } : {}),
    extensions,
    postgresqlconf: [`shared_buffers=${sharedBuffersMb}MB`, ...conf],
  });
  const db = new PgliteDatabase(
    dialect,
    new PgliteDriver(client, dialect).createSession(undefined),
    undefined,
  ) as unknown as Db;
  return {
    kind: 'pglite',
    notifier: new EventNotifier(),
    db,
    describe: dataDir.startsWith('memory://') ? 'PGlite (in memory)' : `PGlite at ${dataDir}`,
    // PGlite is one connection: a "session" is the same connection.
    withSession: (fn) => fn(db),
    ping: async () => {
      await client.query('select 1');
    },
    close: async () => {
      if (!client.closed) await client.close();
    },
    pglite: client,
  };
}

async function openPostgres(url: string, max: number): Promise<Database> {
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

/** Errors that mean "the database cannot be reached right now" rather than "the request is wrong". */
export function isDatabaseUnavailable(err: unknown, depth = 0): boolean {
  const e = err as { code?: string; message?: string; cause?: unknown } | undefined;
  if (!e) return false;
  // Drizzle wraps driver errors (DrizzleQueryError) with the driver's error as `cause`.
  if (e.cause && depth < 3 && isDatabaseUnavailable(e.cause, depth + 1)) return true;
  const code = e.code ?? '';
  if (
    [
      'ECONNREFUSED',
      'ECONNRESET',
      'ETIMEDOUT',
      'EPIPE',
      'ENOTFOUND',
      '57P01',
      '57P02',
      '57P03',
      '53300',
      // disk full: writes are refused (503) until space returns; reads go on
      '53100',
    ].includes(code)
  )
    return true;
  if (code.startsWith('08')) return true; // connection exceptions
  const msg = e.message ?? '';
  return /Connection terminated|connection timeout|timeout exceeded when trying to connect|Client has encountered a connection error|PGlite is closed/i.test(
    msg,
  );
}
