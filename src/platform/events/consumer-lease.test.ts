// A consumer holds its lease while a batch takes longer than the lease (the process heartbeat renews
// it): a second node's consumer of the same name does not take the same events over in the middle.
// A consumer whose lease another worker holds waits for the lease, not for commits: each commit
// used to cost it a claim attempt (every consumer, in every other worker of the node).
import { expect, it } from 'vitest';
import { inTransaction } from '../context.js';
import type { Database } from '../db/database.js';
import { describeEachDatabase, testLog } from '../testing/test-databases.js';
import { allowTestEvents } from '../testing/test-events.js';
import { startConsumer } from './consumer.js';
import { appendEvent } from './event-log.js';
import { LEASE_MS } from './lease-heartbeat.js';

allowTestEvents('slow.batch', 'busy.commit');

// One database per engine for both (consumers of their own names): a fresh one each cost seconds.
describeEachDatabase('consumer lease', [], (t) => {
  it('a long batch: is renewed while the handler runs past the lease', { timeout: 30_000 }, async () => {
    const handledBy: string[] = [];
    const node = (label: string, handleMs: number) =>
      startConsumer({
        database: t.database,
        name: 'lease-heartbeat',
        log: testLog,
        filter: { types: ['slow.batch'] },
        handle: async (evs) => {
          for (const e of evs) handledBy.push(`${label}:${e.subject}`);
          await new Promise((r) => setTimeout(r, handleMs));
        },
      });
    const a = node('a', LEASE_MS + 2_000);
    await a.caughtUp();
    await inTransaction(t.ctx(), (tx) => appendEvent(tx, { type: 'slow.batch', subject: 's1', payload: {} }));
    // a takes the event and works on it past its lease; b starts meanwhile.
    for (let i = 0; i < 100 && handledBy.length === 0; i++) await new Promise((r) => setTimeout(r, 20));
    const b = node('b', 0);
    await new Promise((r) => setTimeout(r, LEASE_MS + 1_500));
    await a.stop();
    await b.stop();
    expect(handledBy).toEqual(['a:s1']);
  });

  it('held elsewhere: a waiting consumer does not claim it per commit', { timeout: 30_000 }, async () => {
    const handle = async () => {};
    const holder = startConsumer({ database: t.database, name: 'lease-wait', log: testLog, handle });
    await holder.caughtUp();
    // The waiter shares the notifier (a commit anywhere in the node wakes its readers) but counts
    // its own statements.
    let statements = 0;
    const db = t.database.db;
    const counting: Database = {
      ...t.database,
      db: new Proxy(db, {
        get: (target, prop) =>
          prop === 'execute'
            ? (...args: Parameters<typeof db.execute>) => {
                statements++;
                return target.execute(...args);
              }
            : Reflect.get(target, prop, target),
      }),
    };
    const waiter = startConsumer({ database: counting, name: 'lease-wait', log: testLog, handle });
    try {
      await new Promise((r) => setTimeout(r, 300)); // its first claim attempt fails
      const before = statements;
      expect(before).toBeGreaterThan(0);
      for (let i = 0; i < 40; i++) {
        await inTransaction(t.ctx(), (tx) =>
          appendEvent(tx, { type: 'busy.commit', subject: `s${i}`, payload: {} }),
        );
        await new Promise((r) => setTimeout(r, 10));
      }
      // 40 commits (and their wake-ups) within well under the lease wait: no claim attempt, or one
      // that its timer was due for anyway (two statements each).
      expect(statements - before).toBeLessThanOrEqual(2);
    } finally {
      await waiter.stop();
      await holder.stop();
    }
  });
});
