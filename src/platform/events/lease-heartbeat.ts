// Work leased to a node (a consumer's cursor, webhook deliveries in flight) is held by short leases
// that one heartbeat per process renews together. A live node keeps its work however long a batch
// or a send takes; a node that dies (kill -9, a lost machine) stops renewing, and the others take
// its work over once LEASE_MS has passed, not after a minute-long lease.
import type { Database } from '../db/database.js';

/** How often the heartbeat renews this process's leases. */
export const HEARTBEAT_MS = 2_000;
/** How long a lease lasts without renewal: three missed heartbeats. */
export const LEASE_MS = 3 * HEARTBEAT_MS;

type Renewal = () => Promise<void>;
interface Beat {
  renewals: Set<Renewal>;
  timer: NodeJS.Timeout;
  running: boolean;
}
const beats = new WeakMap<Database, Beat>();

/**
 * Runs `renew` on every heartbeat of this database's process-wide timer until the returned function
 * is called. A failed renewal (the database away) is retried on the next beat; the loops that own
 * the work log the outage.
 */
export function onHeartbeat(database: Database, renew: Renewal): () => void {
  let beat = beats.get(database);
  if (!beat) {
    const b: Beat = { renewals: new Set(), running: false, timer: setInterval(() => tick(b), HEARTBEAT_MS) };
    b.timer.unref();
    beats.set(database, b);
    beat = b;
  }
  beat.renewals.add(renew);
  const b = beat;
  return () => {
    b.renewals.delete(renew);
    if (b.renewals.size === 0) {
      clearInterval(b.timer);
      if (beats.get(database) === b) beats.delete(database);
    }
  };
}

async function tick(beat: Beat) {
  if (beat.running) return; // a slow beat (the database struggling) is not stacked
  beat.running = true;
  try {
    for (const renew of [...beat.renewals]) await renew().catch(() => {});
  } finally {
    beat.running = false;
  }
}
