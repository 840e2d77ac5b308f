// A cancelled order gives back the promotion uses it held: a durable consumer of the order events.
// At-least-once is safe: releasing is guarded by the redemption's status, so a use returns once.
import type { Clock } from '../../kernel/index.js';
import type { PromotionsService } from '../../modules/promotions/index.js';
import { createContext, type Logger } from '../../platform/context.js';
import type { Database } from '../../platform/db/database.js';
import { type RunningConsumer, startConsumer } from '../../platform/events/consumer.js';
import { startPeriodicJob } from '../../platform/jobs/periodic-job.js';
import { followCampaignChanges } from './campaign-changes.js';

export function startPromotionUsesRelease(opts: {
  database: Database;
  promotions: Pick<PromotionsService, 'releaseUses'>;
  clock: Clock;
  log: Logger;
}): RunningConsumer {
  return startConsumer({
    database: opts.database,
    name: 'promotions.release-on-cancel',
    log: opts.log,
    filter: { types: ['order.cancelled'] },
    async handle(events) {
      const ctx = createContext(opts.database, { clock: opts.clock, log: opts.log });
      // Imported history never held a use (it did not go through checkout): nothing to give back.
      for (const e of events)
        if ((e.payload as { historical?: boolean }).historical !== true)
          await opts.promotions.releaseUses(ctx, e.subject);
    },
  });
}

/**
 * Pricing's background work: cancelled orders give their uses back; a campaign's scheduled start
 * and end are announced as events (every second; each claimed once across nodes); and (on
 * PostgreSQL, where other nodes may write) other nodes' campaign changes rebuild this node's index.
 */
export function startPricingBackground(
  opts: Omit<Parameters<typeof startPromotionUsesRelease>[0], 'promotions'> & {
    promotions: Pick<PromotionsService, 'releaseUses' | 'announceSchedule'>;
    scheduleIntervalMs?: number;
  },
): {
  stop(): Promise<void>;
} {
  const release = startPromotionUsesRelease(opts);
  const schedule = startPeriodicJob({
    name: 'promotion-schedule',
    ctx: () => createContext(opts.database, { clock: opts.clock, log: opts.log }),
    run: (ctx) => opts.promotions.announceSchedule(ctx),
    // A start or end is heard on every channel's stream within a second (one claim query per run).
    intervalMs: opts.scheduleIntervalMs ?? 1_000,
  });
  const follower =
    opts.database.kind === 'postgres'
      ? followCampaignChanges({ database: opts.database, log: opts.log })
      : undefined;
  return {
    async stop() {
      await follower?.stop();
      await schedule.stop();
      await release.stop();
    },
  };
}
