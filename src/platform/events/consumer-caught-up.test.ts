import { sql } from 'drizzle-orm';
import { expect, it } from 'vitest';
import { deferred } from '../../kernel/index.js';
import { inTransaction } from '../context.js';
import { describeEachDatabase, type TestDatabase, testLog } from '../testing/test-databases.js';
import { allowTestEvents } from '../testing/test-events.js';
import { startConsumer } from './consumer.js';
import { appendEvent } from './event-log.js';

// The made-up event types these tests append (the log checks every type against a schema).
allowTestEvents('held.late', 'mine.early', 'other.late');

/** Opens a transaction that holds an xid (the log's read horizon) until release() is called. */
async function holdHorizon(t: TestDatabase) {
  const release = deferred();
  const holding = deferred();
  const held = inTransaction(t.ctx(), async (tx) => {
    await tx.db.execute(sql`select pg_current_xact_id()`);
    holding.resolve();
    await release.promise;
  });
  await holding.promise;
  return async () => {
    release.resolve();
    await held;
  };
}

describeEachDatabase('consumer caughtUp across the read horizon', [], (t) => {
  const consumerOf = (name: string, types: string[], seen: string[]) =>
    startConsumer({
      database: t.database,
      name,
      log: testLog,
      filter: { types },
      handle: async (evs) => {
        for (const e of evs) seen.push(e.type);
      },
    });

  it('resolves only once an event committed under an older running transaction is handled', async () => {
    // PGlite runs one transaction at a time: an open one blocks every read, nothing is held back.
    if (t.kind === 'pglite') return;
    const seen: string[] = [];
    const consumer = consumerOf('caught-up-held', ['held.*'], seen);
    await consumer.caughtUp();
    const endHold = await holdHorizon(t);
    try {
      await inTransaction(t.ctx(), (tx) => appendEvent(tx, { type: 'held.late', subject: 'h', payload: {} }));
      const handledAtCaughtUp = consumer.caughtUp().then(() => [...seen]);
      // An early answer (the event not yet readable) comes within this while; then the holder ends.
      await Promise.race([handledAtCaughtUp, new Promise((r) => setTimeout(r, 500))]);
      await endHold();
      expect(await handledAtCaughtUp).toEqual(['held.late']);
    } finally {
      await endHold();
      await consumer.stop();
    }
  });

  it('is not held back by events of types it does not consume', async () => {
    if (t.kind === 'pglite') return;
    const seen: string[] = [];
    const consumer = consumerOf('caught-up-other', ['mine.*'], seen);
    await inTransaction(t.ctx(), (tx) => appendEvent(tx, { type: 'mine.early', subject: 'h', payload: {} }));
    const endHold = await holdHorizon(t);
    try {
      await inTransaction(t.ctx(), (tx) =>
        appendEvent(tx, { type: 'other.late', subject: 'h', payload: {} }),
      );
      await consumer.caughtUp(); // while the horizon is still held
      expect(seen).toEqual(['mine.early']);
    } finally {
      await endHold();
      await consumer.stop();
    }
  });
});
