// Planner statistics after a bulk load: on PGlite only the tables whose rows changed enough since
// their last ANALYZE are analyzed (a whole-database ANALYZE would hold its one connection); on
// PostgreSQL the whole database is.
import { sql } from 'drizzle-orm';
import { expect, it } from 'vitest';
import { describeEachDatabase } from '../testing/test-databases.js';
import { rows } from './database.js';
import { refreshStatistics } from './statistics.js';

describeEachDatabase('planner statistics after a bulk load', [], (t) => {
  it('analyzes the tables a load changed (PGlite: only those), and nothing when nothing changed', async () => {
    const ctx = t.ctx();
    const db = t.database.db;
    await db.execute(sql`create table stats_loaded (id int primary key, v text)`);
    await db.execute(sql`create table stats_untouched (id int primary key)`);
    await db.execute(sql`insert into stats_untouched select g from generate_series(1, 20) g`);
    await refreshStatistics(ctx);
    await db.execute(sql`insert into stats_loaded select g, 'row ' || g from generate_series(1, 2000) g`);
    const analyzed = await refreshStatistics(ctx);
    const tuples = await rows<{ relname: string; reltuples: number }>(
      db,
      sql`select relname, reltuples::float8 as reltuples from pg_class where relname = 'stats_loaded'`,
    );
    expect(Number(tuples[0]!.reltuples)).toBe(2000);
    if (t.kind === 'pglite') {
      expect(analyzed).toEqual(['public.stats_loaded']);
      expect(await refreshStatistics(ctx)).toEqual([]);
    } else expect(analyzed).toBeNull();
  });
});
