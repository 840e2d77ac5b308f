// Durable consumers of the event log: each has a named cursor in the database, reads batches after
// it, hands them to a handler and then advances the cursor (at-least-once; handlers are idempotent).
// A lease on the cursor row lets several hub nodes run the same consumer with one active at a time.
import { sql } from 'drizzle-orm';
import { newId } from '../../kernel/index.js';
import type { Logger } from '../context.js';
import { type Database, type Executor, firstRow } from '../db/database.js';
import {
  type Cursor,
  headCursor,
  LOG_START,
  type ReadOptions,
  readEvents,
  type StoredEvent,
} from './event-log.js';

export interface ConsumerOptions {
  database: Database;
  name: string;
  handle(events: StoredEvent[]): Promise<void>;
  log: Logger;
  batchSize?: number;
  /** How long to wait for a notification before looking again (catches other nodes' writes). */
  pollMs?: number;
  leaseMs?: number;
  filter?: Omit<ReadOptions, 'after' | 'limit'>;
  /**
   * After a wake-up, wait this long before reading, so a burst of commits is read in one query
   * instead of one query per commit per consumer (default 5 ms).
   */
  coalesceMs?: number;
  /** Where a new consumer starts: the log's beginning (default) or its current head. */
  startAt?: 'beginning' | 'head';
}

export interface RunningConsumer {
  readonly name: string;
  stop(): Promise<void>;
  /** Resolves once the consumer has caught up with everything committed before the call. */
  caughtUp(): Promise<void>;
}

export async function loadCursor(exec: Executor, name: string): Promise<Cursor | undefined> {
  const r = await firstRow<{ tx_id: number; position: number }>(
    exec,
    sql`select tx_id, position from consumer_cursors where name = ${name}`,
  );
  return r ? { txId: Number(r.tx_id), position: Number(r.position) } : undefined;
}

export async function saveCursor(exec: Executor, name: string, c: Cursor, owner?: string): Promise<boolean> {
  const r = await firstRow<{ name: string }>(
    exec,
    sql`update consumer_cursors set tx_id = ${c.txId}, position = ${c.position}, updated_at = now()
        where name = ${name} ${owner ? sql`and lease_owner = ${owner}` : sql``} returning name`,
  );
  return r !== undefined;
}

/** Claims (or renews) the lease; returns the cursor if this owner holds it now. */
async function claimLease(exec: Executor, name: string, owner: string, leaseMs: number, start: Cursor) {
  await exec.execute(
    sql`insert into consumer_cursors (name, tx_id, position) values (${name}, ${start.txId}, ${start.position})
        on conflict (name) do nothing`,
  );
  const r = await firstRow<{ tx_id: number; position: number }>(
    exec,
    sql`update consumer_cursors
        set lease_owner = ${owner}, lease_until = now() + ${`${leaseMs} milliseconds`}::interval
        where name = ${name} and (lease_owner is null or lease_owner = ${owner} or lease_until < now())
        returning tx_id, position`,
  );
  return r ? { txId: Number(r.tx_id), position: Number(r.position) } : undefined;
}

export function startConsumer(opts: ConsumerOptions): RunningConsumer {
  const { database, name, log } = opts;
  const owner = newId('con');
  const batchSize = opts.batchSize ?? 200;
  const pollMs = opts.pollMs ?? (database.kind === 'postgres' ? 250 : 1000);
  const leaseMs = opts.leaseMs ?? 15_000;
  const coalesceMs = opts.coalesceMs ?? 5;
  const abort = new AbortController();
  // caughtUp(): a waiter asked at generation g is released by an empty read that began at g or later.
  let generation = 0;
  let waiters: Array<{ gen: number; resolve: () => void }> = [];

  const loop = async () => {
    let cursor: Cursor | undefined;
    let leaseRenewedAt = 0;
    while (!abort.signal.aborted) {
      try {
        if (!cursor || Date.now() - leaseRenewedAt > leaseMs / 3) {
          const start = opts.startAt === 'head' ? await headCursor(database.db) : LOG_START;
          cursor = await claimLease(database.db, name, owner, leaseMs, start);
          leaseRenewedAt = Date.now();
          if (!cursor) {
            await database.notifier.wait(Math.min(leaseMs / 2, 2000), abort.signal);
            continue;
          }
        }
        const readGen = generation;
        const seen = database.notifier.version;
        const batch = await readEvents(database.db, { ...opts.filter, after: cursor, limit: batchSize });
        if (batch.length === 0) {
          const released = waiters.filter((w) => w.gen <= readGen);
          waiters = waiters.filter((w) => w.gen > readGen);
          for (const w of released) w.resolve();
          if (waiters.length === 0) {
            await database.notifier.wait(pollMs, abort.signal, seen);
            if (coalesceMs > 0 && waiters.length === 0) await new Promise((r) => setTimeout(r, coalesceMs));
          }
          continue;
        }
        await opts.handle(batch);
        const last = batch[batch.length - 1]!;
        const next = { txId: last.txId, position: last.position };
        if (!(await saveCursor(database.db, name, next, owner))) {
          cursor = undefined; // lost the lease to another node; re-claim
          continue;
        }
        cursor = next;
      } catch (err) {
        if (abort.signal.aborted) break;
        log.warn({ err, consumer: name }, 'event consumer failed; retrying');
        cursor = undefined;
        await new Promise((r) => setTimeout(r, 500));
      }
    }
  };

  const running = loop();

  return {
    name,
    async stop() {
      abort.abort();
      await running;
      for (const w of waiters) w.resolve();
      waiters = [];
      try {
        await database.db.execute(
          sql`update consumer_cursors set lease_owner = null, lease_until = null
              where name = ${name} and lease_owner = ${owner}`,
        );
      } catch {
        // the database may already be gone at shutdown; the lease simply expires
      }
    },
    caughtUp() {
      const gen = ++generation;
      const done = new Promise<void>((resolve) => waiters.push({ gen, resolve }));
      database.notifier.notify();
      return done;
    },
  };
}
