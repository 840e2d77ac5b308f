// What the hub holds of its database, on either engine (opened by database.ts, postgres.ts).
import type { PGlite } from '@electric-sql/pglite';
import type { ExtractTablesWithRelations } from 'drizzle-orm';
import type { PgDatabase, PgQueryResultHKT, PgTransaction } from 'drizzle-orm/pg-core';
import type pg from 'pg';
import type { EventNotifier } from '../events/notifier.js';

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
