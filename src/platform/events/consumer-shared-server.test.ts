import pg from 'pg';
import { expect, it } from 'vitest';
import { inTransaction } from '../context.js';
import {
  createFreshPostgresDatabase,
  describeEachDatabase,
  postgresTestUrl,
  testLog,
} from '../testing/test-databases.js';
import { allowTestEvents } from '../testing/test-events.js';
import { startConsumer } from './consumer.js';
import { appendEvent } from './event-log.js';

allowTestEvents('neighbour.sale');

const POLL_MS = 5_000;

/**
 * Clients of another database on the same server, each holding a transaction id for 5-15 ms: long
 * enough to be running when a consumer reads (a few ms after the commit that woke it), and ending
 * at random moments, some between the read's snapshot and its look at pg_stat_activity.
 */
async function busyNeighbour() {
  const other = await createFreshPostgresDatabase(postgresTestUrl()!);
  const clients = Array.from({ length: 8 }, () => new pg.Client({ connectionString: other.url }));
  let running = true;
  const load = clients.map(async (c) => {
    await c.connect();
    while (running)
      await c.query('begin; select pg_current_xact_id(); select pg_sleep(0.005 + random() * 0.010); commit');
  });
  await new Promise((r) => setTimeout(r, 50));
  return async () => {
    running = false;
    await Promise.allSettled(load);
    await Promise.allSettled(clients.map((c) => c.end()));
    await other.drop();
  };
}

describeEachDatabase('a consumer on a server shared with busy databases', [], (t) => {
  it('handles each event soon after the commit that woke it, not at its next poll', async () => {
    if (t.kind === 'pglite') return; // one database: nothing else runs on its server
    const handledAt = new Map<string, number>();
    let wake: (() => void) | undefined;
    const consumer = startConsumer({
      database: t.database,
      name: 'neighbour-follower',
      log: testLog,
      filter: { types: ['neighbour.*'] },
      pollMs: POLL_MS,
      handle: async (evs) => {
        for (const e of evs) handledAt.set(e.subject, Date.now());
        wake?.();
      },
    });
    await consumer.caughtUp();
    const stopNeighbour = await busyNeighbour();
    // Held back by a neighbour's transaction, a read came back without the sale in 2% of 200
    // sales (pollMs 300) and the consumer slept until its poll; each sale then waits out POLL_MS.
    const waitedForPoll: number[] = [];
    try {
      for (let i = 0; i < 200 && waitedForPoll.length === 0; i++) {
        const subject = `sale:${i}`;
        const handled = new Promise<void>((resolve) => {
          wake = () => handledAt.has(subject) && resolve();
        });
        const started = Date.now();
        await inTransaction(t.ctx(), (tx) =>
          appendEvent(tx, { type: 'neighbour.sale', subject, payload: {} }),
        );
        await handled;
        if (handledAt.get(subject)! - started >= POLL_MS / 2) waitedForPoll.push(i);
      }
    } finally {
      await stopNeighbour();
      await consumer.stop();
    }
    expect(waitedForPoll).toEqual([]);
  });
});
