import { deferred } from '../../kernel/index.js';
import type { Ctx } from '../../platform/context.js';
import type {
  IngestEventInput,
  IngestEventResult,
  IngestSource,
  StageThresholds,
} from './customers.types.js';
import { type IdentityRules, limitedTypesOf } from './identifiers.js';
import { analyzeCustomerTables } from './ingest.repository.js';
import { commitIngestBatch, type IngestBatchConfig, isConflict } from './ingest-batch.js';
import { type IngestJob, prepareEvents } from './ingest-prepare.js';
import type { Tombstones } from './tombstones.js';

export interface IngestOptions {
  rules: IdentityRules;
  thresholds: StageThresholds;
  /** Most events one transaction takes from the queue. */
  maxEventsPerCommit: number;
  /** Batches committing at once on a server database (PGlite: always one). */
  concurrentCommits: number;
  /** Timestamps further ahead of the receipt time are clamped to it and flagged. */
  maxFutureSkewMs: number;
  /** The install's tombstone hashing (erased and suppressed identifiers). */
  tombstones: Tombstones;
  /** Platform events written with the stored events (see CustomersOptions.onStored). */
  onStored?: IngestBatchConfig['onStored'];
}

export function createIngestion(opts: IngestOptions) {
  const { rules, thresholds, onStored } = opts;
  const queue: IngestJob[] = [];

  /** Takes queued jobs, whole, up to maxEventsPerCommit events (at least one job). */
  function take(): IngestJob[] {
    const jobs: IngestJob[] = [];
    let n = 0;
    while (queue.length && (jobs.length === 0 || n + queue[0]!.events.length <= opts.maxEventsPerCommit)) {
      const j = queue.shift()!;
      jobs.push(j);
      n += j.events.length;
    }
    return jobs;
  }

  // Up to `concurrentCommits` batches commit at once on a server database (one on PGlite, whose
  // single connection serializes transactions anyway); each takes what queued while others ran.
  let active = 0;
  let drainScheduled = false;
  function drain(): void {
    const ctx = queue[0]?.ctx;
    if (!ctx) return;
    if (ctx.database.pool) drainNow(opts.concurrentCommits);
    else if (!drainScheduled) {
      // PGlite answers on this thread without waiting for I/O, so a transaction runs from BEGIN to
      // COMMIT without the event loop reaching the sockets: requests that arrived meanwhile are read
      // only after it. Starting the next batch after the loop's I/O phase lets them queue first and
      // commit together, instead of one transaction per request.
      drainScheduled = true;
      setImmediate(() => {
        drainScheduled = false;
        drainNow(1);
      });
    }
  }
  function drainNow(limit: number): void {
    while (queue.length && active < limit) {
      const jobs = take();
      active++;
      void commitBatch(jobs).finally(() => {
        active--;
        drain();
      });
    }
  }

  async function commitBatch(jobs: IngestJob[]): Promise<void> {
    try {
      await commitWithRetry(jobs);
      for (const j of jobs) j.done.resolve(j.results);
      await refreshStatistics(
        jobs[0]!.ctx,
        jobs.reduce((n, j) => n + j.events.length, 0),
      );
    } catch (err) {
      if (jobs.length === 1) jobs[0]!.done.reject(err);
      else {
        // One job's data may be what failed: retry each alone so the others still commit.
        for (const j of jobs) {
          try {
            await commitWithRetry([j]);
            j.done.resolve(j.results);
          } catch (e) {
            j.done.reject(e);
          }
        }
      }
    }
  }

  // Planner statistics: PGlite has no autovacuum, and a timeline read planned on empty-table
  // statistics sorts every event of a profile instead of walking its index. Analyze as volume grows.
  let ingested = 0;
  let nextAnalyze = 1_000;
  async function refreshStatistics(ctx: Ctx, events: number): Promise<void> {
    ingested += events;
    if (ingested < nextAnalyze) return;
    nextAnalyze = Math.min(nextAnalyze * 10, ingested + 1_000_000);
    try {
      await analyzeCustomerTables(ctx.database.db);
    } catch (err) {
      ctx.log.warn({ err }, 'analyze of customer tables failed');
    }
  }

  /** A conflict rolls the whole batch back; it is resolved again from a fresh read. */
  async function commitWithRetry(jobs: IngestJob[]): Promise<void> {
    for (let attempt = 1; ; attempt++) {
      try {
        return await commitIngestBatch(
          jobs,
          { rules, thresholds, limitedTypes: limitedTypesOf(rules), onStored },
          attempt >= 3,
        );
      } catch (err) {
        if (!isConflict(err) || attempt >= 3) throw err;
        jobs[0]!.ctx.log.debug({ attempt }, 'ingest batch conflicted with a concurrent one; retrying');
      }
    }
  }

  return {
    /**
     * Ingests events from one source: bad events are rejected individually, good ones are stored,
     * stitched and reflected in profiles, and the promise resolves after they are committed.
     */
    async ingest(ctx: Ctx, source: IngestSource, events: IngestEventInput[]): Promise<IngestEventResult[]> {
      return (await ingestMany(ctx, [{ source, events }])).results[0]!;
    },
    ingestMany,
  };

  /**
   * Events of several sources queued together, so they commit in the same batch when they can; with
   * each result list, the clusters the stored events landed on (root → its profile ids as written).
   */
  async function ingestMany(
    ctx: Ctx,
    parts: ReadonlyArray<{ source: IngestSource; events: IngestEventInput[] }>,
  ): Promise<{ results: IngestEventResult[][]; clusters: Map<string, string[]> }> {
    const tombstones = await opts.tombstones.hasher(ctx);
    const jobs: IngestJob[] = [];
    const clusters = new Map<string, string[]>();
    const out = {
      results: parts.map(({ source, events }) => {
        const { results, prepared } = prepareEvents(rules, source, events, {
          receivedAt: ctx.clock.now(),
          maxFutureSkewMs: opts.maxFutureSkewMs,
          tombstones,
        });
        if (prepared.length)
          jobs.push({ ctx, source, events: prepared, results, clusters: new Map(), done: deferred() });
        return results;
      }),
      clusters,
    };
    if (jobs.length === 0) return out;
    if (ctx.inTx) {
      // Inside a caller's transaction there is nothing to coalesce with (nor a retry to make).
      await commitIngestBatch(jobs, { rules, thresholds, limitedTypes: limitedTypesOf(rules), onStored });
    } else {
      queue.push(...jobs);
      drain();
      await Promise.all(jobs.map((j) => j.done.promise));
    }
    for (const j of jobs) for (const [root, ids] of j.clusters) clusters.set(root, ids);
    return out;
  }
}
