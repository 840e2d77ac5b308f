// Reading back what a test has just written. Test files' databases share one PostgreSQL server, and a
// transaction of another database that ends between the read horizon's two looks (the snapshot,
// then pg_stat_activity) can no longer be told from ours, so it still counts and holds a read back
// for a moment, by design (a lone hub's database never meets it). A read of the log goes through the
// events API's read-your-writes (readWrittenEvents), the head after a write is event-scan's headNow,
// and reads that take no `endedBelow` (the shared window, a tail) are read again, for up to a second,
// until they show the write. Reads whose point is that something is held back or absent stay single.
import { sql } from 'drizzle-orm';
import { type Executor, rows } from '../db/database.js';
import {
  type Cursor,
  LOG_START,
  type ReadOptions,
  readEvents,
  type StoredEvent,
} from '../events/event-log.js';
import { awaitEarlierTransactions } from '../events/event-scan.js';

/** Reads again every 50 ms, for up to a second, until `done` holds; the last read either way. */
export async function readUntil<T>(
  read: (again: boolean) => Promise<T>,
  done: (result: T) => boolean,
): Promise<T> {
  let result = await read(false);
  for (let i = 0; i < 20 && !done(result); i++) {
    await new Promise((r) => setTimeout(r, 50));
    result = await read(true);
  }
  return result;
}

/**
 * readEvents showing every matching event committed before the call: the events API's read-your-writes
 * (awaitEarlierTransactions, then a read with its endedBelow), which another database cannot hold back.
 */
export async function readWrittenEvents(exec: Executor, opts: ReadOptions): Promise<StoredEvent[]> {
  const endedBelow = await awaitEarlierTransactions(exec);
  return readEvents(exec, endedBelow === undefined ? opts : { ...opts, endedBelow });
}

/** The newest committed event, past the horizon (the log's head once nothing holds it back). */
export async function newestCommitted(exec: Executor): Promise<Cursor> {
  const [r] = await rows<{ tx_id: string | number; position: string | number }>(
    exec,
    sql`select tx_id, position from events order by tx_id desc, position desc limit 1`,
  );
  return r ? { txId: Number(r.tx_id), position: Number(r.position) } : LOG_START;
}

/** Whether cursor `c` is at `target` or past it in log order. */
export const reached = (c: Cursor, target: Cursor): boolean =>
  c.txId > target.txId || (c.txId === target.txId && c.position >= target.position);
