// Reading back what a test has just written. Test files' databases share one PostgreSQL server, and a
// transaction of another database that ends between the read horizon's two looks (the snapshot,
// then pg_stat_activity) can no longer be told from ours, so it still counts and holds a read back
// for a moment, by design (a lone hub's database never meets it). A read that must show the test's
// own writes is therefore read again, for up to a second, until it does; a read held back for longer
// (a real hold-back) still comes back short. Reads whose point is that something is held back or
// absent stay single reads.
import { sql } from 'drizzle-orm';
import { type Executor, rows } from '../db/database.js';
import {
  type Cursor,
  headCursor,
  LOG_START,
  type ReadOptions,
  readEvents,
  type StoredEvent,
} from '../events/event-log.js';

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

/** readEvents, once it shows every matching event committed before the call. */
export async function readWrittenEvents(exec: Executor, opts: ReadOptions): Promise<StoredEvent[]> {
  // Past the horizon (serialized): what the read comes to once nothing holds it back. Reads under
  // the horizon are a prefix of it in log order, so a count says whether one is whole.
  const committed = (await readEvents(exec, { ...opts, serialized: true })).length;
  return readUntil(
    () => readEvents(exec, opts),
    (seen) => seen.length >= committed,
  );
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

/** headCursor, once it has reached every event committed before the call (the head after a write). */
export async function writtenHead(exec: Executor): Promise<Cursor> {
  const newest = await newestCommitted(exec);
  return readUntil(
    () => headCursor(exec),
    (head) => reached(head, newest),
  );
}
