// Group commit for till sales, receipts and write-offs: adjustments arriving while earlier batches
// commit go to the database together, in one statement (one round trip, one WAL flush) instead of a
// transaction each. A batch holds at most one adjustment per SKU and batches in flight never share
// a SKU, so each SKU's stock_changed carries exactly its own change. When idle, an adjustment waits
// only for the current tick.
import type { Ctx } from '../../platform/context.js';
import {
  type QuickAdjustment,
  type QuickOutcome,
  writeQuickAdjustments,
} from './adjustment-write.repository.js';

interface Pending {
  ctx: Ctx;
  adjustment: QuickAdjustment;
  /** undefined: not written here (the caller decides it the locking way). */
  settle(outcome: QuickOutcome | undefined): void;
}

export interface AdjustmentBatcherOptions {
  maxBatch: number;
  /** Batches in their statement at once. */
  maxRunning: number;
}

export class AdjustmentBatcher {
  private waiting: Pending[] = [];
  private running = 0;
  private scheduled = false;
  private readonly skusInFlight = new Set<string>();
  /** Statements run and adjustments written by them. */
  readonly stats = { batches: 0, written: 0, largest: 0 };

  constructor(private readonly options: AdjustmentBatcherOptions) {}

  /** Resolves with the written outcome, or undefined when the batch left it to the locking way. */
  submit(ctx: Ctx, adjustment: QuickAdjustment): Promise<QuickOutcome | undefined> {
    return new Promise((settle) => {
      this.waiting.push({ ctx, adjustment, settle });
      this.schedule();
    });
  }

  private schedule(): void {
    if (this.scheduled || this.running >= this.options.maxRunning || this.waiting.length === 0) return;
    this.scheduled = true;
    setImmediate(() => {
      this.scheduled = false;
      void this.flush();
    });
  }

  private async flush(): Promise<void> {
    const batch: Pending[] = [];
    const rest: Pending[] = [];
    const skus = new Set<string>();
    for (const p of this.waiting) {
      const sku = p.adjustment.sku;
      const first = batch[0]?.ctx;
      // One statement runs on one database, at one clock's time.
      const fits = !first || (first.db === p.ctx.db && first.clock === p.ctx.clock);
      if (fits && batch.length < this.options.maxBatch && !skus.has(sku) && !this.skusInFlight.has(sku)) {
        batch.push(p);
        skus.add(sku);
      } else rest.push(p);
    }
    this.waiting = rest;
    if (batch.length === 0) return;
    this.running++;
    for (const s of skus) this.skusInFlight.add(s);
    this.schedule();
    try {
      const written = await writeQuickAdjustments(
        batch[0]!.ctx,
        batch.map((p) => p.adjustment),
      );
      this.stats.batches++;
      this.stats.written += written.size;
      this.stats.largest = Math.max(this.stats.largest, batch.length);
      for (const p of batch) p.settle(written.get(p.adjustment.adjustmentId));
    } catch (err) {
      // Nothing was written; each goes the locking way, which reports its own error.
      batch[0]!.ctx.log.warn({ err }, 'inventory adjustment batch failed; deciding each on its own');
      for (const p of batch) p.settle(undefined);
    } finally {
      this.running--;
      for (const s of skus) this.skusInFlight.delete(s);
      this.schedule();
    }
  }
}
