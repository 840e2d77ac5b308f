// Statements PostgreSQL plans at every execution instead of keeping a generic plan (see below).
import { type SQL, sql } from 'drizzle-orm';

/**
 * A comment that keeps a statement unnamed, so PostgreSQL plans it with its parameters' values at
 * every execution. For a statement that looks rows up in a table that grows fast from empty, joined
 * to an array parameter: after five executions PostgreSQL may keep a generic plan made while the
 * table was nearly empty (a hash join over a sequential scan), and keeps it until the next ANALYZE,
 * scanning the whole grown table at every execution. Measured on inventory-hot-sku: PostgreSQL's
 * CPU per reservation 68–127 µs with that plan kept, 21–29 µs without. Costs a plan per execution,
 * so only for such statements.
 */
export const PLAN_EACH_TIME = '/* plan each time */';

/** Put first in a statement that PostgreSQL should plan at every execution (PLAN_EACH_TIME). */
export const planEachTime: SQL = sql.raw(`${PLAN_EACH_TIME} `);

/**
 * planEachTime for a statement about `rows` rows (a batch) from 100 up, else nothing: a large batch
 * shares its planning among its rows and is where a kept scan of a grown table costs most; planning
 * every small one cost more than it saved (checkout: ~3 ms of PostgreSQL CPU per order planning each
 * cart line's reservation; sync-latency: +0.1–0.35 ms per adjustment planning webhook batches of
 * a few dozen deliveries).
 */
export const planEachTimeFor = (rows: number): SQL => (rows >= 100 ? planEachTime : sql``);
