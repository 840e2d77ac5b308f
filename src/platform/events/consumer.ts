// Durable consumers of the event log: each has a named cursor in the database, reads batches after
// it, hands them to a handler and then advances the cursor (at-least-once; handlers are idempotent).
// A lease on the cursor row lets several hub nodes run the same consumer with one active at a time;
// the process heartbeat renews it (lease-heartbeat.ts), so a dead node's consumers move within seconds.
import { hostname } from 'node:os';
import { sql } from 'drizzle-orm';
import { newId, pushTo } from '../../kernel/index.js';
import type { Logger } from '../context.js';
import { type Database, type Executor, firstRow, rows } from '../db/database.js';
import { loopFailureLog } from '../outage-log.js';
import { queueCursorSave, queuedSaves } from './cursor-saves.js';
import {
  type Cursor,
  headCursor,
  LOG_START,
  type ReadOptions,
  readEvents,
  type StoredEvent,
} from './event-log.js';
import { HELD_BACK_POLL_MS } from './event-scan.js';
import { LEASE_MS, onHeartbeat } from './lease-heartbeat.js';
import { readShared } from './shared-log-window.js';

export { readShared };

export interface ConsumerOptions {
  database: Database;
  name: string;
  /**
   * resumed: the first batch since the cursor was loaded from the database (at start, after a lease
   * moved or an error): what came before it may have been handled by another node, unseen here.
   */
  handle(events: StoredEvent[], batch: { resumed: boolean }): Promise<void>;
  log: Logger;
  batchSize?: number;
  /** How long to wait for a notification before looking again (catches other nodes' writes). */
  pollMs?: number;
  /** How long the cursor's lease lasts without a heartbeat (default LEASE_MS, 6 s). */
  leaseMs?: number;
  filter?: Omit<ReadOptions, 'after' | 'limit'>;
  /**
   * After a wake-up, wait this long before reading, so a burst of commits is read in one query
   * instead of one query per commit per consumer (default 5 ms).
   */
  coalesceMs?: number;
  /** Where a new consumer starts: the log's beginning (default) or its current head. */
  startAt?: 'beginning' | 'head';
  /**
   * The cursor is saved at most this often (default 1 s) and on stop: a crash replays at most that
   * much to idempotent handlers, and a commit does not cost every consumer a cursor write.
   */
  saveEveryMs?: number;
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

/**
 * Moves a consumer back to the log's beginning and frees its lease: whichever node runs it finds its
 * lease gone on its next save or heartbeat, reloads the cursor and replays (handlers are idempotent).
 */
export async function rewindConsumer(exec: Executor, name: string): Promise<void> {
  await exec.execute(
    sql`update consumer_cursors set tx_id = ${LOG_START.txId}, position = ${LOG_START.position},
          lease_owner = null, lease_until = null, updated_at = now()
        where name = ${name}`,
  );
}

/**
 * Every consumer's lag from its saved cursor (saved at least every second while it works): how long
 * the oldest event after it has been in the log, 0 when there is none. One index probe per consumer.
 */
export async function consumerLags(exec: Executor): Promise<Array<{ consumer: string; seconds: number }>> {
  const rs = await rows<{ name: string; seconds: number | string | null }>(
    exec,
    sql`select c.name, extract(epoch from now() - (
          select e.recorded_at from events e
          where (e.tx_id, e.position) > (c.tx_id, c.position)
          order by e.tx_id, e.position limit 1)) as seconds
        from consumer_cursors c order by c.name`,
  );
  return rs.map((r) => ({
    consumer: r.name,
    seconds: r.seconds === null ? 0 : Math.max(0, Number(r.seconds)),
  }));
}

/** Resolves after ms, or at once when the signal aborts. */
function pause(ms: number, signal: AbortSignal): Promise<void> {
  if (signal.aborted) return Promise.resolve();
  return new Promise((resolve) => {
    const done = () => {
      clearTimeout(timer);
      signal.removeEventListener('abort', done);
      resolve();
    };
    const timer = setTimeout(done, ms);
    signal.addEventListener('abort', done, { once: true });
  });
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

interface HeldLease {
  owner: string;
  leaseMs: number;
  lost(): void;
}
const heldLeases = new WeakMap<Database, { leases: Set<HeldLease>; stop(): void }>();

/** Renews the lease on every heartbeat (one statement for all of this process's consumers). */
function holdLease(database: Database, lease: HeldLease): () => void {
  let held = heldLeases.get(database);
  if (!held) {
    const leases = new Set<HeldLease>();
    held = { leases, stop: onHeartbeat(database, () => renewLeases(database, leases)) };
    heldLeases.set(database, held);
  }
  const h = held;
  h.leases.add(lease);
  return () => {
    h.leases.delete(lease);
    if (h.leases.size > 0) return;
    h.stop();
    if (heldLeases.get(database) === h) heldLeases.delete(database);
  };
}

async function renewLeases(database: Database, leases: Set<HeldLease>) {
  const byMs = new Map<number, HeldLease[]>();
  for (const l of leases) pushTo(byMs, l.leaseMs, l);
  for (const [ms, group] of byMs) {
    const kept = await rows<{ lease_owner: string }>(
      database.db,
      sql`update consumer_cursors set lease_until = now() + ${`${ms} milliseconds`}::interval
          where lease_owner = any(${sql.param(group.map((l) => l.owner))}::text[]) returning lease_owner`,
    );
    const still = new Set(kept.map((r) => r.lease_owner));
    for (const l of group) if (!still.has(l.owner)) l.lost();
  }
}

const after = (a: Cursor, b: Cursor) => a.txId > b.txId || (a.txId === b.txId && a.position > b.position);

interface CaughtUpWaiter {
  gen: number;
  /** The newest event committed when caughtUp() was called. */
  head: Cursor;
  resolve: () => void;
}

/**
 * The newest committed event, past the read horizon: an event committed under an older running
 * transaction is not readable yet, yet committed before the caller asked, so caughtUp waits for it.
 */
async function committedHead(exec: Executor): Promise<Cursor> {
  const r = await firstRow<{ tx_id: number; position: number }>(
    exec,
    sql`select tx_id, position from events order by tx_id desc, position desc limit 1`,
  );
  return r ? { txId: Number(r.tx_id), position: Number(r.position) } : LOG_START;
}

/**
 * The waiters an empty read that began at readGen releases: those whose head the cursor has passed,
 * or before whose head no event of this consumer's is left (looked up past the horizon, so one still
 * held back by a running transaction keeps them waiting).
 */
async function releasableWaiters(
  database: Database,
  waiters: CaughtUpWaiter[],
  readGen: number,
  cursor: Cursor,
  filter: ConsumerOptions['filter'],
): Promise<CaughtUpWaiter[]> {
  const due = waiters.filter((w) => w.gen <= readGen);
  if (!due.some((w) => after(w.head, cursor))) return due;
  const [next] = await readEvents(database.db, { ...filter, after: cursor, limit: 1, serialized: true });
  return due.filter((w) => !after(w.head, cursor) || !next || after(next, w.head));
}

const pinnedHeads = new WeakMap<Database, Promise<Cursor>>();

/**
 * Pins where this process's new consumers that start at the head begin: the log's head now. A
 * serving hub calls it before it listens, since its consumers start a moment after listening and
 * would otherwise begin past the events of its first requests (a first start's first deliveries,
 * orders or messages then never handled). An existing consumer resumes from its saved cursor.
 */
export function pinConsumerStartHead(database: Database): Promise<Cursor> {
  const head = headCursor(database.db);
  pinnedHeads.set(database, head);
  return head;
}

const startHead = (database: Database): Promise<Cursor> =>
  pinnedHeads.get(database) ?? headCursor(database.db);

export function startConsumer(opts: ConsumerOptions): RunningConsumer {
  const { database, name, log } = opts;
  // host/pid/…: operators (and the fault tests) see which node holds a consumer.
  const owner = `${hostname()}/${process.pid}/${newId('con')}`;
  const batchSize = opts.batchSize ?? 200;
  const pollMs = opts.pollMs ?? (database.kind === 'postgres' ? 250 : 1000);
  const leaseMs = opts.leaseMs ?? LEASE_MS;
  const coalesceMs = opts.coalesceMs ?? 5;
  const abort = new AbortController();
  // caughtUp(): a waiter asked at generation g holds the log's head at its call and is released by
  // an empty read that began at g or later, once nothing of ours is left up to that head.
  let generation = 0;
  let waiters: CaughtUpWaiter[] = [];

  const saveEveryMs = opts.saveEveryMs ?? 1_000;
  // The cursor handled up to, and whether the database has it yet (saved lazily).
  let cursor: Cursor | undefined;
  let resumed = true;
  let unsaved = false;
  let savedAt = 0;
  const flush = async (): Promise<boolean> => {
    if (!cursor || !unsaved) return true;
    if (!(await saveCursor(database.db, name, cursor, owner))) return false;
    unsaved = false;
    savedAt = Date.now();
    return true;
  };
  /**
   * Saves the cursor with the other consumers' (queueCursorSave) once saveEveryMs has passed since
   * the last save; the loop goes on meanwhile. A lease found lost makes the loop reload the cursor,
   * a failed save leaves it unsaved for the next turn.
   */
  let saving: Promise<void> | undefined;
  const saveWhenDue = () => {
    if (!cursor || !unsaved || saving || Date.now() - savedAt <= saveEveryMs) return;
    unsaved = false;
    saving = new Promise<void>((done) =>
      queueCursorSave(database, name, {
        cursor: cursor!,
        owner,
        settled: (saved) => {
          saving = undefined;
          savedAt = Date.now();
          if (saved === undefined) unsaved = true;
          else if (!saved) leaseLost = true;
          done();
        },
      }),
    );
  };

  let leaseLost = false;
  let release: (() => void) | undefined;
  const loop = async () => {
    const failures = loopFailureLog(log, `consumer ${name}`);
    await Promise.race([
      database.notifier.backgroundMayStart(),
      new Promise((r) => abort.signal.addEventListener('abort', r, { once: true })),
    ]);
    while (!abort.signal.aborted) {
      try {
        if (!cursor || leaseLost) {
          // Lost to another node (this one stalled past its lease): its saved cursor is the truth.
          if (leaseLost) cursor = undefined;
          leaseLost = false;
          const start = opts.startAt === 'head' ? await startHead(database) : LOG_START;
          cursor = await claimLease(database.db, name, owner, leaseMs, start);
          unsaved = false;
          resumed = true;
          if (!cursor) {
            // Another worker or node holds it: look again after a while, not on every commit (each
            // commit would cost every consumer held elsewhere a claim attempt, which made a second
            // worker slow the whole node down).
            await pause(Math.min(leaseMs / 2, 2000), abort.signal);
            continue;
          }
          release ??= holdLease(database, { owner, leaseMs, lost: () => (leaseLost = true) });
        }
        const readGen = generation;
        const seen = database.notifier.version;
        // A caughtUp() waiting for an event held back by a running transaction looks again soon.
        const maxAgeMs = waiters.length > 0 ? HELD_BACK_POLL_MS : pollMs;
        const { events: batch, scannedTo } = await readShared(
          database,
          cursor,
          opts.filter,
          batchSize,
          seen,
          maxAgeMs,
        );
        failures.succeeded();
        if (batch.length === 0) {
          if (after(scannedTo, cursor)) {
            cursor = scannedTo; // nothing for us up to there
            unsaved = true;
          }
          saveWhenDue();
          const released = await releasableWaiters(database, waiters, readGen, cursor, opts.filter);
          waiters = waiters.filter((w) => !released.includes(w));
          for (const w of released) w.resolve();
          if (waiters.length > 0 && waiters.every((w) => w.gen <= readGen)) {
            // held back by a running transaction: look again soon (its end need not notify)
            await database.notifier.wait(Math.min(pollMs, HELD_BACK_POLL_MS), abort.signal, seen);
          } else if (waiters.length === 0) {
            await database.notifier.wait(
              unsaved ? Math.min(pollMs, saveEveryMs) : pollMs,
              abort.signal,
              seen,
            );
            if (coalesceMs > 0 && waiters.length === 0) await new Promise((r) => setTimeout(r, coalesceMs));
          }
          continue;
        }
        await opts.handle(batch, { resumed });
        resumed = false;
        // Past what the read skipped too (scannedTo is the batch's last event when it was cut at
        // batchSize): a filtered consumer then stays at the page's end with the others, and its
        // next read is the shared one, not one of its own from behind.
        cursor = scannedTo;
        unsaved = true;
        saveWhenDue();
      } catch (err) {
        if (abort.signal.aborted) break;
        failures.failed(err, { consumer: name });
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
      // A joint save still queued is made here instead (with the newest cursor); one in flight is
      // awaited, so it cannot land after this one with an older cursor.
      const queue = queuedSaves.get(database);
      const queued = queue?.get(name);
      if (queued?.owner === owner) {
        queue!.delete(name);
        queued.settled(undefined);
      }
      await saving;
      release?.();
      for (const w of waiters) w.resolve();
      waiters = [];
      try {
        await flush();
        await database.db.execute(
          sql`update consumer_cursors set lease_owner = null, lease_until = null
              where name = ${name} and lease_owner = ${owner}`,
        );
      } catch {
        // the database may already be gone at shutdown; the lease simply expires
      }
    },
    async caughtUp() {
      const head = await committedHead(database.db);
      if (abort.signal.aborted) return;
      const gen = ++generation;
      const done = new Promise<void>((resolve) => waiters.push({ gen, head, resolve }));
      database.notifier.notify();
      return done;
    },
  };
}
