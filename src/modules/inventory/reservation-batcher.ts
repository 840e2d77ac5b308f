// Group commit for reservations: requests for the same SKU queue up in this process while the
// previous batch for that SKU commits, then go to the database together with one conditional
// UPDATE. Under load, batches grow by themselves; when idle, a request waits only for the window
// (default: the current tick). Other processes serialize on the level rows' locks.
// Each batch remembers the SKU's numbers it left behind, so the next one can decide on them and
// write with ONE compare-and-set statement (no BEGIN/COMMIT); when the numbers changed meanwhile
// (another process, an adjustment, a release) nothing is written and the batch runs the locking
// way: a transaction that locks, reads, decides and writes.
import { type Actor, type Ctx, inTransaction } from '../../platform/context.js';
import {
  type BatchState,
  GROUP_COMMIT_ACTOR,
  type ReserveOutcome,
  type ReserveRequest,
  reserveBatch,
  reserveBatchIfUnchanged,
} from './reservation-batch.js';
import { loadBatchState } from './reservation-batch.repository.js';
import { databaseError, isStaleBatch } from './reservation-write.repository.js';

export interface BatcherOptions {
  /** How long the first request of an idle SKU waits for company; 0 = until the next tick. */
  windowMs: number;
  maxBatch: number;
}

const BATCH_ACTOR: Actor = {
  kind: 'system',
  id: GROUP_COMMIT_ACTOR,
  name: 'inventory group commit',
  scopes: [],
  channelId: null,
};

interface Pending {
  ctx: Ctx;
  request: ReserveRequest;
  settle(outcome: ReserveOutcome): void;
  /** The whole batch failed (e.g. the database is down): every request gets that error. */
  reject(err: unknown): void;
}

interface SkuQueue {
  waiting: Pending[];
  /** Batches in their transaction. */
  running: number;
  /** A batch has started but does not hold the SKU's row locks yet. */
  starting: boolean;
  scheduled: boolean;
}

/** What the last batch of a SKU left behind, to decide the next one on. */
interface KnownNumbers {
  channelIds: string[];
  /** null: unknown (another batch was in flight). */
  state: BatchState | null;
  /** Stale compare-and-sets in a row: after one, that many batches go the locking way first. */
  misses: number;
  lockingLeft: number;
}

const MAX_ATTEMPTS = 5;
/** Serialization failures, deadlocks, an idempotency key taken by a concurrent transaction. */
const RETRYABLE_PG_CODES = new Set(['40001', '40P01', '23505']);
/** Two batches per SKU: one writing and committing, the next already waiting for its row locks. */
const MAX_RUNNING = 2;
const MAX_KNOWN_SKUS = 10_000;

export class ReservationBatcher {
  private readonly queues = new Map<string, SkuQueue>();
  /** By SKU, least recently used first. */
  private readonly known = new Map<string, KnownNumbers>();
  /** Batches committed and requests in them; batches written by one statement; stale ones. */
  readonly stats = { batches: 0, requests: 0, largest: 0, oneStatement: 0, stale: 0 };

  constructor(private readonly options: BatcherOptions) {}

  submit(ctx: Ctx, request: ReserveRequest): Promise<ReserveOutcome> {
    return new Promise((settle, reject) => {
      let queue = this.queues.get(request.sku);
      if (!queue) {
        queue = { waiting: [], running: 0, starting: false, scheduled: false };
        this.queues.set(request.sku, queue);
      }
      queue.waiting.push({ ctx, request, settle, reject });
      this.schedule(request.sku, queue);
    });
  }

  /**
   * The next batch starts once the previous one holds its locks (so its BEGIN and read queue up in
   * the database behind them, overlapping the previous write and commit) and never earlier, so it
   * keeps collecting requests meanwhile.
   */
  private schedule(sku: string, queue: SkuQueue): void {
    if (queue.scheduled || queue.starting || queue.running >= MAX_RUNNING || queue.waiting.length === 0)
      return;
    queue.scheduled = true;
    const go = () => {
      queue.scheduled = false;
      void this.flush(sku, queue);
    };
    if (this.options.windowMs > 0) setTimeout(go, this.options.windowMs);
    else setImmediate(go);
  }

