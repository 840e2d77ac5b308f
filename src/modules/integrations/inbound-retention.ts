// Retention of raw inbound bodies: a sender's payload (a Shopify order with the buyer's name and
// address) is kept for the retention, long enough to inspect, re-run a parked delivery or replay a
// mapping, then its raw body and headers are cleared. The row stays: its external id still
// de-duplicates a late re-send, and the connector's counts and health keep adding up. Deliveries
// still waiting to be processed (`received`) keep their body until they are processed.
import { sql } from 'drizzle-orm';
import type { Ctx } from '../../platform/context.js';
import { rows } from '../../platform/db/database.js';

export interface InboundRetentionOptions {
  /** Bodies of deliveries received longer ago than this (against ctx.clock) are cleared. */
  retentionMs: number;
  /** Rows cleared per statement. */
  batchSize?: number;
  /** Statements per run at most; the next run goes on. */
  maxBatches?: number;
}

/** Clears expired raw bodies (one short statement per batch); returns how many. */
export async function clearExpiredInboundBodies(ctx: Ctx, opts: InboundRetentionOptions): Promise<number> {
  const batchSize = opts.batchSize ?? 1000;
  const cutoff = new Date(ctx.clock.now().getTime() - opts.retentionMs).toISOString();
  let cleared = 0;
  for (let batch = 0; batch < (opts.maxBatches ?? 100); batch++) {
    // Walks the partial index of bodies not yet cleared, oldest first (waiting rows are skipped,
    // and are few: they are processed within moments of arriving).
    const done = await rows<{ id: string }>(
      ctx.db,
      sql`update inbound_deliveries set raw_body = '', headers = '{}'::jsonb
          where id in (select id from inbound_deliveries
                       where raw_body <> '' and received_at < ${cutoff}::timestamptz and status <> 'received'
                       order by received_at limit ${batchSize})
          returning id`,
    );
    cleared += done.length;
    if (done.length < batchSize) break;
  }
  return cleared;
}
