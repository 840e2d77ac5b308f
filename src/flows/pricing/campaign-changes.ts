// Campaign changes reach every hub node at once. A node rebuilds its in-memory campaign index right
// after a change it committed itself; a change committed by another node is seen here, in the event
// log (woken by NATS or the notifier, else a short poll), and rebuilds this node's index too, so a
// started, paused or edited campaign prices every channel's carts the same way on every node within
// a poll instead of the index's TTL. Shoppers' pages and tills hear the same events over SSE
// (`promotion.campaign_*` are hub-wide events, so every channel's stream carries them) and quote again.

import { bumpPromotionsVersion, PROMOTION_EVENTS } from '../../modules/promotions/index.js';
import type { Logger } from '../../platform/context.js';
import type { Database } from '../../platform/db/database.js';
import { readShared } from '../../platform/events/consumer.js';
import { type Cursor, headCursor } from '../../platform/events/event-log.js';
import { loopFailureLog } from '../../platform/outage-log.js';

export const CAMPAIGN_CHANGE_TYPES = [
  PROMOTION_EVENTS.campaignCreated,
  PROMOTION_EVENTS.campaignUpdated,
  PROMOTION_EVENTS.campaignStarted,
  PROMOTION_EVENTS.campaignEnded,
  PROMOTION_EVENTS.collectionSaved,
];

export interface CampaignChangeFollower {
  stop(): Promise<void>;
}

/**
 * Follows campaign events from the log's head (not durable: each node only needs what happens while
 * it runs; at start its index is built fresh). At most one read per `minGapMs`, so a busy log costs
 * this loop a few cheap indexed reads per second.
 */
export function followCampaignChanges(opts: {
  database: Database;
  log: Logger;
  pollMs?: number;
  minGapMs?: number;
}): CampaignChangeFollower {
  const { database } = opts;
  const abort = new AbortController();
  const pollMs = opts.pollMs ?? 1_000;
  const minGapMs = opts.minGapMs ?? 100;
  const failures = loopFailureLog(opts.log, 'campaign change follower');
  const pause = (ms: number) =>
    new Promise<void>((resolve) => {
      const done = () => {
        clearTimeout(t);
        abort.signal.removeEventListener('abort', done);
        resolve();
      };
      const t = setTimeout(done, ms);
      abort.signal.addEventListener('abort', done, { once: true });
    });
  const loop = (async () => {
    let cursor: Cursor | null = null;
    while (!abort.signal.aborted) {
      try {
        const seen = database.notifier.version;
        cursor ??= await headCursor(database.db);
        // From the page the process's consumers share (it was a read of its own after every commit).
        const { events: batch, scannedTo } = await readShared(
          database,
          cursor,
          { types: CAMPAIGN_CHANGE_TYPES },
          1000,
          seen,
          pollMs,
        );
        failures.succeeded();
        cursor = scannedTo;
        if (batch.length > 0) {
          bumpPromotionsVersion(database);
          continue;
        }
        await database.notifier.wait(pollMs, abort.signal, seen);
        await pause(minGapMs);
      } catch (err) {
        if (abort.signal.aborted) break;
        failures.failed(err);
        await pause(500);
      }
    }
  })();
  return {
    async stop() {
      abort.abort();
      await loop;
    },
  };
}
