// The life of one import, whatever it imports (catalog, customers, order history): rows are read as
// bytes arrive, handed to the import's target in chunks, and the job records progress, counts and
// the rejected-rows report as it goes. A dry run does all of it inside one transaction that is rolled
// back at the end and keeps no job: its answer is the report of every line.
import { pipeline, type Readable, Transform } from 'node:stream';
import { setImmediate as nextTurn } from 'node:timers/promises';
import { sql } from 'drizzle-orm';
import type {
  CatalogService,
  ImportFormat,
  ImportJob,
  ImportRejection,
} from '../../modules/catalog/index.js';
import { type Ctx, inTransaction } from '../../platform/context.js';
import type { DialectTargets, ImportDialect } from './import-dialect.js';
import { type NativeFormat, readRows } from './import-reader.js';

/** What a target made of a chunk: each unit accepted (with the lines it came from) or refused. */
export interface StoredChunk {
  accepted: Array<{ lines: number[]; kind: string }>;
  /** `rows`: how many read rows the refusal covers (an order of three lines is three rows). */
  rejected: Array<ImportRejection & { rows?: number }>;
}

/** How a target runs a write that may fail on its own: a transaction, or a savepoint in a dry run. */
export type Scope = <T>(ctx: Ctx, fn: (tx: Ctx) => Promise<T>) => Promise<T>;

/** A unit ready to store with the lines it came from, or a refusal (`rows`: how many rows it covers). */
export type Taken<U> =
  | { unit: U; lines: number[] }
  | { line: number; reasons: string[]; raw: unknown; rows?: number };

/** One kind of import: how its rows are read, grouped, stored and reported. */
export interface ImportTarget<U> {
  /** The hub's own CSV columns for this import (other platforms' exports come through dialects). */
  native: NativeFormat;
  dialects: readonly ImportDialect[];
  /** A row as read → units ready to store (a target may hold rows back to group them) or its reasons. */
  take(line: number, raw: Record<string, unknown>): Array<Taken<U>>;
  /** Units still held when the file ends. */
  finish(): Array<Taken<U>>;
  store(ctx: Ctx, units: Array<{ unit: U; lines: number[] }>, scope: Scope): Promise<StoredChunk>;
  /** The row as kept in the report (a target holding personal data keeps no values of it). */
  report(raw: unknown): Record<string, unknown> | null;
  /** Called after each stored chunk with the rows accepted so far (e.g. to refresh statistics). */
  afterChunk?(ctx: Ctx, rowsAccepted: number, last: boolean): Promise<void>;
}

export interface JobRequest {
  format: ImportFormat;
  input: Readable;
  source?: string | null;
  bytesTotal?: number | null;
  chunkSize?: number;
  onProgress?: (job: ImportJob) => void;
  targets?: DialectTargets;
  /** Validate only: every line's result, nothing written (the work is rolled back). */
  dryRun?: boolean;
}

/** The answer of a dry run: what a real import would have done, line by line. */
export interface DryRunReport {
  dryRun: true;
  status: 'completed' | 'failed';
  error: string | null;
  rowsRead: number;
  rowsAccepted: number;
  rowsRejected: number;
  counts: Record<string, number>;
  lines: Array<{ line: number; result: 'accepted' | 'rejected'; kind?: string; reasons?: string[] }>;
}

const DEFAULT_CHUNK = 500;
/**
 * PGlite runs every statement on the hub's own thread over its one connection: while a chunk is
 * stored no request is read and no other statement runs. Chunks there are sized to take about this
 * long, so a read waits at most about this long (PostgreSQL serves reads on other connections).
 */
const PGLITE_CHUNK_MS = 50;
const PGLITE_FIRST_CHUNK = 200;
// Below this a chunk's fixed statements (commit, events, progress) cost more than its rows.
const MIN_CHUNK = 50;
/** How often a running import touches its job; the stale-job sweep waits several times this. */
export const IMPORT_HEARTBEAT_MS = 5_000;

