// One PostgreSQL dialect on two engines: PGlite (embedded, one connection, persisted in a data
// directory) or a PostgreSQL server through a node-postgres pool. Both are driven through Drizzle.
import { mkdirSync } from 'node:fs';
import type { SQL } from 'drizzle-orm';
import { EventNotifier } from '../events/notifier.js';
import type { Database, Db, Executor } from './database-types.js';
import { FastPgDialect } from './fast-dialect.js';

export type { Database, DatabaseKind, Db, Executor, Tx } from './database-types.js';
export { planEachTime, planEachTimeFor } from './plan-each-time.js';

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
  // node-postgres and its Drizzle driver load only for a server (PGlite only for the embedded one).
  if (opts.databaseUrl)
    return (await import('./postgres.js')).openPostgres(opts.databaseUrl, opts.poolSize ?? 10);
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
  const dialect = new FastPgDialect();
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
