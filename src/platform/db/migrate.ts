// Applies committed SQL migrations (made by drizzle-kit from each owner's *.schema.ts). Every owner
// (the platform, each module) has its own folder and its own history table, so modules stay
// independent. An advisory lock keeps two hub processes from migrating at once.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import { migrate as migrateNodePg } from 'drizzle-orm/node-postgres/migrator';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import type { Database, Db } from './database.js';
import { firstRow } from './database.js';

export interface MigrationSet {
  /** Owner name; also names its history table (drizzle.migrations_<name>). */
  name: string;
  folder: string;
}

const MIGRATION_LOCK = 7_245_001;

export async function runMigrations(database: Database, sets: MigrationSet[]): Promise<void> {
  await database.withSession(async (db) => {
    await db.execute(sql`select pg_advisory_lock(${MIGRATION_LOCK})`);
    try {
      for (const set of sets) {
        const config = { migrationsFolder: set.folder, migrationsTable: `migrations_${set.name}` };
        if (database.kind === 'pglite') await migratePglite(db as never, config);
        else await migrateNodePg(db as never, config);
      }
    } finally {
      await db.execute(sql`select pg_advisory_unlock(${MIGRATION_LOCK})`);
    }
  });
}

/** True when every migration of every set is recorded as applied. */
export async function migrationsApplied(db: Db, sets: MigrationSet[]): Promise<boolean> {
  for (const set of sets) {
    const expected = countJournalEntries(set.folder);
    const table = `migrations_${set.name}`;
    const exists = await firstRow<{ ok: boolean }>(
      db,
      sql`select to_regclass(${`drizzle.${table}`}) is not null as ok`,
    );
    if (!exists?.ok) return expected === 0;
    const r = await firstRow<{ n: number }>(
      db,
      sql`select count(*)::int as n from ${sql.identifier('drizzle')}.${sql.identifier(table)}`,
    );
    if ((r?.n ?? 0) < expected) return false;
  }
  return true;
}

const journalCache = new Map<string, number>();
function countJournalEntries(folder: string): number {
  const cached = journalCache.get(folder);
  if (cached !== undefined) return cached;
  const path = join(folder, 'meta', '_journal.json');
  // biome-ignore lint/suspicious/noExplicitAny: the journal is drizzle-kit's JSON
  const n = existsSync(path) ? ((JSON.parse(readFileSync(path, 'utf8')) as any).entries?.length ?? 0) : 0;
  journalCache.set(folder, n);
  return n;
}
