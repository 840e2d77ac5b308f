// Group commit for reservations: requests for the same SKU queue up in this process while the
// previous batch for that SKU commits, then go to the database together as ONE transaction with one
// conditional UPDATE. Under load, batches grow by themselves; when idle, a request waits only for
// the window (default: the current tick). One batch per SKU is in flight per process; other
// processes serialize on the level rows' locks.
import { type Actor, type Ctx, inTransaction } from '../../platform/context.js';
import {
  GROUP_COMMIT_ACTOR,
  ReservationBatchConflict,
  type ReserveOutcome,
  type ReserveRequest,
  reserveBatch,
} from './reservation-batch.js';

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

const MAX_ATTEMPTS = 5;
const RETRYABLE_PG_CODES = new Set(['40001', '40P01']);
/** Two batches per SKU: one writing and committing, the next already waiting for its row locks. */
const MAX_RUNNING = 2;

export class ReservationBatcher {
  private readonly queues = new Map<string, SkuQueue>();
  /** Batches committed and requests in them, for tuning. */
  readonly stats = { batches: 0, requests: 0, largest: 0 };

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
      const outcomes = await this.run(sku, batch, locked);
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

  private async run(sku: string, batch: Pending[], locked: () => void): Promise<ReserveOutcome[]> {
    const first = batch[0]!.ctx;
    // One request keeps its own actor and request id on the events; a batch records each in the payload.
    const ctx: Ctx =
      batch.length === 1
        ? first
        : { ...first, actor: BATCH_ACTOR, channelId: null, requestId: `batch:${first.requestId}` };
    for (let attempt = 1; ; attempt++) {
      try {
        return await inTransaction(ctx, (tx) =>
          reserveBatch(
            tx,
            sku,
            batch.map((p) => p.request),
            locked,
          ),
        );
      } catch (err) {
        const code = (err as { code?: string }).code ?? '';
        const retry = err instanceof ReservationBatchConflict || RETRYABLE_PG_CODES.has(code);
        if (!retry || attempt >= MAX_ATTEMPTS) throw err;
      }
    }
  }
}
