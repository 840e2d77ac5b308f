// Retention of delivered webhooks: a delivered row is kept for the retention (the delivery log an
// integrator inspects), then deleted. Only `delivered` rows go: pending, queued, delivering and
// dead-lettered ones (waiting for a retry, their turn, a sender or a replay) are never touched.
// Counters and lag live in webhook_endpoint_stats, so deleting rows changes no health figure.
import { sql } from 'drizzle-orm';
import type { Ctx } from '../../platform/context.js';
import { firstRow, rows } from '../../platform/db/database.js';

export interface WebhookRetentionOptions {
  /** Delivered rows older than this (by delivered_at, against ctx.clock) are deleted. */
  retentionMs: number;
  /** Rows looked at (and at most deleted) per statement. */
  batchSize?: number;
  /** Statements per run at most; the next run goes on. */
  maxBatches?: number;
}

/**
 * Deletes delivered webhook rows older than the retention; returns how many. Each batch is one
 * statement (its own transaction) walking one endpoint's delivered rows in enqueue order on the
 * (endpoint_id, status, seq) index, oldest first; the walk of an endpoint ends at a row created
 * after the cutoff (nothing later can have been delivered before it), so a run reads little more
 * than it deletes. A row delivered late, after a long retry, is kept until its own time comes.
 */
export async function deleteDeliveredWebhooks(ctx: Ctx, opts: WebhookRetentionOptions): Promise<number> {
  const batchSize = opts.batchSize ?? 1000;
  let batchesLeft = opts.maxBatches ?? 1000;
  const cutoff = new Date(ctx.clock.now().getTime() - opts.retentionMs).toISOString();
  const endpoints = await rows<{ id: string }>(ctx.db, sql`select id from webhook_endpoints order by id`);
  let deleted = 0;
  for (const { id } of endpoints) {
    let after = 0;
    while (batchesLeft-- > 0) {
      const r = await firstRow<{
        deleted: number;
        scanned: number;
        last_seq: string | null;
        recent: boolean;
      }>(
        ctx.db,
        sql`with batch as (
              select id, seq, created_at, delivered_at from webhook_deliveries
              where endpoint_id = ${id} and status = 'delivered' and seq > ${after}
              order by seq limit ${batchSize}),
            gone as (
              delete from webhook_deliveries d using batch b
              where d.id = b.id and d.status = 'delivered' and b.delivered_at < ${cutoff}::timestamptz
              returning 1)
            select (select count(*) from gone)::int as deleted, (select count(*) from batch)::int as scanned,
                   (select max(seq) from batch)::text as last_seq,
                   coalesce((select bool_or(created_at >= ${cutoff}::timestamptz) from batch), false) as recent`,
      );
      deleted += Number(r?.deleted ?? 0);
      if (!r || Number(r.scanned) < batchSize || r.recent || r.last_seq === null) break;
      after = Number(r.last_seq);
    }
    if (batchesLeft <= 0) break;
  }
  return deleted;
}
