// Planner statistics after a bulk load. Tables that grow from empty keep the planner's "tiny table"
// plans until analyzed, and those plans scan whole tables. PostgreSQL analyzes the whole database on
// a connection of its own (reads go on others; autovacuum would get there later). PGlite has no
// autovacuum and runs every statement on the hub's thread over one connection, so a whole-database
// ANALYZE there stops every request for its length: only the tables whose rows changed enough since
// their last ANALYZE (autovacuum's rule, 50 rows + 10%) are analyzed, one statement each with a turn
// of the event loop between, sampling a tenth of the rows (row counts and rough distributions are
// what the plans of a bulk load need).
import { setImmediate as nextTurn } from 'node:timers/promises';
import { sql } from 'drizzle-orm';
import { type Ctx, inTransaction } from '../context.js';
import { rows } from './database.js';

/** The statistics target of PGlite's analyzes (PostgreSQL's default is 100: 30,000 sampled rows). */
const PGLITE_STATISTICS_TARGET = 10;

/** Refreshes planner statistics after many rows were written; the tables analyzed (null: all). */
export async function refreshStatistics(ctx: Ctx): Promise<string[] | null> {
  if (ctx.database.kind !== 'pglite') {
    await ctx.db.execute(sql`analyze`);
    return null;
  }
  // This backend's own counts are made visible now (they are otherwise flushed at most once a second).
  await ctx.db.execute(sql`select pg_stat_force_next_flush()`);
  const changed = await rows<{ name: string }>(
    ctx.db,
    sql`select format('%I.%I', s.schemaname, s.relname) as name
        from pg_stat_user_tables s join pg_class c on c.oid = s.relid
        where s.n_mod_since_analyze > 50 + 0.1 * greatest(c.reltuples, 0)
        order by s.n_mod_since_analyze desc`,
  );
  for (const { name } of changed) {
    await inTransaction(ctx, async (tx) => {
      await tx.db.execute(
        sql`set local default_statistics_target = ${sql.raw(String(PGLITE_STATISTICS_TARGET))}`,
      );
      await tx.db.execute(sql`analyze ${sql.raw(name)}`);
    });
    await nextTurn();
  }
  return changed.map((t) => t.name);
}
