// Import jobs: a record of one bulk import with its progress, counts and rejected-rows report. The
// import itself (which spans catalog and inventory) is a flow; this module keeps its bookkeeping.
import { sql } from 'drizzle-orm';
import { newId, notFound } from '../../kernel/index.js';
import type { Ctx } from '../../platform/context.js';
import { firstRow, rows } from '../../platform/db/database.js';
import type { SqlRow } from '../../platform/db/rows.js';
import type { catalogImportJobs } from './catalog.schema.js';
import type { ImportFormat, ImportJob, ImportRejection } from './catalog.types.js';

type JobSqlRow = SqlRow<typeof catalogImportJobs>;

const toJob = (r: JobSqlRow): ImportJob => {
  const total = r.bytes_total == null ? null : Number(r.bytes_total);
  const read = Number(r.bytes_read);
  return {
    id: r.id,
    format: r.format,
    source: r.source,
    status: r.status,
    rowsRead: r.rows_read,
    rowsAccepted: r.rows_accepted,
    rowsRejected: r.rows_rejected,
    bytesRead: read,
    bytesTotal: total,
    progress: r.status === 'completed' ? 1 : total ? Math.min(1, read / total) : null,
    counts: typeof r.counts === 'string' ? JSON.parse(r.counts) : (r.counts ?? {}),
    error: r.error,
    createdAt: new Date(r.created_at),
    updatedAt: new Date(r.updated_at),
    finishedAt: r.finished_at ? new Date(r.finished_at) : null,
  };
};

// Job bookkeeping runs outside the import's own transactions, so progress is visible while it runs.
export async function startImportJob(
  ctx: Ctx,
  input: { format: ImportFormat; source?: string | null; bytesTotal?: number | null },
): Promise<ImportJob> {
  const now = ctx.clock.now().toISOString();
  const r = await firstRow<JobSqlRow>(
    ctx.db,
    sql`insert into catalog_import_jobs (id, format, source, status, bytes_total, actor, created_at, updated_at)
        values (${newId('imp')}, ${input.format}, ${input.source ?? null}, 'running', ${input.bytesTotal ?? null},
                ${ctx.actor.id}, ${now}, ${now})
        returning *`,
  );
  return toJob(r!);
}

export interface ImportProgress {
  rowsRead: number;
  rowsAccepted: number;
  rowsRejected: number;
  bytesRead: number;
  counts: Record<string, number>;
  rejections: ImportRejection[];
  finished?: { status: 'completed' | 'failed'; error?: string | null };
}

/** Records progress and appends newly rejected rows. */
export async function recordImportProgress(ctx: Ctx, jobId: string, p: ImportProgress): Promise<ImportJob> {
  const now = ctx.clock.now().toISOString();
  if (p.rejections.length) {
    await ctx.db.execute(
      sql`insert into catalog_import_rejections (job_id, line, reasons, row)
          select ${jobId}, u.line::int, u.reasons::jsonb, u.row::jsonb
          from unnest(${sql.param(p.rejections.map((r) => String(r.line)))}::text[],
                      ${sql.param(p.rejections.map((r) => JSON.stringify(r.reasons)))}::text[],
                      ${sql.param(p.rejections.map((r) => (r.row ? JSON.stringify(r.row) : null)))}::text[])
               as u(line, reasons, row)
          on conflict do nothing`,
    );
  }
  const r = await firstRow<JobSqlRow>(
    ctx.db,
    sql`update catalog_import_jobs set rows_read = ${p.rowsRead}, rows_accepted = ${p.rowsAccepted},
          rows_rejected = ${p.rowsRejected}, bytes_read = ${p.bytesRead}, counts = ${JSON.stringify(p.counts)}::jsonb,
          updated_at = ${now},
          status = ${p.finished?.status ?? 'running'}, error = ${p.finished?.error ?? null},
          finished_at = ${p.finished ? now : null}
        where id = ${jobId} returning *`,
  );
  return toJob(r!);
}

/** Marks the job as still being worked on, so the stale-job sweep leaves it alone. */
export async function touchImportJob(ctx: Ctx, jobId: string): Promise<void> {
  await ctx.db.execute(
    sql`update catalog_import_jobs set updated_at = ${ctx.clock.now().toISOString()}
        where id = ${jobId} and status = 'running'`,
  );
}

/**
 * Fails the jobs still `running` whose process stopped (a crash, a kill): a running import touches
 * its job at least every few seconds, so one untouched since `staleBefore` has no one working on it.
 */
export async function failStaleImportJobs(ctx: Ctx, staleBefore: Date): Promise<number> {
  const now = ctx.clock.now().toISOString();
  const r = await rows<{ id: string }>(
    ctx.db,
    sql`update catalog_import_jobs set status = 'failed', finished_at = ${now}, updated_at = ${now},
          error = 'The import stopped when the hub process running it ended; the rows counted as accepted were stored'
        where status = 'running' and updated_at < ${staleBefore.toISOString()} returning id`,
  );
  return r.length;
}

export async function getImportJob(ctx: Ctx, id: string): Promise<ImportJob> {
  const r = await firstRow<JobSqlRow>(ctx.db, sql`select * from catalog_import_jobs where id = ${id}`);
  if (!r) throw notFound('import', id);
  return toJob(r);
}

export async function listImportJobs(ctx: Ctx, limit = 50): Promise<ImportJob[]> {
  return (
    await rows<JobSqlRow>(ctx.db, sql`select * from catalog_import_jobs order by id desc limit ${limit}`)
  ).map(toJob);
}

export async function listImportRejections(
  ctx: Ctx,
  jobId: string,
  q: { afterLine?: number | undefined; limit: number },
): Promise<ImportRejection[]> {
  const r = await rows<{
    line: number;
    reasons: string[] | string;
    row: Record<string, unknown> | string | null;
  }>(
    ctx.db,
    sql`select line, reasons, row from catalog_import_rejections
        where job_id = ${jobId} and line > ${q.afterLine ?? 0} order by line limit ${q.limit}`,
  );
  return r.map((x) => ({
    line: Number(x.line),
    reasons: typeof x.reasons === 'string' ? JSON.parse(x.reasons) : x.reasons,
    row: typeof x.row === 'string' ? JSON.parse(x.row) : x.row,
  }));
}
