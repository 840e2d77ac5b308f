// A cancelled order gives back the promotion uses it held: a durable consumer of the order events.
// At-least-once is safe: releasing is guarded by the redemption's status, so a use returns once.
import type { Clock } from '../../kernel/index.js';
import type { PromotionsService } from '../../modules/promotions/index.js';
import { createContext, type Logger } from '../../platform/context.js';
import type { Database } from '../../platform/db/database.js';
import { type RunningConsumer, startConsumer } from '../../platform/events/consumer.js';
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
      for (const e of events) await opts.promotions.releaseUses(ctx, e.subject);
    },
  });
}

/**
 * Pricing's background work: cancelled orders give their uses back, and (on PostgreSQL, where other
 * nodes may write) other nodes' campaign changes rebuild this node's campaign index at once.
 */
export function startPricingBackground(opts: Parameters<typeof startPromotionUsesRelease>[0]): {
  stop(): Promise<void>;
} {
  const release = startPromotionUsesRelease(opts);
  const follower =
    opts.database.kind === 'postgres'
      ? followCampaignChanges({ database: opts.database, log: opts.log })
      : undefined;
  return {
    async stop() {
      await follower?.stop();
      await release.stop();
    },
  };
}
