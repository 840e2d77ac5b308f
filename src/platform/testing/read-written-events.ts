// Reading back events a test has just written. In a full run another file's transaction that ends
// between the read horizon's two looks (the snapshot, then pg_stat_activity) still counts, since its
// database can no longer be told, and delays a read by a moment, by design: an empty read is retried
// for up to a second. A read held back for longer (a real hold-back) still comes back empty.
import type { Executor } from '../db/database.js';
import { type ReadOptions, readEvents, type StoredEvent } from '../events/event-log.js';

export async function readWrittenEvents(exec: Executor, opts: ReadOptions): Promise<StoredEvent[]> {
  let seen = await readEvents(exec, opts);
  for (let i = 0; i < 20 && seen.length === 0; i++) {
    await new Promise((r) => setTimeout(r, 50));
    seen = await readEvents(exec, opts);
  }
  return seen;
}