  private async flush(sku: string, queue: SkuQueue): Promise<void> {
    const batch = queue.waiting.splice(0, this.options.maxBatch);
    if (batch.length === 0) return this.forgetIfIdle(sku, queue);
    queue.running++;
    queue.starting = true;
    const locked = () => {
      if (!queue.starting) return;
      queue.starting = false;
      this.schedule(sku, queue);
    };
    try {
      const outcomes = await this.run(sku, queue, batch, locked);
      for (const [i, p] of batch.entries()) p.settle(outcomes[i]!);
      this.stats.batches++;
      this.stats.requests += batch.length;
      this.stats.largest = Math.max(this.stats.largest, batch.length);
    } catch (err) {
      for (const p of batch) p.reject(err);
    } finally {
      queue.running--;
      queue.starting = false;
    }
    this.schedule(sku, queue);
    this.forgetIfIdle(sku, queue);
  }

  private forgetIfIdle(sku: string, queue: SkuQueue): void {
    if (queue.running === 0 && !queue.scheduled && queue.waiting.length === 0) this.queues.delete(sku);
  }

  private async run(
    sku: string,
    queue: SkuQueue,
    batch: Pending[],
    locked: () => void,
  ): Promise<ReserveOutcome[]> {
    const first = batch[0]!.ctx;
    // One request keeps its own actor and request id on the events; a batch records each in the payload.
    const ctx: Ctx =
      batch.length === 1
        ? first
        : { ...first, actor: BATCH_ACTOR, channelId: null, requestId: `batch:${first.requestId}` };
    const requests = batch.map((p) => p.request);
    const channels = new Set(requests.map((r) => r.channelId));
    const known = this.known.get(sku) ?? { channelIds: [], state: null, misses: 0, lockingLeft: 0 };
    // Only when no other batch of this SKU is in flight here: it would change the numbers.
    const alone = known.lockingLeft === 0 && queue.running === 1;
    let decideOn: { channelIds: string[]; state: BatchState } | null =
      alone && known.state && [...channels].every((c) => known.channelIds.includes(c))
        ? { channelIds: known.channelIds, state: known.state }
        : null;
    if (!decideOn && alone && requests.every((r) => r.idempotencyKey === null)) {
      // Numbers not known here yet (a SKU new to this process, or a new channel): read them in one
      // statement outside any transaction and write by compare-and-set, two round trips instead
      // of BEGIN + lock and read + write + COMMIT. A change in between makes it stale, as above.
      const channelIds = [...new Set([...channels, ...known.channelIds])];
      decideOn = { channelIds, state: await loadBatchState(ctx.db, sku, channelIds, []) };
    }
    if (decideOn) {
      try {
        const run = await reserveBatchIfUnchanged(ctx, sku, requests, decideOn.channelIds, decideOn.state);
        if (run) {
          this.remember(sku, { ...known, channelIds: decideOn.channelIds, state: run.after, misses: 0 });
          this.stats.oneStatement++;
          return run.outcomes;
        }
      } catch (err) {
        if (!isStaleBatch(err) && databaseError(err).code !== '23505') throw err;
        this.stats.stale++;
        known.misses = Math.min(Math.max(known.misses * 2, 1), 64);
        known.lockingLeft = known.misses;
      }
    }
    // The locking way, at the locations of every channel seen lately, so the numbers left behind
    // serve the next batches of all of them. While compare-and-sets keep failing (another process
    // is busy with this SKU), the next batch may start as soon as this one holds the locks;
    // otherwise it waits, to go the one-statement way on the numbers this one leaves.
    const channelIds = [...new Set([...channels, ...known.channelIds])];
    const contended = known.lockingLeft > 0;
    for (let attempt = 1; ; attempt++) {
      try {
        const run = await inTransaction(ctx, (tx) =>
          reserveBatch(tx, sku, requests, channelIds, contended ? locked : undefined),
        );
        this.remember(sku, {
          channelIds,
          // Another batch of the SKU still in flight here may change the numbers.
          state: queue.running > 1 ? null : run.after,
          misses: known.misses,
          lockingLeft: Math.max(known.lockingLeft - 1, 0),
        });
        return run.outcomes;
      } catch (err) {
        if (!RETRYABLE_PG_CODES.has(databaseError(err).code) || attempt >= MAX_ATTEMPTS) throw err;
      }
    }
  }

  private remember(sku: string, known: KnownNumbers): void {
    this.known.delete(sku);
    this.known.set(sku, known);
    if (this.known.size > MAX_KNOWN_SKUS) this.known.delete(this.known.keys().next().value!);
  }
}