/** The reason a failed import shows: the file's own fault as parsed, or the upload cut short. */
function importFailure(err: unknown): string {
  const e = err as { code?: string; message?: string };
  if (e?.code === 'ECONNRESET' || e?.code === 'ERR_STREAM_PREMATURE_CLOSE' || e?.message === 'aborted') {
    return 'The upload was interrupted before the whole file arrived; the rows counted as accepted were stored';
  }
  return err instanceof Error ? err.message : String(err);
}

class DryRunDone extends Error {}

/** A savepoint per write inside the dry run's transaction, so one failed chunk spoils nothing else. */
const savepointScope: Scope = async (ctx, fn) => {
  await ctx.db.execute(sql`savepoint import_chunk`);
  try {
    const r = await fn(ctx);
    await ctx.db.execute(sql`release savepoint import_chunk`);
    return r;
  } catch (err) {
    await ctx.db.execute(sql`rollback to savepoint import_chunk`);
    throw err;
  }
};

export function createJobRunner(catalog: CatalogService) {
  async function read<U>(
    ctx: Ctx,
    req: JobRequest,
    target: ImportTarget<U>,
    scope: Scope,
    onChunk: (state: RunState, stored: StoredChunk | null) => Promise<void>,
    onDialect: (name: string) => void,
  ): Promise<RunState> {
    const state: RunState = { rowsRead: 0, rowsAccepted: 0, rowsRejected: 0, bytesRead: 0, counts: {} };
    const counter = new Transform({
      transform(chunk: Buffer, _enc, done) {
        state.bytesRead += chunk.length;
        done(null, chunk);
      },
    });
    // pipeline (unlike pipe) forwards a broken input (client gone mid-upload) to the stream being
    // read, which ends the read loop with that error; the callback keeps it from being unhandled.
    const counted = pipeline(req.input, counter, () => {});
    let pending: Array<{ unit: U; lines: number[] }> = [];
    let early: StoredChunk['rejected'] = [];
    const size = chunkSizer(ctx, req.chunkSize ?? DEFAULT_CHUNK);
    const flush = async () => {
      const started = performance.now();
      const stored = pending.length ? await target.store(ctx, pending, scope) : null;
      size.took(pending.length, performance.now() - started);
      const all: StoredChunk = {
        accepted: stored?.accepted ?? [],
        rejected: [...early, ...(stored?.rejected ?? [])],
      };
      for (const a of all.accepted) {
        state.rowsAccepted += a.lines.length;
        state.counts[a.kind] = (state.counts[a.kind] ?? 0) + 1;
      }
      for (const r of stored?.rejected ?? []) state.rowsRejected += r.rows ?? 1;
      pending = [];
      early = [];
      await onChunk(state, all);
      // The rows may all be buffered already: without a turn of the event loop between chunks, no
      // request (a progress poll, a catalog read) would be read until the import ends.
      await nextTurn();
    };
    const handle = async (taken: Array<Taken<U>>) => {
      for (const t of taken) {
        if ('reasons' in t) {
          state.rowsRejected += t.rows ?? 1;
          early.push({ line: t.line, reasons: t.reasons, row: target.report(t.raw) });
        } else pending.push(t);
      }
      if (pending.length >= size.units()) await flush();
    };
    for await (const item of readRows(req.format, counted, {
      dialects: target.dialects,
      targets: req.targets,
      native: target.native,
      onDialect,
    })) {
      state.rowsRead++;
      if ('reasons' in item) {
        state.rowsRejected++;
        early.push({ line: item.line, reasons: item.reasons, row: target.report(item.raw) });
        continue;
      }
      await handle(target.take(item.line, item.raw));
    }
    await handle(target.finish());
    await flush();
    return state;
  }

  /** Runs an import as a job: progress and the report are kept, valid rows stored. */
  async function run<U>(ctx: Ctx, req: JobRequest, target: ImportTarget<U>): Promise<ImportJob> {
    let job = await catalog.startImportJob(ctx, {
      format: req.format,
      source: req.source ?? null,
      bytesTotal: req.bytesTotal ?? null,
    });
    let last: RunState = { rowsRead: 0, rowsAccepted: 0, rowsRejected: 0, bytesRead: 0, counts: {} };
    // A slow upload may go a long time between chunks: keep the job visibly alive meanwhile, so the
    // stale-job sweep only fails jobs whose process is gone.
    const heartbeat = setInterval(() => {
      catalog.touchImportJob(ctx, job.id).catch((err) => ctx.log.warn({ err }, 'import heartbeat failed'));
    }, IMPORT_HEARTBEAT_MS);
    try {
      last = await read(
        ctx,
        req,
        target,
        inTransaction,
        async (state, stored) => {
          last = state;
          job = await catalog.recordImportProgress(ctx, job.id, {
            ...state,
            rejections: stored?.rejected.map(({ rows: _, ...r }) => r) ?? [],
          });
          req.onProgress?.(job);
          await target.afterChunk?.(ctx, state.rowsAccepted, false);
        },
        (name) => ctx.log.info({ jobId: job.id, dialect: name }, 'import read as another platform'),
      );
      await target.afterChunk?.(ctx, last.rowsAccepted, true);
      job = await catalog.recordImportProgress(ctx, job.id, {
        ...last,
        rejections: [],
        finished: { status: 'completed' },
      });
      req.onProgress?.(job);
    } catch (err) {
      // The stream itself is unreadable (bad header, broken quoting, disconnect): stop, keep what was stored.
      const error = importFailure(err);
      ctx.log.warn({ jobId: job.id, reason: error }, 'import failed');
      job = await catalog.recordImportProgress(ctx, job.id, {
        ...last,
        rejections: [],
        finished: { status: 'failed', error },
      });
      req.onProgress?.(job);
    } finally {
      clearInterval(heartbeat);
    }
    return job;
  }

  /**
   * Validates without writing: the import runs as it would inside one transaction that is rolled
   * back, so each line's result is the one a real import would give (a variant finds the product
   * above it), and nothing stays: no rows, no events, no job.
   */
  async function dryRun<U>(ctx: Ctx, req: JobRequest, target: ImportTarget<U>): Promise<DryRunReport> {
    const report: DryRunReport = {
      dryRun: true,
      status: 'completed',
      error: null,
      rowsRead: 0,
      rowsAccepted: 0,
      rowsRejected: 0,
      counts: {},
      lines: [],
    };
    const collect = async (state: RunState, stored: StoredChunk | null) => {
      Object.assign(report, { ...state, counts: { ...state.counts } });
      for (const a of stored?.accepted ?? [])
        for (const line of new Set(a.lines)) report.lines.push({ line, result: 'accepted', kind: a.kind });
      for (const r of stored?.rejected ?? [])
        report.lines.push({ line: r.line, result: 'rejected', reasons: r.reasons });
    };
    try {
      await inTransaction(ctx, async (tx) => {
        const state = await read(tx, req, target, savepointScope, collect, () => {});
        Object.assign(report, { ...state, counts: { ...state.counts } });
        throw new DryRunDone();
      });
    } catch (err) {
      if (!(err instanceof DryRunDone)) {
        report.status = 'failed';
        report.error = importFailure(err);
      }
    }
    report.lines.sort((a, b) => a.line - b.line);
    return report;
  }

  return { run, dryRun };
}

/** The units the next chunk holds: fixed on PostgreSQL, fitted to PGLITE_CHUNK_MS on PGlite. */
function chunkSizer(ctx: Ctx, most: number) {
  if (ctx.database.kind !== 'pglite') return { units: () => most, took: () => {} };
  let units = Math.min(most, PGLITE_FIRST_CHUNK);
  return {
    units: () => units,
    took(stored: number, ms: number) {
      if (!stored) return;
      const fits = (PGLITE_CHUNK_MS * stored) / Math.max(ms, 1);
      // Halfway towards what fits: one slow chunk (a cold cache, a busy machine) does not swing it.
      units = Math.round(Math.min(most, Math.max(Math.min(MIN_CHUNK, most), (units + fits) / 2)));
    },
  };
}

interface RunState {
  rowsRead: number;
  rowsAccepted: number;
  rowsRejected: number;
  bytesRead: number;
  counts: Record<string, number>;
}
