// A lock-order probe for tests on PostgreSQL: does a statement lock one row before it waits for
// another? Statements that lock several shared rows must take them in one order (id order), or two
// of them deadlock; this shows which row a statement already holds while it waits.
import pg from 'pg';

/**
 * Holds `held` (a row of `table`, by id) in a transaction of its own, starts `write`, waits until a
 * statement of the database waits for a lock, and tells whether `probed` is locked meanwhile (a
 * probe with a short lock_timeout). Then lets `held` go and returns what `write` returned.
 */
export async function probeLockOrder<T>(
  url: string,
  table: string,
  rows: { held: string; probed: string },
  write: () => Promise<T>,
): Promise<{ probedLocked: boolean; result: T }> {
  if (!/^[a-z_]+$/.test(table)) throw new Error(`not a table name: ${table}`);
  const holder = new pg.Client({ connectionString: url });
  const prober = new pg.Client({ connectionString: url });
  await Promise.all([holder.connect(), prober.connect()]);
  try {
    await holder.query('begin');
    await holder.query(`select id from ${table} where id = $1 for update`, [rows.held]);
    const writing = write();
    for (let i = 0; i < 300; i++) {
      const w = await prober.query(
        `select count(*)::int as n from pg_stat_activity
         where datname = current_database() and wait_event_type = 'Lock'`,
      );
      if (w.rows[0].n > 0) break;
      await new Promise((r) => setTimeout(r, 10));
    }
    await prober.query('begin');
    await prober.query("set local lock_timeout = '300ms'");
    const probedLocked = await prober
      .query(`select id from ${table} where id = $1 for update`, [rows.probed])
      .then(
        () => false,
        (err: { code?: string }) => {
          if (err.code !== '55P03') throw err; // lock_not_available: someone holds it
          return true;
        },
      );
    await prober.query('rollback');
    await holder.query('commit');
    return { probedLocked, result: await writing };
  } finally {
    await Promise.all([holder.end(), prober.end()]);
  }
}
